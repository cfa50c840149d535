import { z } from 'zod';
import { packerCoreFields } from '../../common/packer-core.schema.js';
import { defineComponent } from '../../schema/index.js';
import { prepareFile } from './prepare.js';

/* Field names, HCL types and blocks follow the plugin's HCL spec; descriptions are Kiln's own. */

/** The provisioner "file": the HCL fields of hashicorp/packer provisioner/file. */
export const fileFields = {
  ...packerCoreFields,
  content: z.string().optional().describe('Text to write to destination instead of copying a file.'),
  source: z
    .string()
    .optional()
    .describe('Local file or directory to upload (or, downloading, the remote path to fetch).'),
  sources: z
    .array(z.string())
    .optional()
    .describe('Several local files or directories to upload to the destination directory.'),
  destination: z
    .string()
    .optional()
    .describe('Where the file goes: a path on the machine, or a local path when downloading; required.'),
  direction: z.string().optional().describe('"upload" (default) copies to the machine, "download" copies from it.'),
  generated: z
    .boolean()
    .optional()
    .describe('The source is created during the build, so its existence is not checked beforehand.'),
};

export type FileConfig = z.output<z.ZodObject<typeof fileFields>>;

export const fileSpec = defineComponent({
  kind: 'provisioner',
  type: 'file',
  fields: fileFields,
  prepare: prepareFile,
});
