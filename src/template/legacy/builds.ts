import { knownTypes, lookupComponent } from '../../components/registry.js';
import type { ComponentKind } from '../../components/schema/index.js';
import { nameSuggestion } from '../../hcl/didyoumean.js';
import { goQuote } from '../../hcl/quote.js';
import type { Diagnostic } from '../../hcl/diagnostics.js';
import { PACKER_COMPAT_VERSION } from '../../version.js';
import { placeholderData } from '../component-interpolation.js';
import { interpolate, type InterpolateContext } from '../gotemplate/render.js';
import { prepareRawComponent } from './component-config.js';
import { interpolateContext, type LegacyEnvironment } from './context.js';
import type { InitializedCore } from './core.js';
import type { JsonObject } from './go-json.js';
import type { LegacyPostProcessor, LegacyProvisioner, LegacyTemplate, OnlyExcept } from './model.js';

/*
 * packer.Core.GetBuilds for a legacy template: the builds left by -only and
 * -except (exact names), each assembled as Core.Build does (known component
 * types, provisioners and post-processor chains for this builder) and prepared
 * as CoreBuild.Prepare does: the builder, then provisioners, the error-cleanup
 * provisioner and post-processors, stopping at the first error.
 */

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

const KIND_WORD: Record<ComponentKind, string> = {
  builder: 'builder',
  provisioner: 'provisioner',
  'post-processor': 'post-processor',
  data: 'data source',
};

/** Packer's error for a component type no installed plugin provides. */
function unknownType(kind: ComponentKind, type: string): string | undefined {
  if (lookupComponent(kind, type)) return undefined;
  const suggestion = nameSuggestion(type, knownTypes(kind));
  if (suggestion !== undefined) return `Did you mean to use ${goQuote(suggestion)}?`;
  return (
    `The ${KIND_WORD[kind]} ${type} is unknown by Packer, and is likely part of a plugin that is not installed.\n` +
    'You may find the needed plugin along with installation instructions documented on the Packer integrations page.\n\n' +
    `https://developer.hashicorp.com/packer/integrations?filter=${type.split('-')[0]}`
  );
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
): LegacyBuildProvisioner | { error: string } {
  const unknown = unknownType('provisioner', p.type);
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
): LegacyBuild | { error: string } {
  const builder = core.builds.get(name);
  if (!builder) return { error: `no such build found: ${name}` };
  const unknown = unknownType('builder', builder.type);
  if (unknown) return { error: unknown };
  const rawName = builder.name;
  const ctx = interpolateContext(e, { userVariables: core.variables, enableEnv: false });

  const provisioners: LegacyBuildProvisioner[] = [];
  for (const p of t.provisioners) {
    if (skip(p, rawName)) continue;
    const built = buildProvisioner(p, rawName, ctx);
    if ('error' in built) return built;
    provisioners.push(built);
  }
  let cleanupProvisioner: LegacyBuildProvisioner | undefined;
  if (t.cleanupProvisioner) {
    const built = buildProvisioner(t.cleanupProvisioner, rawName, ctx);
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
      const unknownPP = unknownType('post-processor', pp.type);
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

/** CoreBuild.Prepare: the first error text, or the warnings; decoded configs are stored on the build. */
export function prepareBuild(
  t: LegacyTemplate,
  b: LegacyBuild,
  e: LegacyEnvironment,
): { error?: string; warnings: string[] } {
  const common = {
    packer_build_name: b.name,
    packer_builder_type: b.builderType,
    packer_core_version: PACKER_COMPAT_VERSION,
    packer_debug: false,
    packer_force: false,
    packer_on_error: '',
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
  const prepare = (kind: ComponentKind, type: string, raws: readonly JsonObject[], data?: Record<string, string>) => {
    const spec = lookupComponent(kind, type)!.spec;
    const ctx = interpolateContext(e, data ? { ...fields, data, generatedData: data } : fields);
    return prepareRawComponent(spec, raws, ctx, common);
  };

  const builder = prepare('builder', b.builderType, [b.builderRaw]);
  if (builder.error !== undefined) return { error: builder.error, warnings: [] };
  b.builderConfig = builder.config;
  const warnings = [...builder.warnings];
  const data = placeholderData();
  const provisioners = [...b.provisioners, ...(b.cleanupProvisioner ? [b.cleanupProvisioner] : [])];
  for (const p of provisioners) {
    const r = prepare('provisioner', p.type, p.raws, data);
    if (r.error !== undefined) return { error: r.error, warnings };
    p.config = r.config;
  }
  for (const pp of b.postProcessors.flat()) {
    const r = prepare('post-processor', pp.type, [pp.raw], data);
    if (r.error !== undefined) return { error: r.error, warnings };
    pp.config = r.config;
  }
  return { warnings };
}

/** GetBuilds' diagnostics for each selected build, and the builds that prepared. */
export function getBuilds(
  t: LegacyTemplate,
  core: InitializedCore,
  sel: BuildSelection,
  e: LegacyEnvironment,
): { builds: LegacyBuild[]; diags: Diagnostic[] } {
  const builds: LegacyBuild[] = [];
  const diags: Diagnostic[] = [];
  for (const n of buildNames(core, sel)) {
    const b = assembleBuild(t, core, n, sel, e);
    if ('error' in b) {
      diags.push({ severity: 'error', summary: `Failed to initialize build ${goQuote(n)}`, detail: b.error });
      continue;
    }
    const prepared = prepareBuild(t, b, e);
    if (prepared.error !== undefined) {
      diags.push({ severity: 'error', summary: `Failed to prepare build: ${goQuote(n)}`, detail: prepared.error });
      continue;
    }
    builds.push({ ...b, warnings: prepared.warnings });
    for (const w of prepared.warnings) {
      diags.push({ severity: 'warning', summary: `Warning when preparing build: ${goQuote(n)}`, detail: w });
    }
  }
  return { builds, diags };
}
