import type { FunctionCallExpr } from '../../hcl/ast.js';
import { errorDiag, type Diagnostic } from '../../hcl/diagnostics.js';
import { rangeBetween, type Range } from '../../hcl/range.js';
import { ConversionError, convert } from '../convert.js';
import type { Type } from '../types.js';
import { DynamicVal, Value } from '../value.js';
import { FunctionArgError, type FunctionSpec, type Parameter } from './function.js';

/*
 * Calling a function as hcl's FunctionCallExpr.Value does over cty's
 * function.Call: arity check, conversion of each argument to its parameter
 * type, null/unknown/dynamic short-cuts, marks moved from arguments to the
 * result, and errors turned into diagnostics at the argument or the call.
 */

export interface CallResult {
  readonly value: Value;
  readonly diags: Diagnostic[];
}

/** The ranges of a call that diagnostics point at. */
export interface CallSite {
  /** The whole call, `name(...)`. */
  readonly range: Range;
  /** `name(`: where "Error in function call" points. */
  readonly startRange: Range;
  /** `)`: where "Not enough function arguments" points. */
  readonly closeParenRange: Range;
}

export function callSiteOf(expr: FunctionCallExpr): CallSite {
  return {
    range: expr.range,
    startRange: rangeBetween(expr.nameRange, expr.openParenRange),
    closeParenRange: expr.closeParenRange,
  };
}

/** Calls a function. `argRanges[i]` is startRange() of the i-th argument expression. */
export function callFunction(
  name: string,
  spec: FunctionSpec,
  args: readonly Value[],
  argRanges: readonly Range[],
  call: Range | CallSite,
): CallResult {
  const site: CallSite = 'range' in call ? call : { range: call, startRange: call, closeParenRange: call };
  const params = spec.params;
  const paramAt = (i: number): Parameter | undefined => params[i] ?? spec.varParam;
  const fail = (diag: Diagnostic): CallResult => ({ value: DynamicVal, diags: [diag] });

  if (args.length < params.length) {
    const qual = spec.varParam ? ' at least' : '';
    const detail = `Function "${name}" expects${qual} ${params.length} argument(s). Missing value for "${params[args.length]!.name}".`;
    return fail(errorDiag('Not enough function arguments', detail, site.closeParenRange, site.range));
  }
  if (!spec.varParam && args.length > params.length) {
    const detail = `Function "${name}" expects only ${params.length} argument(s).`;
    return fail(errorDiag('Too many function arguments', detail, argRanges[params.length] ?? site.range, site.range));
  }

  const diags: Diagnostic[] = [];
  const argDiag = (i: number, message: string): Diagnostic =>
    errorDiag(
      'Invalid function argument',
      `Invalid value for "${paramAt(i)!.name}" parameter: ${message}.`,
      argRanges[i] ?? site.range,
      site.range,
    );
  const converted = args.map((arg, i) => {
    try {
      return convert(arg, paramAt(i)!.type);
    } catch (e) {
      if (!(e instanceof ConversionError)) throw e;
      diags.push(argDiag(i, e.message));
      return arg;
    }
  });
  if (diags.length) return { value: DynamicVal, diags };

  try {
    return { value: invoke(spec, converted), diags };
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    if (e instanceof FunctionArgError) {
      const param = paramAt(e.argIndex);
      if (param && e.argIndex < args.length) return fail(argDiag(e.argIndex, message));
      if (param) {
        const detail = `Invalid value for "${param.name}" parameter: ${message}.`;
        return fail(errorDiag('Invalid function argument', detail, site.range));
      }
    }
    const detail = `Call to function "${name}" failed: ${message}.`;
    return fail(errorDiag('Error in function call', detail, site.startRange, site.range));
  }
}

/** cty function.Call on arguments already converted to their parameter types. */
function invoke(spec: FunctionSpec, args: readonly Value[]): Value {
  const paramAt = (i: number): Parameter => (spec.params[i] ?? spec.varParam)!;

  // Type check: implementations see deep-unmarked values unless they opt in.
  const plain = args.map((arg, i) => (paramAt(i).allowMarked ? arg : arg.unmarkDeep()[0]));
  let returnType: Type | undefined;
  for (const [i, arg] of args.entries()) {
    const param = paramAt(i);
    if (arg.isNull() && !param.allowNull) throw new FunctionArgError(i, 'argument must not be null');
    if (arg.type.kind === 'dynamic' && !param.allowDynamicType) {
      // An argument of unknown type: the result is unknown, of unknown type.
      returnType = arg.type;
      break;
    }
  }
  const dynamicArgs = returnType !== undefined;
  returnType ??= spec.returnType(plain);

  const marks = new Set<string>();
  let unknown = dynamicArgs;
  for (const [i, arg] of args.entries()) {
    const param = paramAt(i);
    if (!param.allowMarked) for (const m of arg.unmarkDeep()[1]) marks.add(m);
    if (!arg.isKnown() && !param.allowUnknown) unknown = true;
  }
  if (unknown) return Value.unknown(returnType).withMarks(marks);
  return spec.impl(plain, returnType).withMarks(marks);
}
