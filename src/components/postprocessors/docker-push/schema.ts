import { z } from 'zod';
import { ecrAccessFields, registryLoginFields } from '../../common/docker-registry.schema.js';
import { packerCoreFields } from '../../common/packer-core.schema.js';
import { defineComponent } from '../../schema/index.js';
import { prepareDockerPush } from './prepare.js';

/* Field names, HCL types and blocks follow the plugin's HCL spec; descriptions are Kiln's own. */

/** The post-processor "docker-push": the HCL fields of hashicorp/packer-plugin-docker post-processor/docker-push. */
export const dockerPushFields = {
  ...packerCoreFields,
  docker_path: z.string().optional().describe('Path or name of the docker program; default "docker".'),
  login: z.boolean().optional().describe('Log in to the registry before pushing.'),
  ...registryLoginFields,
  ecr_login: z.boolean().optional().describe('Log in to Amazon ECR with AWS credentials; needs login_server.'),
  platform: z.string().optional().describe('Platform of the image to push, for multi-platform images.'),
  ...ecrAccessFields,
};

export type DockerPushConfig = z.output<z.ZodObject<typeof dockerPushFields>>;

export const dockerPushSpec = defineComponent({
  kind: 'post-processor',
  type: 'docker-push',
  fields: dockerPushFields,
  prepare: prepareDockerPush,
});
