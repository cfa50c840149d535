import { z } from 'zod';
import { packerCoreFields } from '../../common/packer-core.schema.js';
import { defineComponent } from '../../schema/index.js';
import { prepareArtifice } from './prepare.js';

/* Field names, HCL types and blocks follow the plugin's HCL spec; descriptions are Kiln's own. */

/** The post-processor "artifice": the HCL fields of hashicorp/packer post-processor/artifice. */
export const artificeFields = {
  ...packerCoreFields,
  files: z.array(z.string()).optional().describe('Files that make up the new artifact; required.'),
  keep_input_artifact: z
    .boolean()
    .optional()
    .describe('Keep the artifact of the previous step instead of deleting it.'),
};

export type ArtificeConfig = z.output<z.ZodObject<typeof artificeFields>>;

export const artificeSpec = defineComponent({
  kind: 'post-processor',
  type: 'artifice',
  fields: artificeFields,
  prepare: prepareArtifice,
});
