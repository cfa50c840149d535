import { z } from 'zod';
import { packerCoreFields } from '../../common/packer-core.schema.js';
import { defineComponent, duration } from '../../schema/index.js';
import { prepareShell } from './prepare.js';

/* Field names, HCL types and blocks follow the plugin's HCL spec; descriptions are Kiln's own. */

/** The provisioner "shell": the HCL fields of hashicorp/packer provisioner/shell. */
export const shellFields = {
  ...packerCoreFields,
  inline: z.array(z.string()).optional().describe('Commands written into one script, uploaded and run on the machine.'),
  script: z.string().optional().describe('Path of one local script to upload and run.'),
  scripts: z.array(z.string()).optional().describe('Paths of local scripts to upload and run, in order.'),
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
    .describe('Printf-style pattern that turns one variable name and value into shell syntax.'),
  binary: z.boolean().optional().describe('Upload the scripts as they are, without converting Windows line endings.'),
  remote_path: z
    .string()
    .optional()
    .describe('Full path on the machine the script is uploaded to; overrides remote_folder and remote_file.'),
  execute_command: z
    .string()
    .optional()
    .describe('Command that runs each uploaded script; a template with Vars and Path.'),
  inline_shebang: z
    .string()
    .optional()
    .describe('Interpreter line put at the top of the inline script; default "/bin/sh -e".'),
  pause_after: duration().optional().describe('Wait this long after the last script has finished.'),
  use_env_var_file: z
    .boolean()
    .optional()
    .describe('Put the environment in an uploaded file that the command sources, rather than on the command line.'),
  remote_folder: z.string().optional().describe('Directory on the machine scripts are uploaded to; default /tmp.'),
  remote_file: z.string().optional().describe('File name scripts are uploaded under; default script_<random>.sh.'),
  start_retry_timeout: duration()
    .optional()
    .describe('How long to keep retrying to start a script, for machines that are rebooting; default 5m.'),
  skip_clean: z.boolean().optional().describe('Leave the uploaded scripts on the machine.'),
  expect_disconnect: z
    .boolean()
    .optional()
    .describe('Do not fail when the connection drops while a script runs, as a reboot does.'),
};

export type ShellConfig = z.output<z.ZodObject<typeof shellFields>>;

export const shellSpec = defineComponent({
  kind: 'provisioner',
  type: 'shell',
  fields: shellFields,
  interpolate: { exclude: ['execute_command'] },
  prepare: prepareShell,
});
