import { z } from 'zod';
import { amazonAccessFields } from '../../common/amazon-access.schema.js';
import { packerCoreFields } from '../../common/packer-core.schema.js';
import { defineComponent } from '../../schema/index.js';
import { prepareAmazonSecretsmanager } from './prepare.js';

/* Field names, HCL types and blocks follow the plugin's HCL spec; descriptions are Kiln's own. */

/** The data "amazon-secretsmanager": the HCL fields of hashicorp/packer-plugin-amazon datasource/secretsmanager. */
export const amazonSecretsmanagerFields = {
  ...packerCoreFields,
  ...amazonAccessFields,
  name: z.string().optional().describe('Name or ARN of the secret to read; required.'),
  key: z.string().optional().describe('Key to pick out of a secret that holds a JSON object.'),
  version_id: z.string().optional().describe('ID of the secret version to read.'),
  version_stage: z.string().optional().describe('Staging label of the version to read; default AWSCURRENT.'),
};

export type AmazonSecretsmanagerConfig = z.output<z.ZodObject<typeof amazonSecretsmanagerFields>>;

export const amazonSecretsmanagerSpec = defineComponent({
  kind: 'data',
  type: 'amazon-secretsmanager',
  fields: amazonSecretsmanagerFields,
  prepare: prepareAmazonSecretsmanager,
});
