import type { File } from '../hcl/ast.js';
import { hasErrors, type Diagnostic } from '../hcl/diagnostics.js';
import { goQuote } from '../hcl/quote.js';
import type { EvalContext } from '../eval/context.js';
import type { Value } from '../eval/value.js';
import { formatConsoleValue } from '../cli/console-format.js';
import { templateContext } from './context.js';
import { datasourceValues, declareDatasources, type DatasourceBlock, type DatasourcePlugins } from './datasource.js';
import { loadTemplateFiles, parseVarFiles, type ParsedFile } from './files.js';
import { decodeLocalBlocks, duplicateLocalDiags, evaluateLocals, type LocalDefinition } from './locals.js';
import { evaluatePrereqs } from './prereqs.js';
import {
  collectVariableValues,
  decodeVariableBlocks,
  unsetVariableDiags,
  variableValue,
  type InputVariables,
} from './variables.js';

/*
 * What `console` sees: with a template, its input variables (by Packer's
 * precedence) and locals; without one, an empty var/local scope. As current
 * Packer's console (Initialize without SkipDatasourcesExecution), a template's
 * data sources are executed with its locals, so locals built on them have
 * their values; `data` itself stays out of the console's scope, as in
 * Packer's NilContext. Sources and builds are ignored here.
 */

export interface ConsoleScopeOptions {
  readonly template?: string;
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly vars: readonly (readonly [string, string])[];
  readonly varFiles: readonly string[];
  /** The plugins for data sources Kiln does not run itself; asked for only when the template has data blocks. */
  readonly datasourcePlugins?: () => Promise<DatasourcePlugins>;
}

export interface ConsoleScope {
  readonly context: EvalContext;
  /** Every parsed file by name, so diagnostics can quote source lines. */
  readonly files: Map<string, File>;
  /** The `variables` console command's listing. */
  describeVariables(): string;
}

const consoleBlocks = {
  attributes: [],
  blocks: [
    { type: 'variable', labelNames: ['name'] },
    { type: 'variables', labelNames: [] },
    { type: 'locals', labelNames: [] },
    { type: 'local', labelNames: ['name'] },
    { type: 'data', labelNames: ['type', 'name'] },
  ],
};

export interface LoadedConsoleScope {
  readonly scope: ConsoleScope;
  /** What Packer's Parse reports: any error there ends the console before it reads a line. */
  readonly diags: Diagnostic[];
  /** Initialize's (unset variables, locals, data sources), which Packer's console evaluates past. */
  readonly initDiags: Diagnostic[];
}

/** The console's scope with the template's locals evaluated, its data sources not: locals using them fail. */
export function loadConsoleScope(opts: ConsoleScopeOptions): LoadedConsoleScope {
  const template = readConsoleTemplate(opts);
  if ('loaded' in template) return template.loaded;
  return template.finish(evaluateLocals(template.locals, template.scopeWith));
}

/**
 * The console's scope as Packer's console has it: the template's data
 * sources executed (native ones, and through `opts.datasourcePlugins` those
 * of plugins) with its locals, in dependency order (evaluateBuildPrereqs).
 */
export async function loadConsoleScopeWithDatasources(opts: ConsoleScopeOptions): Promise<LoadedConsoleScope> {
  const template = readConsoleTemplate(opts);
  if ('loaded' in template) return template.loaded;
  const { datasources, locals, scopeWith, finish } = template;
  if (datasources.length === 0) return finish(evaluateLocals(locals, scopeWith));
  const plugins = await opts.datasourcePlugins?.();
  const { values, diags } = await evaluatePrereqs(
    datasources,
    locals,
    (known) => scopeWith(known.locals, datasourceValues(known.data)),
    { execute: true, ...(plugins ? { plugins } : {}) },
  );
  return finish({ values: values.locals, diags });
}

/** The template read up to Initialize, or the scope already settled when its files do not parse. */
type ConsoleTemplate =
  | { readonly loaded: LoadedConsoleScope }
  | {
      readonly locals: readonly LocalDefinition[];
      readonly datasources: readonly DatasourceBlock[];
      /** The context with `known` locals; `data` only while evaluating (the console's is Packer's NilContext). */
      readonly scopeWith: (known: ReadonlyMap<string, Value>, data?: Value) => EvalContext;
      readonly finish: (evaluated: { values: Map<string, Value>; diags: Diagnostic[] }) => LoadedConsoleScope;
    };

function readConsoleTemplate(opts: ConsoleScopeOptions): ConsoleTemplate {
  const diags: Diagnostic[] = [];
  const files = new Map<string, File>();
  const variables: InputVariables = new Map();
  const locals: LocalDefinition[] = [];
  const datasources: DatasourceBlock[] = [];
  // Packer's cfg.Basedir: the template path as given, empty without a template.
  let baseDir = '';
  let autoVarFiles: ParsedFile[] = [];

  if (opts.template !== undefined) {
    const loaded = loadTemplateFiles(opts.template, opts.cwd);
    diags.push(...loaded.diags);
    baseDir = loaded.files.baseDir;
    autoVarFiles = loaded.files.autoVarFiles;
    for (const f of [...loaded.files.configFiles, ...autoVarFiles]) files.set(f.filename, f.source);
    // Like Packer, stop at files that do not parse.
    if (hasErrors(loaded.diags)) {
      return { loaded: { scope: emptyScope(opts.cwd, baseDir, files), diags, initDiags: [] } };
    }
    const contents = loaded.files.configFiles.map((file) => {
      const { content, diags: d } = file.body.partialContent(consoleBlocks);
      diags.push(...d);
      return content;
    });
    // Packer decodes the variables of every file before any data sources and locals.
    const blocks = contents.flatMap((c) => c.blocks);
    diags.push(...decodeVariableBlocks(blocks, variables));
    diags.push(...declareDatasources(blocks, datasources));
    const decoded = decodeLocalBlocks(blocks);
    diags.push(...decoded.diags);
    locals.push(...decoded.locals);
  }
  diags.push(...duplicateLocalDiags(locals));

  // Since Packer 1.13 var files apply in the order given, after the auto ones (HCL, then JSON).
  const varFiles = [...autoVarFiles, ...parseVarFiles(opts.varFiles, opts.cwd, files, diags)];
  diags.push(
    ...collectVariableValues(variables, {
      env: opts.env,
      varFiles: varFiles.map((f) => f.body),
      argv: opts.vars,
      warnOnUndeclaredVar: false,
    }),
  );

  const variableValues = new Map([...variables].map(([name, v]) => [name, variableValue(v)]));
  const scopeWith = (known: ReadonlyMap<string, Value>, data?: Value) =>
    templateContext({ cwd: opts.cwd, baseDir, variables: variableValues, locals: known, ...(data ? { data } : {}) });
  return {
    locals,
    datasources,
    scopeWith,
    finish: (evaluated) => ({
      scope: {
        context: scopeWith(evaluated.values),
        files,
        describeVariables: () => describeVariables(variableValues, evaluated.values),
      },
      diags,
      initDiags: [...unsetVariableDiags(variables), ...evaluated.diags],
    }),
  };
}

function emptyScope(cwd: string, baseDir: string, files: Map<string, File>): ConsoleScope {
  const none = new Map<string, Value>();
  return {
    context: templateContext({ cwd, baseDir, variables: none, locals: none }),
    files,
    describeVariables: () => describeVariables(none, none),
  };
}

/** PackerConfig.printVariables: each value printed as the console prints it, then Go-quoted (%q). */
export function describeVariables(variables: ReadonlyMap<string, Value>, locals: ReadonlyMap<string, Value>): string {
  const lines = (prefix: string, values: ReadonlyMap<string, Value>) =>
    [...values.keys()]
      .sort()
      .map((k) => `${prefix}.${k}: ${goQuote(formatConsoleValue(values.get(k)!))}\n`)
      .join('');
  return `> input-variables:\n\n${lines('var', variables)}\n> local-variables:\n\n${lines('local', locals)}`;
}
