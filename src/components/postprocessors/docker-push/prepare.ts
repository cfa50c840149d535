import type { PrepareResult } from '../../schema/index.js';
import type { DockerPushConfig } from './schema.js';

/* post-processor/docker-push PostProcessor.Configure of packer-plugin-docker (a lone error). */

export function prepareDockerPush(c: DockerPushConfig): PrepareResult {
  const missing = c.ecr_login === true && !c.login_server;
  return { errors: missing ? ['ECR login requires login server to be provided.'] : [], warnings: [] };
}
