import { expect } from 'vitest';
import type { EvalContext } from '../../../src/eval/context.js';
import { evaluate } from '../../../src/eval/evaluate.js';
import type { FunctionSpec } from '../../../src/eval/functions/function.js';
import { BoolType, DynamicPseudoType, listOf, NumberType, StringType } from '../../../src/eval/types.js';
import { rawEquals, Sensitive, Value } from '../../../src/eval/value.js';
import { parseExpression } from '../../../src/hcl/parse.js';

/*
 * Evaluates real HCL call expressions against a set of function modules, so
 * arguments pass through the same conversion and call machinery as in a
 * template, and errors are the diagnostics a user would see.
 */

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
      secret: Value.string('hunter2').mark(Sensitive),
      secret_list: Value.list([Value.string('a'), Value.string('b')]).mark(Sensitive),
      set: Value.set([Value.string('b'), Value.string('a'), Value.string('c')]),
      nset: Value.set([Value.number(3), Value.number(1)]),
      bools_unknown: Value.list([Value.bool(true), Value.unknown(BoolType)]),
      bools_null: Value.list([Value.bool(true), Value.null(BoolType)]),
      strs_unknown: Value.list([Value.string('b'), Value.unknown(StringType)]),
      strs_null: Value.list([Value.string('b'), Value.null(StringType)]),
      set_unknown: Value.set([Value.string('a'), Value.unknown(StringType)]),
      empty_set: Value.set([], StringType),
      emptyset_dyn: Value.set([], DynamicPseudoType),
      nums_set: Value.set([Value.number(10), Value.number(13), Value.number(6), Value.number(4.5)], NumberType),
      map: Value.map({ b: Value.number(1), a: Value.number(2) }),
      smap: Value.map({ a: Value.string('x') }),
    }),
  ],
]);

export interface Evaluator {
  /** The value of src, which must evaluate without diagnostics. */
  value(src: string): Value;
  /** Asserts src evaluates to exactly `want` (type, state and marks). */
  expectValue(src: string, want: Value): void;
  /** The string result of src. */
  str(src: string): string;
  /** The single error of src as "Summary: detail". */
  errorOf(src: string): string;
}

export function evaluator(...modules: readonly Readonly<Record<string, FunctionSpec>>[]): Evaluator {
  const ctx: EvalContext = { variables, functions: new Map(modules.flatMap((m) => Object.entries(m))) };
  const run = (src: string) => {
    const { expr, diags } = parseExpression(src, 't.hcl');
    expect(diags, `parse errors in ${src}`).toEqual([]);
    return evaluate(expr, ctx);
  };
  const value = (src: string): Value => {
    const r = run(src);
    expect(
      r.diags.map((d) => `${d.summary}: ${d.detail}`),
      src,
    ).toEqual([]);
    return r.value;
  };
  return {
    value,
    expectValue(src, want) {
      const got = value(src);
      expect(got.toString(), src).toBe(want.toString());
      expect(rawEquals(got, want), `${src}: ${got} vs ${want}`).toBe(true);
    },
    str: (src) => value(src).asString(),
    errorOf(src) {
      const r = run(src);
      expect(r.diags.length, `${src} diagnostics`).toBe(1);
      return `${r.diags[0]!.summary}: ${r.diags[0]!.detail}`;
    },
  };
}

/** "Call to function ... failed" error text. */
export const callFailed = (name: string, message: string): string =>
  `Error in function call: Call to function "${name}" failed: ${message}.`;

/** "Invalid value for parameter" error text. */
export const invalidArg = (param: string, message: string): string =>
  `Invalid function argument: Invalid value for "${param}" parameter: ${message}.`;

/** An HCL string literal for s (for embedding arbitrary text in test expressions). */
export function hclString(s: string): string {
  const escapes: Record<string, string> = { '"': '\\"', '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' };
  let out = '';
  const chars = [...s];
  for (const [i, c] of chars.entries()) {
    const cp = c.codePointAt(0)!;
    if (escapes[c]) out += escapes[c];
    else if (cp < 0x20 || cp === 0x7f) out += `\\u${cp.toString(16).padStart(4, '0')}`;
    else if (c === '{' && (chars[i - 1] === '$' || chars[i - 1] === '%')) out += `${chars[i - 1]}{`;
    else out += c;
  }
  return `"${out}"`;
}
