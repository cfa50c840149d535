import type { BinaryOperator, BinaryOpExpr, UnaryOpExpr } from '../hcl/ast.js';
import { errorDiag, hasErrors, type Diagnostic } from '../hcl/diagnostics.js';
import { equals } from './equality.js';
import { tryConvert, type Result } from './evaluate-index.js';
import { evalIn, type Scope } from './evaluate.js';
import { ConversionError } from './convert.js';
import { withValues } from './diagnostic-values.js';
import type { Num } from './number.js';
import { BoolType, DynamicPseudoType, NumberType, type Type } from './types.js';
import { Value } from './value.js';

/*
 * Binary and unary operators, as hclsyntax's BinaryOpExpr/UnaryOpExpr over
 * cty's stdlib operator functions: operands are converted to the operator's
 * parameter type, `&&` and `||` short-circuit (also over unknowns), null
 * operands fail "argument must not be null", unknown operands give an unknown
 * result, and marks of both operands go onto the result.
 */

interface Operation {
  /** The type both operands are converted to. */
  readonly param: Type;
  /** The result type, also used for the unknown placeholder on errors. */
  readonly result: Type;
}

const Arithmetic: Operation = { param: NumberType, result: NumberType };
const Comparison: Operation = { param: NumberType, result: BoolType };
const Logical: Operation = { param: BoolType, result: BoolType };
const Equality: Operation = { param: DynamicPseudoType, result: BoolType };

const operations: Record<BinaryOperator, Operation> = {
  '||': Logical,
  '&&': Logical,
  '==': Equality,
  '!=': Equality,
  '<': Comparison,
  '<=': Comparison,
  '>': Comparison,
  '>=': Comparison,
  '+': Arithmetic,
  '-': Arithmetic,
  '*': Arithmetic,
  '/': Arithmetic,
  '%': Arithmetic,
};

/** The error cty's function call reports; `Error during operation: <message>.` */
class OperationError extends Error {}

export function evalBinaryOp(expr: BinaryOpExpr, scope: Scope): Result {
  const op = operations[expr.op];
  const diags: Diagnostic[] = [];

  const operand = (side: 'left' | 'right'): { value: Value; diags: Diagnostic[] } => {
    const node = side === 'left' ? expr.lhs : expr.rhs;
    const given = evalIn(node, scope);
    const converted = tryConvert(given.value, op.param);
    if (converted instanceof ConversionError) {
      const detail = `Unsuitable value for ${side} operand: ${converted.message}.`;
      diags.push(withValues(errorDiag('Invalid operand', detail, node.range, expr.range), node, scope.ctx));
      return { value: Value.unknown(op.param), diags: given.diags };
    }
    return { value: converted, diags: given.diags };
  };
  const lhs = operand('left');
  const rhs = operand('right');
  if (hasErrors(diags)) {
    return { value: Value.unknown(op.result), diags: [...diags, ...lhs.diags, ...rhs.diags] };
  }

  const [l, lMarks] = lhs.value.unmark();
  const [r, rMarks] = rhs.value.unmark();
  const marked = (v: Value): Value => v.withMarks(lMarks).withMarks(rMarks);

  if (expr.op === '&&' || expr.op === '||') {
    const forced = shortCircuit(expr.op, l, r, lhs.diags, rhs.diags);
    if (forced) return { value: marked(forced.value), diags: forced.diags };
  }

  diags.push(...lhs.diags, ...rhs.diags);
  if (hasErrors(diags)) return { value: marked(Value.unknown(op.result)), diags };

  try {
    return { value: marked(applyBinary(expr.op, l, r)), diags };
  } catch (e) {
    if (!(e instanceof OperationError)) throw e;
    const diag = errorDiag('Operation failed', `Error during operation: ${e.message}.`, expr.range);
    diags.push(withValues(diag, expr, scope.ctx));
    return { value: Value.unknown(op.result), diags };
  }
}

export function evalUnaryOp(expr: UnaryOpExpr, scope: Scope): Result {
  const param = expr.op === '!' ? BoolType : NumberType;
  const given = evalIn(expr.operand, scope);
  const diags = [...given.diags];
  const converted = tryConvert(given.value, param);
  if (converted instanceof ConversionError) {
    const detail = `Unsuitable value for unary operand: ${converted.message}.`;
    const diag = errorDiag('Invalid operand', detail, expr.operand.range, expr.range);
    diags.push(withValues(diag, expr.operand, scope.ctx));
  }
  if (converted instanceof ConversionError || hasErrors(diags)) return { value: Value.unknown(param), diags };

  const [v, marks] = converted.unmark();
  if (v.isNull()) {
    const diag = errorDiag('Operation failed', 'Error during operation: argument must not be null.', expr.range);
    diags.push(withValues(diag, expr, scope.ctx));
    return { value: Value.unknown(param), diags };
  }
  // cty drops the marks of an unknown operand here; Kiln keeps them so a secret is never unmarked.
  if (!v.isKnown()) return { value: Value.unknown(param).withMarks(marks), diags };
  const result = expr.op === '!' ? Value.bool(!v.asBool()) : Value.number(v.asNumber().negated());
  return { value: result.withMarks(marks), diags };
}

/** cty's Value.True on an unmarked bool: false for null. */
function isTrue(v: Value): boolean {
  return v.isKnown() && !v.isNull() && v.asBool();
}

/**
 * hcl's OpLogicalOr/OpLogicalAnd ShortCircuit: a controlling known operand
 * decides the result (keeping only its side's diagnostics); an unknown
 * controlling operand gives an unknown bool.
 */
function shortCircuit(
  op: '&&' | '||',
  l: Value,
  r: Value,
  lDiags: Diagnostic[],
  rDiags: Diagnostic[],
): Result | undefined {
  const unknown = Value.unknown(BoolType);
  if (!l.isKnown() && !r.isKnown()) {
    // With an error on the left the right may have one too: evaluate fully to collect both.
    return hasErrors(lDiags) ? undefined : { value: unknown, diags: lDiags };
  }
  const controlling = op === '||';
  const decides = (v: Value): boolean => v.isKnown() && isTrue(v) === controlling;
  if (decides(l)) return { value: Value.bool(controlling), diags: lDiags };
  if (decides(r)) return { value: Value.bool(controlling), diags: rDiags };
  if (!l.isKnown()) return { value: unknown, diags: lDiags };
  if (!r.isKnown()) return { value: unknown, diags: rDiags };
  return undefined;
}

/** cty's stdlib operator functions on unmarked operands of the parameter type. */
function applyBinary(op: BinaryOperator, l: Value, r: Value): Value {
  if (op === '==' || op === '!=') return applyEquality(op, l, r);
  if (l.isNull() || r.isNull()) throw new OperationError('argument must not be null');
  const result = operations[op].result;
  if (!l.isKnown() || !r.isKnown()) return Value.unknown(result);
  if (op === '&&') return Value.bool(l.asBool() && r.asBool());
  if (op === '||') return Value.bool(l.asBool() || r.asBool());
  const a = l.asNumber();
  const b = r.asNumber();
  switch (op) {
    case '<':
      return Value.bool(a.lessThan(b));
    case '<=':
      return Value.bool(a.lessThanOrEqualTo(b));
    case '>':
      return Value.bool(a.greaterThan(b));
    case '>=':
      return Value.bool(a.greaterThanOrEqualTo(b));
    default:
      return Value.number(arithmetic(op, a, b));
  }
}

/** cty's EqualFunc/NotEqualFunc: every mark found at any depth goes onto the result. */
function applyEquality(op: '==' | '!=', l: Value, r: Value): Value {
  const [a, aMarks] = l.unmarkDeep();
  const [b, bMarks] = r.unmarkDeep();
  const eq = equals(a, b);
  const result = op === '==' || !eq.isKnown() ? eq : Value.bool(!eq.asBool());
  return result.withMarks(aMarks).withMarks(bMarks);
}

const nanErrors: Record<string, string> = {
  '+': "can't compute sum of opposing infinities",
  '-': "can't subtract infinity from itself",
  '*': "can't multiply zero by infinity",
  '/': "can't divide zero by zero or infinity by infinity",
  '%': "can't use modulo with zero and infinity",
};

/** Exact arithmetic as cty's big.Float operations; x/0 is an infinity, x%0 is x. */
function arithmetic(op: string, a: Num, b: Num): Num {
  let out: Num;
  switch (op) {
    case '+':
      out = a.plus(b);
      break;
    case '-':
      out = a.minus(b);
      break;
    case '*':
      out = a.times(b);
      break;
    case '/':
      out = a.dividedBy(b);
      break;
    default:
      // cty: infinities multiply (for the sign), a zero divisor yields the dividend,
      // otherwise a - b*trunc(a/b), so the result has the dividend's sign.
      if (!a.isFinite() || !b.isFinite()) out = a.times(b);
      else if (b.isZero()) out = a;
      else out = a.minus(b.times(a.dividedBy(b).trunc()));
  }
  if (out.isNaN()) throw new OperationError(nanErrors[op]!);
  return out;
}
