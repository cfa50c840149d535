import type { ComponentResolver } from '../components/registry.js';
import type { File } from '../hcl/ast.js';
import { hasErrors, type Diagnostic } from '../hcl/diagnostics.js';
import { initializeConfig, parseTemplate, type LoadOptions, type PackerConfig } from '../template/config.js';
import { planBuilds, type PlannedBuild } from '../template/plan.js';

/*
 * An HCL2 template taken as far as its list of builds: parse, initialize, plan
 * (the first half of `packer build` and `packer validate`). It stops at the first
 * stage with errors and hands the diagnostics back, so each adapter decides how
 * to show them: the CLI as Packer's text, the action as annotations too.
 */

export type LoadStage = 'parse' | 'initialize' | 'plan';

export interface LoadBuildsOptions extends LoadOptions {
  readonly only: readonly string[];
  readonly except: readonly string[];
  /** Run data sources (build: yes; validate: only with -evaluate-datasources). */
  readonly executeDatasources: boolean;
  /** Finds the plugin components the template uses (fetch.ts pluginComponentResolver); Kiln's own only without. */
  readonly components?: ComponentResolver;
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
  readonly ok: boolean;
}

export async function loadBuilds(opts: LoadBuildsOptions): Promise<LoadedBuilds> {
  const { config, files, diags } = parseTemplate(opts);
  const stages: StageDiagnostics[] = [{ stage: 'parse', diags }];
  const fail = (): LoadedBuilds => ({ ...(config ? { config } : {}), files, stages, builds: [], ok: false });
  if (hasErrors(diags) || !config) return fail();
  const initDiags = await initializeConfig(config, {
    executeDatasources: opts.executeDatasources,
    ...(opts.components ? { components: opts.components } : {}),
  });
  stages.push({ stage: 'initialize', diags: initDiags });
  if (hasErrors(initDiags)) return fail();
  const planned = await planBuilds(config, { only: opts.only, except: opts.except });
  stages.push({ stage: 'plan', diags: planned.diags });
  if (hasErrors(planned.diags)) return fail();
  return { config, files, stages, builds: planned.builds, ok: true };
}

/** All diagnostics of the stages that ran. */
export function allDiagnostics(loaded: LoadedBuilds): Diagnostic[] {
  return loaded.stages.flatMap((s) => s.diags);
}
