import { z } from 'zod';
import { packerCoreFields } from '../../common/packer-core.schema.js';
import { defineComponent } from '../../schema/index.js';

/* Field names, HCL types and blocks follow the plugin's HCL spec; descriptions are Kiln's own. */

/** The post-processor "docker-save": the HCL fields of hashicorp/packer-plugin-docker post-processor/docker-save. */
export const dockerSaveFields = {
  ...packerCoreFields,
  docker_path: z.string().optional().describe('Path or name of the docker program; default "docker".'),
  path: z.string().optional().describe('Path of the tar file the image is saved to.'),
};

export type DockerSaveConfig = z.output<z.ZodObject<typeof dockerSaveFields>>;

export const dockerSaveSpec = defineComponent({
  kind: 'post-processor',
  type: 'docker-save',
  fields: dockerSaveFields,
});
