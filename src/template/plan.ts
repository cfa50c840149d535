import { errorDiag, hasErrors, type Diagnostic } from '../hcl/diagnostics.js';
import { mergeBodies } from '../hcl/merged.js';
import { formatRange, type Range } from '../hcl/range.js';
import type { HclBody } from '../hcl/schema.js';
import type { EvalContext } from '../eval/context.js';
import { Value } from '../eval/value.js';
import { isPluginComponent, type RegisteredComponent } from '../components/registry.js';
import {
  decodeComponent,
  decodeComponentInput,
  multiErrorText,
  parseComponentInput,
  renderConfigTemplates,
  prepareDiagnostics,
  type ComponentKind,
} from '../components/schema/index.js';
import type { FieldPath } from '../components/schema/index.js';
import type { PluginComponent, PluginConfig } from '../plugins/spec/component.js';
import { PACKER_COMPAT_VERSION } from '../version.js';
import type { BuildBlock } from './build.js';
import { componentContext } from './component-interpolation.js';
import { evalContext, type PackerConfig } from './config.js';
import type { InterpolateContext } from './gotemplate/render.js';
import { expandDynamicBlocks } from './dynamic-blocks.js';
import { compileGlob, type GlobMatcher } from './glob.js';
import { skips } from './only-except.js';
import type { PostProcessorBlock } from './post-processor.js';
import {
  callPrepare,
  decodePluginConfig,
  pluginPrepareDiagnostics,
  preparePlugin,
  type PluginVariables,
} from './plugin-component.js';
import { applyOverride } from './provisioner-override.js';
import type { ProvisionerBlock } from './provisioner.js';
import { sourceKey, useName, type SourceUse } from './source.js';

/*
 * The list of builds (PackerConfig.GetBuilds): one per source used by each
 * build block, named `<build name>.<type>.<name>` (or `<type>.<name>`),
 * filtered by -only / -except globs. Each component body is decoded with its
 * schema and checked as its plugin's Prepare would; a component a plugin
 * serves is decoded with the plugin's spec and prepared by the plugin itself
 * (plugin-component.ts), which is why planning is asynchronous.
 */

/** packer.BuilderDataCommonKeys: placeholders ("<unknown>") until the builder runs. */
export const BUILDER_DATA_COMMON_KEYS = [
  'ID',
  'Host',
  'Port',
  'User',
  'Password',
  'ConnType',
  'PackerRunUUID',
  'PackerHTTPPort',
  'PackerHTTPIP',
  'PackerHTTPAddr',
  'SSHPublicKey',
  'SSHPrivateKey',
  'WinRMPassword',
];

export interface PlannedComponent {
  readonly type: string;
  readonly name: string;
  readonly config: unknown;
  readonly unknown: readonly FieldPath[];
  readonly sensitive: readonly FieldPath[];
}

/** Values a builder generated (Host, Port, ID ...), which replace the build.* placeholders. */
export type BuildValues = Readonly<Record<string, string | number | boolean>>;

export interface PlannedProvisioner extends PlannedComponent {
  readonly block: ProvisionerBlock;
  /**
   * HCL2Provisioner.HCL2Prepare: the config decoded and prepared again with
   * build.* set to the builder's values; throws the decoding or Prepare error.
   */
  readonly prepareWith: (values: BuildValues) => unknown;
}

export interface PlannedPostProcessor extends PlannedComponent {
  readonly block: PostProcessorBlock;
  /** HCL2PostProcessor.HCL2Prepare with the builder artifact's generated data. */
  readonly prepareWith: (values: BuildValues) => unknown;
}

export interface PlannedBuild {
  /** CoreBuild.Name. */
  readonly name: string;
  readonly build: BuildBlock;
  readonly source: SourceUse;
  readonly builder: PlannedComponent;
  readonly provisioners: PlannedProvisioner[];
  readonly postProcessors: PlannedPostProcessor[][];
  readonly errorCleanupProvisioner?: PlannedProvisioner;
}

export interface PlanOptions {
  readonly only: readonly string[];
  readonly except: readonly string[];
  /** The build's -debug, -force and -on-error, which Packer passes to plugins (validate: false, false, ""). */
  readonly debug?: boolean;
  readonly force?: boolean;
  readonly onError?: string;
}

export async function planBuilds(
  config: PackerConfig,
  opts: PlanOptions,
): Promise<{ builds: PlannedBuild[]; diags: Diagnostic[] }> {
  const diags: Diagnostic[] = [];
  const builds: PlannedBuild[] = [];
  if (config.builds.length === 0) {
    diags.push({
      severity: 'error',
      summary: 'Missing build block',
      detail: 'A build block with one or more sources is required for executing a build.',
    });
    return { builds, diags };
  }
  const only = compileFilters(opts.only, 'only', diags);
  const except = compileFilters(opts.except, 'except', diags);
  if (!only || !except) return { builds: [], diags };
  const possible: string[] = [];
  let onlyMatches = 0;
  const exceptMatches = { count: 0 };
  for (const build of config.builds) {
    for (const use of build.sources) {
      const source = config.sources.get(sourceKey(use));
      if (!source) continue; // reported by checkComponentTypes
      const name = build.name ? `${build.name}.${useName(use)}` : useName(use);
      possible.push(name);
      if (only.length > 0) {
        if (!only.some((g) => g(name))) continue;
        onlyMatches++;
      }
      if (except.some((g) => g(name))) {
        exceptMatches.count++;
        continue;
      }
      const sourceCtx = withValues(evalContext(config, 'build'), {
        source: Value.object({ type: Value.string(use.type), name: Value.string(use.localName || use.name) }),
      });
      const body = use.body ? mergeBodies([source.block.body, use.body]) : source.block.body;
      const interp = componentContext(config, { name: use.localName || use.name, type: use.type, afterBuilder: false });
      const variables = pluginVariables(config, use, opts);
      const decoded = await decodeBuilder(
        config,
        use,
        body,
        sourceCtx,
        source.block.defRange,
        diags,
        interp,
        variables,
      );
      if (!decoded) continue;
      const { builder, generated } = decoded;
      // Packer adds the builder's generated-variable names to the common keys.
      const buildValues = Object.fromEntries(
        [...BUILDER_DATA_COMMON_KEYS, ...generated].map((k) => [k, Value.string('<unknown>')]),
      );
      const ctx = withValues(sourceCtx, {
        build: Value.object({ ...buildValues, name: Value.string(build.name) }),
      });
      const sourceName = useName(use);
      const overrideKey = use.localName || use.name;
      // builderVariables: provisioners and post-processors see the source's name and type too.
      const pluginInterp = componentContext(config, { name: overrideKey, type: use.type, afterBuilder: true });
      const plan: ComponentPlan = { config, ctx, interp: pluginInterp, variables, diags };
      const provisioners: PlannedProvisioner[] = [];
      let failed = false;
      for (const p of build.provisioners) {
        if (skips(p.onlyExcept, sourceName)) continue;
        const planned = await planProvisioner(p, overrideKey, plan);
        if (planned) provisioners.push(planned);
        else failed = true;
      }
      if (failed) continue;
      const postProcessors = await planPostProcessors(build, sourceName, except, exceptMatches, plan);
      if (!postProcessors) continue;
      let errorCleanupProvisioner: PlannedProvisioner | undefined;
      const cleanup = build.errorCleanupProvisioner;
      if (cleanup && !skips(cleanup.onlyExcept, sourceName)) {
        errorCleanupProvisioner = await planProvisioner(cleanup, overrideKey, plan);
        if (!errorCleanupProvisioner) continue;
      }
      builds.push({ name, build, source: use, builder, provisioners, postProcessors, errorCleanupProvisioner });
    }
  }
  const detail = `Possible build names: [${possible.join(' ')}].\nThese could also be matched with a glob pattern like: 'happycloud.*'`;
  if (opts.only.length > onlyMatches) {
    diags.push({
      severity: 'warning',
      summary: "an 'only' option was passed, but not all matches were found for the given build.",
      detail,
    });
  }
  if (opts.except.length > exceptMatches.count) {
    diags.push({ severity: 'warning', summary: "an 'except' option was passed, but did not match any build.", detail });
  }
  return { builds, diags };
}

function compileFilters(patterns: readonly string[], option: string, diags: Diagnostic[]): GlobMatcher[] | undefined {
  const out: GlobMatcher[] = [];
  for (const p of patterns) {
    try {
      out.push(compileGlob(p));
    } catch (e) {
      diags.push({ severity: 'error', summary: `Invalid -${option} pattern ${p}: ${(e as Error).message}` });
      return undefined;
    }
  }
  return out;
}

function withValues(ctx: EvalContext, values: Record<string, Value>): EvalContext {
  return { ...ctx, variables: new Map([...ctx.variables, ...Object.entries(values)]) };
}

/**
 * builderVariables plus what current Packer adds for every plugin
 * (packer_core_version, packer_debug, packer_force, packer_on_error,
 * packer_sensitive_variables). packer_build_name is the source's own name.
 */
function pluginVariables(config: PackerConfig, use: SourceUse, opts: PlanOptions): PluginVariables {
  return {
    packer_build_name: use.name,
    packer_builder_type: use.type,
    packer_core_version: PACKER_COMPAT_VERSION,
    packer_debug: String(opts.debug ?? false),
    packer_force: String(opts.force ?? false),
    packer_on_error: opts.onError ?? '',
    packer_sensitive_variables: [...config.variables.values()].filter((v) => v.sensitive).map((v) => v.name),
  };
}

/**
 * The builder variables as a native builder's config holds them: Packer's
 * Prepare decodes its string map weakly (packer_force "true" is a bool) over
 * the block's values.
 */
function coreValues(variables: PluginVariables): Record<string, unknown> {
  const flag = (name: string) => variables[name] === 'true';
  return { ...variables, packer_debug: flag('packer_debug'), packer_force: flag('packer_force') };
}

/** startBuilder: the planned builder and its generated-variable names. */
async function decodeBuilder(
  config: PackerConfig,
  use: SourceUse,
  body: HclBody,
  ctx: EvalContext,
  defRange: Range,
  diags: Diagnostic[],
  interp: InterpolateContext,
  variables: PluginVariables,
): Promise<{ builder: PlannedComponent; generated: readonly string[] } | undefined> {
  const component = config.components('builder', use.type);
  if (!component) {
    diags.push(errorDiag('Failed to load source type', `Unknown builder ${use.type}`));
    return undefined;
  }
  const name = use.localName || use.name;
  if (isPluginComponent(component)) {
    const prepared = await preparePlugin(component, expandDynamicBlocks(body, ctx), ctx, variables);
    diags.push(...prepared.diags);
    if (!prepared.config || !prepared.reply) return undefined;
    const replyDiags = pluginPrepareDiagnostics(prepared.reply, defRange); // warningErrorsToDiags
    diags.push(...replyDiags);
    if (hasErrors(replyDiags)) return undefined;
    const builder = { type: use.type, name, config: prepared.config, unknown: [], sensitive: [] };
    return { builder, generated: prepared.reply.generatedVars };
  }
  const decoded = decodeComponent(component.spec, expandDynamicBlocks(body, ctx), ctx);
  diags.push(...decoded.diags);
  if (decoded.config === undefined || hasErrors(decoded.diags)) return undefined;
  const rendered = renderConfigTemplates(decoded.config, component.spec, interp, decoded.unknown);
  if ('error' in rendered) {
    diags.push({ severity: 'error', summary: rendered.error, subject: defRange }); // warningErrorsToDiags
    return undefined;
  }
  const withCore = { ...(rendered.value as object), ...coreValues(variables) };
  const prepared = prepareDiagnostics(component.spec.prepare(withCore), defRange);
  diags.push(...prepared);
  if (hasErrors(prepared)) return undefined;
  const builder = { type: use.type, name, ...decoded, config: withCore };
  return { builder, generated: component.spec.generatedData ?? [] };
}

/** What planning the provisioners and post-processors of one build needs. */
interface ComponentPlan {
  readonly config: PackerConfig;
  readonly ctx: EvalContext;
  readonly interp: InterpolateContext;
  readonly variables: PluginVariables;
  readonly diags: Diagnostic[];
}

/**
 * startProvisioner / startPostProcessor: decoding, Go-template rendering and
 * Prepare errors become one "Failed preparing" error. A provisioner's override
 * for the source is the second raw config its Prepare decodes. A plugin's
 * component is only decoded here: `prepare` asks the plugin.
 */
function decodePlugin(
  kind: ComponentKind,
  block: ProvisionerBlock | PostProcessorBlock,
  plan: ComponentPlan,
  ctx: EvalContext,
  diags: Diagnostic[],
  override?: Value,
): { planned: PlannedComponent; plugin?: PluginComponent } | undefined {
  const component = plan.config.components(kind, block.type);
  if (!component) return undefined; // reported by checkComponentTypes
  const summary = failedPreparing(kind, block);
  const body = expandDynamicBlocks(block.rest, ctx);
  if (isPluginComponent(component)) {
    const decoded = decodePluginConfig(component, body, ctx, plan.variables, override);
    if (!decoded.config) {
      diags.push(errorDiag(summary, diagnosticsError(decoded.diags), block.block.defRange));
      return undefined;
    }
    const planned = { type: block.type, name: block.name, config: decoded.config, unknown: [], sensitive: [] };
    return { planned, plugin: component };
  }
  const planned = decodeNative(component, summary, block, body, plan.interp, ctx, diags, override);
  return planned && { planned };
}

function failedPreparing(kind: ComponentKind, block: ProvisionerBlock | PostProcessorBlock): string {
  return `Failed preparing ${kind}-block ${JSON.stringify(block.type)} ${JSON.stringify(block.name)}`;
}

function decodeNative(
  component: RegisteredComponent,
  summary: string,
  block: ProvisionerBlock | PostProcessorBlock,
  body: HclBody,
  interp: InterpolateContext,
  ctx: EvalContext,
  diags: Diagnostic[],
  override?: Value,
): PlannedComponent | undefined {
  const input = decodeComponentInput(component.spec, body, ctx);
  const overrideError =
    !hasErrors(input.diags) && override && applyOverride(component.spec.object, input.input, override);
  if (overrideError) {
    const { interpolate } = component.spec;
    const prefix = (interpolate && interpolate.decodeErrorPrefix) ?? '';
    diags.push(errorDiag(summary, prefix + overrideError, block.block.defRange));
    return undefined;
  }
  const decoded = parseComponentInput(component.spec, input);
  if (decoded.config === undefined || hasErrors(decoded.diags)) {
    diags.push(errorDiag(summary, diagnosticsError(decoded.diags), block.block.defRange));
    return undefined;
  }
  const rendered = renderConfigTemplates(decoded.config, component.spec, interp, decoded.unknown);
  if ('error' in rendered) {
    diags.push(errorDiag(summary, rendered.error, block.block.defRange));
    return undefined;
  }
  const prepared = component.spec.prepare(rendered.value);
  if (prepared.errors.length > 0) {
    diags.push(errorDiag(summary, multiErrorText(prepared.errors), block.block.defRange));
    return undefined;
  }
  return { type: block.type, name: block.name, ...decoded, config: rendered.value };
}

/** Decoded at plan time, and for a plugin's component, prepared by the plugin (HCL2Prepare(nil)). */
async function planComponent(
  kind: ComponentKind,
  block: ProvisionerBlock | PostProcessorBlock,
  plan: ComponentPlan,
  override?: Value,
): Promise<PlannedComponent | undefined> {
  const decoded = decodePlugin(kind, block, plan, plan.ctx, plan.diags, override);
  if (!decoded?.plugin) return decoded?.planned;
  const reply = await callPrepare(decoded.plugin, decoded.planned.config as PluginConfig);
  if (reply.error === undefined) return decoded.planned;
  plan.diags.push(errorDiag(failedPreparing(kind, block), reply.error, block.block.defRange));
  return undefined;
}

/** getCoreBuildProvisioner: the override keyed by the source's name applies. */
async function planProvisioner(
  p: ProvisionerBlock,
  sourceName: string,
  plan: ComponentPlan,
): Promise<PlannedProvisioner | undefined> {
  const override = p.override?.get(sourceName);
  const planned = await planComponent('provisioner', p, plan, override);
  const prepareWith = (values: BuildValues) =>
    reprepare(values, plan.ctx, (c, d) => decodePlugin('provisioner', p, plan, c, d, override)?.planned);
  return planned && { ...planned, block: p, prepareWith };
}

/**
 * Decodes a component again in a context whose build object has the builder's
 * values over the placeholders; Packer keeps the plan-time context when the
 * builder passed no values. Errors come back as Packer returns them: the
 * decoding diagnostics' or Prepare's text. A plugin's component is prepared
 * again by its proxy, with the config this returns.
 */
function reprepare(
  values: BuildValues,
  ctx: EvalContext,
  decode: (ctx: EvalContext, diags: Diagnostic[]) => PlannedComponent | undefined,
): unknown {
  let buildCtx = ctx;
  if (Object.keys(values).length > 0) {
    const placeholders = ctx.variables.get('build');
    const build: Record<string, Value> = {};
    if (placeholders?.type.kind === 'object') {
      for (const [k, v] of placeholders.entries()) build[k] = v;
    }
    for (const [k, v] of Object.entries(values)) {
      build[k] = typeof v === 'string' ? Value.string(v) : typeof v === 'number' ? Value.number(v) : Value.bool(v);
    }
    buildCtx = withValues(ctx, { build: Value.object(build) });
  }
  const diags: Diagnostic[] = [];
  const planned = decode(buildCtx, diags);
  if (planned) return planned.config;
  throw new Error(diags.map((d) => d.detail ?? d.summary).join('\n') || 'preparing the component failed');
}

/** getCoreBuildPostProcessors: -except also drops a post-processor (and the rest of its chain) by name or type. */
async function planPostProcessors(
  build: BuildBlock,
  sourceName: string,
  except: readonly GlobMatcher[],
  exceptMatches: { count: number },
  plan: ComponentPlan,
): Promise<PlannedPostProcessor[][] | undefined> {
  const chains: PlannedPostProcessor[][] = [];
  let failed = false;
  for (const chain of build.postProcessorChains) {
    const planned: PlannedPostProcessor[] = [];
    for (const pp of chain) {
      if (skips(pp.onlyExcept, sourceName)) continue;
      const name = pp.name || pp.type;
      if (except.some((g) => g(name))) {
        exceptMatches.count++;
        break;
      }
      const decoded = await planComponent('post-processor', pp, plan);
      const prepareWith = (values: BuildValues) =>
        reprepare(values, plan.ctx, (c, d) => decodePlugin('post-processor', pp, plan, c, d)?.planned);
      if (decoded) planned.push({ ...decoded, block: pp, prepareWith });
      else failed = true;
    }
    if (planned.length > 0) chains.push(planned);
  }
  return failed ? undefined : chains;
}

/** hcl.Diagnostics.Error(): the first diagnostic, and how many others there are. */
function diagnosticsError(diags: readonly Diagnostic[]): string {
  const first = diags[0];
  if (!first) return 'no diagnostics';
  const subject = first.subject ? formatRange(first.subject) : '<nil>';
  const text = `${subject}: ${first.summary}; ${first.detail ?? ''}`;
  return diags.length === 1 ? text : `${text}, and ${diags.length - 1} other diagnostic(s)`;
}
