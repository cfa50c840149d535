import type { Expression, FunctionCallExpr } from '../hcl/ast.js';
import { errorDiag, hasErrors, type Diagnostic } from '../hcl/diagnostics.js';
import { nameSuggestion } from '../hcl/didyoumean.js';
import { goQuote } from '../hcl/quote.js';
import { rangeBetween, type Range } from '../hcl/range.js';
import type { EvalContext } from './context.js';
import { withValues } from './diagnostic-values.js';
import type { Result } from './evaluate-index.js';
import { evalIn, type Scope } from './evaluate.js';
import { callFunction, callSiteOf } from './functions/call.js';
import { FunctionArgError, FunctionCallError, type FunctionSpec } from './functions/function.js';
import { expressionImpl, type ArgClosure } from './functions/special.js';
import { DynamicVal, type Value } from './value.js';
import { asTraversal } from './variables.js';

/*
 * Function calls, as hclsyntax.FunctionCallExpr: look the function up, expand
 * a final `list...` argument, check the argument count, then either hand the
 * values to callFunction (conversion, unknown/null handling, marks) or, for
 * try/can/convert, hand the unevaluated arguments to the function.
 */

/** An argument: an expression as written, or one element of an expanded `list...`. */
type Arg = { readonly expr: Expression } | { readonly value: Value; readonly range: Range };

export function evalFunctionCall(expr: FunctionCallExpr, scope: Scope): Result {
  // As hcl, errors about the call show the values of all its arguments' variables.
  const callValues = (diag: Diagnostic): Diagnostic => withValues(diag, expr, scope.ctx);
  const found = lookupFunction(expr, scope.ctx);
  if ('diags' in found) return { value: found.value, diags: found.diags.map(callValues) };
  const { spec } = found;

  const expanded = expandArgs(expr, scope);
  if (!('args' in expanded)) return expanded;
  const { args, diags } = expanded;

  const arity = checkArity(expr, spec, args);
  if (arity) return { value: DynamicVal, diags: [callValues(arity)] };

  const special = expressionImpl(spec);
  if (special) {
    const closures: ArgClosure[] = args.map((arg) =>
      'expr' in arg
        ? { expr: arg.expr, value: () => evalIn(arg.expr, scope) }
        : {
            expr: { kind: 'Literal', type: 'null', range: arg.range },
            value: () => ({ value: arg.value, diags: [] }),
          },
    );
    try {
      const r = special(closures);
      diags.push(...r.diags);
      return { value: hasErrors(r.diags) ? DynamicVal : r.value, diags };
    } catch (e) {
      diags.push(withArgValues(functionErrorDiag(e, expr, spec, args), expr, args, scope.ctx));
      return { value: DynamicVal, diags };
    }
  }

  const values = args.map((arg) => {
    if (!('expr' in arg)) return arg.value;
    const r = evalIn(arg.expr, scope);
    diags.push(...r.diags);
    return r.value;
  });
  // As hcl, don't call the function with broken arguments: its errors would only confuse.
  if (hasErrors(diags)) return { value: DynamicVal, diags };
  const call = callFunction(expr.name, spec, values, args.map(argStartRange), callSiteOf(expr));
  const callDiags = call.diags.map((d) => withArgValues(d, expr, args, scope.ctx));
  return { value: call.value, diags: [...diags, ...callDiags] };
}

function lookupFunction(expr: FunctionCallExpr, ctx: EvalContext | undefined): { spec: FunctionSpec } | Result {
  const available = new Set<string>();
  for (let c = ctx; c; c = c.parent) {
    const spec = c.functions.get(expr.name);
    if (spec) return { spec };
    for (const name of c.functions.keys()) available.add(name);
  }
  const fail = (summary: string, detail: string, subject: Range, context?: Range): Result => ({
    value: DynamicVal,
    diags: [errorDiag(summary, detail, subject, context)],
  });
  if (available.size === 0) return fail('Function calls not allowed', 'Functions may not be called here.', expr.range);

  const sep = expr.name.lastIndexOf('::');
  if (sep !== -1) {
    const namespace = expr.name.slice(0, sep + 2);
    const name = expr.name.slice(sep + 2);
    const inNamespace = [...available].filter((n) => n.startsWith(namespace));
    if (inNamespace.length === 0) {
      return fail(
        'Call to unknown function',
        `There are no functions in namespace ${goQuote(namespace)}.`,
        expr.nameRange,
        expr.range,
      );
    }
    const suggestion = nameSuggestion(
      name,
      inNamespace.map((n) => n.slice(namespace.length)),
    );
    const didYouMean = suggestion === undefined ? '' : ` Did you mean ${namespace}${suggestion}?`;
    return fail(
      'Call to unknown function',
      `There is no function named ${goQuote(name)} in namespace ${namespace}.${didYouMean}`,
      expr.nameRange,
      expr.range,
    );
  }
  const suggestion = nameSuggestion(expr.name, [...available]);
  const didYouMean = suggestion === undefined ? '' : ` Did you mean ${goQuote(suggestion)}?`;
  return fail(
    'Call to unknown function',
    `There is no function named ${goQuote(expr.name)}.${didYouMean}`,
    expr.nameRange,
    expr.range,
  );
}

/** The call's arguments with a final `list...` spread into one argument per element. */
function expandArgs(expr: FunctionCallExpr, scope: Scope): { args: Arg[]; diags: Diagnostic[] } | Result {
  const args: Arg[] = expr.args.map((e) => ({ expr: e }));
  const last = expr.args[expr.args.length - 1];
  if (!expr.expandFinal || !last) return { args, diags: [] };

  const r = evalIn(last, scope);
  const diags = [...r.diags];
  if (hasErrors(diags)) return { value: DynamicVal, diags };
  const invalid = (detail: string): Result => {
    const diag = errorDiag('Invalid expanding argument value', detail, last.range, expr.range);
    diags.push(withValues(diag, last, scope.ctx));
    return { value: DynamicVal, diags };
  };
  const kind = r.value.type.kind;
  if (kind !== 'dynamic' && kind !== 'tuple' && kind !== 'list' && kind !== 'set') {
    return invalid('The expanding argument (indicated by ...) must be of a tuple, list, or set type.');
  }
  if (r.value.isNull()) return invalid('The expanding argument (indicated by ...) must not be null.');
  if (kind === 'dynamic' || !r.value.isKnown()) return { value: DynamicVal, diags };

  // The collection's own marks move onto each element, so they reach the function.
  const [list, marks] = r.value.unmark();
  args.pop();
  for (const element of list.elements()) args.push({ value: element.withMarks(marks), range: last.range });
  return { args, diags };
}

function checkArity(expr: FunctionCallExpr, spec: FunctionSpec, args: readonly Arg[]): Diagnostic | undefined {
  const params = spec.params;
  if (args.length < params.length) {
    const qualifier = spec.varParam ? ' at least' : '';
    return errorDiag(
      'Not enough function arguments',
      `Function ${goQuote(expr.name)} expects${qualifier} ${params.length} argument(s). Missing value for ${goQuote(params[args.length]!.name)}.`,
      expr.closeParenRange,
      expr.range,
    );
  }
  if (!spec.varParam && args.length > params.length) {
    return errorDiag(
      'Too many function arguments',
      `Function ${goQuote(expr.name)} expects only ${params.length} argument(s).`,
      argStartRange(args[params.length]!),
      expr.range,
    );
  }
  return undefined;
}

/** hcl's diagnostic for an error returned by a function implementation. */
function functionErrorDiag(e: unknown, expr: FunctionCallExpr, spec: FunctionSpec, args: readonly Arg[]): Diagnostic {
  const callStart = rangeBetween(expr.nameRange, expr.openParenRange);
  if (e instanceof FunctionArgError) {
    const param = spec.params[e.argIndex] ?? spec.varParam;
    const arg = args[e.argIndex];
    if (param) {
      const detail = `Invalid value for ${goQuote(param.name)} parameter: ${e.message}.`;
      return arg
        ? errorDiag('Invalid function argument', detail, argStartRange(arg), expr.range)
        : errorDiag('Invalid function argument', detail, expr.range);
    }
  } else if (!(e instanceof FunctionCallError)) {
    throw e;
  }
  return errorDiag(
    'Error in function call',
    `Call to function ${goQuote(expr.name)} failed: ${e.message}.`,
    callStart,
    expr.range,
  );
}

/**
 * hcl attaches an argument's error to the argument expression (an element
 * expanded from `list...` is a literal, without variables) and any other
 * error to the call. The argument is found by the range the error points at.
 */
function withArgValues(
  diag: Diagnostic,
  expr: FunctionCallExpr,
  args: readonly Arg[],
  ctx: EvalContext | undefined,
): Diagnostic {
  const at = diag.subject;
  const arg =
    diag.summary === 'Invalid function argument' && at ? args.find((a) => sameRange(argStartRange(a), at)) : undefined;
  if (arg === undefined) return withValues(diag, expr, ctx);
  return 'expr' in arg ? withValues(diag, arg.expr, ctx) : diag;
}

function sameRange(a: Range, b: Range): boolean {
  return a.filename === b.filename && a.start.byte === b.start.byte && a.end.byte === b.end.byte;
}

function argStartRange(arg: Arg): Range {
  return 'expr' in arg ? startRange(arg.expr) : arg.range;
}

/** hclsyntax's Expression.StartRange: where diagnostics about an argument point. */
export function startRange(expr: Expression): Range {
  switch (expr.kind) {
    case 'Parentheses':
      return startRange(expr.expression);
    case 'FunctionCall':
      return rangeBetween(expr.nameRange, expr.openParenRange);
    case 'Conditional':
      return startRange(expr.condition);
    case 'BinaryOp':
      return startRange(expr.lhs);
    case 'UnaryOp':
      return expr.symbolRange;
    case 'Tuple':
    case 'Object':
    case 'For':
      return expr.openRange;
    case 'Splat':
      return expr.markerRange;
    case 'Template':
      return expr.parts[0] ? startRange(expr.parts[0]) : expr.range;
    case 'TemplateIf':
      return startRange(expr.condition);
    case 'Index': {
      // A literal index is part of a traversal; any other is an IndexExpr, which starts at its bracket.
      if (asTraversal(expr) || isLiteralIndex(expr.key)) return expr.range;
      const { start } = expr.bracketRange;
      return {
        filename: expr.range.filename,
        start,
        end: { line: start.line, column: start.column + 1, byte: start.byte + 1 },
      };
    }
    default:
      return expr.range;
  }
}

function isLiteralIndex(key: Expression): boolean {
  if (key.kind === 'Literal') return true;
  return key.kind === 'Template' && key.parts.length === 1 && key.parts[0]!.kind === 'Literal';
}
