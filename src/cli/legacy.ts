import { inspectLegacyTemplate, loadLegacyTemplate, validateLegacy } from '../template/legacy/index.js';
import { chooseImplementation, type BuildComponentKind } from '../plugins/resolve.js';
import type { CliIO } from './io.js';
import { legacyPlugins } from './legacy-build.js';
import { writeDiags, type MetaArgs } from './meta-args.js';
import type { Ui } from './ui.js';

/*
 * validate and inspect for legacy JSON templates (command/meta.go
 * GetConfigFromJSON and packer.Core): loading failures are printed as Packer's
 * Ui.Error text, everything else as diagnostics without source lines.
 * Components plugins serve are checked by their plugin's Prepare.
 */

export async function validateLegacyTemplate(ui: Ui, meta: MetaArgs, io: CliIO, syntaxOnly: boolean): Promise<number> {
  const result = await validateLegacy(meta.path ?? '', {
    vars: meta.vars,
    varFiles: meta.varFiles,
    env: io.env,
    cwd: io.cwd,
    only: meta.only,
    except: meta.except,
    syntaxOnly,
    plugins: await legacyPlugins(io),
  });
  if (result.uiError !== undefined) {
    ui.error(result.uiError);
    return 1;
  }
  if (writeDiags(ui, new Map(), result.diags) !== 0 || result.exitCode !== 0) return 1;
  ui.say(syntaxOnly ? 'Syntax-only check passed. Everything looks okay.' : 'The configuration is valid.');
  return 0;
}

/** `inspect` of a legacy template: Packer's text, each builder and provisioner with the implementation serving it. */
export async function inspectLegacy(ui: Ui, meta: MetaArgs, io: CliIO): Promise<number> {
  const loaded = loadLegacyTemplate(meta.path ?? '', {
    vars: meta.vars,
    varFiles: meta.varFiles,
    env: io.env,
    cwd: io.cwd,
  });
  if (loaded.uiError !== undefined || !loaded.template) {
    ui.error(loaded.uiError ?? 'Failed to load the template.');
    return 1;
  }
  const { catalog, env } = await legacyPlugins(io);
  const servedBy = (kind: BuildComponentKind, type: string) => chooseImplementation(kind, type, catalog, env);
  for (const line of inspectLegacyTemplate(loaded.template, servedBy)) {
    if ('say' in line) ui.say(line.say);
    else ui.machine(...line.machine);
  }
  return 0;
}
