import { z } from 'zod';
import { packerCoreFields } from '../../common/packer-core.schema.js';
import { defineComponent } from '../../schema/index.js';

/* Generated from the plugin's config.hcl2spec.go (field names, HCL types, blocks) with descriptions from its config docs. */

/** The post-processor "checksum": the HCL fields of hashicorp/packer post-processor/checksum. */
export const checksumFields = {
  ...packerCoreFields,
  checksum_types: z.array(z.string()).optional(),
  output: z.string().optional(),
};

export type ChecksumConfig = z.output<z.ZodObject<typeof checksumFields>>;

export const checksumSpec = defineComponent({
  kind: 'post-processor',
  type: 'checksum',
  fields: checksumFields,
});
