import { z } from 'zod';
import { duration } from '../schema/index.js';

/*
 * The fields the shell, powershell and windows-shell provisioners declare
 * alike (their checks are in remote-script.prepare.ts). Only the descriptions
 * that name the script language differ.
 */

/** The descriptions each provisioner words for its own scripts. */
export interface RemoteScriptWording {
  readonly inline: string;
  readonly script: string;
  readonly scripts: string;
  readonly env_var_format: string;
  readonly binary: string;
  readonly remote_path: string;
}

/** The leading fields of each remote-script provisioner, in its HCL spec's order. */
export function remoteScriptFields(describe: RemoteScriptWording) {
  return {
    inline: z.array(z.string()).optional().describe(describe.inline),
    script: z.string().optional().describe(describe.script),
    scripts: z.array(z.string()).optional().describe(describe.scripts),
    valid_exit_codes: z.array(z.number()).optional().describe('Exit codes that count as success; default is only 0.'),
    environment_vars: z
      .array(z.string())
      .optional()
      .describe('Extra environment for the scripts, each entry written as KEY=value.'),
    env: z
      .record(z.string(), z.string())
      .optional()
      .describe('Extra environment for the scripts as a map of names to values.'),
    env_var_format: z.string().optional().describe(describe.env_var_format),
    binary: z.boolean().optional().describe(describe.binary),
    remote_path: z.string().optional().describe(describe.remote_path),
    execute_command: z
      .string()
      .optional()
      .describe('Command that runs each uploaded script; a template with Vars and Path.'),
  };
}

/* Shared too, but each provisioner places them differently in its spec. */

export const startRetryTimeout = duration()
  .optional()
  .describe('How long to keep retrying to start a script, for machines that are rebooting; default 5m.');

export const skipClean = z.boolean().optional().describe('Leave the uploaded scripts on the machine.');

export const pauseAfter = duration().optional().describe('Wait this long after the last script has finished.');
