import { z } from 'zod';
import { amazonAccessFields } from '../../common/amazon-access.schema.js';
import { packerCoreFields } from '../../common/packer-core.schema.js';
import { defineComponent } from '../../schema/index.js';

/* Generated from the plugin's config.hcl2spec.go (field names, HCL types, blocks) with descriptions from its config docs. */

/** The post-processor "amazon-import": the HCL fields of hashicorp/packer-plugin-amazon post-processor/import. */
export const amazonImportFields = {
  ...packerCoreFields,
  ...amazonAccessFields,
  s3_bucket_name: z.string().optional().describe('Variables specific to this post processor'),
  s3_key_name: z.string().optional(),
  s3_encryption: z.string().optional(),
  s3_encryption_key: z.string().optional(),
  skip_clean: z.boolean().optional(),
  tags: z.record(z.string(), z.string()).optional(),
  ami_name: z.string().optional(),
  ami_description: z.string().optional(),
  ami_users: z.array(z.string()).optional(),
  ami_groups: z.array(z.string()).optional(),
  ami_org_arns: z.array(z.string()).optional(),
  ami_ou_arns: z.array(z.string()).optional(),
  ami_encrypt: z.boolean().optional(),
  ami_kms_key: z.string().optional(),
  imds_support: z.string().optional().describe('Enforce version of the Instance Metadata Service on the built AMI.'),
  license_type: z.string().optional(),
  role_name: z.string().optional(),
  format: z.string().optional(),
  architecture: z.string().optional(),
  boot_mode: z.string().optional(),
  platform: z.string().optional(),
};

export type AmazonImportConfig = z.output<z.ZodObject<typeof amazonImportFields>>;

export const amazonImportSpec = defineComponent({
  kind: 'post-processor',
  type: 'amazon-import',
  fields: amazonImportFields,
});
