import { z } from 'zod';

/* Generated from the plugin's config.hcl2spec.go (field names, HCL types, blocks) with descriptions from its config docs. */

/** sdk common.PackerConfig (set by Packer core; a value written in the block is overridden). */
export const packerCoreFields = {
  packer_build_name: z.string().optional(),
  packer_builder_type: z.string().optional(),
  packer_core_version: z.string().optional(),
  packer_debug: z.boolean().optional(),
  packer_force: z.boolean().optional(),
  packer_on_error: z.string().optional(),
  packer_user_variables: z.record(z.string(), z.string()).optional(),
  packer_sensitive_variables: z.array(z.string()).optional(),
};
