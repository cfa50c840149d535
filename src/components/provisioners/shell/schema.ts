import { z } from 'zod';
import { packerCoreFields } from '../../common/packer-core.schema.js';
import { defineComponent, duration } from '../../schema/index.js';
import { prepareShell } from './prepare.js';

/* Generated from the plugin's config.hcl2spec.go (field names, HCL types, blocks) with descriptions from its config docs. */

/** The provisioner "shell": the HCL fields of hashicorp/packer provisioner/shell. */
export const shellFields = {
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
  inline_shebang: z.string().optional().describe('The shebang value used when running inline scripts.'),
  pause_after: duration().optional().describe('A duration of how long to pause after the provisioner'),
  use_env_var_file: z
    .boolean()
    .optional()
    .describe('Write the Vars to a file and source them from there rather than declaring inline'),
  remote_folder: z.string().optional().describe('The remote folder where the local shell script will be uploaded to.'),
  remote_file: z.string().optional().describe('The remote file name of the local shell script.'),
  start_retry_timeout: duration().optional().describe('The timeout for retrying to start the process.'),
  skip_clean: z.boolean().optional().describe('Whether to clean scripts up'),
  expect_disconnect: z.boolean().optional(),
};

export type ShellConfig = z.output<z.ZodObject<typeof shellFields>>;

export const shellSpec = defineComponent({
  kind: 'provisioner',
  type: 'shell',
  fields: shellFields,
  prepare: prepareShell,
});
