import { z } from 'zod';
import { packerCoreFields } from '../../common/packer-core.schema.js';
import { pauseAfter, remoteScriptFields, skipClean, startRetryTimeout } from '../../common/remote-script.schema.js';
import { defineComponent } from '../../schema/index.js';
import { executionPolicyError, executionPolicyNumber } from './execution-policy.js';
import { preparePowershell } from './prepare.js';

/* Field names, HCL types and blocks follow the plugin's HCL spec; descriptions are Kiln's own. */

/** The provisioner "powershell": the HCL fields of hashicorp/packer provisioner/powershell. */
export const powershellFields = {
  ...packerCoreFields,
  ...remoteScriptFields({
    inline: 'PowerShell commands written into one script, uploaded and run on the machine.',
    script: 'Path of one local PowerShell script to upload and run.',
    scripts: 'Paths of local PowerShell scripts to upload and run, in order.',
    env_var_format: 'Printf-style pattern that turns one variable name and value into PowerShell syntax.',
    binary: 'Upload the scripts as they are, without converting line endings.',
    remote_path: 'Path on the machine each script is uploaded to; default under c:/Windows/Temp.',
  }),
  remote_env_var_path: z
    .string()
    .optional()
    .describe('Path on the machine of the uploaded file that sets the environment.'),
  elevated_execute_command: z
    .string()
    .optional()
    .describe('Command that runs each script as elevated_user; a template with Vars and Path.'),
  skip_clean: skipClean,
  start_retry_timeout: startRetryTimeout,
  elevated_env_var_format: z
    .string()
    .optional()
    .describe('Printf-style pattern for one environment variable when running as elevated_user.'),
  elevated_user: z
    .string()
    .optional()
    .describe('Run the scripts as this user through a scheduled task, with elevated rights.'),
  elevated_password: z.string().optional().describe('Password of elevated_user; needs elevated_user.'),
  execution_policy: z
    .string()
    .superRefine((text, ctx) => {
      if (executionPolicyNumber(text) === undefined)
        ctx.addIssue({ code: 'custom', message: executionPolicyError(text) });
    })
    .optional()
    .describe(
      'PowerShell execution policy for the scripts: bypass (default), allsigned, default, remotesigned, restricted, undefined, unrestricted or none.',
    ),
  debug_mode: z.number().optional().describe('PowerShell Set-PSDebug trace level: 0 (off), 1 or 2.'),
  pause_after: pauseAfter,
  use_pwsh: z.boolean().optional().describe('Run scripts with pwsh.exe (PowerShell 7+) instead of powershell.exe.'),
};

export type PowershellConfig = z.output<z.ZodObject<typeof powershellFields>>;

export const powershellSpec = defineComponent({
  kind: 'provisioner',
  type: 'powershell',
  fields: powershellFields,
  interpolate: { exclude: ['execute_command', 'elevated_execute_command'] },
  prepare: preparePowershell,
});
