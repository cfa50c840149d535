import { z } from 'zod';
import { packerCoreFields } from '../../common/packer-core.schema.js';
import { defineComponent } from '../../schema/index.js';

/* Generated from the plugin's config.hcl2spec.go (field names, HCL types, blocks) with descriptions from its config docs. */

/** The post-processor "docker-save": the HCL fields of hashicorp/packer-plugin-docker post-processor/docker-save. */
export const dockerSaveFields = {
  ...packerCoreFields,
  docker_path: z.string().optional(),
  path: z.string().optional(),
};

export type DockerSaveConfig = z.output<z.ZodObject<typeof dockerSaveFields>>;

export const dockerSaveSpec = defineComponent({
  kind: 'post-processor',
  type: 'docker-save',
  fields: dockerSaveFields,
});
