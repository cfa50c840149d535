import { z } from 'zod';
import { packerCoreFields } from '../../common/packer-core.schema.js';
import { defineComponent } from '../../schema/index.js';

/* Generated from the plugin's config.hcl2spec.go (field names, HCL types, blocks) with descriptions from its config docs. */

/** The post-processor "docker-import": the HCL fields of hashicorp/packer-plugin-docker post-processor/docker-import. */
export const dockerImportFields = {
  ...packerCoreFields,
  docker_path: z.string().optional(),
  repository: z.string().optional(),
  tag: z.string().optional(),
  changes: z.array(z.string()).optional(),
  platform: z.string().optional(),
};

export type DockerImportConfig = z.output<z.ZodObject<typeof dockerImportFields>>;

export const dockerImportSpec = defineComponent({
  kind: 'post-processor',
  type: 'docker-import',
  fields: dockerImportFields,
});
