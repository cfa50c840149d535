import type { ComponentResolver } from '../components/registry.js';
import type { File } from '../hcl/ast.js';
import { hasErrors, type Diagnostic } from '../hcl/diagnostics.js';
import type { ComponentUse } from '../plugins/native.js';
import { detectPluginBinaries, type ResolvedPlugin } from '../plugins/required.js';
import { discoverPlugins, type PluginCatalog } from '../plugins/resolve.js';
import { pluginComponentResolver } from '../plugins/spec/fetch.js';
import { initializeConfig, parseTemplate, type LoadOptions, type PackerConfig } from '../template/config.js';
import type { DatasourcePlugins } from '../template/datasource.js';
import { planBuilds, type PlannedBuild } from '../template/plan.js';

/*
 * An HCL2 template taken as far as its list of builds: parse, find the
 * plugins it requires and uses, initialize, plan (the first half of `packer
 * build` and `packer validate`). It stops at the first stage with errors and
 * hands the diagnostics back, so each adapter decides how to show them: the
 * CLI as Packer's text, the action as annotations too.
 */

export type LoadStage = 'parse' | 'plugins' | 'initialize' | 'plan';

type Env = Readonly<Record<string, string | undefined>>;

/** The plugins of a parsed template: its components served by plugins, and what stopped the search. */
export interface TemplatePlugins {
  readonly diags: readonly Diagnostic[];
  /** Finds the plugin components the template uses; Kiln's own only without. */
  readonly components?: ComponentResolver;
  /** The same plugins for the data sources Kiln does not run itself. */
  readonly datasources?: DatasourcePlugins;
  readonly catalog?: PluginCatalog;
}

export interface LoadBuildsOptions extends LoadOptions {
  readonly only: readonly string[];
  readonly except: readonly string[];
  /** Run data sources (build: yes; validate: only with -evaluate-datasources). */
  readonly executeDatasources: boolean;
  /** -force and -on-error ("" when not given), which components receive as packer_force and packer_on_error. */
  readonly force?: boolean;
  readonly onError?: string;
  /**
   * Called once the template parsed (stage 'plugins'): finds its plugins,
   * as templatePlugins does (the action installs the missing ones first).
   * Without it only Kiln's own components are known.
   */
  readonly plugins?: (config: PackerConfig) => Promise<TemplatePlugins>;
}

export interface StageDiagnostics {
  readonly stage: LoadStage;
  readonly diags: readonly Diagnostic[];
}

export interface LoadedBuilds {
  /** Present once parsing got far enough to declare variables. */
  readonly config?: PackerConfig;
  readonly files: ReadonlyMap<string, File>;
  /** Each stage that ran, in order; the last one holds the errors when `ok` is false. */
  readonly stages: readonly StageDiagnostics[];
  readonly builds: readonly PlannedBuild[];
  /** The plugins found for the template, when the `plugins` option found them. */
  readonly catalog?: PluginCatalog;
  readonly ok: boolean;
}

export async function loadBuilds(opts: LoadBuildsOptions): Promise<LoadedBuilds> {
  const { config, files, diags } = parseTemplate(opts);
  const stages: StageDiagnostics[] = [{ stage: 'parse', diags }];
  const fail = (): LoadedBuilds => ({ ...(config ? { config } : {}), files, stages, builds: [], ok: false });
  if (hasErrors(diags) || !config) return fail();
  let found: TemplatePlugins | undefined;
  if (opts.plugins) {
    found = await opts.plugins(config);
    stages.push({ stage: 'plugins', diags: found.diags });
    if (hasErrors(found.diags)) return fail();
  }
  const initDiags = await initializeConfig(config, {
    executeDatasources: opts.executeDatasources,
    ...(found?.components ? { components: found.components } : {}),
    ...(found?.datasources ? { datasources: found.datasources } : {}),
  });
  stages.push({ stage: 'initialize', diags: initDiags });
  if (hasErrors(initDiags)) return fail();
  const planned = await planBuilds(config, {
    only: opts.only,
    except: opts.except,
    ...(opts.force !== undefined ? { force: opts.force } : {}),
    ...(opts.onError !== undefined ? { onError: opts.onError } : {}),
  });
  stages.push({ stage: 'plan', diags: planned.diags });
  if (hasErrors(planned.diags)) return fail();
  const catalog = found?.catalog;
  return { config, files, stages, builds: planned.builds, ...(catalog ? { catalog } : {}), ok: true };
}

/** All diagnostics of the stages that ran. */
export function allDiagnostics(loaded: LoadedBuilds): Diagnostic[] {
  return loaded.stages.flatMap((s) => s.diags);
}

export interface TemplatePluginOptions {
  readonly env: Env;
  readonly cwd: string;
  /** -ignore-prerelease-plugins */
  readonly releasesOnly?: boolean;
  /** The template's components (templateComponentUses): a native source then stands in only for what Kiln has. */
  readonly uses?: readonly ComponentUse[];
}

/**
 * What `kiln validate` and `kiln build` do before initializing: the required
 * plugins' binaries (Packer's "Missing plugins" error when one is not
 * installed), then every plugin found, whose components decode with their own
 * spec.
 */
export async function templatePlugins(
  required: PackerConfig['requiredPlugins'],
  opts: TemplatePluginOptions,
): Promise<TemplatePlugins> {
  const detected = await detectPluginBinaries(required, {
    env: opts.env,
    ...(opts.releasesOnly ? { releasesOnly: true } : {}),
    ...(opts.uses ? { uses: opts.uses } : {}),
  });
  if (hasErrors(detected.diags)) return { diags: detected.diags };
  return { ...(await pluginsOf(detected.resolved, opts)), diags: detected.diags };
}

/** The catalog of the plugins found beside the resolved required ones, for components and data sources. */
export async function pluginsOf(
  resolved: readonly ResolvedPlugin[],
  opts: Pick<TemplatePluginOptions, 'env' | 'cwd'>,
): Promise<Required<Omit<TemplatePlugins, 'diags'>>> {
  const launch = { env: opts.env, cwd: opts.cwd };
  const catalog = await discoverPlugins({ ...launch, resolved });
  const components = pluginComponentResolver(catalog, opts.env, launch);
  return { catalog, components, datasources: { catalog, env: opts.env, launch } };
}
