import { z } from 'zod';

/* Field names and HCL types follow the SDK's HCL spec; descriptions are Kiln's own. */

const core = 'Filled in by Packer core; templates normally leave it out.';

/** sdk common.PackerConfig (set by Packer core; a value written in the block is overridden). */
export const packerCoreFields = {
  packer_build_name: z.string().optional().describe(`Name of the build this block belongs to. ${core}`),
  packer_builder_type: z.string().optional().describe(`Type of the builder running the build. ${core}`),
  packer_core_version: z.string().optional().describe(`Version of Packer running the build. ${core}`),
  packer_debug: z.boolean().optional().describe(`True when the build runs with -debug. ${core}`),
  packer_force: z.boolean().optional().describe(`True when the build runs with -force. ${core}`),
  packer_on_error: z.string().optional().describe(`The -on-error policy of the run. ${core}`),
  packer_user_variables: z
    .record(z.string(), z.string())
    .optional()
    .describe(`Variable values of the template, by name. ${core}`),
  packer_sensitive_variables: z
    .array(z.string())
    .optional()
    .describe(`Names of the variables whose values are masked in output. ${core}`),
};
