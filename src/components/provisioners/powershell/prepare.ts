import { checkEnvironmentVars, checkScriptOrScripts, checkScriptSources } from '../../common/remote-script.prepare.js';
import { PrepareErrors, type PrepareResult } from '../../schema/index.js';
import { executionPolicyNumber } from './execution-policy.js';
import type { PowershellConfig } from './schema.js';

/* provisioner/powershell Provisioner.Prepare of Packer: its checks, order and messages. */

export function preparePowershell(c: PowershellConfig): PrepareResult {
  const out = new PrepareErrors();
  checkScriptOrScripts(c, out);
  if (!c.elevated_user && c.elevated_password) {
    out.error("Must supply an 'elevated_user' if 'elevated_password' provided");
  }
  checkScriptSources(c, out);
  checkEnvironmentVars(c.environment_vars, out);
  // A name the policy list does not know fails earlier, when the field is decoded.
  const policy = c.execution_policy === undefined ? 0 : (executionPolicyNumber(c.execution_policy) ?? 0);
  if (policy > 7) {
    out.error(
      'Invalid execution policy provided. Please supply one of: "bypass", "allsigned", "default", ' +
        '"remotesigned", "restricted", "undefined", "unrestricted", "none".',
    );
  }
  // Packer reads the number into an int, dropping any fraction.
  const debug = Math.trunc(c.debug_mode ?? 0);
  if (debug < 0 || debug > 2) {
    out.error(`${debug} is an invalid Trace level for \`debug_mode\`; valid values are 0, 1, and 2`);
  }
  return out.result();
}
