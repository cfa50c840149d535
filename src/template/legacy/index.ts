import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../../hcl/diagnostics.js';
import {
  getBuilds,
  type BuildSelection,
  type GetBuildsResult,
  type LegacyBuild,
  type LegacyBuildOptions,
  type LegacyPlugins,
} from './builds.js';
import type { LegacyEnvironment } from './context.js';
import { initializeCore, type InitializedCore } from './core.js';
import type { LegacyTemplate } from './model.js';
import { parseLegacyTemplate } from './parse.js';
import { cliVariables, readVarFiles } from './variables.js';

/*
 * Legacy JSON templates, end to end as Packer's commands run them:
 * loadLegacyTemplate = Meta.GetConfigFromJSON (parse, then -var/-var-file),
 * initializeLegacy = Core.Initialize, legacyBuilds = Core.GetBuilds, and
 * validateLegacy = what `packer validate` does with the three.
 */

export type {
  BuildSelection,
  GetBuildsResult,
  LegacyBuild,
  LegacyBuildOptions,
  LegacyBuildPostProcessor,
  LegacyBuildProvisioner,
  LegacyPlugins,
} from './builds.js';
export type { InitializedCore } from './core.js';
export { inspectLegacyTemplate, type InspectLine } from './inspect.js';
export type * from './model.js';

export interface LegacyLoadOptions {
  /** -var values in command-line order. */
  readonly vars: readonly (readonly [string, string])[];
  /** -var-file paths in command-line order. */
  readonly varFiles: readonly string[];
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  /** The run's instant for timestamp/isotime (default now). */
  readonly initTime?: Date;
  /** The template text when `path` is "-" (stdin). */
  readonly stdin?: Buffer;
}

export interface LoadedLegacyTemplate {
  readonly template?: LegacyTemplate;
  /** -var values, with var-file values for names -var did not give. */
  readonly variables?: ReadonlyMap<string, string>;
  readonly environment?: LegacyEnvironment;
  /** Errors, as diagnostics (without a source range). */
  readonly diags: Diagnostic[];
  /**
   * When loading fails, the exact text Packer prints with Ui.Error (not in
   * diagnostic form); the command then exits 1. The same text is the summary
   * of the one error diagnostic.
   */
  readonly uiError?: string;
}

const PARSE_HINT =
  'Failed to parse file as legacy JSON template: if you are using an HCL template, check your file extensions; ' +
  'they should be either *.pkr.hcl or *.pkr.json; see the docs for more details: ' +
  'https://www.packer.io/docs/templates/hcl_templates. \nOriginal error: ';

function failed(text: string): LoadedLegacyTemplate {
  return { diags: [{ severity: 'error', summary: text }], uiError: text };
}

/** Meta.GetConfigFromJSON: template.ParseFile, then Meta.Core's variable files and -var values. */
export function loadLegacyTemplate(file: string, opts: LegacyLoadOptions): LoadedLegacyTemplate {
  const abs = path.resolve(opts.cwd, file);
  let src: Buffer;
  try {
    src = file === '-' ? (opts.stdin ?? readFileSync(0)) : readFileSync(abs);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file or directory' : (e as Error).message;
    return failed(`${PARSE_HINT}open ${file}: ${reason}`);
  }
  const parsed = parseLegacyTemplate(src, abs);
  if ('error' in parsed) return failed(`${PARSE_HINT}${parsed.error}`);

  const files = readVarFiles(opts.varFiles, opts.cwd);
  if ('error' in files) return { ...failed(files.error), template: parsed.template };
  return {
    template: parsed.template,
    variables: cliVariables(opts.vars, files.vars),
    environment: { env: opts.env, cwd: opts.cwd, initTime: opts.initTime ?? new Date(), templatePath: abs },
    diags: [],
  };
}

/** Core.Initialize; its error is a diagnostic with an empty summary, as Packer's. */
export function initializeLegacy(loaded: LoadedLegacyTemplate): { core?: InitializedCore; diags: Diagnostic[] } {
  const { template, variables, environment } = loaded;
  if (!template || !variables || !environment) return { diags: loaded.diags };
  const r = initializeCore(template, variables, environment);
  if ('error' in r) return { diags: [{ severity: 'error', summary: '', detail: r.error }] };
  return { core: r.core, diags: [] };
}

/**
 * Core.GetBuilds: the selected builds, prepared (components plugins serve by
 * their plugins) with the run's -debug, -force and -on-error; diagnostics for
 * those that failed and for warnings.
 */
export async function legacyBuilds(
  loaded: LoadedLegacyTemplate,
  core: InitializedCore,
  opts: LegacyBuildOptions,
  plugins?: LegacyPlugins,
): Promise<GetBuildsResult> {
  if (!loaded.template || !loaded.environment) return { builds: [], diags: [], buildOf: new Map() };
  return getBuilds(loaded.template, core, opts, loaded.environment, plugins);
}

export interface LegacyValidateOptions extends LegacyLoadOptions, BuildSelection {
  readonly syntaxOnly?: boolean;
  /** The plugins found for the run; without, only Kiln's own components are known. */
  readonly plugins?: LegacyPlugins;
}

/**
 * What `packer validate` reports for a legacy template. Print `uiError`
 * verbatim when set; otherwise print `diags` with the diagnostic text writer
 * (errors to stderr, warnings to stdout), then "The configuration is valid."
 * when exitCode is 0 (or the syntax-only message when asked for).
 */
export async function validateLegacy(
  file: string,
  opts: LegacyValidateOptions,
): Promise<{ exitCode: 0 | 1; uiError?: string; diags: Diagnostic[]; builds: LegacyBuild[] }> {
  const loaded = loadLegacyTemplate(file, opts);
  if (loaded.uiError !== undefined) return { exitCode: 1, uiError: loaded.uiError, diags: loaded.diags, builds: [] };
  if (opts.syntaxOnly) return { exitCode: 0, diags: [], builds: [] };
  const init = initializeLegacy(loaded);
  if (!init.core) return { exitCode: 1, diags: init.diags, builds: [] };
  const { builds, diags } = await legacyBuilds(loaded, init.core, opts, opts.plugins);
  return { exitCode: diags.some((d) => d.severity === 'error') ? 1 : 0, diags, builds };
}
