import { z } from 'zod';
import { packerCoreFields } from '../../common/packer-core.schema.js';
import { defineComponent } from '../../schema/index.js';

/* Field names, HCL types and blocks follow the plugin's HCL spec; descriptions are Kiln's own. */

/** The post-processor "docker-tag": the HCL fields of hashicorp/packer-plugin-docker post-processor/docker-tag. */
export const dockerTagFields = {
  ...packerCoreFields,
  docker_path: z.string().optional().describe('Path or name of the docker program; default "docker".'),
  repository: z.string().optional().describe('Repository to tag the image into.'),
  tag: z.array(z.string()).optional().describe('Older name for tags.'),
  tags: z.array(z.string()).optional().describe('Tags to give the image in the repository.'),
  force: z.boolean().optional().describe('Move a tag that already points at another image.'),
};

export type DockerTagConfig = z.output<z.ZodObject<typeof dockerTagFields>>;

export const dockerTagSpec = defineComponent({
  kind: 'post-processor',
  type: 'docker-tag',
  fields: dockerTagFields,
});
