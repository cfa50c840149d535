import { extname, resolve } from 'node:path';
import type { File } from '../hcl/ast.js';
import { errorDiag, type Diagnostic } from '../hcl/diagnostics.js';
import type { EvalContext } from '../eval/context.js';
import type { Value } from '../eval/value.js';
import { formatConsoleValue } from '../cli/console-format.js';
import { templateContext } from './context.js';
import { loadTemplateFiles, parseFile, type ParsedFile } from './files.js';
import {
  decodeLocalBlock,
  decodeLocalsBlock,
  duplicateLocalDiags,
  evaluateLocals,
  type LocalDefinition,
} from './locals.js';
import {
  collectVariableValues,
  decodeVariableBlock,
  decodeVariablesBlock,
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

export function loadConsoleScope(opts: ConsoleScopeOptions): { scope: ConsoleScope; diags: Diagnostic[] } {
  const diags: Diagnostic[] = [];
  const files = new Map<string, File>();
  const variables: InputVariables = new Map();
  const locals: LocalDefinition[] = [];
  let baseDir = opts.cwd;
  let autoVarFiles: ParsedFile[] = [];

  if (opts.template !== undefined) {
    const loaded = loadTemplateFiles(resolve(opts.cwd, opts.template));
    diags.push(...loaded.diags);
    baseDir = loaded.files.baseDir;
    autoVarFiles = loaded.files.autoVarFiles;
    for (const f of [...loaded.files.configFiles, ...autoVarFiles]) files.set(f.filename, f.source);
    for (const file of loaded.files.configFiles) {
      const { content, diags: d } = file.body.partialContent(consoleBlocks);
      diags.push(...d);
      for (const block of content.blocks) {
        if (block.type === 'variable') diags.push(...decodeVariableBlock(block, variables));
        else if (block.type === 'variables') diags.push(...decodeVariablesBlock(block.body, variables));
        else if (block.type === 'locals') {
          const r = decodeLocalsBlock(block.body);
          diags.push(...r.diags);
          locals.push(...r.locals);
        } else {
          const r = decodeLocalBlock(block);
          diags.push(...r.diags);
          if (r.local) locals.push(r.local);
        }
      }
    }
  }

  const varFiles = [...autoVarFiles, ...loadVarFiles(opts, files, diags)];
  // Packer applies every HCL var file before any JSON one, whatever the order given.
  const ordered = [
    ...varFiles.filter((f) => extname(f.filename) === '.hcl'),
    ...varFiles.filter((f) => extname(f.filename) === '.json'),
  ];
  diags.push(
    ...collectVariableValues(variables, {
      env: opts.env,
      varFiles: ordered.map((f) => f.body),
      argv: opts.vars,
      warnOnUndeclaredVar: false,
    }),
  );
  diags.push(...unsetVariableDiags(variables), ...duplicateLocalDiags(locals));

  const variableValues = new Map([...variables].map(([name, v]) => [name, variableValue(v)]));
  const scopeWith = (known: ReadonlyMap<string, Value>) =>
    templateContext({ cwd: opts.cwd, baseDir, variables: variableValues, locals: known });
  const evaluated = evaluateLocals(locals, scopeWith);
  diags.push(...evaluated.diags);

  const scope: ConsoleScope = {
    context: scopeWith(evaluated.values),
    files,
    describeVariables: () => describeVariables(variableValues, evaluated.values),
  };
  return { scope, diags };
}

function loadVarFiles(opts: ConsoleScopeOptions, files: Map<string, File>, diags: Diagnostic[]): ParsedFile[] {
  return opts.varFiles.flatMap((path) => {
    const ext = extname(path);
    if (ext !== '.hcl' && ext !== '.json') {
      diags.push(errorDiag(`Could not guess format of ${path}`, 'A var file must end in .hcl or .json.'));
      return [];
    }
    const r = parseFile(resolve(opts.cwd, path));
    diags.push(...r.diags);
    if (!r.file) return [];
    files.set(r.file.filename, r.file.source);
    return [r.file];
  });
}

/** PackerConfig.printVariables: each value printed as the console prints it, then Go-quoted. */
function describeVariables(variables: ReadonlyMap<string, Value>, locals: ReadonlyMap<string, Value>): string {
  const lines = (prefix: string, values: ReadonlyMap<string, Value>) =>
    [...values.keys()]
      .sort()
      .map((k) => `${prefix}.${k}: ${JSON.stringify(formatConsoleValue(values.get(k)!))}\n`)
      .join('');
  return `> input-variables:\n\n${lines('var', variables)}\n> local-variables:\n\n${lines('local', locals)}`;
}
