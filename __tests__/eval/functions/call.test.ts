import { describe, expect, it } from 'vitest';
import type { FunctionCallExpr } from '../../../src/hcl/ast.js';
import { parseExpression } from '../../../src/hcl/parse.js';
import type { Range } from '../../../src/hcl/range.js';
import { callFunction, callSiteOf } from '../../../src/eval/functions/call.js';
import { startRange } from '../../../src/eval/evaluate-call.js';
import {
  FunctionArgError,
  FunctionCallError,
  type FunctionSpec,
  type Parameter,
} from '../../../src/eval/functions/function.js';
import { DynamicPseudoType, NumberType, StringType, listOf } from '../../../src/eval/types.js';
import { DynamicVal, rawEquals, Sensitive, Value } from '../../../src/eval/value.js';

/** A range on line 1 of file "e" from 1-based columns. */
function r(sc: number, ec: number): Range {
  return { filename: 'e', start: { line: 1, column: sc, byte: sc - 1 }, end: { line: 1, column: ec, byte: ec - 1 } };
}

function call(src: string, spec: FunctionSpec, args: Value[]) {
  const { expr } = parseExpression(src, 'e');
  const c = expr as FunctionCallExpr;
  return callFunction(c.name, spec, args, c.args.map(startRange), callSiteOf(c));
}

const S = Value.string;
const N = Value.number;

// upper(str): a plain function of one string.
const upper: FunctionSpec = {
  params: [{ name: 'str', type: StringType }],
  returnType: () => StringType,
  impl: ([s]) => S(s!.asString().toUpperCase()),
};

// join(separator, lists...): a variadic function.
const join: FunctionSpec = {
  params: [{ name: 'separator', type: StringType }],
  varParam: { name: 'lists', type: listOf(StringType) },
  returnType: () => StringType,
  impl: ([sep, ...lists]) =>
    S(
      lists
        .flatMap((l) => l.elements())
        .map((e) => e.asString())
        .join(sep!.asString()),
    ),
};

function specWith(param: Partial<Parameter>, impl: FunctionSpec['impl'] = ([v]) => v!): FunctionSpec {
  return { params: [{ name: 'v', type: DynamicPseudoType, ...param }], returnType: () => StringType, impl };
}

function expectValue(got: Value, want: Value): void {
  expect(rawEquals(got, want), `${got.toString()} != ${want.toString()}`).toBe(true);
}

describe('callFunction', () => {
  it('converts arguments to parameter types', () => {
    const { value, diags } = call('upper(x)', upper, [N(15)]);
    expect(diags).toEqual([]);
    expectValue(value, S('15'));
  });

  it('calls variadic functions', () => {
    const { value, diags } = call('join("-", a, b)', join, [
      S('-'),
      Value.tuple([S('a')]),
      Value.list([S('b'), S('c')]),
    ]);
    expect(diags).toEqual([]);
    expectValue(value, S('a-b-c'));
  });

  it.each<[string, string, FunctionSpec, Value[], object]>([
    [
      'too few arguments',
      'upper()',
      upper,
      [],
      {
        summary: 'Not enough function arguments',
        detail: 'Function "upper" expects 1 argument(s). Missing value for "str".',
        subject: r(7, 8),
        context: r(1, 8),
      },
    ],
    [
      'too few for a variadic function',
      'join()',
      join,
      [],
      {
        summary: 'Not enough function arguments',
        detail: 'Function "join" expects at least 1 argument(s). Missing value for "separator".',
        subject: r(6, 7),
        context: r(1, 7),
      },
    ],
    [
      'too many arguments',
      'upper("a", [1, 2])',
      upper,
      [S('a'), Value.tuple([N(1), N(2)])],
      {
        summary: 'Too many function arguments',
        detail: 'Function "upper" expects only 1 argument(s).',
        subject: r(12, 13),
        context: r(1, 19),
      },
    ],
    [
      'argument of the wrong type',
      'upper(["a"])',
      upper,
      [Value.tuple([S('a')])],
      {
        summary: 'Invalid function argument',
        detail: 'Invalid value for "str" parameter: string required.',
        subject: r(7, 8),
        context: r(1, 13),
      },
    ],
    [
      'variadic argument of the wrong type',
      'join(",", "x")',
      join,
      [S(','), S('x')],
      {
        summary: 'Invalid function argument',
        detail: 'Invalid value for "lists" parameter: list of string required.',
        // A quoted template starts at its first part, inside the quotes (hclsyntax TemplateExpr.StartRange).
        subject: r(12, 13),
        context: r(1, 15),
      },
    ],
    [
      'null argument',
      'upper(null)',
      upper,
      [Value.null(DynamicPseudoType)],
      {
        summary: 'Invalid function argument',
        detail: 'Invalid value for "str" parameter: argument must not be null.',
        subject: r(7, 11),
        context: r(1, 12),
      },
    ],
    [
      'FunctionArgError from the implementation',
      'f(x)',
      specWith({}, () => {
        throw new FunctionArgError(0, 'must be positive');
      }),
      [N(-1)],
      {
        summary: 'Invalid function argument',
        detail: 'Invalid value for "v" parameter: must be positive.',
        subject: r(3, 4),
        context: r(1, 5),
      },
    ],
    [
      'FunctionCallError from the implementation',
      'f(x)',
      specWith({}, () => {
        throw new FunctionCallError('no such file');
      }),
      [N(1)],
      {
        summary: 'Error in function call',
        detail: 'Call to function "f" failed: no such file.',
        subject: r(1, 3),
        context: r(1, 5),
      },
    ],
    [
      'error from the return type check',
      'f(x)',
      {
        ...specWith({}),
        returnType: () => {
          throw new FunctionArgError(3, 'out of range');
        },
      },
      [N(1)],
      {
        summary: 'Error in function call',
        detail: 'Call to function "f" failed: out of range.',
        subject: r(1, 3),
        context: r(1, 5),
      },
    ],
  ])('%s', (_name, src, spec, args, diag) => {
    const { value, diags } = call(src, spec, args);
    expect(diags).toEqual([{ severity: 'error', ...diag }]);
    expectValue(value, DynamicVal);
  });

  it('reports every argument that fails to convert', () => {
    const spec: FunctionSpec = {
      params: [
        { name: 'a', type: NumberType },
        { name: 'b', type: NumberType },
      ],
      returnType: () => NumberType,
      impl: ([a]) => a!,
    };
    const { diags } = call('f("x", "y")', spec, [S('x'), S('y')]);
    expect(diags.map((d) => [d.detail, d.subject])).toEqual([
      ['Invalid value for "a" parameter: a number is required.', r(4, 5)],
      ['Invalid value for "b" parameter: a number is required.', r(9, 10)],
    ]);
  });

  it('returns an unknown of the return type for unknown arguments', () => {
    const { value, diags } = call('upper(x)', upper, [Value.unknown(StringType)]);
    expect(diags).toEqual([]);
    expectValue(value, Value.unknown(StringType));
  });

  it('returns a dynamic unknown for arguments of unknown type', () => {
    const { value } = call('f(x)', specWith({}), [DynamicVal]);
    expectValue(value, DynamicVal);
  });

  it('passes unknowns, nulls and marks through when the parameter allows them', () => {
    const seen: Value[] = [];
    const spec = specWith({ allowUnknown: true, allowNull: true, allowMarked: true, allowDynamicType: true }, ([v]) => {
      seen.push(v!);
      return S('ok');
    });
    for (const v of [Value.unknown(StringType), Value.null(StringType), S('x').mark(Sensitive), DynamicVal]) {
      expectValue(call('f(x)', spec, [v]).value, S('ok'));
    }
    expect(seen.map(String)).toEqual(['unknown(string)', 'null(string)', '"x".mark(sensitive)', 'unknown(dynamic)']);
  });

  it('moves marks, deep ones included, from arguments to the result', () => {
    const seen: Value[] = [];
    const spec: FunctionSpec = {
      params: [{ name: 'list', type: listOf(StringType) }],
      returnType: () => NumberType,
      impl: ([l]) => {
        seen.push(l!);
        return N(l!.length());
      },
    };
    const { value } = call('length(x)', spec, [Value.tuple([S('a').mark(Sensitive), S('b')])]);
    expectValue(value, N(2).mark(Sensitive));
    expect(seen.map(String)).toEqual(['list["a", "b"]']);
  });

  it('marks an unknown result too', () => {
    const { value } = call('upper(x)', upper, [Value.unknown(StringType).mark(Sensitive)]);
    expectValue(value, Value.unknown(StringType).mark(Sensitive));
  });

  it('accepts a bare range for the call', () => {
    const { diags } = callFunction('upper', upper, [], [], r(1, 8));
    expect(diags[0]!.subject).toEqual(r(1, 8));
  });
});
