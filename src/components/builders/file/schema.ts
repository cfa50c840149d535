import { z } from 'zod';
import { packerCoreFields } from '../../common/packer-core.schema.js';
import { defineComponent } from '../../schema/index.js';
import { prepareFile } from './prepare.js';

/* Generated from the plugin's config.hcl2spec.go (field names, HCL types, blocks) with descriptions from its config docs. */

/** The builder "file": the HCL fields of hashicorp/packer builder/file. */
export const fileFields = {
  ...packerCoreFields,
  source: z.string().optional(),
  target: z.string().optional(),
  content: z.string().optional(),
};

export type FileConfig = z.output<z.ZodObject<typeof fileFields>>;

export const fileSpec = defineComponent({
  kind: 'builder',
  type: 'file',
  fields: fileFields,
  prepare: prepareFile,
});
