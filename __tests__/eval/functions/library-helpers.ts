import { expect } from 'vitest';
import type { EvalContext } from '../../../src/eval/context.js';
import { evaluate } from '../../../src/eval/evaluate.js';
import { collectionFunctions } from '../../../src/eval/functions/collection.js';
import { formatFunctions } from '../../../src/eval/functions/format.js';
import { numericFunctions } from '../../../src/eval/functions/numeric.js';
import { regexFunctions } from '../../../src/eval/functions/regex.js';
import { stringFunctions } from '../../../src/eval/functions/string.js';
import { BoolType, DynamicPseudoType, listOf, NumberType, StringType } from '../../../src/eval/types.js';
import { rawEquals, Sensitive, Value } from '../../../src/eval/value.js';
import { parseExpression } from '../../../src/hcl/parse.js';

/*
 * Evaluates real HCL call expressions against this library's function modules,
 * so arguments go through the same conversion and call machinery as in a template.
 */

export const s = Value.string;
export const n = Value.number;
export const b = Value.bool;
export const list = (...elements: Value[]): Value => Value.list(elements);
export const tuple = (...elements: Value[]): Value => Value.tuple(elements);
export const strings = (...items: string[]): Value => Value.list(items.map(s), StringType);
export const numbers = (...items: (number | string)[]): Value => Value.list(items.map(n), NumberType);

/** Variables for what literals cannot express: unknowns, nulls, marks, sets. */
const variables = new Map<string, Value>([
  [
    'v',
    Value.object({
      us: Value.unknown(StringType),
      un: Value.unknown(NumberType),
      ud: Value.unknown(DynamicPseudoType),
      uls: Value.unknown(listOf(StringType)),
      ns: Value.null(StringType),
      nls: Value.null(listOf(StringType)),
      secret: s('hunter2').mark(Sensitive),
      secret_list: Value.list([s('a'), s('b')]).mark(Sensitive),
      set: Value.set([s('b'), s('a'), s('c')]),
      nset: Value.set([n(3), n(1)]),
      bools_unknown: Value.list([b(true), Value.unknown(BoolType)]),
      bools_null: Value.list([b(true), Value.null(BoolType)]),
      strs_unknown: Value.list([s('b'), Value.unknown(StringType)]),
      strs_null: Value.list([s('b'), Value.null(StringType)]),
      set_unknown: Value.set([s('a'), Value.unknown(StringType)]),
      empty_set: Value.set([], StringType),
      emptyset_dyn: Value.set([], DynamicPseudoType),
      nums_set: Value.set([n(10), n(13), n(6), n(4.5)], NumberType),
      map: Value.map({ b: n(1), a: n(2) }),
      smap: Value.map({ a: s('x') }),
    }),
  ],
]);

const functions = new Map(
  Object.entries({
    ...numericFunctions,
    ...stringFunctions,
    ...regexFunctions,
    ...formatFunctions,
    ...collectionFunctions,
  }),
);

export const ctx: EvalContext = { variables, functions };

function run(src: string) {
  const { expr, diags } = parseExpression(src, 't.hcl');
  expect(diags, `parse errors in ${src}`).toEqual([]);
  return evaluate(expr, ctx);
}

/** The value of src, which must evaluate without diagnostics. */
export function value(src: string): Value {
  const r = run(src);
  expect(
    r.diags.map((d) => `${d.summary}: ${d.detail}`),
    src,
  ).toEqual([]);
  return r.value;
}

/** Asserts src evaluates to exactly `want` (type, state and marks). */
export function expectValue(src: string, want: Value): void {
  const got = value(src);
  expect(got.toString(), src).toBe(want.toString());
  expect(rawEquals(got, want), `${src}: ${got} vs ${want}`).toBe(true);
}

/** The single error of src as "Summary: detail". */
export function errorOf(src: string): string {
  const r = run(src);
  expect(r.diags.length, `${src} diagnostics`).toBe(1);
  return `${r.diags[0]!.summary}: ${r.diags[0]!.detail}`;
}

/** "Call to function ... failed" error text for a function. */
export const callFailed = (name: string, message: string): string =>
  `Error in function call: Call to function "${name}" failed: ${message}.`;

/** "Invalid value for parameter" error text. */
export const invalidArg = (param: string, message: string): string =>
  `Invalid function argument: Invalid value for "${param}" parameter: ${message}.`;
