import { z } from 'zod';
import { packerCoreFields } from '../../common/packer-core.schema.js';
import { defineComponent } from '../../schema/index.js';

/* Generated from the plugin's config.hcl2spec.go (field names, HCL types, blocks) with descriptions from its config docs. */

/** The post-processor "artifice": the HCL fields of hashicorp/packer post-processor/artifice. */
export const artificeFields = {
  ...packerCoreFields,
  files: z.array(z.string()).optional(),
  keep_input_artifact: z.boolean().optional(),
};

export type ArtificeConfig = z.output<z.ZodObject<typeof artificeFields>>;

export const artificeSpec = defineComponent({
  kind: 'post-processor',
  type: 'artifice',
  fields: artificeFields,
});
