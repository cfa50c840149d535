import { z } from 'zod';
import { packerCoreFields } from '../../common/packer-core.schema.js';
import { defineComponent, duration } from '../../schema/index.js';
import { prepareWindowsShell } from './prepare.js';

/* Field names, HCL types and blocks follow the plugin's HCL spec; descriptions are Kiln's own. */

/** The provisioner "windows-shell": the HCL fields of hashicorp/packer provisioner/windows-shell. */
export const windowsShellFields = {
  ...packerCoreFields,
  inline: z
    .array(z.string())
    .optional()
    .describe('cmd.exe commands written into one batch file, uploaded and run on the machine.'),
  script: z.string().optional().describe('Path of one local batch file to upload and run.'),
  scripts: z.array(z.string()).optional().describe('Paths of local batch files to upload and run, in order.'),
  valid_exit_codes: z.array(z.number()).optional().describe('Exit codes that count as success; default is only 0.'),
  environment_vars: z
    .array(z.string())
    .optional()
    .describe('Extra environment for the scripts, each entry written as KEY=value.'),
  env: z
    .record(z.string(), z.string())
    .optional()
    .describe('Extra environment for the scripts as a map of names to values.'),
  env_var_format: z
    .string()
    .optional()
    .describe('Printf-style pattern that turns one variable name and value into cmd.exe syntax.'),
  binary: z.boolean().optional().describe('Upload the scripts as they are, without converting line endings.'),
  remote_path: z
    .string()
    .optional()
    .describe('Path on the machine each script is uploaded to; default c:/Windows/Temp/script.bat.'),
  execute_command: z
    .string()
    .optional()
    .describe('Command that runs each uploaded script; a template with Vars and Path.'),
  start_retry_timeout: duration()
    .optional()
    .describe('How long to keep retrying to start a script, for machines that are rebooting; default 5m.'),
};

export type WindowsShellConfig = z.output<z.ZodObject<typeof windowsShellFields>>;

export const windowsShellSpec = defineComponent({
  kind: 'provisioner',
  type: 'windows-shell',
  fields: windowsShellFields,
  interpolate: { exclude: ['execute_command'] },
  prepare: prepareWindowsShell,
});
