import { z } from 'zod';
import { packerCoreFields } from '../../common/packer-core.schema.js';
import { defineComponent } from '../../schema/index.js';

/* Generated from the plugin's config.hcl2spec.go (field names, HCL types, blocks) with descriptions from its config docs. */

/** The post-processor "docker-push": the HCL fields of hashicorp/packer-plugin-docker post-processor/docker-push. */
export const dockerPushFields = {
  ...packerCoreFields,
  docker_path: z.string().optional(),
  login: z
    .boolean()
    .optional()
    .describe(
      'This is used to login to a private docker repository (e.g., dockerhub) to build or pull a private base container.',
    ),
  login_username: z.string().optional(),
  login_password: z.string().optional(),
  login_server: z.string().optional(),
  ecr_login: z.boolean().optional(),
  platform: z.string().optional(),
  aws_access_key: z.string().optional().describe('The AWS access key used to communicate with AWS.'),
  aws_secret_key: z.string().optional().describe('The AWS secret key used to communicate with AWS.'),
  aws_token: z.string().optional().describe('The AWS access token to use.'),
  aws_profile: z.string().optional().describe('The AWS shared credentials profile used to communicate with AWS.'),
  aws_force_use_public_ecr: z
    .boolean()
    .optional()
    .describe('The flag to identify whether to push docker image to Public _or_ Private ECR.'),
};

export type DockerPushConfig = z.output<z.ZodObject<typeof dockerPushFields>>;

export const dockerPushSpec = defineComponent({
  kind: 'post-processor',
  type: 'docker-push',
  fields: dockerPushFields,
});
