import { z } from 'zod';

/* Generated from the plugin's config.hcl2spec.go (field names, HCL types, blocks) with descriptions from its config docs. */

/** packer-plugin-sdk shell-local.Config (shared by the shell-local provisioner and post-processor). */
export const localShellFields = {
  inline: z.array(z.string()).optional(),
  script: z.string().optional(),
  scripts: z.array(z.string()).optional(),
  valid_exit_codes: z
    .array(z.number())
    .optional()
    .describe('Valid Exit Codes - 0 is not always the only valid error code!'),
  environment_vars: z
    .array(z.string())
    .optional()
    .describe('An array of environment variables that will be injected before your command(s) are executed.'),
  env: z
    .record(z.string(), z.string())
    .optional()
    .describe('An map of environment variables that will be injected before your command(s) are executed.'),
  env_var_format: z
    .string()
    .optional()
    .describe(
      'This is used in the template generation to format environment variables inside the `ExecuteCommand` template.',
    ),
  command: z.string().optional(),
  execute_command: z.array(z.string()).optional().describe('The command used to execute the script.'),
  inline_shebang: z.string().optional().describe('The shebang value used when running inline scripts.'),
  only_on: z.array(z.string()).optional().describe('An array of multiple Runtime OSs to run on.'),
  tempfile_extension: z
    .string()
    .optional()
    .describe('The file extension to use for the file generated from the inline commands'),
  use_linux_pathing: z.boolean().optional().describe('End dedupe with postprocessor'),
};
