import type { LiteralExpr } from '../hcl/ast.js';
import { parseNumber } from './number-text.js';
import { DynamicPseudoType, NumberType } from './types.js';
import { Value } from './value.js';

/**
 * The value of a literal node. A malformed number literal (already reported by
 * the parser) is an unknown number, as in hcl, so evaluation can go on.
 */
export function literalValue(expr: LiteralExpr): Value {
  switch (expr.type) {
    case 'number': {
      const n = parseNumber(expr.text);
      return n ? Value.number(n) : Value.unknown(NumberType);
    }
    case 'bool':
      return Value.bool(expr.value);
    case 'string':
      return Value.string(expr.value);
    case 'null':
      return Value.null(DynamicPseudoType);
  }
}
