import { z } from 'zod';

/* Field names and HCL types follow the SDK's HCL spec; descriptions are Kiln's own. */

/** packer-plugin-sdk shell-local.Config (shared by the shell-local provisioner and post-processor). */
export const localShellFields = {
  inline: z
    .array(z.string())
    .optional()
    .describe('Commands written into one temporary script and run on this machine.'),
  script: z.string().optional().describe('Path of one local script to run.'),
  scripts: z.array(z.string()).optional().describe('Paths of local scripts to run, in order.'),
  valid_exit_codes: z.array(z.number()).optional().describe('Exit codes that count as success; default is only 0.'),
  environment_vars: z
    .array(z.string())
    .optional()
    .describe('Extra environment for the commands, each entry written as KEY=value.'),
  env: z
    .record(z.string(), z.string())
    .optional()
    .describe('Extra environment for the commands as a map of names to values.'),
  env_var_format: z
    .string()
    .optional()
    .describe('Printf-style pattern that turns one variable name and value into shell syntax.'),
  command: z.string().optional().describe('A single command to run, as an alternative to inline.'),
  execute_command: z
    .array(z.string())
    .optional()
    .describe('Program and arguments that run each script; a template with Vars and Script.'),
  inline_shebang: z
    .string()
    .optional()
    .describe('Interpreter line put at the top of the inline script; default "/bin/sh -e".'),
  only_on: z
    .array(z.string())
    .optional()
    .describe('Operating systems (Go names such as linux, darwin, windows) on which to run; others skip it.'),
  tempfile_extension: z
    .string()
    .optional()
    .describe('File extension for the temporary inline script; default ".cmd" on Windows, none elsewhere.'),
  use_linux_pathing: z
    .boolean()
    .optional()
    .describe('On Windows, turn script paths into WSL paths so they run under the Linux subsystem.'),
};

export type LocalShellConfig = z.output<z.ZodObject<typeof localShellFields>>;
