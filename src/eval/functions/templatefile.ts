import { parseTemplate } from '../../hcl/parse.js';
import { formatRange } from '../../hcl/range.js';
import type { Diagnostic } from '../../hcl/diagnostics.js';
import { hasErrors } from '../../hcl/diagnostics.js';
import type { Expression } from '../../hcl/ast.js';
import { evaluate } from '../evaluate.js';
import { variables } from '../variables.js';
import { DynamicPseudoType, StringType, type Type } from '../types.js';
import type { Value } from '../value.js';
import { FunctionArgError, FunctionCallError, type FunctionSpec, type FunctionTable } from './function.js';
import { readTextFile } from './filesystem.js';
import { goQuote } from './gocty.js';
import { oncePerCall } from './once-per-call.js';

/*
 * templatefile(path, vars), as Packer's MakeTemplateFileFunc: the file (read
 * like file()) is parsed as an HCL template and evaluated with only `vars` as
 * variables and the full function table, except that templatefile itself
 * refuses to run inside a template.
 */

const params = [
  { name: 'path', type: StringType },
  { name: 'vars', type: DynamicPseudoType },
] as const;

const Identifier = /^[\p{ID_Start}_][\p{ID_Continue}-]*$/u;

/** hcl.Diagnostics.Error(): the first diagnostic, and how many more there were. */
function diagnosticsError(diags: readonly Diagnostic[]): string {
  const one = (d: Diagnostic): string =>
    `${d.subject ? formatRange(d.subject) : '<nil>'}: ${d.summary}; ${d.detail ?? ''}`;
  if (diags.length === 1) return one(diags[0]!);
  return `${one(diags[0]!)}, and ${diags.length - 1} other diagnostic(s)`;
}

const Recursive: FunctionSpec = {
  params,
  returnType: () => {
    throw new FunctionCallError('cannot recursively call templatefile from inside templatefile call');
  },
  impl: () => {
    throw new FunctionCallError('cannot recursively call templatefile from inside templatefile call');
  },
};

function load(baseDir: string, path: string): Expression {
  const { expr, diags } = parseTemplate(readTextFile(baseDir, path), path);
  if (hasErrors(diags)) throw new FunctionCallError(diagnosticsError(diags));
  return expr;
}

function render(expr: Expression, vars: Value, functions: FunctionTable): Value {
  if (vars.type.kind !== 'map' && vars.type.kind !== 'object') {
    throw new FunctionArgError(1, 'invalid vars value: must be a map');
  }
  const entries = vars.entries();
  for (const name of entries.keys()) {
    if (!Identifier.test(name)) {
      throw new FunctionArgError(
        1,
        `invalid template variable name ${goQuote(name)}: must start with a letter, followed by zero or more letters, digits, and underscores`,
      );
    }
  }
  for (const traversal of variables(expr)) {
    const root = traversal[0];
    if (!entries.has(root.name)) {
      throw new FunctionArgError(
        1,
        `vars map does not contain key ${goQuote(root.name)}, referenced at ${formatRange(root.range)}`,
      );
    }
  }
  const table = new Map(functions);
  table.set('templatefile', Recursive);
  const { value, diags } = evaluate(expr, { variables: entries, functions: table });
  if (hasErrors(diags)) throw new FunctionCallError(diagnosticsError(diags));
  return value;
}

/**
 * The templatefile function for templates in baseDir; `functions` gives the
 * full function table (late, since that table contains this function).
 */
export function makeTemplateFileFunction(baseDir: string, functions: () => FunctionTable): FunctionSpec {
  const run = oncePerCall((args) => render(load(baseDir, args[0]!.asString()), args[1]!, functions()));
  return {
    description: 'Reads the file at the given path and renders its content as a template using the supplied variables.',
    params,
    returnType: (args): Type => (args[0]!.isKnown() && args[1]!.isKnown() ? run(args).type : DynamicPseudoType),
    impl: (args) => run(args),
  };
}
