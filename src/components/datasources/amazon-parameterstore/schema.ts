import { z } from 'zod';
import { amazonAccessFields } from '../../common/amazon-access.schema.js';
import { packerCoreFields } from '../../common/packer-core.schema.js';
import { defineComponent } from '../../schema/index.js';

/* Generated from the plugin's config.hcl2spec.go (field names, HCL types, blocks) with descriptions from its config docs. */

/** The data "amazon-parameterstore": the HCL fields of hashicorp/packer-plugin-amazon datasource/parameterstore. */
export const amazonParameterstoreFields = {
  ...packerCoreFields,
  ...amazonAccessFields,
  name: z.string().optional().describe('The name of the parameter you want to query.'),
  with_decryption: z.boolean().optional().describe('Return decrypted values for secure string parameters.'),
};

export type AmazonParameterstoreConfig = z.output<z.ZodObject<typeof amazonParameterstoreFields>>;

export const amazonParameterstoreSpec = defineComponent({
  kind: 'data',
  type: 'amazon-parameterstore',
  fields: amazonParameterstoreFields,
});
