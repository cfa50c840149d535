import { knownTypes, lookupComponent } from '../../components/registry.js';
import { prepareOn } from '../../plugins/bridge/component-call.js';
import {
  launchPlugin,
  type LaunchOptions,
  type PluginCommand,
  type PluginProcess,
} from '../../plugins/bridge/plugin-process.js';
import { chooseImplementation, type BuildComponentKind, type PluginCatalog } from '../../plugins/resolve.js';
import type { PrepareReply } from '../../plugins/spec/component.js';
import { legacyPluginConfig, type LegacyConfigs } from '../../plugins/spec/legacy-config.js';
import { nameSuggestion } from '../../hcl/didyoumean.js';
import { goQuote } from '../../hcl/quote.js';
import type { Diagnostic } from '../../hcl/diagnostics.js';
import { PACKER_COMPAT_VERSION } from '../../version.js';
import { placeholderData } from '../component-interpolation.js';
import { PLACEHOLDER_MSG } from '../gotemplate/packer-funcs.js';
import { interpolate, type InterpolateContext } from '../gotemplate/render.js';
import { prepareRawComponent } from './component-config.js';
import { interpolateContext, type LegacyEnvironment } from './context.js';
import type { InitializedCore } from './core.js';
import { isJsonObject, type JsonObject, type JsonValue } from './go-json.js';
import type { LegacyPostProcessor, LegacyProvisioner, LegacyTemplate, OnlyExcept } from './model.js';

/*
 * packer.Core.GetBuilds for a legacy template: the builds left by -only and
 * -except (exact names), each assembled as Core.Build does (known component
 * types, provisioners and post-processor chains for this builder) and prepared
 * as CoreBuild.Prepare does: the builder, then provisioners, the error-cleanup
 * provisioner and post-processors, stopping at the first error. A component
 * a plugin serves (resolve.ts chooseImplementation: one Kiln does not run, or
 * KILN_PREFER_PLUGINS) gets its raw map, Packer's config and the placeholder
 * data in its plugin's Prepare, which does all decoding, as Packer passes a
 * legacy template's components to their plugins.
 */

type Env = Readonly<Record<string, string | undefined>>;

/** The plugins found for the run, and how their processes start. */
export interface LegacyPlugins {
  readonly catalog: PluginCatalog;
  /** KILN_PREFER_PLUGINS is read from it. */
  readonly env: Env;
  readonly launch: LaunchOptions;
}

export interface LegacyBuildProvisioner {
  readonly type: string;
  /** The config, then the override for this builder if any. */
  readonly raws: readonly JsonObject[];
  readonly pauseBeforeMs: number;
  readonly timeoutMs: number;
  readonly maxRetries: number;
  /** The decoded config, once prepared. */
  config?: unknown;
}

export interface LegacyBuildPostProcessor {
  readonly name: string;
  readonly type: string;
  readonly keepInputArtifact?: boolean;
  readonly raw: JsonObject;
  config?: unknown;
}

/** One build of a legacy template, shaped like an HCL2 build of one source. */
export interface LegacyBuild {
  /** The interpolated builder name (`packer_build_name`). */
  readonly name: string;
  readonly builderType: string;
  readonly builderRaw: JsonObject;
  builderConfig?: unknown;
  readonly provisioners: readonly LegacyBuildProvisioner[];
  readonly cleanupProvisioner?: LegacyBuildProvisioner;
  readonly postProcessors: readonly (readonly LegacyBuildPostProcessor[])[];
  readonly variables: Readonly<Record<string, string>>;
  readonly sensitiveVariables: readonly string[];
  readonly warnings: readonly string[];
}

export interface BuildSelection {
  readonly only: readonly string[];
  readonly except: readonly string[];
}

/**
 * GetBuildsOptions: the selection, and the run's -debug, -force and -on-error,
 * which CoreBuild.Prepare hands every component as packer_debug, packer_force
 * and packer_on_error (false, false, "" for validate and when not given).
 */
export interface LegacyBuildOptions extends BuildSelection {
  readonly debug?: boolean;
  readonly force?: boolean;
  readonly onError?: string;
}

/** Core.BuildNames: sorted, exact matches. */
export function buildNames(core: InitializedCore, sel: BuildSelection): string[] {
  return [...core.builds.keys()]
    .filter((n) => (sel.only.length === 0 || sel.only.includes(n)) && !sel.except.includes(n))
    .sort();
}

function skip(o: OnlyExcept, name: string): boolean {
  if (o.only.length > 0) return !o.only.includes(name);
  return o.except.includes(name);
}

/** Packer's error for a component type neither Kiln nor an installed plugin provides. */
function unknownType(kind: BuildComponentKind, type: string, plugins: LegacyPlugins | undefined): string | undefined {
  if (lookupComponent(kind, type) || plugins?.catalog.find(kind, type)) return undefined;
  const known = [...new Set([...knownTypes(kind), ...(plugins?.catalog.types(kind) ?? [])])].sort();
  const suggestion = nameSuggestion(type, known);
  if (suggestion !== undefined) return `Did you mean to use ${goQuote(suggestion)}?`;
  return (
    `The ${kind} ${type} is unknown by Packer, and is likely part of a plugin that is not installed.\n` +
    'You may find the needed plugin along with installation instructions documented on the Packer integrations page.\n\n' +
    `https://developer.hashicorp.com/packer/integrations?filter=${type.split('-')[0]}`
  );
}

/** The plugin that serves the component when Kiln does not run it itself. */
function servingPlugin(kind: BuildComponentKind, type: string, plugins: LegacyPlugins | undefined) {
  if (!plugins) return undefined;
  const impl = chooseImplementation(kind, type, plugins.catalog, plugins.env);
  return impl && !impl.native ? impl.plugin : undefined;
}

/** Go's strconv.Atoi error text, or the number. */
function atoi(s: string): number | string {
  if (/^[+-]?\d+$/.test(s)) {
    const n = Number(s);
    if (Number.isSafeInteger(n)) return n;
    return `strconv.Atoi: parsing ${goQuote(s)}: value out of range`;
  }
  return `strconv.Atoi: parsing ${goQuote(s)}: invalid syntax`;
}

function buildProvisioner(
  p: LegacyProvisioner,
  rawName: string,
  ctx: InterpolateContext,
  plugins: LegacyPlugins | undefined,
): LegacyBuildProvisioner | { error: string } {
  const unknown = unknownType('provisioner', p.type, plugins);
  if (unknown) return { error: unknown };
  let maxRetries = 0;
  if (p.maxRetries !== '') {
    let rendered: string;
    try {
      rendered = interpolate(p.maxRetries, ctx);
    } catch (e) {
      return { error: `failed to interpolate \`max_retries\`: ${(e as Error).message}` };
    }
    const n = atoi(rendered);
    if (typeof n === 'string') return { error: `\`max_retries\` must be a valid integer: ${n}` };
    maxRetries = n;
  }
  const override = p.override?.get(rawName);
  const raws = [p.config, ...(override instanceof Map ? [override] : [])];
  return { type: p.type, raws, pauseBeforeMs: p.pauseBeforeMs, timeoutMs: p.timeoutMs, maxRetries };
}

/** Core.Build: the error text, or the build with its components found. */
export function assembleBuild(
  t: LegacyTemplate,
  core: InitializedCore,
  name: string,
  sel: BuildSelection,
  e: LegacyEnvironment,
  plugins?: LegacyPlugins,
): LegacyBuild | { error: string } {
  const builder = core.builds.get(name);
  if (!builder) return { error: `no such build found: ${name}` };
  const unknown = unknownType('builder', builder.type, plugins);
  if (unknown) return { error: unknown };
  const rawName = builder.name;
  const ctx = interpolateContext(e, { userVariables: core.variables, enableEnv: false });

  const provisioners: LegacyBuildProvisioner[] = [];
  for (const p of t.provisioners) {
    if (skip(p, rawName)) continue;
    const built = buildProvisioner(p, rawName, ctx, plugins);
    if ('error' in built) return built;
    provisioners.push(built);
  }
  let cleanupProvisioner: LegacyBuildProvisioner | undefined;
  if (t.cleanupProvisioner) {
    const built = buildProvisioner(t.cleanupProvisioner, rawName, ctx, plugins);
    if ('error' in built) return built;
    cleanupProvisioner = built;
  }

  const postProcessors: LegacyBuildPostProcessor[][] = [];
  for (const chain of t.postProcessors) {
    const current: LegacyBuildPostProcessor[] = [];
    for (const pp of chain) {
      if (skip(pp, rawName)) continue;
      // -except naming a post-processor drops it and the rest of its chain.
      if (sel.except.some((x) => x !== '' && x === pp.name)) break;
      const unknownPP = unknownType('post-processor', pp.type, plugins);
      if (unknownPP) return { error: unknownPP };
      current.push(buildPostProcessor(pp));
    }
    if (current.length > 0) postProcessors.push(current);
  }

  return {
    name,
    builderType: builder.type,
    builderRaw: builder.config,
    provisioners,
    ...(cleanupProvisioner ? { cleanupProvisioner } : {}),
    postProcessors,
    variables: core.variables,
    sensitiveVariables: t.sensitiveVariables,
    warnings: [],
  };
}

function buildPostProcessor(pp: LegacyPostProcessor): LegacyBuildPostProcessor {
  return {
    name: pp.name,
    type: pp.type,
    ...(pp.keepInputArtifact !== undefined ? { keepInputArtifact: pp.keepInputArtifact } : {}),
    raw: pp.config,
  };
}

/** What prepareBuild found: the first error, whether it is a plugin that did not start, the warnings. */
export interface PreparedBuild {
  readonly error?: string;
  /** The error is Core.Build's: a plugin component did not start ("Failed to initialize build"). */
  readonly notStarted?: true;
  readonly warnings: string[];
}

/**
 * Core.Build's start of the plugin components and CoreBuild.Prepare: the
 * first error text, or the warnings; decoded configs are stored on the build.
 */
export async function prepareBuild(
  t: LegacyTemplate,
  b: LegacyBuild,
  e: LegacyEnvironment,
  opts: Omit<LegacyBuildOptions, keyof BuildSelection>,
  plugins?: LegacyPlugins,
): Promise<PreparedBuild> {
  const common = {
    packer_build_name: b.name,
    packer_builder_type: b.builderType,
    packer_core_version: PACKER_COMPAT_VERSION,
    packer_debug: opts.debug ?? false,
    packer_force: opts.force ?? false,
    packer_on_error: opts.onError ?? '',
    packer_template_path: t.path,
    packer_user_variables: b.variables,
    packer_sensitive_variables: b.sensitiveVariables,
  };
  const fields = {
    userVariables: b.variables,
    sensitiveVariables: b.sensitiveVariables,
    enableEnv: false,
    buildName: b.name,
    buildType: b.builderType,
  };
  const prepare = async (
    kind: BuildComponentKind,
    type: string,
    raws: readonly JsonObject[],
    data?: Record<string, string>,
  ): Promise<PreparedLegacy> => {
    const plugin = servingPlugin(kind, type, plugins);
    if (plugin && plugins)
      return preparePlugin(plugin, plugins, kind, type, {
        raws: raws.map(plainMap),
        packer: common,
        ...(data ? { data } : {}),
      });
    const spec = lookupComponent(kind, type)!.spec;
    const ctx = interpolateContext(e, data ? { ...fields, data, generatedData: data } : fields);
    return prepareRawComponent(spec, raws, ctx, common);
  };

  const failed = (r: PreparedLegacy, warnings: string[]): PreparedBuild => ({
    error: r.error,
    ...(r.notStarted ? { notStarted: r.notStarted } : {}),
    warnings,
  });
  const builder = await prepare('builder', b.builderType, [b.builderRaw]);
  if (builder.error !== undefined) return failed(builder, []);
  b.builderConfig = builder.config;
  const warnings = [...builder.warnings];
  // The builder's generated variables join the placeholders provisioners are prepared with.
  const data = placeholderData();
  for (const k of builder.generatedVars ?? []) data[k] = `Build_${k}. ${PLACEHOLDER_MSG}`;
  const provisioners = [...b.provisioners, ...(b.cleanupProvisioner ? [b.cleanupProvisioner] : [])];
  for (const p of provisioners) {
    const r = await prepare('provisioner', p.type, p.raws, data);
    if (r.error !== undefined) return failed(r, warnings);
    p.config = r.config;
  }
  for (const pp of b.postProcessors.flat()) {
    const r = await prepare('post-processor', pp.type, [pp.raw], data);
    if (r.error !== undefined) return failed(r, warnings);
    pp.config = r.config;
  }
  return { warnings };
}

interface PreparedLegacy {
  readonly config?: unknown;
  readonly error?: string;
  /** The error is the plugin's failure to start. */
  readonly notStarted?: true;
  readonly warnings: readonly string[];
  /** A plugin builder's generated variables. */
  readonly generatedVars?: readonly string[];
}

/** The plugin's Prepare of the configs; the config the run sends it again. */
async function preparePlugin(
  command: PluginCommand,
  plugins: LegacyPlugins,
  kind: BuildComponentKind,
  type: string,
  configs: LegacyConfigs,
): Promise<PreparedLegacy> {
  const wire = [...configs.raws, configs.packer, ...(configs.data ? [configs.data] : [])];
  let plugin: PluginProcess;
  try {
    plugin = await launchPlugin(command, plugins.launch);
  } catch (error) {
    // What Core.Build says when a plugin does not start (Start's error).
    const message = error instanceof Error ? error.message : String(error);
    return { error: `error initializing ${kind} '${type}': ${message}`, notStarted: true, warnings: [] };
  }
  let reply: PrepareReply;
  try {
    reply = await prepareOn(plugin, kind, wire);
  } catch (error) {
    // A started plugin that fails to answer: Prepare's error.
    return { error: error instanceof Error ? error.message : String(error), warnings: [] };
  } finally {
    await plugin.kill();
  }
  if (reply.error !== undefined) return { error: reply.error, warnings: reply.warnings };
  return { config: legacyPluginConfig(configs), warnings: reply.warnings, generatedVars: reply.generatedVars };
}

/** A JSON object as the map[string]interface{} Packer decoded it into. */
function plainMap(value: JsonObject): Record<string, unknown> {
  const plain = (v: JsonValue): unknown => {
    if (Array.isArray(v)) return v.map(plain);
    if (isJsonObject(v)) return Object.fromEntries([...v].map(([k, x]) => [k, plain(x)]));
    return v;
  };
  return plain(value) as Record<string, unknown>;
}

export interface GetBuildsResult {
  readonly builds: LegacyBuild[];
  readonly diags: Diagnostic[];
  /** The build each diagnostic is about (all of them are about one). */
  readonly buildOf: ReadonlyMap<Diagnostic, string>;
}

/** GetBuilds' diagnostics for each selected build, and the builds that prepared. */
export async function getBuilds(
  t: LegacyTemplate,
  core: InitializedCore,
  opts: LegacyBuildOptions,
  e: LegacyEnvironment,
  plugins?: LegacyPlugins,
): Promise<GetBuildsResult> {
  const builds: LegacyBuild[] = [];
  const diags: Diagnostic[] = [];
  const buildOf = new Map<Diagnostic, string>();
  const report = (n: string, d: Diagnostic) => {
    diags.push(d);
    buildOf.set(d, n);
  };
  for (const n of buildNames(core, opts)) {
    const b = assembleBuild(t, core, n, opts, e, plugins);
    if ('error' in b) {
      report(n, { severity: 'error', summary: `Failed to initialize build ${goQuote(n)}`, detail: b.error });
      continue;
    }
    const prepared = await prepareBuild(t, b, e, opts, plugins);
    if (prepared.error !== undefined) {
      const summary = prepared.notStarted
        ? `Failed to initialize build ${goQuote(n)}`
        : `Failed to prepare build: ${goQuote(n)}`;
      report(n, { severity: 'error', summary, detail: prepared.error });
      continue;
    }
    builds.push({ ...b, warnings: prepared.warnings });
    for (const w of prepared.warnings) {
      report(n, { severity: 'warning', summary: `Warning when preparing build: ${goQuote(n)}`, detail: w });
    }
  }
  return { builds, diags, buildOf };
}
