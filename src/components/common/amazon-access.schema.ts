import { z } from 'zod';
import { block } from '../schema/index.js';

/* Field names, HCL types and blocks follow the plugin's HCL spec; descriptions are Kiln's own. */

/** Fields of AssumeRoleConfig in hashicorp/packer-plugin-amazon common. */
export const assumeRoleConfigFields = {
  role_arn: z.string().optional().describe('ARN of the IAM role to switch to.'),
  duration_seconds: z.number().optional().describe('Lifetime of the role session in seconds.'),
  external_id: z.string().optional().describe('External ID the role trust policy expects.'),
  policy: z.string().optional().describe('Inline IAM policy (JSON) that narrows the role session further.'),
  policy_arns: z
    .array(z.string())
    .optional()
    .describe('ARNs of managed IAM policies that narrow the role session further.'),
  session_name: z.string().optional().describe('Name recorded for the role session.'),
  tags: z.record(z.string(), z.string()).optional().describe('Session tags passed when taking on the role.'),
  transitive_tag_keys: z
    .array(z.string())
    .optional()
    .describe('Session tag keys that carry over to roles taken on from this session.'),
};

/** Fields of VaultAWSEngineOptions in hashicorp/packer-plugin-amazon common. */
export const vaultAWSEngineOptionsFields = {
  name: z.string().optional().describe('Name of the Vault role to ask credentials for.'),
  role_arn: z.string().optional().describe('ARN of the AWS role Vault should hand out, for roles that allow several.'),
  ttl: z.string().optional().describe('Lifetime of the STS credentials Vault issues, such as "3600s".'),
  engine_name: z.string().optional().describe('Mount path of the AWS secrets engine in Vault; default "aws".'),
};

/** Fields of AWSPollingConfig in hashicorp/packer-plugin-amazon common. */
export const awsPollingConfigFields = {
  max_attempts: z.number().optional().describe('How many times to check a resource before giving up.'),
  delay_seconds: z.number().optional().describe('Seconds to wait between two checks of a resource.'),
};

/** packer-plugin-amazon common.AccessConfig. */
export const amazonAccessFields = {
  access_key: z.string().optional().describe('AWS access key ID; otherwise taken from the environment or profile.'),
  assume_role: block(assumeRoleConfigFields).describe('Take on an IAM role with the credentials found.'),
  custom_endpoint_ec2: z.string().optional().describe('URL of an EC2-compatible API to use instead of AWS.'),
  shared_credentials_file: z.string().optional().describe('Path of the AWS shared credentials file to read.'),
  decode_authorization_messages: z
    .boolean()
    .optional()
    .describe('Decode encoded authorization failure messages with STS so errors are readable.'),
  insecure_skip_tls_verify: z.boolean().optional().describe('Skip checking the TLS certificate of the EC2 endpoint.'),
  max_retries: z
    .number()
    .optional()
    .describe('How often an API call is retried after throttling or a transient error; default 10.'),
  mfa_code: z.string().optional().describe('Current one-time code from the MFA device.'),
  profile: z.string().optional().describe('Which named profile of the shared credentials file to use.'),
  region: z.string().optional().describe('AWS region to work in, such as us-east-1.'),
  secret_key: z.string().optional().describe('AWS secret access key; set together with access_key.'),
  skip_metadata_api_check: z.boolean().optional().describe('No longer used; kept so older templates still load.'),
  skip_credential_validation: z
    .boolean()
    .optional()
    .describe('Do not check the credentials with AWS before the build starts.'),
  token: z.string().optional().describe('Session token for temporary credentials.'),
  vault_aws_engine: block(vaultAWSEngineOptionsFields).describe(
    'Fetch temporary AWS credentials from the AWS secrets engine of HashiCorp Vault.',
  ),
  aws_polling: block(awsPollingConfigFields).describe('How often and how long to poll AWS while waiting.'),
};
