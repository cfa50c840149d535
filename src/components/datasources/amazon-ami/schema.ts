import { z } from 'zod';
import { amazonAccessFields } from '../../common/amazon-access.schema.js';
import { packerCoreFields } from '../../common/packer-core.schema.js';
import { defineComponent } from '../../schema/index.js';

/* Generated from the plugin's config.hcl2spec.go (field names, HCL types, blocks) with descriptions from its config docs. */

/** The data "amazon-ami": the HCL fields of hashicorp/packer-plugin-amazon datasource/ami. */
export const amazonAmiFields = {
  ...packerCoreFields,
  ...amazonAccessFields,
  filters: z.record(z.string(), z.string()).optional().describe('Filters used to select an AMI.'),
  owners: z.array(z.string()).optional().describe('Filters the images by their owner.'),
  most_recent: z.boolean().optional().describe('Selects the newest created image when true.'),
  include_deprecated: z.boolean().optional().describe('Include deprecated AMIs in the filtered response.'),
};

export type AmazonAmiConfig = z.output<z.ZodObject<typeof amazonAmiFields>>;

export const amazonAmiSpec = defineComponent({
  kind: 'data',
  type: 'amazon-ami',
  fields: amazonAmiFields,
});
