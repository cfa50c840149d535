import { z } from 'zod';
import { packerCoreFields } from '../../common/packer-core.schema.js';
import { defineComponent } from '../../schema/index.js';
import { prepareDockerPush } from './prepare.js';

/* Field names, HCL types and blocks follow the plugin's HCL spec; descriptions are Kiln's own. */

/** The post-processor "docker-push": the HCL fields of hashicorp/packer-plugin-docker post-processor/docker-push. */
export const dockerPushFields = {
  ...packerCoreFields,
  docker_path: z.string().optional().describe('Path or name of the docker program; default "docker".'),
  login: z.boolean().optional().describe('Log in to the registry before pushing.'),
  login_username: z.string().optional().describe('User name for the registry login.'),
  login_password: z.string().optional().describe('Password for the registry login.'),
  login_server: z.string().optional().describe('Address of the registry to log in to.'),
  ecr_login: z.boolean().optional().describe('Log in to Amazon ECR with AWS credentials; needs login_server.'),
  platform: z.string().optional().describe('Platform of the image to push, for multi-platform images.'),
  aws_access_key: z.string().optional().describe('AWS access key ID for the ECR login.'),
  aws_secret_key: z.string().optional().describe('AWS secret access key for the ECR login.'),
  aws_token: z.string().optional().describe('AWS session token for the ECR login.'),
  aws_profile: z.string().optional().describe('AWS credentials profile for the ECR login.'),
  aws_force_use_public_ecr: z
    .boolean()
    .optional()
    .describe('Log in to the public ECR gallery instead of a private registry.'),
};

export type DockerPushConfig = z.output<z.ZodObject<typeof dockerPushFields>>;

export const dockerPushSpec = defineComponent({
  kind: 'post-processor',
  type: 'docker-push',
  fields: dockerPushFields,
  prepare: prepareDockerPush,
});
