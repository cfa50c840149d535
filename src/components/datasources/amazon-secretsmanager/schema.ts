import { z } from 'zod';
import { amazonAccessFields } from '../../common/amazon-access.schema.js';
import { packerCoreFields } from '../../common/packer-core.schema.js';
import { defineComponent } from '../../schema/index.js';

/* Generated from the plugin's config.hcl2spec.go (field names, HCL types, blocks) with descriptions from its config docs. */

/** The data "amazon-secretsmanager": the HCL fields of hashicorp/packer-plugin-amazon datasource/secretsmanager. */
export const amazonSecretsmanagerFields = {
  ...packerCoreFields,
  ...amazonAccessFields,
  name: z.string().optional().describe('Specifies the secret containing the version that you want to retrieve.'),
  key: z.string().optional().describe('Optional key for JSON secrets that contain more than one value.'),
  version_id: z
    .string()
    .optional()
    .describe('Specifies the unique identifier of the version of the secret that you want to retrieve.'),
  version_stage: z
    .string()
    .optional()
    .describe('Specifies the secret version that you want to retrieve by the staging label attached to the version.'),
};

export type AmazonSecretsmanagerConfig = z.output<z.ZodObject<typeof amazonSecretsmanagerFields>>;

export const amazonSecretsmanagerSpec = defineComponent({
  kind: 'data',
  type: 'amazon-secretsmanager',
  fields: amazonSecretsmanagerFields,
});
