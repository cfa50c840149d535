import type { Diagnostic } from '../../hcl/diagnostics.js';
import { JsonBody } from '../../hcl/json/body.js';
import { parseJsonValue } from '../../hcl/json/parser.js';
import { startRange, type JsonValue as PositionedValue } from '../../hcl/json/values.js';
import type { Range } from '../../hcl/range.js';
import type { ContentBlock } from '../../hcl/schema.js';
import type { BuildBlock } from '../build.js';
import type { PlannedBuild, PlannedComponent, PlannedPostProcessor, PlannedProvisioner } from '../plan.js';
import type { PostProcessorBlock } from '../post-processor.js';
import type { ProvisionerBlock } from '../provisioner.js';
import type {
  LegacyBuild,
  LegacyBuildOptions,
  LegacyBuildPostProcessor,
  LegacyBuildProvisioner,
  LegacyPlugins,
} from './builds.js';
import type { InitializedCore } from './core.js';
import { legacyBuilds, type LoadedLegacyTemplate } from './index.js';
import { matchField } from './mapstructure.js';
import type { LegacyPostProcessor, LegacyProvisioner, LegacyTemplate } from './model.js';

/*
 * A legacy JSON template's builds as the core runner runs HCL2 ones
 * (PlannedBuild): Core.GetBuilds selects (-only/-except on builder names) and
 * prepares them with the user variables and BasicPlaceholderData, so
 * `{{ build "Host" }}` is left as `{{.Host}}` (a component a plugin serves
 * keeps the configs its plugin was prepared with, sent again when it runs:
 * plugins/spec/legacy-config.ts). A legacy component is not
 * prepared again with the builder's data: its plugin renders what is left
 * with the generated data when it runs (`ctx.Data = generatedData`), so
 * prepareWith gives back the prepared config. Each component points at the
 * JSON object it is written in, for Kiln's "Provisioner ... failed" line.
 */

export interface LegacyTemplateSource {
  /** The template path as given on the command line, for positions. */
  readonly filename: string;
  /** The template text; without it every component points at the file's start. */
  readonly bytes?: Buffer;
}

export interface PlannedLegacyBuilds {
  readonly builds: PlannedBuild[];
  readonly diags: Diagnostic[];
  /**
   * Where each diagnostic's build is written (its builder's object), for
   * annotations. Packer shows these diagnostics without a source range, so
   * the diagnostics themselves have none.
   */
  readonly places: ReadonlyMap<Diagnostic, Range>;
}

export async function planLegacyBuilds(
  loaded: LoadedLegacyTemplate,
  core: InitializedCore,
  opts: LegacyBuildOptions,
  source: LegacyTemplateSource,
  plugins?: LegacyPlugins,
): Promise<PlannedLegacyBuilds> {
  const { builds, diags, buildOf } = await legacyBuilds(loaded, core, opts, plugins);
  const template = loaded.template;
  if (!template) return { builds: [], diags, places: new Map() };
  const at = new Positions(source);
  const builderAt = (name: string) => {
    const rawName = core.builds.get(name)?.name ?? name;
    return at.located(['builders', [...template.builders.keys()].indexOf(rawName)]).range;
  };
  const places = new Map([...buildOf].map(([d, name]) => [d, builderAt(name)]));
  return { builds: builds.map((b) => plannedBuild(b, template, core, at)), diags, places };
}

/**
 * Where a template that failed to load goes wrong, for annotations: a JSON
 * syntax error's place, else the start of the file.
 */
export function legacyLoadPlace(source: LegacyTemplateSource): Range {
  const start = { line: 1, column: 1, byte: 0 };
  const fileStart = { filename: source.filename, start, end: start };
  if (!source.bytes) return fileStart;
  return parseJsonValue(source.bytes, source.filename).diags[0]?.subject ?? fileStart;
}

/**
 * CoreBuild.Name(): the build name, prefixed with the builder type when the
 * builder's (uninterpolated) name is not its type, as current Packer names
 * legacy builds.
 */
export function legacyBuildName(rawName: string, type: string, name: string): string {
  return rawName === type ? name : `${type}.${name}`;
}

function plannedBuild(b: LegacyBuild, t: LegacyTemplate, core: InitializedCore, at: Positions): PlannedBuild {
  const rawName = core.builds.get(b.name)?.name ?? b.name;
  const builderIndex = [...t.builders.keys()].indexOf(rawName);
  const provisioners = b.provisioners.map((p) => {
    const index = t.provisioners.findIndex((tp) => tp.config === p.raws[0]);
    return plannedProvisioner(p, t.provisioners[index], at.located(['Provisioners', index]));
  });
  const cleanup = b.cleanupProvisioner;
  const errorCleanupProvisioner =
    cleanup && plannedProvisioner(cleanup, t.cleanupProvisioner, at.located(['error-cleanup-provisioner']));
  const postProcessors = b.postProcessors.map((chain) => chain.map((pp) => plannedPostProcessor(pp, t, at)));
  const builderAt = at.located(['builders', builderIndex]);
  const use = { type: b.builderType, name: b.name, localName: '' };
  const build: BuildBlock = {
    name: '',
    description: t.description,
    sources: [use],
    provisioners: provisioners.map((p) => p.block),
    ...(errorCleanupProvisioner ? { errorCleanupProvisioner: errorCleanupProvisioner.block } : {}),
    postProcessorChains: postProcessors.map((chain) => chain.map((pp) => pp.block)),
    block: builderAt.block('build', []),
  };
  return {
    name: legacyBuildName(rawName, b.builderType, b.name),
    build,
    source: use,
    builder: component(b.builderType, b.name, b.builderConfig),
    provisioners,
    postProcessors,
    ...(errorCleanupProvisioner ? { errorCleanupProvisioner } : {}),
  };
}

function component(type: string, name: string, config: unknown): PlannedComponent {
  return { type, name, config, unknown: [], sensitive: [] };
}

function plannedProvisioner(
  p: LegacyBuildProvisioner,
  written: LegacyProvisioner | undefined,
  at: Located,
): PlannedProvisioner {
  const block: ProvisionerBlock = {
    type: p.type,
    name: '',
    pauseBeforeMs: p.pauseBeforeMs,
    // generateCoreBuildProvisioner wraps a legacy provisioner in a pause or else a timeout, never both.
    timeoutMs: p.pauseBeforeMs === 0 ? p.timeoutMs : 0,
    maxRetries: p.maxRetries,
    onlyExcept: { only: written?.only ?? [], except: written?.except ?? [] },
    rest: at.body,
    block: at.block('provisioner', [p.type]),
  };
  return { ...component(p.type, '', p.config), block, prepareWith: () => p.config };
}

function plannedPostProcessor(pp: LegacyBuildPostProcessor, t: LegacyTemplate, at: Positions): PlannedPostProcessor {
  let written: LegacyPostProcessor | undefined;
  let path: (string | number)[] = [];
  t.postProcessors.forEach((chain, i) =>
    chain.forEach((c, j) => {
      if (c.config !== pp.raw) return;
      written = c;
      path = ['post-processors', i, j];
    }),
  );
  const located = at.located(path);
  const block: PostProcessorBlock = {
    type: pp.type,
    name: pp.name,
    onlyExcept: { only: written?.only ?? [], except: written?.except ?? [] },
    ...(pp.keepInputArtifact !== undefined ? { keepInputArtifact: pp.keepInputArtifact } : {}),
    rest: located.body,
    block: located.block('post-processor', [pp.type]),
  };
  return { ...component(pp.type, pp.name, pp.config), block, prepareWith: () => pp.config };
}

interface Located {
  readonly range: Range;
  readonly body: JsonBody;
  block(type: string, labels: readonly string[]): ContentBlock;
}

/** The template parsed again with source ranges, to find where each component is written. */
class Positions {
  private readonly root: PositionedValue | undefined;
  private readonly fileStart: Range;

  constructor(source: LegacyTemplateSource) {
    const start = { line: 1, column: 1, byte: 0 };
    this.fileStart = { filename: source.filename, start, end: start };
    if (source.bytes) {
      const parsed = parseJsonValue(source.bytes, source.filename);
      if (parsed.diags.length === 0) this.root = parsed.value;
    }
  }

  /**
   * The value at a path of root keys (matched as the template parser matches
   * them) and indexes. A post-processor written alone stands for a chain of one.
   */
  located(path: readonly (string | number)[]): Located {
    let value = this.root;
    for (const step of path) value = value && this.child(value, step);
    const range = value ? startRange(value) : this.fileStart;
    const body = new JsonBody(value ?? { kind: 'object', properties: [], range, openRange: range, closeRange: range });
    return {
      range,
      body,
      block: (type, labels) => ({
        type,
        labels,
        body,
        defRange: range,
        typeRange: range,
        labelRanges: labels.map(() => range),
      }),
    };
  }

  private child(value: PositionedValue, step: string | number): PositionedValue | undefined {
    if (typeof step === 'string') {
      if (value.kind !== 'object') return undefined;
      const key = matchField(
        value.properties.map((p) => p.name),
        step,
      );
      return value.properties.findLast((p) => p.name === key)?.value;
    }
    if (value.kind !== 'array') return step === 0 ? value : undefined;
    return value.items[step];
  }
}
