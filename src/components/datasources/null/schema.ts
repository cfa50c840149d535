import { z } from 'zod';
import { packerCoreFields } from '../../common/packer-core.schema.js';
import { defineComponent } from '../../schema/index.js';

/* Generated from the plugin's config.hcl2spec.go (field names, HCL types, blocks) with descriptions from its config docs. */

/** The data "null": the HCL fields of hashicorp/packer datasource/null. */
export const nullFields = {
  ...packerCoreFields,
  input: z.string().optional().describe('This variable will get stored as "output" in the output spec.'),
};

export type NullConfig = z.output<z.ZodObject<typeof nullFields>>;

export const nullSpec = defineComponent({
  kind: 'data',
  type: 'null',
  fields: nullFields,
});
