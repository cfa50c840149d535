import { errorDiag, hasErrors, type Diagnostic } from '../hcl/diagnostics.js';
import { formatRange } from '../hcl/range.js';
import type { ContentBlock } from '../hcl/schema.js';
import type { EvalContext } from '../eval/context.js';
import { DynamicPseudoType, mapOf, objectOf, StringType, type Type } from '../eval/types.js';
import { Value } from '../eval/value.js';
import { knownTypes, lookupComponent } from '../components/registry.js';
import { decodeComponent, prepareDiagnostics, renderConfigTemplates } from '../components/schema/index.js';
import { evaluatePluginDatasource, type DatasourceOptions } from '../plugins/bridge/datasource.js';
import { chooseImplementation, type PluginCatalog } from '../plugins/resolve.js';
import { datasourceContext } from './component-interpolation.js';
import { expandDynamicBlocks } from './dynamic-blocks.js';
import { BAD_IDENTIFIER_DETAIL, isValidIdentifier } from './names.js';
import { executeNativeDatasource } from './datasource-exec.js';

/*
 * `data "TYPE" "NAME"` blocks (types.datasource.go). A data source is decoded
 * with its component schema in the data source context, its Go templates are
 * rendered and it is configured; its value is `data.TYPE.NAME`. Unless
 * executed, the value is unknown, of the type its output spec implies. `http`,
 * `null` and the Amazon data sources execute natively; any other type a
 * plugin serves (or one KILN_PREFER_PLUGINS names as `datasource.TYPE`) runs
 * through the plugin (plugins/bridge/datasource.ts), its plugin process ended
 * once the block is evaluated.
 */

export interface DatasourceEvaluation {
  /** Execute (build, inspect, validate -evaluate-datasources), or only configure and take the output type. */
  readonly execute: boolean;
  /** The run's plugins; without them only Kiln's own data source types are known. */
  readonly plugins?: DatasourcePlugins;
}

export interface DatasourcePlugins {
  readonly catalog: PluginCatalog;
  /** For KILN_PREFER_PLUGINS. */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** How plugin processes are started: their environment and working directory. */
  readonly launch?: DatasourceOptions;
}

export interface DatasourceBlock {
  readonly type: string;
  readonly name: string;
  readonly block: ContentBlock;
}

export function datasourceKey(type: string, name: string): string {
  return `${type}.${name}`;
}

export function decodeDataBlock(block: ContentBlock): { data: DatasourceBlock; diags: Diagnostic[] } {
  const [type = '', name = ''] = block.labels;
  const diags: Diagnostic[] = [];
  if (!isValidIdentifier(type)) {
    diags.push(errorDiag('Invalid data source name', BAD_IDENTIFIER_DETAIL, block.labelRanges[0]));
  }
  if (!isValidIdentifier(name)) {
    diags.push(errorDiag('Invalid data resource name', BAD_IDENTIFIER_DETAIL, block.labelRanges[1]));
  }
  return { data: { type, name, block }, diags };
}

/** The output objects of the data sources Kiln knows the output spec of. */
const outputTypes: Readonly<Record<string, Type>> = {
  http: objectOf({ url: StringType, body: StringType, request_headers: mapOf(StringType) }),
  null: objectOf({ output: StringType }),
  'amazon-ami': objectOf({
    id: StringType,
    name: StringType,
    creation_date: StringType,
    owner: StringType,
    owner_name: StringType,
    tags: mapOf(StringType),
  }),
  'amazon-parameterstore': objectOf({ value: StringType, version: StringType, arn: StringType }),
  'amazon-secretsmanager': objectOf({
    value: StringType,
    secret_string: StringType,
    secret_binary: StringType,
    version_id: StringType,
  }),
};

/** startDatasource, then Execute unless `execute` is false (validate's default). */
export async function evaluateDatasource(
  ds: DatasourceBlock,
  ctx: EvalContext,
  opts: DatasourceEvaluation,
): Promise<{ value?: Value; diags: Diagnostic[] }> {
  const { block } = ds;
  const plugins = opts.plugins;
  const impl = plugins && chooseImplementation('datasource', ds.type, plugins.catalog, plugins.env);
  if (impl && !impl.native) {
    return evaluatePluginDatasource(impl.plugin, block, ctx, { ...plugins.launch, execute: opts.execute });
  }
  const component = lookupComponent('data', ds.type);
  if (!component) return { diags: [unknownDatasource(ds, plugins?.catalog.types('datasource') ?? [])] };
  const decoded = decodeComponent(component.spec, expandDynamicBlocks(block.body, ctx), ctx);
  const diags = [...decoded.diags];
  if (hasErrors(diags) || decoded.config === undefined) return { diags };
  // Configure's config.Decode(..., nil, ...) interpolates every key, in an empty context.
  const rendered = renderConfigTemplates(decoded.config, component.spec, datasourceContext(), decoded.unknown);
  if ('error' in rendered) {
    diags.push({ severity: 'error', summary: rendered.error, subject: block.defRange });
    return { diags };
  }
  diags.push(...prepareDiagnostics(component.spec.prepare(rendered.value), block.defRange));
  if (hasErrors(diags)) return { diags };
  if (!opts.execute) return { value: Value.unknown(outputTypes[ds.type] ?? DynamicPseudoType), diags };
  try {
    const value = await executeNativeDatasource(ds.type, rendered.value);
    return { value: value ?? Value.unknown(outputTypes[ds.type] ?? DynamicPseudoType), diags };
  } catch (e) {
    diags.push({ severity: 'error', summary: e instanceof Error ? e.message : String(e), subject: block.defRange });
    return { diags };
  }
}

/** startDatasource's "Unknown data type": Packer's list of known types, then how Kiln finds others. */
function unknownDatasource(ds: DatasourceBlock, pluginTypes: readonly string[]): Diagnostic {
  const known = [...new Set([...knownTypes('data'), ...pluginTypes])].sort();
  return errorDiag(
    `Unknown data type ${ds.type}`,
    `known data sources: [${known.join(' ')}]\n\n` +
      'Any other data source runs through its plugin once one is installed (a required_plugins entry and kiln init).',
    ds.block.labelRanges[0],
  );
}

/** `data` as the eval contexts see it: data.TYPE.NAME. */
export function datasourceValues(values: ReadonlyMap<string, { type: string; name: string; value: Value }>): Value {
  const byType = new Map<string, Map<string, Value>>();
  for (const { type, name, value } of values.values()) {
    const inner = byType.get(type) ?? new Map<string, Value>();
    inner.set(name, value);
    byType.set(type, inner);
  }
  return Value.object(new Map([...byType].map(([t, inner]) => [t, Value.object(inner)])));
}

/** Packer's decodeDatasources: each `data` block, a second one of the same type and name refused. */
export function declareDatasources(blocks: readonly ContentBlock[], into: DatasourceBlock[]): Diagnostic[] {
  const diags: Diagnostic[] = [];
  for (const block of blocks) {
    if (block.type !== 'data') continue;
    const decoded = decodeDataBlock(block);
    diags.push(...decoded.diags);
    if (hasErrors(decoded.diags)) continue;
    const { type, name } = decoded.data;
    const existing = into.find((d) => datasourceKey(d.type, d.name) === datasourceKey(type, name));
    if (existing) {
      diags.push(
        errorDiag(
          'Duplicate data block',
          `This data block has the same data type and name as a previous block declared at ${formatRange(existing.block.defRange)}. Each data must have a unique name per builder type.`,
          block.defRange,
        ),
      );
      continue;
    }
    into.push(decoded.data);
  }
  return diags;
}
