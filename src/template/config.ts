import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { File } from '../hcl/ast.js';
import { hasErrors, type Diagnostic } from '../hcl/diagnostics.js';
import type { BodyContent, ContentBlock } from '../hcl/schema.js';
import type { EvalContext } from '../eval/context.js';
import { Value } from '../eval/value.js';
import { HCP_REGISTRY, decodeBuild, hcpRegistryWarning, type BuildBlock } from './build.js';
import { templateContext } from './context.js';
import { datasourceValues, declareDatasources, type DatasourceBlock, type DatasourcePlugins } from './datasource.js';
import { loadTemplateFiles, parseVarFiles, type ParsedFile } from './files.js';
import { decodeLocalBlocks, duplicateLocalDiags, type LocalDefinition } from './locals.js';
import {
  checkCoreVersion,
  decodeRequiredPlugins,
  sniffRequiredVersions,
  type RequiredPlugin,
  type VersionConstraint,
} from './packer-block.js';
import { checkComponentTypes, usedComponents } from './component-types.js';
import { lookupComponent, type ComponentLookup, type ComponentResolver } from '../components/registry.js';
import { evaluatePrereqs, type PrereqValues } from './prereqs.js';
import { addSource, type SourceBlock } from './source.js';
import { validateValue } from './variable-validation.js';
import {
  collectVariableValues,
  decodeVariableBlocks,
  unsetVariableDiags,
  variableValue,
  type InputVariables,
} from './variables.js';

/*
 * An HCL2 template loaded as Packer does (hcl2template parser.go Parse and
 * PackerConfig.Initialize). Parse reads the files, checks required_version,
 * the top-level schema and required_plugins, declares variables, data sources
 * and locals, and assigns variable values. Initialize validates the values,
 * evaluates data sources and locals in dependency order, then decodes sources
 * and builds.
 */

export const configSchema = {
  attributes: [],
  blocks: [
    { type: 'packer', labelNames: [] },
    { type: 'source', labelNames: ['type', 'name'] },
    { type: 'variables', labelNames: [] },
    { type: 'variable', labelNames: ['name'] },
    { type: 'locals', labelNames: [] },
    { type: 'local', labelNames: ['name'] },
    { type: 'data', labelNames: ['type', 'name'] },
    { type: 'build', labelNames: [] },
    { type: HCP_REGISTRY, labelNames: [] },
    { type: 'communicator', labelNames: ['type', 'name'] },
  ],
};

export interface LoadOptions {
  readonly path: string;
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly vars: readonly (readonly [string, string])[];
  readonly varFiles: readonly string[];
  readonly warnOnUndeclaredVar: boolean;
}

export interface PackerConfig {
  /** path.root: the template directory as given. */
  readonly baseDir: string;
  readonly cwd: string;
  /** Every parsed file by name, for quoting source in diagnostics. */
  readonly files: Map<string, File>;
  readonly requiredVersions: VersionConstraint[];
  readonly requiredPlugins: RequiredPlugin[];
  readonly variables: InputVariables;
  readonly locals: LocalDefinition[];
  readonly datasources: DatasourceBlock[];
  /** Top-level blocks of each config file, in file order. */
  readonly contents: BodyContent[];
  // Filled by initializeConfig.
  values: PrereqValues;
  /** Where sources, provisioners and post-processors are looked up: Kiln's registry, plus plugins once resolved. */
  components: ComponentLookup;
  readonly sources: Map<string, SourceBlock>;
  readonly builds: BuildBlock[];
}

/** Parser.Parse: undefined when the files could not be read or parsed. */
export function parseTemplate(opts: LoadOptions): {
  config?: PackerConfig;
  files: Map<string, File>;
  diags: Diagnostic[];
} {
  const diags: Diagnostic[] = [];
  const files = new Map<string, File>();
  try {
    statSync(resolve(opts.cwd, opts.path));
  } catch {
    // GetHCL2Files: a diagnostic with no summary, detail as Go's os.Stat error.
    return {
      files,
      diags: [{ severity: 'error', summary: '', detail: `stat ${opts.path}: no such file or directory` }],
    };
  }
  const loaded = loadTemplateFiles(opts.path, opts.cwd);
  diags.push(...loaded.diags);
  for (const f of loaded.files.configFiles) files.set(f.filename, f.source);
  if (hasErrors(diags)) return { files, diags };
  const configFiles = loaded.files.configFiles;

  const config: PackerConfig = {
    baseDir: loaded.files.baseDir,
    cwd: opts.cwd,
    files,
    requiredVersions: [],
    requiredPlugins: [],
    variables: new Map(),
    locals: [],
    datasources: [],
    contents: [],
    values: { locals: new Map(), data: new Map() },
    components: lookupComponent,
    sources: new Map(),
    builds: [],
  };
  for (const f of configFiles) {
    const sniffed = sniffRequiredVersions(f.body);
    config.requiredVersions.push(...sniffed.constraints);
    diags.push(...sniffed.diags);
  }
  const versionDiags = checkCoreVersion(config.requiredVersions);
  diags.push(...versionDiags);
  if (hasErrors(versionDiags)) return { config, files, diags };

  for (const f of configFiles) {
    const { content, diags: d } = f.body.content(configSchema);
    diags.push(...d);
    config.contents.push(content);
  }
  for (const f of configFiles) {
    const { plugins, diags: d } = decodeRequiredPlugins(f.body);
    config.requiredPlugins.push(...plugins);
    diags.push(...d);
  }
  diags.push(...decodeVariableBlocks(blocksOf(config, 'variable', 'variables'), config.variables));
  diags.push(...declareDatasources(blocksOf(config, 'data'), config.datasources));
  const locals = decodeLocalBlocks(blocksOf(config, 'local', 'locals'));
  diags.push(...locals.diags);
  config.locals.push(...locals.locals);
  diags.push(...duplicateLocalDiags(config.locals));

  const varFiles: ParsedFile[] = [...loaded.files.autoVarFiles];
  for (const f of varFiles) files.set(f.filename, f.source);
  varFiles.push(...parseVarFiles(opts.varFiles, opts.cwd, files, diags));
  diags.push(
    ...collectVariableValues(config.variables, {
      env: opts.env,
      varFiles: varFiles.map((f) => f.body),
      argv: opts.vars,
      warnOnUndeclaredVar: opts.warnOnUndeclaredVar,
    }),
  );
  return { config, files, diags };
}

function blocksOf(config: PackerConfig, ...types: string[]): ContentBlock[] {
  return config.contents.flatMap((c) => c.blocks.filter((b) => types.includes(b.type)));
}

export type ContextKind = 'local' | 'build' | 'datasource' | 'nil';

/** PackerConfig.EvalContext: data sources are visible except in the nil (console) context. */
export function evalContext(config: PackerConfig, kind: ContextKind, extra?: ReadonlyMap<string, Value>): EvalContext {
  const variables = new Map([...config.variables].map(([name, v]) => [name, variableValue(v)]));
  const ctx = templateContext({
    cwd: config.cwd,
    baseDir: config.baseDir,
    variables,
    locals: config.values.locals,
    data: kind === 'nil' ? undefined : datasourceValues(config.values.data),
  });
  if (!extra) return ctx;
  return { ...ctx, variables: new Map([...ctx.variables, ...extra]) };
}

export interface InitializeOptions {
  readonly executeDatasources: boolean;
  /** Finds the plugin components the template uses, with their specs (by default, Kiln's own only). */
  readonly components?: ComponentResolver;
  /** The run's plugins for data sources Kiln does not run itself (by default, Kiln's own only). */
  readonly datasources?: DatasourcePlugins;
}

/** PackerConfig.Initialize. */
export async function initializeConfig(config: PackerConfig, opts: InitializeOptions): Promise<Diagnostic[]> {
  const diags = validateVariableValues(config);
  const prereqs = await evaluatePrereqs(
    config.datasources,
    config.locals,
    (values) => {
      config.values = values;
      return evalContext(config, 'local');
    },
    { execute: opts.executeDatasources, plugins: opts.datasources },
  );
  config.values = prereqs.values;
  diags.push(...prereqs.diags);

  let registry = false;
  for (const block of blocksOf(config, 'source', 'build', HCP_REGISTRY)) {
    if (block.type === HCP_REGISTRY) {
      if (registry)
        diags.push({ severity: 'error', summary: `Only one ${HCP_REGISTRY} is allowed`, subject: block.defRange });
      else diags.push(hcpRegistryWarning(block));
      registry = true;
    } else if (block.type === 'source') {
      diags.push(...addSource(config.sources, block));
    } else {
      const { build, diags: d } = decodeBuild(block, evalContext(config, 'local'), evalContext(config, 'build'));
      diags.push(...d);
      if (build) config.builds.push(build);
    }
  }
  if (opts.components) {
    const resolved = await opts.components(usedComponents(config));
    config.components = resolved.lookup;
    diags.push(...resolved.diags);
  }
  diags.push(...checkComponentTypes(config));
  return diags;
}

/** Variables.ValidateValues: unset variables, then each set variable's validation rules. */
function validateVariableValues(config: PackerConfig): Diagnostic[] {
  const diags = unsetVariableDiags(config.variables);
  for (const v of config.variables.values()) {
    const last = v.values[v.values.length - 1];
    if (last) diags.push(...validateValue(v.name, v.validations ?? [], last));
  }
  return diags;
}
