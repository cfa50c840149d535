import { z } from 'zod';
import { packerCoreFields } from '../../common/packer-core.schema.js';
import { defineComponent } from '../../schema/index.js';
import { prepareManifest } from './prepare.js';

/* Field names, HCL types and blocks follow the plugin's HCL spec; descriptions are Kiln's own. */

/** The post-processor "manifest": the HCL fields of hashicorp/packer post-processor/manifest. */
export const manifestFields = {
  ...packerCoreFields,
  output: z.string().optional().describe('File the manifest is written to; default packer-manifest.json.'),
  strip_path: z
    .boolean()
    .optional()
    .describe('Record only file names of the artifact files, without their directories.'),
  strip_time: z.boolean().optional().describe('Leave the build_time field out of each entry.'),
  custom_data: z
    .record(z.string(), z.string())
    .optional()
    .describe('Extra key/value data stored with each build entry.'),
};

export type ManifestConfig = z.output<z.ZodObject<typeof manifestFields>>;

export const manifestSpec = defineComponent({
  kind: 'post-processor',
  type: 'manifest',
  fields: manifestFields,
  prepare: prepareManifest,
});
