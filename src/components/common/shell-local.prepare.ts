import { resolve } from 'node:path';
import { PrepareErrors, type PrepareResult } from '../schema/index.js';
import { checkEnvironmentVars, checkScriptFiles } from './remote-script.prepare.js';
import type { LocalShellConfig } from './shell-local.schema.js';

/*
 * shell-local Validate of packer-plugin-sdk, shared by the shell-local
 * provisioner and post-processor: its checks, order and messages. Two of its
 * checks end Validate at once with that error alone, dropping the others.
 */

const SUPPORTED_OS = ['darwin', 'freebsd', 'linux', 'openbsd', 'solaris', 'windows'];

const TOO_MANY =
  'You may only specify one of the following options: Command, Inline, Script or Scripts. ' +
  'Please consolidate these options in your config.';

export function prepareLocalShell(c: LocalShellConfig): PrepareResult {
  const out = new PrepareErrors();
  // `undefined` stands for Go's nil slice: an empty `inline = []` still counts as set below.
  let inline = c.inline;
  let scripts = c.scripts ?? [];
  const inlineCount = inline?.length ?? 0;
  if (!c.command && inlineCount === 0 && scripts.length === 0 && !c.script) {
    out.error('Command, Inline, Script and Scripts options cannot all be empty.');
  }
  if (c.command) {
    if (inlineCount > 0 || scripts.length > 0 || c.script) out.error(TOO_MANY);
    else inline = [c.command];
  }
  if (c.script) {
    if (scripts.length > 0 || (inline?.length ?? 0) > 0) out.error(TOO_MANY);
    else scripts = [c.script];
  }
  if (scripts.length > 0 && inline !== undefined) out.error(TOO_MANY);
  checkScriptFiles(scripts, out);
  const unsupported = (c.only_on ?? []).find((os) => !SUPPORTED_OS.includes(os));
  if (unsupported !== undefined) {
    return only(`Invalid OS specified in only_on: '${unsupported}'\nSupported OS names: ${SUPPORTED_OS.join(', ')}`);
  }
  if (c.use_linux_pathing) {
    const unconvertible = scripts.map((s) => resolve(s).replace(/\\/g, '/')).find((p) => !p.includes(':/'));
    if (unconvertible !== undefined) {
      return only(
        "There was an error splitting your absolute path; expected to find a drive following the format ':/' " +
          `but did not: absolute path: ${unconvertible}`,
      );
    }
    if ((inline?.length ?? 0) > 0) {
      out.error(
        'Packer is unable to use the Command and Inline features with the Windows Linux Subsystem. ' +
          'Please use the Script or Scripts options instead',
      );
    }
  }
  checkEnvironmentVars(c.environment_vars, out);
  return out.result();
}

function only(error: string): PrepareResult {
  return { errors: [error], warnings: [] };
}
