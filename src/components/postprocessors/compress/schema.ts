import { z } from 'zod';
import { packerCoreFields } from '../../common/packer-core.schema.js';
import { defineComponent } from '../../schema/index.js';
import { prepareCompress } from './prepare.js';

/* Field names, HCL types and blocks follow the plugin's HCL spec; descriptions are Kiln's own. */

/** The post-processor "compress": the HCL fields of hashicorp/packer post-processor/compress. */
export const compressFields = {
  ...packerCoreFields,
  output: z
    .string()
    .optional()
    .describe('Path of the archive; its extension picks the format; default packer_<build>_<builder>.tar.gz.'),
  format: z
    .string()
    .optional()
    .describe('Archive format to use when the output name does not say, such as tar.gz or zip.'),
  compression_level: z.number().optional().describe('Compression level from 0 to 9; default 6.'),
  archive: z.string().optional().describe('Ignored; the output name decides the archive and compression.'),
  algorithm: z.string().optional().describe('Ignored; the output name decides the archive and compression.'),
};

export type CompressConfig = z.output<z.ZodObject<typeof compressFields>>;

export const compressSpec = defineComponent({
  kind: 'post-processor',
  type: 'compress',
  fields: compressFields,
  interpolate: { exclude: ['output'] },
  prepare: prepareCompress,
});
