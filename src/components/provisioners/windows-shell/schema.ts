import { z } from 'zod';
import { packerCoreFields } from '../../common/packer-core.schema.js';
import { remoteScriptFields, startRetryTimeout } from '../../common/remote-script.schema.js';
import { defineComponent } from '../../schema/index.js';
import { prepareWindowsShell } from './prepare.js';

/* Field names, HCL types and blocks follow the plugin's HCL spec; descriptions are Kiln's own. */

/** The provisioner "windows-shell": the HCL fields of hashicorp/packer provisioner/windows-shell. */
export const windowsShellFields = {
  ...packerCoreFields,
  ...remoteScriptFields({
    inline: 'cmd.exe commands written into one batch file, uploaded and run on the machine.',
    script: 'Path of one local batch file to upload and run.',
    scripts: 'Paths of local batch files to upload and run, in order.',
    env_var_format: 'Printf-style pattern that turns one variable name and value into cmd.exe syntax.',
    binary: 'Upload the scripts as they are, without converting line endings.',
    remote_path: 'Path on the machine each script is uploaded to; default c:/Windows/Temp/script.bat.',
  }),
  start_retry_timeout: startRetryTimeout,
};

export type WindowsShellConfig = z.output<z.ZodObject<typeof windowsShellFields>>;

export const windowsShellSpec = defineComponent({
  kind: 'provisioner',
  type: 'windows-shell',
  fields: windowsShellFields,
  interpolate: { exclude: ['execute_command'] },
  prepare: prepareWindowsShell,
});
