import { z } from 'zod';
import { amazonAccessFields } from '../../common/amazon-access.schema.js';
import { packerCoreFields } from '../../common/packer-core.schema.js';
import { defineComponent } from '../../schema/index.js';
import { prepareAmazonAmi } from './prepare.js';

/* Field names, HCL types and blocks follow the plugin's HCL spec; descriptions are Kiln's own. */

/** The data "amazon-ami": the HCL fields of hashicorp/packer-plugin-amazon datasource/ami. */
export const amazonAmiFields = {
  ...packerCoreFields,
  ...amazonAccessFields,
  filters: z
    .record(z.string(), z.string())
    .optional()
    .describe('EC2 DescribeImages filters, by filter name, that pick the AMI.'),
  owners: z
    .array(z.string())
    .optional()
    .describe('Account IDs or aliases (self, amazon, aws-marketplace) that must own the AMI; required.'),
  most_recent: z.boolean().optional().describe('When several AMIs match, take the newest instead of failing.'),
  include_deprecated: z.boolean().optional().describe('Let deprecated AMIs match too.'),
};

export type AmazonAmiConfig = z.output<z.ZodObject<typeof amazonAmiFields>>;

export const amazonAmiSpec = defineComponent({
  kind: 'data',
  type: 'amazon-ami',
  fields: amazonAmiFields,
  prepare: prepareAmazonAmi,
});
