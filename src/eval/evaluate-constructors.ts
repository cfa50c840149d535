import type { ConditionalExpr, Expression, ObjectExpr, ObjectKey, TupleExpr } from '../hcl/ast.js';
import { errorDiag, hasErrors, type Diagnostic } from '../hcl/diagnostics.js';
import { goQuote } from '../hcl/quote.js';
import { rangeBetween } from '../hcl/range.js';
import { ConversionError, getConversion, type Conversion } from './convert.js';
import { withValues } from './diagnostic-values.js';
import { tryConvert, type Result } from './evaluate-index.js';
import { evalIn, type Scope } from './evaluate.js';
import {
  BoolType,
  DynamicPseudoType,
  StringType,
  compareStrings,
  friendlyName,
  typeEquals,
  type Type,
} from './types.js';
import { unifyUnsafe } from './unify.js';
import { DynamicVal, Value, rawEquals, type Marks } from './value.js';
import { asTraversal } from './variables.js';

/* Tuple and object constructors and the conditional operator. */

export function evalTuple(expr: TupleExpr, scope: Scope): Result {
  const diags: Diagnostic[] = [];
  const values = expr.items.map((item) => {
    const r = evalIn(item, scope);
    diags.push(...r.diags);
    return r.value;
  });
  return { value: Value.tuple(values), diags };
}

/**
 * `{ key = value, ... }`. Keys must convert to known strings; if any key cannot
 * be produced the object's shape is unknown, so the result is DynamicVal.
 * A repeated key keeps its last value, as in hcl.
 */
export function evalObject(expr: ObjectExpr, scope: Scope): Result {
  const diags: Diagnostic[] = [];
  const attrs = new Map<string, Value>();
  const marks: Marks[] = [];
  let known = true;
  for (const item of expr.items) {
    const key = evalObjectKey(item.key, scope);
    diags.push(...key.diags);
    const value = evalIn(item.value, scope);
    diags.push(...value.diags);
    if (hasErrors(key.diags)) {
      known = false;
      continue;
    }
    if (key.value.isNull()) {
      const diag = errorDiag('Null value as key', "Can't use a null value as a key.", item.value.range);
      diags.push(withValues(diag, item.key.wrapped, scope.ctx));
      known = false;
      continue;
    }
    const [rawKey, keyMarks] = key.value.unmark();
    marks.push(keyMarks);
    const converted = tryConvert(rawKey, StringType);
    if (converted instanceof ConversionError) {
      const diag = errorDiag(
        'Incorrect key type',
        `Can't use this value as a key: ${converted.message}.`,
        item.key.range,
      );
      diags.push(withValues(diag, item.key.wrapped, scope.ctx));
      known = false;
      continue;
    }
    if (!converted.isKnown()) {
      known = false;
      continue;
    }
    attrs.set(converted.unmark()[0].asString(), value.value);
  }
  if (!known) return { value: DynamicVal, diags };
  let value = Value.object(attrs);
  for (const m of marks) value = value.withMarks(m);
  return { value, diags };
}

/** A bare name (or true/false/null) is a literal key; a dotted name is ambiguous unless parenthesised. */
function evalObjectKey(key: ObjectKey, scope: Scope): Result {
  if (!key.forceNonLiteral) {
    const traversal = asTraversal(key.wrapped);
    if (traversal && traversal.length > 1) {
      return {
        value: DynamicVal,
        diags: [
          errorDiag(
            'Ambiguous attribute key',
            "If this expression is intended to be a reference, wrap it in parentheses. If it's instead intended as a literal name containing periods, wrap it in quotes to create a string literal.",
            key.wrapped.range,
          ),
        ],
      };
    }
    const keyword = keywordName(key.wrapped);
    if (keyword !== undefined) return { value: Value.string(keyword), diags: [] };
  }
  return evalIn(key.wrapped, scope);
}

/** hcl.ExprAsKeyword: the name a single identifier (or the keyword true/false/null) was written as. */
function keywordName(expr: Expression): string | undefined {
  if (expr.kind === 'Variable') return expr.name;
  if (expr.kind !== 'Literal') return undefined;
  if (expr.type === 'null') return 'null';
  if (expr.type === 'bool') return String(expr.value);
  return undefined;
}

export function evalConditional(expr: ConditionalExpr, scope: Scope): Result {
  return conditional(expr, expr.condition, expr.trueResult, expr.falseResult, scope);
}

const NullDynamic = Value.null(DynamicPseudoType);

/**
 * `cond ? a : b`, as hclsyntax.ConditionalExpr: both results are evaluated and
 * unified to one type; only the chosen side's diagnostics are reported, and
 * marks of the condition and both results go onto the result. `whole` is the
 * expression as written (a conditional or a template `%{ if }`).
 */
export function conditional(
  whole: Expression,
  condition: Expression,
  trueExpr: Expression,
  falseExpr: Expression,
  scope: Scope,
): Result {
  const range = whole.range;
  const withScopeValues = (diag: Diagnostic, expr: Expression): Diagnostic => withValues(diag, expr, scope.ctx);
  const t = evalIn(trueExpr, scope);
  const f = evalIn(falseExpr, scope);

  let resultType: Type = DynamicPseudoType;
  let conversions: readonly (Conversion | null | undefined)[] = [];
  if (rawEquals(t.value, NullDynamic)) {
    // A literal null converts to whatever the other side is.
    resultType = f.value.type;
    conversions = [getConversion(DynamicPseudoType, resultType, true), undefined];
  } else if (rawEquals(f.value, NullDynamic)) {
    resultType = t.value.type;
    conversions = [undefined, getConversion(DynamicPseudoType, resultType, true)];
  } else if (t.value.type.kind !== 'dynamic' && f.value.type.kind !== 'dynamic') {
    const unified = unifyUnsafe([t.value.type, f.value.type]);
    if (!unified) {
      const mismatch = describeTypeMismatch(t.value.type, f.value.type);
      return {
        value: DynamicVal,
        diags: [
          withScopeValues(
            errorDiag(
              'Inconsistent conditional result types',
              `The true and false result expressions must have consistent types. ${mismatch}.`,
              rangeBetween(trueExpr.range, falseExpr.range),
              range,
            ),
            whole,
          ),
        ],
      };
    }
    resultType = unified.type;
    conversions = unified.conversions;
  }

  const cond = evalIn(condition, scope);
  const diags = [...cond.diags];
  if (cond.value.isNull()) {
    const detail = 'The condition value is null. Conditions must either be true or false.';
    diags.push(withScopeValues(errorDiag('Null condition', detail, condition.range, range), condition));
    return { value: Value.unknown(resultType), diags };
  }

  const [c, condMarks] = cond.value.unmark();
  const [tv, trueMarks] = t.value.unmark();
  const [fv, falseMarks] = f.value.unmark();
  const marked = (v: Value): Value => v.withMarks(condMarks).withMarks(trueMarks).withMarks(falseMarks);

  if (!c.isKnown()) {
    const placeholder = tv.isNull() && fv.isNull() ? Value.null(resultType) : Value.unknown(resultType);
    return { value: marked(placeholder), diags };
  }
  const b = tryConvert(c, BoolType);
  if (b instanceof ConversionError) {
    const detail = 'The condition expression must be of type bool.';
    diags.push(withScopeValues(errorDiag('Incorrect condition type', detail, condition.range, range), condition));
    return { value: Value.unknown(resultType), diags };
  }

  const chosen = b.asBool()
    ? { side: 'true', value: tv, diags: t.diags, conversion: conversions[0], expr: trueExpr }
    : { side: 'false', value: fv, diags: f.diags, conversion: conversions[1], expr: falseExpr };
  diags.push(...chosen.diags);
  let value = chosen.value;
  if (chosen.conversion) {
    try {
      value = chosen.conversion(value);
    } catch (e) {
      if (!(e instanceof ConversionError)) throw e;
      const detail = `The ${chosen.side} result value has the wrong type: ${e.message}.`;
      const diag = errorDiag('Inconsistent conditional result types', detail, chosen.expr.range, range);
      diags.push(withScopeValues(diag, chosen.expr));
      value = Value.unknown(resultType);
    }
  }
  return { value: marked(value), diags };
}

/** hcl's describeConditionalTypeMismatch, for two types that do not unify. */
function describeTypeMismatch(trueTy: Type, falseTy: Type): string {
  if (trueTy.kind === 'object' && falseTy.kind === 'object') {
    const trueAttrs = [...trueTy.attributes.keys()].sort(compareStrings);
    for (const name of trueAttrs) {
      const falseAty = falseTy.attributes.get(name);
      if (!falseAty) {
        return `The 'true' value includes object attribute ${goQuote(name)}, which is absent in the 'false' value`;
      }
      const trueAty = trueTy.attributes.get(name)!;
      if (!typeEquals(trueAty, falseAty)) {
        return `Type mismatch for object attribute ${goQuote(name)}: ${describeTypeMismatch(trueAty, falseAty)}`;
      }
    }
    for (const name of [...falseTy.attributes.keys()].sort(compareStrings)) {
      if (!trueTy.attributes.has(name)) {
        return `The 'false' value includes object attribute ${goQuote(name)}, which is absent in the 'true' value`;
      }
    }
  } else if (trueTy.kind === 'tuple' && falseTy.kind === 'tuple') {
    if (trueTy.elements.length !== falseTy.elements.length) {
      return `The 'true' tuple has length ${trueTy.elements.length}, but the 'false' tuple has length ${falseTy.elements.length}`;
    }
    for (let i = 0; i < trueTy.elements.length; i++) {
      const a = trueTy.elements[i]!;
      const b = falseTy.elements[i]!;
      if (!typeEquals(a, b)) return `Type mismatch for tuple element ${i}: ${describeTypeMismatch(a, b)}`;
    }
  } else if (
    (trueTy.kind === 'list' || trueTy.kind === 'set' || trueTy.kind === 'map') &&
    trueTy.kind === falseTy.kind
  ) {
    const a = trueTy.element;
    const b = falseTy.element;
    if ((a.kind === 'object' && b.kind === 'object') || (a.kind === 'tuple' && b.kind === 'tuple')) {
      return `Mismatched ${trueTy.kind} element types: ${describeTypeMismatch(a, b)}`;
    }
  }
  const trueName = friendlyName(trueTy);
  const falseName = friendlyName(falseTy);
  if (trueName === falseName) {
    return "At least one deeply-nested attribute or element is not compatible across both the 'true' and the 'false' value";
  }
  return `The 'true' value is ${trueName}, but the 'false' value is ${falseName}`;
}
