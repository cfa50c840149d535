import { PrepareErrors } from '../schema/index.js';
import { statProblem } from './communicator.prepare.js';

/*
 * The script checks the shell, powershell and windows-shell provisioners share,
 * with their messages. Each provisioner calls them in its own order.
 */

export interface ScriptFields {
  readonly inline?: readonly string[];
  readonly script?: string;
  readonly scripts?: readonly string[];
}

export function checkScriptOrScripts(c: ScriptFields, out: PrepareErrors): void {
  if (c.script && (c.scripts ?? []).length > 0) out.error('Only one of script or scripts can be specified.');
}

/** One of the scripts or inline commands, then each script file must exist. */
export function checkScriptSources(c: ScriptFields, out: PrepareErrors): void {
  // These provisioners treat an empty inline list as none at all.
  const inline = c.inline !== undefined && c.inline.length > 0;
  const scripts = c.script ? [c.script] : (c.scripts ?? []);
  if (scripts.length === 0 && !inline) out.error('Either a script file or inline script must be specified.');
  else if (scripts.length > 0 && inline)
    out.error('Only a script file or an inline script can be specified, not both.');
  checkScriptFiles(scripts, out);
}

export function checkScriptFiles(scripts: readonly string[], out: PrepareErrors): void {
  for (const path of scripts) {
    const problem = statProblem(path);
    if (problem) out.error(`Bad script '${path}': ${problem}`);
  }
}

/** Every `environment_vars` entry must be KEY=value with a non-empty key. */
export function checkEnvironmentVars(vars: readonly string[] | undefined, out: PrepareErrors): void {
  for (const kv of vars ?? []) {
    if (kv.indexOf('=') <= 0) out.error(`Environment variable not in format 'key=value': ${kv}`);
  }
}
