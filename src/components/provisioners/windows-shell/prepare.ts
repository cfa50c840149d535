import { checkEnvironmentVars, checkScriptOrScripts, checkScriptSources } from '../../common/remote-script.prepare.js';
import { PrepareErrors, type PrepareResult } from '../../schema/index.js';
import type { WindowsShellConfig } from './schema.js';

/* provisioner/windows-shell Provisioner.Prepare of Packer: the same script checks as shell. */

export function prepareWindowsShell(c: WindowsShellConfig): PrepareResult {
  const out = new PrepareErrors();
  checkScriptOrScripts(c, out);
  checkScriptSources(c, out);
  checkEnvironmentVars(c.environment_vars, out);
  return out.result();
}
