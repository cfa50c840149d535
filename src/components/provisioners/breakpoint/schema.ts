import { z } from 'zod';
import { packerCoreFields } from '../../common/packer-core.schema.js';
import { defineComponent } from '../../schema/index.js';

/* Field names, HCL types and blocks follow the plugin's HCL spec; descriptions are Kiln's own. */

/** The provisioner "breakpoint": the HCL fields of hashicorp/packer provisioner/breakpoint. */
export const breakpointFields = {
  ...packerCoreFields,
  note: z.string().optional().describe('Text shown while the build waits at the breakpoint.'),
  disable: z.boolean().optional().describe('Skip this breakpoint.'),
};

export type BreakpointConfig = z.output<z.ZodObject<typeof breakpointFields>>;

export const breakpointSpec = defineComponent({
  kind: 'provisioner',
  type: 'breakpoint',
  fields: breakpointFields,
});
