import { z } from 'zod';

/*
 * Registry login fields the docker builder and the docker-push post-processor
 * declare alike (packer-plugin-docker's login fields and AwsAccessConfig).
 */

/** Password login; the builder and docker-push order these fields differently in their specs. */
export const registryLoginFields = {
  login_username: z.string().optional().describe('User name for the registry login.'),
  login_password: z.string().optional().describe('Password for the registry login.'),
  login_server: z.string().optional().describe('Address of the registry to log in to.'),
};

/** AwsAccessConfig: the AWS credentials of an ECR login. */
export const ecrAccessFields = {
  aws_access_key: z.string().optional().describe('AWS access key ID for the ECR login.'),
  aws_secret_key: z.string().optional().describe('AWS secret access key for the ECR login.'),
  aws_token: z.string().optional().describe('AWS session token for the ECR login.'),
  aws_profile: z.string().optional().describe('AWS credentials profile for the ECR login.'),
  aws_force_use_public_ecr: z
    .boolean()
    .optional()
    .describe('Log in to the public ECR gallery instead of a private registry.'),
};
