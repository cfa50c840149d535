import { expect } from 'vitest';
import { childContext, type EvalContext } from '../../src/eval/context.js';
import { evaluate, type Result } from '../../src/eval/evaluate.js';
import type { FunctionSpec } from '../../src/eval/functions/function.js';
import { expressionFunctions } from '../../src/eval/functions/special.js';
import { listOf, mapOf, NumberType, objectOf, StringType } from '../../src/eval/types.js';
import { rawEquals, Sensitive, Value } from '../../src/eval/value.js';
import { parseExpression } from '../../src/hcl/parse.js';
import { formatRange } from '../../src/hcl/range.js';

/* Shared fixtures for the evaluator tests: a context, and parse-then-evaluate helpers. */

const str = Value.string;
const n = Value.number;

/** Two small functions of known shape, plus try/can/convert. */
const testFunctions: Record<string, FunctionSpec> = {
  upper: {
    params: [{ name: 'str', type: StringType }],
    returnType: () => StringType,
    impl: ([s]) => str(s!.asString().toUpperCase()),
  },
  add: {
    params: [{ name: 'a', type: NumberType }],
    varParam: { name: 'rest', type: NumberType },
    returnType: () => NumberType,
    impl: (args) => n(args.reduce((acc, a) => acc.plus(a.asNumber()), Value.number(0).asNumber())),
  },
  ...expressionFunctions,
};

export const secret = str('s3cr3t').mark(Sensitive);

export const vars = new Map<string, Value>([
  [
    'var',
    Value.object({
      foo: str('x'),
      n: n(3),
      list: Value.list([str('a'), str('b')]),
      tags: Value.map({ env: str('prod'), team: str('ops') }),
      objs: Value.list([Value.object({ name: str('a') }), Value.object({ name: str('b') })]),
      secret,
      pin: n(1234).mark(Sensitive),
      pins: Value.list([n(1), n(2)]).mark(Sensitive),
      secrets: Value.list([secret, str('plain')]),
      marked_list: Value.list([str('p'), str('q')]).mark(Sensitive),
      u: Value.unknown(StringType),
      ul: Value.unknown(listOf(StringType)),
      uo: Value.unknown(objectOf({ a: StringType })),
      nul: Value.null(StringType),
      empty: Value.list([], StringType),
      set: Value.set([str('b'), str('a')]),
      nul_map: Value.null(mapOf(StringType)),
      nul_list: Value.null(listOf(StringType)),
    }),
  ],
  ['local', Value.object({ name: str('kiln') })],
]);

export const ctx: EvalContext = { variables: vars, functions: new Map(Object.entries(testFunctions)) };

/** Pass as the context to evaluate with none at all. */
export const NoContext = null;

/** Parses src as an expression (failing on parse errors) and evaluates it. */
export function run(src: string, context: EvalContext | null = ctx): Result {
  const { expr, diags } = parseExpression(src, 't.hcl');
  expect(diags, `parse errors in ${src}`).toEqual([]);
  return evaluate(expr, context ?? undefined);
}

/** Asserts exact value (type, state and marks) without diagnostics. */
export function expectValue(src: string, want: Value, context: EvalContext | null = ctx): void {
  const r = run(src, context);
  expect(r.diags.map(diagLine), src).toEqual([]);
  expect(r.value.toString(), src).toBe(want.toString());
  expect(rawEquals(r.value, want), `${src}: ${r.value} vs ${want}`).toBe(true);
}

/** A diagnostic as one comparable line: severity, summary, detail and subject range. */
export function diagLine(d: Result['diags'][number]): string {
  return `${d.severity}: ${d.summary} | ${d.detail ?? ''} | ${d.subject ? formatRange(d.subject) : '-'}`;
}

/** Asserts the exact diagnostics and the placeholder value of an erroneous expression. */
export function expectDiags(src: string, want: string[], value?: Value, context: EvalContext | null = ctx): void {
  const r = run(src, context);
  expect(r.diags.map(diagLine), src).toEqual(want);
  if (value) expect(r.value.toString(), src).toBe(value.toString());
}

export { childContext };
