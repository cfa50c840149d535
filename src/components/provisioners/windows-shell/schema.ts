import { z } from 'zod';
import { packerCoreFields } from '../../common/packer-core.schema.js';
import { defineComponent, duration } from '../../schema/index.js';

/* Generated from the plugin's config.hcl2spec.go (field names, HCL types, blocks) with descriptions from its config docs. */

/** The provisioner "windows-shell": the HCL fields of hashicorp/packer provisioner/windows-shell. */
export const windowsShellFields = {
  ...packerCoreFields,
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
  binary: z.boolean().optional(),
  remote_path: z.string().optional().describe('The remote path where the local shell script will be uploaded to.'),
  execute_command: z
    .string()
    .optional()
    .describe('The command template used to execute the scanner on the remote host.'),
  start_retry_timeout: duration().optional().describe('The timeout for retrying to start the process.'),
};

export type WindowsShellConfig = z.output<z.ZodObject<typeof windowsShellFields>>;

export const windowsShellSpec = defineComponent({
  kind: 'provisioner',
  type: 'windows-shell',
  fields: windowsShellFields,
});
