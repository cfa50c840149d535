import { checkEnvironmentVars, checkScriptOrScripts, checkScriptSources } from '../../common/remote-script.prepare.js';
import { PrepareErrors, type PrepareResult } from '../../schema/index.js';
import type { ShellConfig } from './schema.js';

/* provisioner/shell Provisioner.Prepare of Packer: its checks, order and messages. */

export function prepareShell(c: ShellConfig): PrepareResult {
  const out = new PrepareErrors();
  checkScriptOrScripts(c, out);
  checkScriptSources(c, out);
  checkEnvironmentVars(c.environment_vars, out);
  return out.result();
}
