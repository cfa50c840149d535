import type { GetAttrExpr, IndexExpr, SplatExpr, VariableExpr } from '../hcl/ast.js';
import { errorDiag, hasErrors, type Diagnostic } from '../hcl/diagnostics.js';
import { nameSuggestion } from '../hcl/didyoumean.js';
import { goQuote } from '../hcl/quote.js';
import { rangeBetween } from '../hcl/range.js';
import { lookupVariable, visibleVariableNames } from './context.js';
import { withValues } from './diagnostic-values.js';
import { getAttrValue, indexValue, type Result } from './evaluate-index.js';
import { evalIn, type Scope } from './evaluate.js';
import { DynamicPseudoType, listOf, tupleOf, typeEquals, type Type } from './types.js';
import { DynamicVal, EmptyTuple, Value } from './value.js';

/* Variable references, attribute access, indexing and splats. */

export function evalVariable(expr: VariableExpr, scope: Scope): Result {
  if (!scope.ctx) {
    return {
      value: DynamicVal,
      diags: [errorDiag('Variables not allowed', 'Variables may not be used here.', expr.range)],
    };
  }
  const value = lookupVariable(scope.ctx, expr.name);
  if (value) return { value, diags: [] };
  const suggestion = nameSuggestion(expr.name, visibleVariableNames(scope.ctx));
  const didYouMean = suggestion === undefined ? '' : ` Did you mean ${goQuote(suggestion)}?`;
  return {
    value: DynamicVal,
    diags: [
      errorDiag('Unknown variable', `There is no variable named ${goQuote(expr.name)}.${didYouMean}`, expr.range),
    ],
  };
}

export function evalGetAttr(expr: GetAttrExpr, scope: Scope): Result {
  const source = evalIn(expr.source, scope);
  // nameRange is the traversal step `.name`, dot included, where hcl reports attribute errors.
  // `list.0.1` (a parse error) has no usable key, as hcl's DynamicVal key.
  const legacyKey = (name: string): Value => (name.includes('.') ? DynamicVal : Value.number(name));
  const r = expr.legacyIndex
    ? indexValue(source.value, legacyKey(expr.name), expr.nameRange)
    : getAttrValue(source.value, expr.name, expr.nameRange);
  // As hcl, the values of the expression's variables; where the whole is a traversal such
  // as var.a.b it fails again when resolved, so only `f(x).a`-like sources show any.
  return { value: r.value, diags: [...source.diags, ...r.diags.map((d) => withValues(d, expr, scope.ctx))] };
}

export function evalIndex(expr: IndexExpr, scope: Scope): Result {
  const coll = evalIn(expr.collection, scope);
  const key = evalIn(expr.key, scope);
  const r = indexValue(coll.value, key.value, expr.bracketRange);
  return {
    value: r.value,
    diags: [...coll.diags, ...key.diags, ...r.diags.map((d) => withValues(d, expr, scope.ctx))],
  };
}

/**
 * `source[*].each` / `source.*.each`, as hclsyntax.SplatExpr: a value that is
 * not a sequence is treated as a one-element tuple (an empty one if null).
 */
export function evalSplat(expr: SplatExpr, scope: Scope): Result {
  const src = evalIn(expr.source, scope);
  const diags: Diagnostic[] = [...src.diags];
  if (hasErrors(src.diags)) return { value: DynamicVal, diags };

  let source = src.value;
  const autoUpgrade = !['tuple', 'list', 'set'].includes(source.type.kind);
  if (source.isNull()) {
    if (autoUpgrade) return { value: EmptyTuple.withMarks(source.marks), diags };
    const diag = errorDiag(
      'Splat of null value',
      'Splat expressions (with the * symbol) cannot be applied to null sequences.',
      expr.source.range,
      rangeBetween(expr.source.range, expr.markerRange),
    );
    diags.push(withValues(diag, expr.source, scope.ctx));
    return { value: DynamicVal, diags };
  }
  if (source.type.kind === 'dynamic') return { value: DynamicVal.withMarks(source.marks), diags };

  // An unknown single value may turn out null (no elements) or not (one element).
  const upgradedUnknown = autoUpgrade && !source.isKnown();
  if (autoUpgrade) source = Value.tuple([source]).withMarks(source.marks);

  const eachIn = (item: Value): Result => evalIn(expr.each, { ctx: scope.ctx, splatItem: item });
  const resultType = (): { type: Type; diags: Diagnostic[] } => splatResultType(source.type, eachIn);

  if (!source.isKnown()) {
    const rt = resultType();
    diags.push(...rt.diags);
    return { value: Value.unknown(rt.type).withMarks(source.marks), diags };
  }

  const [coll, marks] = source.unmark();
  const values: Value[] = [];
  let known = true;
  for (const item of coll.elements()) {
    const r = eachIn(item);
    diags.push(...r.diags);
    if (hasErrors(r.diags)) known = false;
    values.push(r.value);
  }

  if (upgradedUnknown) return { value: DynamicVal.withMarks(marks), diags };
  // The item errors already explain what resultType would report again.
  if (!known) return { value: Value.unknown(resultType().type).withMarks(marks), diags };
  if (coll.type.kind === 'tuple') return { value: Value.tuple(values).withMarks(marks), diags };

  if (values.length === 0) {
    const rt = resultType();
    diags.push(...rt.diags);
    const element = rt.type.kind === 'list' ? rt.type.element : DynamicPseudoType;
    return { value: Value.list([], element).withMarks(marks), diags };
  }
  const first = values[0]!.type;
  if (!values.every((v) => typeEquals(v.type, first))) {
    diags.push(
      errorDiag(
        'Invalid nested splat expressions',
        "The second level of splat expression produced elements of different types, so it isn't possible to construct a valid list to represent the top-level result.\n\nConsider using a for expression instead, to produce a tuple-typed result which can therefore have non-homogenous element types.",
        expr.each.range,
        expr.range,
      ),
    );
    return { value: DynamicVal, diags };
  }
  return { value: Value.list(values).withMarks(marks), diags };
}

/** The type a splat produces, found by evaluating `each` over unknown elements. */
function splatResultType(sourceType: Type, eachIn: (item: Value) => Result): { type: Type; diags: Diagnostic[] } {
  const diags: Diagnostic[] = [];
  const typeOfEach = (elementType: Type): Type => {
    const r = eachIn(Value.unknown(elementType));
    diags.push(...r.diags);
    return r.value.type;
  };
  switch (sourceType.kind) {
    case 'list':
    case 'set':
      return { type: listOf(typeOfEach(sourceType.element)), diags };
    case 'tuple':
      return { type: tupleOf(sourceType.elements.map(typeOfEach)), diags };
    default:
      return { type: DynamicPseudoType, diags };
  }
}
