import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Diagnostic } from '../hcl/diagnostics.js';
import type { Range } from '../hcl/range.js';
import { SecretMasker } from '../template/secrets.js';
import {
  initializeLegacy,
  loadLegacyTemplate,
  type LegacyBuildOptions,
  type LegacyPlugins,
} from '../template/legacy/index.js';
import { legacyLoadPlace, planLegacyBuilds } from '../template/legacy/plan.js';
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
 * planLegacyTemplate is the first half, which `kiln plan` and the action
 * share.
 */

/** Runs planned builds with the command's output going to `io`; resolves the exit code. */
export type RunPlanned = (builds: PlannedBuild[], plugins: PluginCatalog, io: CliIO) => Promise<number>;

/** The run's -debug, -force and -on-error ("" when not given, as Packer 1.6.6 passes it). */
export type LegacyRunFlags = Omit<LegacyBuildOptions, 'only' | 'except'>;

export interface LegacyPlanOptions extends LegacyBuildOptions {
  /** The template file, relative to `cwd` ("-" for stdin). */
  readonly path: string;
  readonly vars: readonly (readonly [string, string])[];
  readonly varFiles: readonly string[];
}

/** A legacy template that could not be loaded or initialized. */
export interface LegacyPlanFailure {
  readonly ok: false;
  /** A loading failure as Packer prints it (Ui.Error); otherwise `diags` hold Core.Initialize's error. */
  readonly uiError?: string;
  readonly diags: Diagnostic[];
  /** Where the template goes wrong (a syntax error, else its start), when the file could be read. */
  readonly place?: Range;
}

export interface LegacyPlan {
  readonly ok: true;
  /** Values of the sensitive variables. */
  readonly secrets: readonly string[];
  /** The builds that prepared. */
  readonly builds: PlannedBuild[];
  /** GetBuilds' diagnostics: builds that failed to initialize or prepare, and warnings. */
  readonly diags: Diagnostic[];
  /** Where each diagnostic's build is written. */
  readonly places: ReadonlyMap<Diagnostic, Range>;
  readonly plugins: LegacyPlugins;
}

/** Meta.GetConfigFromJSON, Core.Initialize and Core.GetBuilds of a legacy template. */
export async function planLegacyTemplate(
  opts: LegacyPlanOptions,
  io: Pick<CliIO, 'env' | 'cwd'>,
): Promise<LegacyPlan | LegacyPlanFailure> {
  const { path } = opts;
  const { env, cwd } = io;
  const loaded = loadLegacyTemplate(path, { vars: opts.vars, varFiles: opts.varFiles, env, cwd });
  const bytes = templateBytes(path, cwd);
  const source = { filename: path, ...(bytes ? { bytes } : {}) };
  const place = bytes ? legacyLoadPlace(source) : undefined;
  if (loaded.uiError !== undefined) {
    return { ok: false, uiError: loaded.uiError, diags: loaded.diags, ...(place ? { place } : {}) };
  }
  const init = initializeLegacy(loaded);
  if (!init.core) return { ok: false, diags: init.diags, ...(place ? { place } : {}) };
  const plugins = await legacyPlugins(io);
  const planned = await planLegacyBuilds(loaded, init.core, opts, source, plugins);
  return { ok: true, secrets: init.core.secrets, ...planned, plugins };
}

/** The template's text, for source positions; undefined for stdin or an unreadable file. */
function templateBytes(path: string, cwd: string): Buffer | undefined {
  if (path === '-') return undefined;
  try {
    return readFileSync(resolve(cwd, path));
  } catch {
    return undefined;
  }
}

export async function runLegacyBuild(
  meta: MetaArgs,
  io: CliIO,
  ui: Ui,
  run: RunPlanned,
  flags: LegacyRunFlags = {},
): Promise<number> {
  const planned = await planLegacyTemplate(
    { path: meta.path ?? '', vars: meta.vars, varFiles: meta.varFiles, only: meta.only, except: meta.except, ...flags },
    io,
  );
  if (!planned.ok) {
    if (planned.uiError !== undefined) ui.error(planned.uiError);
    else writeDiags(ui, new Map(), planned.diags);
    return 1;
  }
  const masker = secretMasker(planned.secrets);
  const masked = maskedUi(ui, planned.secrets);

  const { builds, diags, plugins } = planned;
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

function secretMasker(secrets: readonly string[]): SecretMasker {
  const masker = new SecretMasker(() => undefined);
  for (const secret of secrets) masker.add(secret);
  return masker;
}

/** A Ui showing the secrets as "<sensitive>". */
export function maskedUi(ui: Ui, secrets: readonly string[]): Ui {
  const masker = secretMasker(secrets);
  return {
    say: (text) => ui.say(masker.mask(text)),
    error: (text) => ui.error(masker.mask(text)),
    machine: (type, ...args) => ui.machine(type, ...args.map((a) => masker.mask(a))),
  };
}
