import { z } from 'zod';
import { packerCoreFields } from '../../common/packer-core.schema.js';
import { defineComponent } from '../../schema/index.js';
import { prepareFile } from './prepare.js';

/* Field names, HCL types and blocks follow the plugin's HCL spec; descriptions are Kiln's own. */

/** The builder "file": the HCL fields of hashicorp/packer builder/file. */
export const fileFields = {
  ...packerCoreFields,
  source: z.string().optional().describe('Local file copied to target.'),
  target: z.string().optional().describe('Path of the file the build produces; required.'),
  content: z.string().optional().describe('Text written to target, instead of copying source.'),
};

export type FileConfig = z.output<z.ZodObject<typeof fileFields>>;

export const fileSpec = defineComponent({
  kind: 'builder',
  type: 'file',
  fields: fileFields,
  prepare: prepareFile,
});
