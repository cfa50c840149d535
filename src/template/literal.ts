import type { Expression } from '../hcl/ast.js';
import { errorDiag, hasErrors, type Diagnostic } from '../hcl/diagnostics.js';
import type { EvalContext } from '../eval/context.js';
import { ConversionError, convert } from '../eval/convert.js';
import { evaluate } from '../eval/evaluate.js';
import type { Type } from '../eval/types.js';
import type { Value } from '../eval/value.js';

/**
 * gohcl.DecodeExpression with no scope: a constant expression converted to
 * `type`, or undefined after an "Unsuitable value type" diagnostic.
 */
export function decodeLiteral(expr: Expression, type: Type, diags: Diagnostic[]): Value | undefined {
  return decodeExpression(expr, type, undefined, diags);
}

/**
 * gohcl.DecodeExpression: the expression evaluated in `ctx` and converted to
 * `type`; undefined for null, unknown, or after a diagnostic.
 */
export function decodeExpression(
  expr: Expression,
  type: Type,
  ctx: EvalContext | undefined,
  diags: Diagnostic[],
): Value | undefined {
  const evaluated = evaluate(expr, ctx);
  diags.push(...evaluated.diags);
  if (hasErrors(evaluated.diags)) return undefined;
  try {
    const value = convert(evaluated.value, type);
    return value.isWhollyKnown() && !value.isNull() ? value : undefined;
  } catch (e) {
    if (!(e instanceof ConversionError)) throw e;
    const start = { filename: expr.range.filename, start: expr.range.start, end: expr.range.start };
    diags.push(errorDiag('Unsuitable value type', `Unsuitable value: ${e.message}`, start, expr.range));
    return undefined;
  }
}
