import { z } from 'zod';
import { parseGoDuration } from '../../schema/go-duration.js';
import { defineComponent } from '../../schema/index.js';

/* Field names, HCL types and blocks follow the plugin's HCL spec; descriptions are Kiln's own. */

/** The provisioner "sleep": the HCL fields of hashicorp/packer provisioner/sleep. */
export const sleepFields = {
  // Kept as text; decoding rejects what Go's time.ParseDuration would.
  duration: z
    .string()
    .superRefine((text, ctx) => {
      const parsed = parseGoDuration(text);
      if (!parsed.ok) ctx.addIssue({ code: 'custom', message: parsed.error });
    })
    .optional()
    .describe('How long to wait, as a Go duration such as "30s" or "2m".'),
};

export type SleepConfig = z.output<z.ZodObject<typeof sleepFields>>;

export const sleepSpec = defineComponent({
  kind: 'provisioner',
  type: 'sleep',
  fields: sleepFields,
  interpolate: false,
});
