import { z } from 'zod';
import { block } from '../schema/index.js';

/* Generated from the plugin's config.hcl2spec.go (field names, HCL types, blocks) with descriptions from its config docs. */

/** Fields of AssumeRoleConfig in hashicorp/packer-plugin-amazon common. */
export const assumeRoleConfigFields = {
  role_arn: z.string().optional().describe('Amazon Resource Name (ARN) of the IAM Role to assume.'),
  duration_seconds: z.number().optional().describe('Number of seconds to restrict the assume role session duration.'),
  external_id: z.string().optional().describe('The external ID to use when assuming the role.'),
  policy: z
    .string()
    .optional()
    .describe('IAM Policy JSON describing further restricting permissions for the IAM Role being assumed.'),
  policy_arns: z
    .array(z.string())
    .optional()
    .describe(
      'Set of Amazon Resource Names (ARNs) of IAM Policies describing further restricting permissions for the IAM Role being',
    ),
  session_name: z.string().optional().describe('Session name to use when assuming the role.'),
  tags: z.record(z.string(), z.string()).optional().describe('Map of assume role session tags.'),
  transitive_tag_keys: z
    .array(z.string())
    .optional()
    .describe('Set of assume role session tag keys to pass to any subsequent sessions.'),
};

/** Fields of VaultAWSEngineOptions in hashicorp/packer-plugin-amazon common. */
export const vaultAWSEngineOptionsFields = {
  name: z.string().optional(),
  role_arn: z.string().optional(),
  ttl: z.string().optional().describe('Specifies the TTL for the use of the STS token.'),
  engine_name: z.string().optional(),
};

/** Fields of AWSPollingConfig in hashicorp/packer-plugin-amazon common. */
export const awsPollingConfigFields = {
  max_attempts: z
    .number()
    .optional()
    .describe('Specifies the maximum number of attempts the waiter will check for resource state.'),
  delay_seconds: z
    .number()
    .optional()
    .describe('Specifies the delay in seconds between attempts to check the resource state.'),
};

/** packer-plugin-amazon common.AccessConfig. */
export const amazonAccessFields = {
  access_key: z.string().optional().describe('The access key used to communicate with AWS.'),
  assume_role: block(assumeRoleConfigFields).describe(
    'If provided with a role ARN, Packer will attempt to assume this role using the supplied credentials.',
  ),
  custom_endpoint_ec2: z
    .string()
    .optional()
    .describe('This option is useful if you use a cloud provider whose API is compatible with aws EC2.'),
  shared_credentials_file: z.string().optional().describe('Path to a credentials file to load credentials from'),
  decode_authorization_messages: z
    .boolean()
    .optional()
    .describe(
      'Enable automatic decoding of any encoded authorization (error) messages using the `sts:DecodeAuthorizationMessage` API.',
    ),
  insecure_skip_tls_verify: z
    .boolean()
    .optional()
    .describe('This allows skipping TLS verification of the AWS EC2 endpoint.'),
  max_retries: z
    .number()
    .optional()
    .describe(
      'This is the maximum number of times an API call is retried, in the case where requests are being throttled or experiencing transient failures.',
    ),
  mfa_code: z
    .string()
    .optional()
    .describe('The MFA [TOTP](https://en.wikipedia.org/wiki/Time-based_One-time_Password_Algorithm) code.'),
  profile: z.string().optional().describe('The profile to use in the shared credentials file for AWS.'),
  region: z.string().optional().describe('The region in which to find the launch template to use'),
  secret_key: z.string().optional().describe('The secret key used to communicate with AWS.'),
  skip_metadata_api_check: z.boolean().optional(),
  skip_credential_validation: z
    .boolean()
    .optional()
    .describe('Set to true if you want to skip validating AWS credentials before runtime.'),
  token: z.string().optional().describe('The access token to use.'),
  vault_aws_engine: block(vaultAWSEngineOptionsFields).describe(
    "Get credentials from HashiCorp Vault's aws secrets engine.",
  ),
  aws_polling: block(awsPollingConfigFields).describe(
    '[Polling configuration](#polling-configuration) for the AWS waiter.',
  ),
};
