import type { File } from '../hcl/ast.js';
import { hasErrors, type Diagnostic } from '../hcl/diagnostics.js';
import { goQuote } from '../hcl/quote.js';
import type { EvalContext } from '../eval/context.js';
import type { Value } from '../eval/value.js';
import { formatConsoleValue } from '../cli/console-format.js';
import { templateContext } from './context.js';
import { loadTemplateFiles, parseVarFiles, type ParsedFile } from './files.js';
import { decodeLocalBlocks, duplicateLocalDiags, evaluateLocals, type LocalDefinition } from './locals.js';
import {
  collectVariableValues,
  decodeVariableBlocks,
  unsetVariableDiags,
  variableValue,
  type InputVariables,
} from './variables.js';

/*
 * What `console` sees: with a template, its input variables (by Packer's
 * precedence) and locals; without one, an empty var/local scope. Other blocks
 * are ignored here — the console evaluates no sources, builds or data sources.
 */

export interface ConsoleScopeOptions {
  readonly template?: string;
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly vars: readonly (readonly [string, string])[];
  readonly varFiles: readonly string[];
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
  ],
};

/**
 * `diags` are what Packer's Parse reports: any error there ends the console
 * before it reads a line. `initDiags` are Initialize's (unset variables,
 * locals), which Packer's console evaluates past.
 */
export function loadConsoleScope(opts: ConsoleScopeOptions): {
  scope: ConsoleScope;
  diags: Diagnostic[];
  initDiags: Diagnostic[];
} {
  const diags: Diagnostic[] = [];
  const files = new Map<string, File>();
  const variables: InputVariables = new Map();
  const locals: LocalDefinition[] = [];
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
    if (hasErrors(loaded.diags)) return { scope: emptyScope(opts.cwd, baseDir, files), diags, initDiags: [] };
    const contents = loaded.files.configFiles.map((file) => {
      const { content, diags: d } = file.body.partialContent(consoleBlocks);
      diags.push(...d);
      return content;
    });
    // Packer decodes the variables of every file before any locals.
    const blocks = contents.flatMap((c) => c.blocks);
    diags.push(...decodeVariableBlocks(blocks, variables));
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

  const initDiags = unsetVariableDiags(variables);
  const variableValues = new Map([...variables].map(([name, v]) => [name, variableValue(v)]));
  const scopeWith = (known: ReadonlyMap<string, Value>) =>
    templateContext({ cwd: opts.cwd, baseDir, variables: variableValues, locals: known });
  const evaluated = evaluateLocals(locals, scopeWith);
  initDiags.push(...evaluated.diags);

  const scope: ConsoleScope = {
    context: scopeWith(evaluated.values),
    files,
    describeVariables: () => describeVariables(variableValues, evaluated.values),
  };
  return { scope, diags, initDiags };
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
