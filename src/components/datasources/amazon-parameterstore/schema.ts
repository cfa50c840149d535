import { z } from 'zod';
import { amazonAccessFields } from '../../common/amazon-access.schema.js';
import { packerCoreFields } from '../../common/packer-core.schema.js';
import { defineComponent } from '../../schema/index.js';
import { prepareAmazonParameterstore } from './prepare.js';

/* Field names, HCL types and blocks follow the plugin's HCL spec; descriptions are Kiln's own. */

/** The data "amazon-parameterstore": the HCL fields of hashicorp/packer-plugin-amazon datasource/parameterstore. */
export const amazonParameterstoreFields = {
  ...packerCoreFields,
  ...amazonAccessFields,
  name: z.string().optional().describe('Name of the SSM parameter to read; required.'),
  with_decryption: z.boolean().optional().describe('Return SecureString parameters decrypted.'),
};

export type AmazonParameterstoreConfig = z.output<z.ZodObject<typeof amazonParameterstoreFields>>;

export const amazonParameterstoreSpec = defineComponent({
  kind: 'data',
  type: 'amazon-parameterstore',
  fields: amazonParameterstoreFields,
  prepare: prepareAmazonParameterstore,
});
