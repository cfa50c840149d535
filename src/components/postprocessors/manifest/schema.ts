import { z } from 'zod';
import { packerCoreFields } from '../../common/packer-core.schema.js';
import { defineComponent } from '../../schema/index.js';

/* Generated from the plugin's config.hcl2spec.go (field names, HCL types, blocks) with descriptions from its config docs. */

/** The post-processor "manifest": the HCL fields of hashicorp/packer post-processor/manifest. */
export const manifestFields = {
  ...packerCoreFields,
  output: z.string().optional().describe('The manifest will be written to this file.'),
  strip_path: z.boolean().optional().describe('Write only filename without the path to the manifest file.'),
  strip_time: z.boolean().optional().describe("Don't write the `build_time` field from the output."),
  custom_data: z.record(z.string(), z.string()).optional().describe('Arbitrary data to add to the manifest.'),
};

export type ManifestConfig = z.output<z.ZodObject<typeof manifestFields>>;

export const manifestSpec = defineComponent({
  kind: 'post-processor',
  type: 'manifest',
  fields: manifestFields,
});
