import { describe, expect, it } from 'vitest';
import { childContext, type EvalContext } from '../../src/eval/context.js';
import { numberG10, traversalString, valueStatements, valueString } from '../../src/eval/diagnostic-values.js';
import { evaluate } from '../../src/eval/evaluate.js';
import { num } from '../../src/eval/number.js';
import { StringType } from '../../src/eval/types.js';
import { Sensitive, Value } from '../../src/eval/value.js';
import { asTraversal } from '../../src/eval/variables.js';
import { diagnosticsText } from '../../src/hcl/diagnostic-text.js';
import { parseExpression } from '../../src/hcl/parse.js';
import { ctx, NoContext, run } from './evaluate-helpers.js';

/*
 * The "with x as 1" statements of expression diagnostics (hcl's
 * Diagnostic.Expression + EvalContext). Expected texts were checked against
 * `packer console -config-type=hcl2` (Packer 1.6.6) where it shows them.
 */

const str = Value.string;
const n = Value.number;

function parsed(src: string) {
  const { expr, diags } = parseExpression(src, 't.hcl');
  expect(diags).toEqual([]);
  return expr;
}

describe("numberG10 (big.Float.Text('g', 10))", () => {
  // Each checked as `with x as ...` in Packer 1.6.6's console.
  it.each([
    ['0', '0'],
    ['100', '100'],
    ['-7', '-7'],
    ['3.25', '3.25'],
    ['0.1', '0.1'],
    ['0.0001', '0.0001'],
    ['1e-5', '1e-05'],
    ['-0.00001234567891234', '-1.234567891e-05'],
    ['0.000123456789012', '0.000123456789'],
    ['123456.7890123', '123456.789'],
    ['1234567890', '1234567890'],
    ['1e10', '1e+10'],
    ['12345678905', '1.23456789e+10'],
    ['12345678915', '1.234567892e+10'],
    ['9999999999.5', '1e+10'],
    ['99999999995', '1e+11'],
    ['1.5e20', '1.5e+20'],
    ['1e21', '1e+21'],
    ['1e100', '1e+100'],
    ['1.00000000005', '1'],
  ])('%s -> %s', (given, want) => {
    expect(numberG10(num(given))).toBe(want);
  });

  it('writes infinities as Go does', () => {
    expect(numberG10(num('Infinity'))).toBe('+Inf');
    expect(numberG10(num('-Infinity'))).toBe('-Inf');
  });
});

describe('valueString', () => {
  it.each([
    [Value.null(StringType), 'null'],
    [Value.unknown(StringType), '(not yet known)'],
    [Value.bool(true), 'true'],
    [Value.bool(false), 'false'],
    [n('1.5e20'), '1.5e+20'],
    [str('q\n"'), '"q\\n\\""'],
    [str('é\u0001'), '"é\\x01"'],
    [Value.list([str('a'), str('b')]), 'list of string with 2 elements'],
    [Value.list([], StringType), 'empty list of string'],
    [Value.set([n(1)]), 'set of number with 1 element'],
    [Value.map({ a: Value.list([n(1)]) }), 'map of list of number with 1 element'],
    [Value.tuple([n(1), str('a')]), 'tuple with 2 elements'],
    [Value.tuple([]), 'empty tuple'],
    [Value.object({}), 'object with no attributes'],
    [Value.object({ 'a"b': n(1) }), 'object with 1 attribute "a\\"b"'],
    [Value.object({ a: n(1), b: n(2) }), 'object with 2 attributes'],
    [str('s3cr3t').mark(Sensitive), '"s3cr3t"'],
  ])('%s', (value, want) => {
    expect(valueString(value)).toBe(want);
  });
});

describe('traversalString', () => {
  it.each([
    ['var.foo', 'var.foo'],
    ['var.list[0]', 'var.list[0]'],
    ['var.list.1', 'var.list[1]'],
    ['var.tags["env"].x', 'var.tags["env"].x'],
    ['a[true][1.5]', 'a[true][1.5]'],
    ['a[null]', 'a[...]'],
  ])('%s -> %s', (src, want) => {
    expect(traversalString(asTraversal(parsed(src))!)).toBe(want);
  });
});

describe('valueStatements', () => {
  it('renders each distinct traversal, sorted, with null as "set to null"', () => {
    expect(valueStatements(parsed('[var.n, var.nul, var.foo, var.n, var.list[1], local.name]'), ctx)).toEqual([
      'local.name as "kiln"',
      'var.foo as "x"',
      'var.list[1] as "b"',
      'var.n as 3',
      'var.nul set to null',
    ]);
  });

  it('leaves out unknown and marked values, and traversals that fail', () => {
    const expr = parsed('[var.u, var.secret, var.pins, var.nope, var.foo.bar, nothing, var.list[5], var.secrets]');
    expect(valueStatements(expr, ctx)).toEqual(['var.secrets as list of string with 2 elements']);
  });

  it('shows a marked null as null, as hcl checks for null first', () => {
    const marked = childContext(ctx, new Map([['m', Value.null(StringType).mark(Sensitive)]]));
    expect(valueStatements(parsed('m'), marked)).toEqual(['m set to null']);
  });

  it('does not report names bound inside the expression, and nothing without a context', () => {
    expect(valueStatements(parsed('[for x in var.list : x if var.n > 1]'), ctx)).toEqual([
      'var.list as list of string with 2 elements',
      'var.n as 3',
    ]);
    expect(valueStatements(parsed('var.n'), undefined)).toEqual([]);
  });
});

/** The value statements of each diagnostic from evaluating src ([] for none). */
function valuesOf(src: string, context: EvalContext | null = ctx): (readonly string[])[] {
  return run(src, context).diags.map((d) => d.valueContext ?? []);
}

const LIST = 'var.list as list of string with 2 elements';

describe('evaluator diagnostics carry the values hcl attaches', () => {
  const cases: [string, (readonly string[])[]][] = [
    // for expressions: the failing element's scope; before iterating, the enclosing one.
    ['[for x in [1, 2] : x if x]', [['x as 1']]],
    ['[for x in [null] : x if x]', [['x set to null']]],
    ['{for x in ["a", "a"] : x => 1}', [['x as "a"']]],
    ['{for i, x in [null] : x => i}', [['x set to null']]],
    ['{for k, v in {a = [1]} : v => k}', [['v as tuple with 1 element']]],
    ['[for x in [1] : x if var.list]', [[LIST]]],
    ['[for x in var.nul_list : x]', [['var.nul_list set to null']]],
    ['[for x in var.n : x]', [['var.n as 3']]],
    // operators: the operand, or the whole operation when it fails
    ['var.foo + 1', [['var.foo as "x"']]],
    ['1 + var.foo', [['var.foo as "x"']]],
    ['[for x in ["a"] : x + x]', [['x as "a"'], ['x as "a"']]],
    ['var.nul + var.n', [['var.n as 3', 'var.nul set to null']]],
    ['var.nul + var.nul', [['var.nul set to null']]],
    ['-var.foo', [['var.foo as "x"']]],
    ['-var.nul', [['var.nul set to null']]],
    ['[for x in [{a = [1]}] : x.a + 1]', [['x.a as tuple with 1 element']]],
    // conditionals: the condition, or the whole expression for mismatched results
    ['var.nul ? 1 : 2', [['var.nul set to null']]],
    ['var.n ? 1 : 2', [['var.n as 3']]],
    ['var.foo == "x" ? var.list : var.n', [['var.foo as "x"', LIST, 'var.n as 3']]],
    ['"%{ if var.n }a%{ endif }"', [['var.n as 3']]],
    // object keys
    ['{(var.nul) = 1}', [['var.nul set to null']]],
    ['{(var.list) = 1}', [[LIST]]],
    // template interpolations: the part; a template for-loop's body in its scope
    ['"a${var.nul}"', [['var.nul set to null']]],
    ['"a${var.list}"', [[LIST]]],
    [
      '"%{ for s in var.objs }${s}%{ endfor }"',
      [['s as object with 1 attribute "name"'], ['s as object with 1 attribute "name"']],
    ],
    // index and traversals: a scope traversal that fails shows nothing
    ['var.list[var.n]', [[LIST, 'var.n as 3']]],
    ['var.list[5]', [[]]],
    ['var.foo.bar', [[]]],
    ['[var.foo][0].bar', [['var.foo as "x"']]],
    ['[for i in [5] : [1][i]]', [['i as 5']]],
    ['[var.u, var.secret, var.nul, var.foo][var.n + 1]', [['var.foo as "x"', 'var.n as 3', 'var.nul set to null']]],
    ['var.nul_list[*]', [['var.nul_list set to null']]],
    // function calls: an argument's error shows that argument, other errors the whole call
    ['nosuch(var.n)', [['var.n as 3']]],
    ['upper(var.foo, var.n)', [['var.foo as "x"', 'var.n as 3']]],
    ['[for b, a in ["q"] : upper(a, b, a)]', [['a as "q"', 'b as 0']]],
    ['upper(var.list)', [[LIST]]],
    ['upper(var.nul)', [['var.nul set to null']]],
    ['add(var.n, var.list)', [[LIST]]],
    ['add(var.n, var.list...)', [[], []]],
    ['add(var.foo...)', [['var.foo as "x"']]],
    ['try(var.n.x)', [[]]],
    ['try(var.n + var.foo)', [['var.foo as "x"', 'var.n as 3']]],
  ];
  it.each(cases)('%s', (src, want) => {
    expect(valuesOf(src)).toEqual(want);
  });

  it('uses the enclosing scope for the early check of a for condition, as hcl', () => {
    const outer = childContext(ctx, new Map([['x', str('outer')]]));
    expect(valuesOf('[for x in [1] : x if [x]]', outer)).toEqual([['x as "outer"']]);
  });

  it('shows nothing where variables are not allowed, but a for expression still has its scope', () => {
    expect(valuesOf('1 + "a"', NoContext)).toEqual([[]]);
    const r = evaluate(parsed('{for x in ["a", "a"] : x => 1}'), undefined);
    expect(r.diags.map((d) => d.valueContext)).toEqual([['x as "a"']]);
  });

  it('renders as Packer 1.6.6 prints it in the console', () => {
    const { expr } = parseExpression('{for x in ["a", "a"] : x => 1}', '<console-input>');
    expect(diagnosticsText(evaluate(expr, ctx).diags)).toBe(
      `Error: Duplicate object key

  on <console-input> line 1:
  (source code not available)

with x as "a".

Two different items produced the key "a" in this 'for' expression. If duplicates
are expected, use the ellipsis (...) after the value expression to enable
grouping by key.

`,
    );
  });
});
