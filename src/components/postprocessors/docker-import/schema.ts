import { z } from 'zod';
import { packerCoreFields } from '../../common/packer-core.schema.js';
import { defineComponent } from '../../schema/index.js';

/* Field names, HCL types and blocks follow the plugin's HCL spec; descriptions are Kiln's own. */

/** The post-processor "docker-import": the HCL fields of hashicorp/packer-plugin-docker post-processor/docker-import. */
export const dockerImportFields = {
  ...packerCoreFields,
  docker_path: z.string().optional().describe('Path or name of the docker program; default "docker".'),
  repository: z.string().optional().describe('Repository to import the tar file into.'),
  tag: z.string().optional().describe('Tag of the imported image.'),
  changes: z.array(z.string()).optional().describe('Dockerfile instructions (CMD, ENV ...) applied while importing.'),
  platform: z.string().optional().describe('Platform recorded for the imported image, such as linux/amd64.'),
};

export type DockerImportConfig = z.output<z.ZodObject<typeof dockerImportFields>>;

export const dockerImportSpec = defineComponent({
  kind: 'post-processor',
  type: 'docker-import',
  fields: dockerImportFields,
});
