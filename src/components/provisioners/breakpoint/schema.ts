import { z } from 'zod';
import { packerCoreFields } from '../../common/packer-core.schema.js';
import { defineComponent } from '../../schema/index.js';

/* Generated from the plugin's config.hcl2spec.go (field names, HCL types, blocks) with descriptions from its config docs. */

/** The provisioner "breakpoint": the HCL fields of hashicorp/packer provisioner/breakpoint. */
export const breakpointFields = {
  ...packerCoreFields,
  note: z.string().optional(),
  disable: z.boolean().optional(),
};

export type BreakpointConfig = z.output<z.ZodObject<typeof breakpointFields>>;

export const breakpointSpec = defineComponent({
  kind: 'provisioner',
  type: 'breakpoint',
  fields: breakpointFields,
});
