import { z } from 'zod';
import { amazonAccessFields } from '../../common/amazon-access.schema.js';
import { packerCoreFields } from '../../common/packer-core.schema.js';
import { defineComponent } from '../../schema/index.js';
import { prepareAmazonImport } from './prepare.js';

/* Field names, HCL types and blocks follow the plugin's HCL spec; descriptions are Kiln's own. */

/** The post-processor "amazon-import": the HCL fields of hashicorp/packer-plugin-amazon post-processor/import. */
export const amazonImportFields = {
  ...packerCoreFields,
  ...amazonAccessFields,
  s3_bucket_name: z
    .string()
    .optional()
    .describe('S3 bucket the image file is uploaded to before the import; required.'),
  s3_key_name: z
    .string()
    .optional()
    .describe('Object key of the uploaded file; default packer-import-{{timestamp}}.<format>.'),
  s3_encryption: z.string().optional().describe('Server-side encryption of the upload: AES256 or aws:kms.'),
  s3_encryption_key: z.string().optional().describe('KMS key for the upload when s3_encryption is aws:kms.'),
  skip_clean: z.boolean().optional().describe('Leave the uploaded file in S3 after the import.'),
  tags: z.record(z.string(), z.string()).optional().describe('Tags put on the imported AMI and its snapshot.'),
  ami_name: z.string().optional().describe('Name to give the imported AMI.'),
  ami_description: z.string().optional().describe('Description of the imported AMI.'),
  ami_users: z.array(z.string()).optional().describe('Account IDs allowed to launch the imported AMI.'),
  ami_groups: z
    .array(z.string())
    .optional()
    .describe('Groups allowed to launch the imported AMI; "all" makes it public.'),
  ami_org_arns: z
    .array(z.string())
    .optional()
    .describe('ARNs of AWS Organizations whose accounts may launch the imported AMI.'),
  ami_ou_arns: z
    .array(z.string())
    .optional()
    .describe('ARNs of organizational units whose accounts may launch the imported AMI.'),
  ami_encrypt: z.boolean().optional().describe("Encrypt the imported AMI's snapshots."),
  ami_kms_key: z.string().optional().describe("KMS key that encrypts the imported AMI's snapshots."),
  imds_support: z.string().optional().describe('Set to "v2.0" so instances from the AMI require IMDSv2.'),
  license_type: z.string().optional().describe('License model of the import: AWS or BYOL.'),
  role_name: z.string().optional().describe('IAM role VM Import uses; default vmimport.'),
  format: z.string().optional().describe('Format of the image file: ova (default), raw, vmdk, vhd or vhdx.'),
  architecture: z.string().optional().describe('CPU architecture of the image: x86_64 (default) or arm64.'),
  boot_mode: z
    .string()
    .optional()
    .describe('Boot mode of the image: legacy-bios or uefi; default follows the architecture.'),
  platform: z.string().optional().describe('Operating system of the image: linux or windows; needed for uefi.'),
};

export type AmazonImportConfig = z.output<z.ZodObject<typeof amazonImportFields>>;

export const amazonImportSpec = defineComponent({
  kind: 'post-processor',
  type: 'amazon-import',
  fields: amazonImportFields,
  interpolate: { exclude: ['s3_key_name'] },
  prepare: prepareAmazonImport,
});
