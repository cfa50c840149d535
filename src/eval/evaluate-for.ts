import type { Expression, ForExpr } from '../hcl/ast.js';
import { errorDiag, hasErrors, type Diagnostic } from '../hcl/diagnostics.js';
import { goQuote } from '../hcl/quote.js';
import type { Range } from '../hcl/range.js';
import { childContext } from './context.js';
import { ConversionError } from './convert.js';
import { withValues } from './diagnostic-values.js';
import { tryConvert, type Result } from './evaluate-index.js';
import { evalIn, type Scope } from './evaluate.js';
import { friendlyName, BoolType, StringType } from './types.js';
import { elementPairs } from './element-iterator.js';
import { DynamicVal, Value, type Marks } from './value.js';

/*
 * `for` expressions, as hclsyntax.ForExpr: iterate a collection (lists, sets and
 * tuples by position, maps and objects by sorted key), filter with `if`, and
 * build a tuple or an object (grouping values per key with `...`). A `%{ for }`
 * template directive is the tuple form with the body as value.
 */

/** The parts of a for expression; ForExpr has them all, a template for-directive some. */
export interface ForParts {
  readonly keyVar?: string;
  readonly valueVar: string;
  readonly collection: Expression;
  readonly keyExpr?: Expression;
  readonly valueExpr: Expression;
  readonly condition?: Expression;
  readonly group: boolean;
  readonly range: Range;
}

export function evalFor(expr: ForExpr, scope: Scope): Result {
  return evalForParts(expr, scope);
}

export function evalForParts(e: ForParts, scope: Scope): Result {
  const diags: Diagnostic[] = [];
  const coll = evalIn(e.collection, scope);
  diags.push(...coll.diags);
  // Errors before iteration show the values of the enclosing scope, as hcl's.
  const fail = (summary: string, detail: string, subject: Expression): Result => {
    diags.push(withValues(errorDiag(summary, detail, subject.range, e.range), subject, scope.ctx));
    return { value: DynamicVal, diags };
  };

  if (coll.value.isNull()) {
    return fail(
      'Iteration over null value',
      "A null value cannot be used as the collection in a 'for' expression.",
      e.collection,
    );
  }
  if (coll.value.type.kind === 'dynamic') return { value: DynamicVal, diags };
  const [collection, collMarks] = coll.value.unmark();
  if (!['list', 'set', 'tuple', 'map', 'object'].includes(collection.type.kind)) {
    return fail(
      'Iteration over non-iterable value',
      `A value of type ${friendlyName(collection.type)} cannot be used as the collection in a 'for' expression.`,
      e.collection,
    );
  }

  const marks: Marks[] = [collMarks];
  const scopeFor = (key: Value, value: Value): Scope => {
    const vars = new Map<string, Value>();
    if (e.keyVar !== undefined) vars.set(e.keyVar, key);
    vars.set(e.valueVar, value);
    return { ctx: childContext(scope.ctx, vars), splatItem: scope.splatItem };
  };

  // An early check of the condition over unknown elements catches a wrongly-typed
  // condition once, instead of once per element.
  if (e.condition) {
    const r = evalIn(e.condition, scopeFor(DynamicVal, DynamicVal));
    diags.push(...r.diags);
    if (r.value.isNull())
      return fail('Condition is null', "The value of the 'if' clause must not be null.", e.condition);
    const converted = tryConvert(r.value, BoolType);
    if (converted instanceof ConversionError) {
      return fail("Invalid 'for' condition", `The 'if' clause value is invalid: ${converted.message}.`, e.condition);
    }
    if (hasErrors(r.diags)) return { value: DynamicVal, diags };
    if (!collection.isKnown()) return { value: DynamicVal.withMarks(collMarks).withMarks(r.value.marks), diags };
  }
  if (!collection.isKnown()) return { value: DynamicVal.withMarks(collMarks), diags };

  let known = true;
  /** Whether the element passes the `if` clause; undefined when that cannot be decided. */
  const include = (elementScope: Scope): boolean | undefined => {
    const condition = e.condition;
    if (!condition) return true;
    const r = evalIn(condition, elementScope);
    diags.push(...r.diags);
    const report = (detail: string): undefined => {
      if (known) {
        const diag = errorDiag("Invalid 'for' condition", detail, condition.range, e.range);
        diags.push(withValues(diag, condition, elementScope.ctx));
      }
      return undefined;
    };
    if (r.value.isNull()) return report("The value of the 'if' clause must not be null.");
    marks.push(r.value.marks);
    const converted = tryConvert(r.value, BoolType);
    if (converted instanceof ConversionError) return report(`The 'if' clause value is invalid: ${converted.message}.`);
    if (!converted.isKnown()) return undefined;
    return converted.unmark()[0].asBool();
  };

  const withMarks = (v: Value): Value => marks.reduce((acc, m) => acc.withMarks(m), v);
  const elements = elementPairs(collection);

  if (!e.keyExpr) {
    const values: Value[] = [];
    for (const [k, v] of elements) {
      const elementScope = scopeFor(k, v);
      const inc = include(elementScope);
      if (inc === undefined) known = false;
      if (!inc) continue;
      const r = evalIn(e.valueExpr, elementScope);
      diags.push(...r.diags);
      values.push(r.value);
    }
    return { value: withMarks(known ? Value.tuple(values) : DynamicVal), diags };
  }

  const keyExpr = e.keyExpr;
  const attrs = new Map<string, Value>();
  const groups = new Map<string, Value[]>();
  for (const [k, v] of elements) {
    const elementScope = scopeFor(k, v);
    const inc = include(elementScope);
    if (inc === undefined) known = false;
    if (!inc) continue;

    const keyResult = evalIn(keyExpr, elementScope);
    diags.push(...keyResult.diags);
    const reportKey = (detail: string): void => {
      if (known) {
        diags.push(
          withValues(errorDiag('Invalid object key', detail, keyExpr.range, e.range), keyExpr, elementScope.ctx),
        );
      }
      known = false;
    };
    if (keyResult.value.isNull()) {
      reportKey("Key expression in 'for' expression must not produce a null value.");
      continue;
    }
    marks.push(keyResult.value.marks);
    if (!keyResult.value.isKnown()) {
      known = false;
      continue;
    }
    const key = tryConvert(keyResult.value, StringType);
    if (key instanceof ConversionError) {
      reportKey(`The key expression produced an invalid result: ${key.message}.`);
      continue;
    }
    const name = key.unmark()[0].asString();

    const r = evalIn(e.valueExpr, elementScope);
    diags.push(...r.diags);
    if (e.group) {
      const group = groups.get(name);
      if (group) group.push(r.value);
      else groups.set(name, [r.value]);
    } else if (attrs.has(name)) {
      const detail = `Two different items produced the key ${goQuote(name)} in this 'for' expression. If duplicates are expected, use the ellipsis (...) after the value expression to enable grouping by key.`;
      diags.push(
        withValues(errorDiag('Duplicate object key', detail, keyExpr.range, e.range), keyExpr, elementScope.ctx),
      );
    } else {
      attrs.set(name, r.value);
    }
  }
  if (!known) return { value: withMarks(DynamicVal), diags };
  if (e.group) for (const [name, values] of groups) attrs.set(name, Value.tuple(values));
  return { value: withMarks(Value.object(attrs)), diags };
}
