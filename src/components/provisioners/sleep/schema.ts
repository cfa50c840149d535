import { z } from 'zod';
import { defineComponent } from '../../schema/index.js';

/* Generated from the plugin's config.hcl2spec.go (field names, HCL types, blocks) with descriptions from its config docs. */

/** The provisioner "sleep": the HCL fields of hashicorp/packer provisioner/sleep. */
export const sleepFields = {
  duration: z.string().optional(),
};

export type SleepConfig = z.output<z.ZodObject<typeof sleepFields>>;

export const sleepSpec = defineComponent({
  kind: 'provisioner',
  type: 'sleep',
  fields: sleepFields,
});
