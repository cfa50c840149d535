import { statProblem } from '../../common/communicator.prepare.js';
import { PrepareErrors, type PrepareResult } from '../../schema/index.js';
import type { ShellConfig } from './schema.js';

/* provisioner/shell Provisioner.Prepare of Packer: its checks, order and messages. */

export function prepareShell(c: ShellConfig): PrepareResult {
  const out = new PrepareErrors();
  const scripts = c.scripts ?? [];
  // An empty inline list counts as no inline script, as Packer resets it to nil.
  const inline = c.inline !== undefined && c.inline.length > 0;
  if (c.script && scripts.length > 0) out.error('Only one of script or scripts can be specified.');
  const all = c.script ? [c.script] : scripts;
  if (all.length === 0 && !inline) out.error('Either a script file or inline script must be specified.');
  else if (all.length > 0 && inline) out.error('Only a script file or an inline script can be specified, not both.');
  for (const path of all) {
    const problem = statProblem(path);
    if (problem) out.error(`Bad script '${path}': ${problem}`);
  }
  for (const kv of c.environment_vars ?? []) {
    const eq = kv.indexOf('=');
    if (eq <= 0) out.error(`Environment variable not in format 'key=value': ${kv}`);
  }
  return out.result();
}
