import { z } from 'zod';
import { packerCoreFields } from '../../common/packer-core.schema.js';
import { defineComponent } from '../../schema/index.js';

/* Generated from the plugin's config.hcl2spec.go (field names, HCL types, blocks) with descriptions from its config docs. */

/** The post-processor "docker-tag": the HCL fields of hashicorp/packer-plugin-docker post-processor/docker-tag. */
export const dockerTagFields = {
  ...packerCoreFields,
  docker_path: z.string().optional(),
  repository: z.string().optional(),
  tag: z.array(z.string()).optional().describe('Kept for backwards compatibility'),
  tags: z.array(z.string()).optional(),
  force: z.boolean().optional(),
};

export type DockerTagConfig = z.output<z.ZodObject<typeof dockerTagFields>>;

export const dockerTagSpec = defineComponent({
  kind: 'post-processor',
  type: 'docker-tag',
  fields: dockerTagFields,
});
