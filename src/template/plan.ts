import { errorDiag, hasErrors, type Diagnostic } from '../hcl/diagnostics.js';
import { mergeBodies } from '../hcl/merged.js';
import { formatRange, type Range } from '../hcl/range.js';
import type { HclBody } from '../hcl/schema.js';
import type { EvalContext } from '../eval/context.js';
import { Value } from '../eval/value.js';
import { lookupComponent } from '../components/registry.js';
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
import type { BuildBlock } from './build.js';
import { componentContext } from './component-interpolation.js';
import { evalContext, type PackerConfig } from './config.js';
import type { InterpolateContext } from './gotemplate/render.js';
import { expandDynamicBlocks } from './dynamic-blocks.js';
import { compileGlob, type GlobMatcher } from './glob.js';
import { skips } from './only-except.js';
import type { PostProcessorBlock } from './post-processor.js';
import { applyOverride } from './provisioner-override.js';
import type { ProvisionerBlock } from './provisioner.js';
import { sourceKey, useName, type SourceUse } from './source.js';

/*
 * The list of builds (PackerConfig.GetBuilds): one per source used by each
 * build block, named `<build name>.<type>.<name>` (or `<type>.<name>`),
 * filtered by -only / -except globs. Each component body is decoded with its
 * schema and checked as its plugin's Prepare would.
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
}

export function planBuilds(config: PackerConfig, opts: PlanOptions): { builds: PlannedBuild[]; diags: Diagnostic[] } {
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
      const builder = decodeBuilder(use, body, sourceCtx, source.block.defRange, diags, interp);
      if (!builder) continue;
      // Packer adds the builder's generated-variable names to the common keys.
      const generated = lookupComponent('builder', use.type)?.spec.generatedData ?? [];
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
      const provisioners: PlannedProvisioner[] = [];
      let failed = false;
      for (const p of build.provisioners) {
        if (skips(p.onlyExcept, sourceName)) continue;
        const planned = planProvisioner(p, overrideKey, ctx, pluginInterp, diags);
        if (planned) provisioners.push(planned);
        else failed = true;
      }
      if (failed) continue;
      const postProcessors = planPostProcessors(build, sourceName, except, exceptMatches, ctx, pluginInterp, diags);
      if (!postProcessors) continue;
      let errorCleanupProvisioner: PlannedProvisioner | undefined;
      const cleanup = build.errorCleanupProvisioner;
      if (cleanup && !skips(cleanup.onlyExcept, sourceName)) {
        errorCleanupProvisioner = planProvisioner(cleanup, overrideKey, ctx, pluginInterp, diags);
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

function decodeBuilder(
  use: SourceUse,
  body: HclBody,
  ctx: EvalContext,
  defRange: Range,
  diags: Diagnostic[],
  interp: InterpolateContext,
): PlannedComponent | undefined {
  const component = lookupComponent('builder', use.type);
  if (!component) {
    diags.push(errorDiag('Failed to load source type', `Unknown builder ${use.type}`));
    return undefined;
  }
  const decoded = decodeComponent(component.spec, expandDynamicBlocks(body, ctx), ctx);
  diags.push(...decoded.diags);
  if (decoded.config === undefined || hasErrors(decoded.diags)) return undefined;
  const rendered = renderConfigTemplates(decoded.config, component.spec, interp, decoded.unknown);
  if ('error' in rendered) {
    diags.push({ severity: 'error', summary: rendered.error, subject: defRange }); // warningErrorsToDiags
    return undefined;
  }
  const prepared = prepareDiagnostics(component.spec.prepare(rendered.value), defRange);
  diags.push(...prepared);
  if (hasErrors(prepared)) return undefined;
  return { type: use.type, name: use.localName || use.name, ...decoded, config: rendered.value };
}

/**
 * startProvisioner / startPostProcessor: decoding, Go-template rendering and
 * Prepare errors become one "Failed preparing" error. A provisioner's override
 * for the source is the second raw config its Prepare decodes.
 */
function decodePlugin(
  kind: ComponentKind,
  label: string,
  block: ProvisionerBlock | PostProcessorBlock,
  ctx: EvalContext,
  interp: InterpolateContext,
  diags: Diagnostic[],
  override?: Value,
): PlannedComponent | undefined {
  const component = lookupComponent(kind, block.type);
  if (!component) return undefined; // reported by checkComponentTypes
  const summary = `Failed preparing ${label}-block ${JSON.stringify(block.type)} ${JSON.stringify(block.name)}`;
  const input = decodeComponentInput(component.spec, expandDynamicBlocks(block.rest, ctx), ctx);
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

/** getCoreBuildProvisioner: the override keyed by the source's name applies. */
function planProvisioner(
  p: ProvisionerBlock,
  sourceName: string,
  ctx: EvalContext,
  interp: InterpolateContext,
  diags: Diagnostic[],
): PlannedProvisioner | undefined {
  const override = p.override?.get(sourceName);
  const planned = decodePlugin('provisioner', 'provisioner', p, ctx, interp, diags, override);
  const prepareWith = (values: BuildValues) =>
    reprepare(values, ctx, (c, d) => decodePlugin('provisioner', 'provisioner', p, c, interp, d, override));
  return planned && { ...planned, block: p, prepareWith };
}

/**
 * Decodes a component again in a context whose build object has the builder's
 * values over the placeholders; Packer keeps the plan-time context when the
 * builder passed no values. Errors come back as Packer returns them: the
 * decoding diagnostics' or Prepare's text.
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
function planPostProcessors(
  build: BuildBlock,
  sourceName: string,
  except: readonly GlobMatcher[],
  exceptMatches: { count: number },
  ctx: EvalContext,
  interp: InterpolateContext,
  diags: Diagnostic[],
): PlannedPostProcessor[][] | undefined {
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
      const decoded = decodePlugin('post-processor', 'post-processor', pp, ctx, interp, diags);
      const prepareWith = (values: BuildValues) =>
        reprepare(values, ctx, (c, d) => decodePlugin('post-processor', 'post-processor', pp, c, interp, d));
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
