import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { SecretMasker } from '../template/secrets.js';
import { initializeLegacy, loadLegacyTemplate, type LegacyPlugins } from '../template/legacy/index.js';
import { planLegacyBuilds } from '../template/legacy/plan.js';
import { discoverPlugins, type PluginCatalog } from '../plugins/resolve.js';
import type { PlannedBuild } from '../template/plan.js';
import { missingComponents } from './core-build.js';
import type { CliIO } from './io.js';
import { type MetaArgs, NO_BUILDS_TO_RUN, writeDiags } from './meta-args.js';
import type { Ui } from './ui.js';

/*
 * `kiln build` of a legacy JSON template (command/build.go with packer.Core):
 * load, Core.Initialize and Core.GetBuilds as validate does (components a
 * plugin serves prepared by their plugin), then run the builds that prepared
 * through the same runner as HCL2 builds. As Packer, a
 * build that failed to prepare is reported and the others still run (the
 * exit code stays 1). Values of sensitive variables are shown as
 * "<sensitive>" everywhere the command writes (Packer's LogSecretFilter).
 */

/** Runs planned builds with the command's output going to `io`; resolves the exit code. */
export type RunPlanned = (builds: PlannedBuild[], plugins: PluginCatalog, io: CliIO) => Promise<number>;

export async function runLegacyBuild(meta: MetaArgs, io: CliIO, ui: Ui, run: RunPlanned): Promise<number> {
  const file = meta.path ?? '';
  const loaded = loadLegacyTemplate(file, { vars: meta.vars, varFiles: meta.varFiles, env: io.env, cwd: io.cwd });
  if (loaded.uiError !== undefined) {
    ui.error(loaded.uiError);
    return 1;
  }
  const init = initializeLegacy(loaded);
  if (!init.core) {
    writeDiags(ui, new Map(), init.diags);
    return 1;
  }
  const masker = new SecretMasker(() => undefined);
  for (const secret of init.core.secrets) masker.add(secret);
  const masked = maskedUi(ui, masker);

  const bytes = file === '-' ? undefined : readFileSync(resolve(io.cwd, file));
  const sel = { only: meta.only, except: meta.except };
  const plugins = await legacyPlugins(io);
  const source = { filename: file, bytes };
  const { builds, diags } = await planLegacyBuilds(loaded, init.core, sel, source, plugins);
  const prepared = writeDiags(masked, new Map(), diags);
  if (builds.length === 0) {
    if (prepared !== 0) return 1;
    return writeDiags(masked, new Map(), [NO_BUILDS_TO_RUN]);
  }
  if (writeDiags(masked, new Map(), missingComponents(builds, plugins.catalog, io.env)) !== 0) return 1;
  const code = await run(builds, plugins.catalog, {
    ...io,
    stdout: masker.stream(io.stdout),
    stderr: masker.stream(io.stderr),
  });
  return Math.max(prepared, code);
}

/**
 * The plugins a legacy template can use: it has no required_plugins, so the
 * single-component binaries found as Packer 1.6.6 found them.
 */
export async function legacyPlugins(io: Pick<CliIO, 'env' | 'cwd'>): Promise<LegacyPlugins> {
  const catalog = await discoverPlugins({ env: io.env, cwd: io.cwd, resolved: [] });
  return { catalog, env: io.env, launch: { env: io.env, cwd: io.cwd } };
}

function maskedUi(ui: Ui, masker: SecretMasker): Ui {
  return {
    say: (text) => ui.say(masker.mask(text)),
    error: (text) => ui.error(masker.mask(text)),
    machine: (type, ...args) => ui.machine(type, ...args.map((a) => masker.mask(a))),
  };
}
