import { z } from 'zod';
import { packerCoreFields } from '../../common/packer-core.schema.js';
import { defineComponent } from '../../schema/index.js';

/* Field names, HCL types and blocks follow the plugin's HCL spec; descriptions are Kiln's own. */

/** The data "null": the HCL fields of hashicorp/packer datasource/null. */
export const nullFields = {
  ...packerCoreFields,
  input: z.string().optional().describe('Any string, required; the data source returns it unchanged as its output.'),
};

export type NullConfig = z.output<z.ZodObject<typeof nullFields>>;

export const nullSpec = defineComponent({
  kind: 'data',
  type: 'null',
  fields: nullFields,
  prepare: (config) => ({ errors: config.input ? [] : ['The `input` must be specified'], warnings: [] }),
});
