import { z } from 'zod';
import { packerCoreFields } from '../../common/packer-core.schema.js';
import { defineComponent, duration } from '../../schema/index.js';

/* Generated from the plugin's config.hcl2spec.go (field names, HCL types, blocks) with descriptions from its config docs. */

/** The provisioner "powershell": the HCL fields of hashicorp/packer provisioner/powershell. */
export const powershellFields = {
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
  remote_env_var_path: z
    .string()
    .optional()
    .describe('The remote path where the file containing the environment variables will be uploaded to.'),
  elevated_execute_command: z.string().optional().describe('The command used to execute the elevated script.'),
  skip_clean: z.boolean().optional().describe('Whether to clean scripts up after executing the provisioner.'),
  start_retry_timeout: duration().optional().describe('The timeout for retrying to start the process.'),
  elevated_env_var_format: z
    .string()
    .optional()
    .describe(
      'This is used in the template generation to format environment variables inside the `ElevatedExecuteCommand` template.',
    ),
  elevated_user: z
    .string()
    .optional()
    .describe(
      'Instructs the communicator to run the remote script as a Windows scheduled task, effectively elevating the remote user by impersonating a logged-in user',
    ),
  elevated_password: z.string().optional(),
  execution_policy: z.string().optional(),
  debug_mode: z
    .number()
    .optional()
    .describe(
      "If set, sets PowerShell's [PSDebug mode on](https://docs.microsoft.com/en-us/powershell/module/microsoft.powershell.core/set-psdebug?view=powershell-7) in order to make script debugging easier.",
    ),
  pause_after: duration().optional().describe('A duration of how long to pause after the provisioner'),
  use_pwsh: z.boolean().optional().describe('Run pwsh.exe instead of powershell.exe - latest version of powershell.'),
};

export type PowershellConfig = z.output<z.ZodObject<typeof powershellFields>>;

export const powershellSpec = defineComponent({
  kind: 'provisioner',
  type: 'powershell',
  fields: powershellFields,
});
