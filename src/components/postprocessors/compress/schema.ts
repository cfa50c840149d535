import { z } from 'zod';
import { packerCoreFields } from '../../common/packer-core.schema.js';
import { defineComponent } from '../../schema/index.js';

/* Generated from the plugin's config.hcl2spec.go (field names, HCL types, blocks) with descriptions from its config docs. */

/** The post-processor "compress": the HCL fields of hashicorp/packer post-processor/compress. */
export const compressFields = {
  ...packerCoreFields,
  output: z.string().optional().describe('Fields from config file'),
  format: z.string().optional(),
  compression_level: z.number().optional(),
  archive: z.string().optional(),
  algorithm: z.string().optional(),
};

export type CompressConfig = z.output<z.ZodObject<typeof compressFields>>;

export const compressSpec = defineComponent({
  kind: 'post-processor',
  type: 'compress',
  fields: compressFields,
});
