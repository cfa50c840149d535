import { z } from 'zod';
import { packerCoreFields } from '../../common/packer-core.schema.js';
import { pauseAfter, remoteScriptFields, skipClean, startRetryTimeout } from '../../common/remote-script.schema.js';
import { defineComponent } from '../../schema/index.js';
import { prepareShell } from './prepare.js';

/* Field names, HCL types and blocks follow the plugin's HCL spec; descriptions are Kiln's own. */

/** The provisioner "shell": the HCL fields of hashicorp/packer provisioner/shell. */
export const shellFields = {
  ...packerCoreFields,
  ...remoteScriptFields({
    inline: 'Commands written into one script, uploaded and run on the machine.',
    script: 'Path of one local script to upload and run.',
    scripts: 'Paths of local scripts to upload and run, in order.',
    env_var_format: 'Printf-style pattern that turns one variable name and value into shell syntax.',
    binary: 'Upload the scripts as they are, without converting Windows line endings.',
    remote_path: 'Full path on the machine the script is uploaded to; overrides remote_folder and remote_file.',
  }),
  inline_shebang: z
    .string()
    .optional()
    .describe('Interpreter line put at the top of the inline script; default "/bin/sh -e".'),
  pause_after: pauseAfter,
  use_env_var_file: z
    .boolean()
    .optional()
    .describe('Put the environment in an uploaded file that the command sources, rather than on the command line.'),
  remote_folder: z.string().optional().describe('Directory on the machine scripts are uploaded to; default /tmp.'),
  remote_file: z.string().optional().describe('File name scripts are uploaded under; default script_<random>.sh.'),
  start_retry_timeout: startRetryTimeout,
  skip_clean: skipClean,
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
