import { describe, expect, it } from 'vitest';
import { parseExpression } from '../../src/hcl/parse.js';
import type { Range } from '../../src/hcl/range.js';
import { applyDefaults, typeConstraint } from '../../src/eval/typeexpr.js';
import { NumberType, StringType, listOf, typeString } from '../../src/eval/types.js';
import { convert } from '../../src/eval/convert.js';
import { rawEquals, Sensitive, Value } from '../../src/eval/value.js';

/** A range on line 1 of file "t" from 1-based columns. */
function r(sc: number, ec: number): Range {
  return { filename: 't', start: { line: 1, column: sc, byte: sc - 1 }, end: { line: 1, column: ec, byte: ec - 1 } };
}

function constraint(src: string) {
  const { expr, diags } = parseExpression(src, 't');
  expect(diags).toEqual([]);
  return typeConstraint(expr);
}

const S = Value.string;
const N = Value.number;

function expectValue(got: Value, want: Value): void {
  expect(rawEquals(got, want), `${got.toString()} != ${want.toString()}`).toBe(true);
}

describe('typeConstraint', () => {
  it.each([
    ['string', 'string'],
    ['number', 'number'],
    ['bool', 'bool'],
    ['any', 'any'],
    ['list(string)', 'list(string)'],
    ['set(number)', 'set(number)'],
    ['map(any)', 'map(any)'],
    ['list(map(list(bool)))', 'list(map(list(bool)))'],
    ['tuple([string, number])', 'tuple([string, number])'],
    ['tuple([])', 'tuple([])'],
    ['object({})', 'object({})'],
    ['object({b = number, a = string})', 'object({a=string, b=number})'],
    ['object({a = optional(string)})', 'object({a=optional(string)})'],
    ['object({a = optional(list(string), [])})', 'object({a=optional(list(string))})'],
  ])('%s', (src, want) => {
    const { type, diags } = constraint(src);
    expect(diags).toEqual([]);
    expect(typeString(type)).toBe(want);
  });

  it.each<[string, string, Range, Range | undefined]>([
    ['foo', 'The keyword "foo" is not a valid type specification.', r(1, 4), undefined],
    ['null', 'The keyword "null" is not a valid type specification.', r(1, 5), undefined],
    ['list', 'The list type constructor requires one argument specifying the element type.', r(1, 5), undefined],
    [
      'object',
      'The object type constructor requires one argument specifying the attribute types and values as a map.',
      r(1, 7),
      undefined,
    ],
    [
      'tuple',
      'The tuple type constructor requires one argument specifying the element types as a list.',
      r(1, 6),
      undefined,
    ],
    [
      '"string"',
      'A type specification is either a primitive type keyword (bool, number, string) or a complex type constructor call, like list(string).',
      r(1, 9),
      undefined,
    ],
    ['string()', 'Primitive type keyword "string" does not expect arguments.', r(7, 9), undefined],
    ['any(1)', 'Type constraint keyword "any" does not expect arguments.', r(4, 7), undefined],
    ['list()', 'The list type constructor requires one argument specifying the element type.', r(5, 7), r(5, 7)],
    [
      'map(string, number, bool)',
      'The map type constructor requires one argument specifying the element type.',
      r(13, 25),
      r(4, 26),
    ],
    [
      'optional(string)',
      'Keyword "optional" is valid only as a modifier for object type attributes.',
      r(1, 9),
      undefined,
    ],
    ['foo(string)', 'Keyword "foo" is not a valid type constructor.', r(1, 12), undefined],
    ['list(foo)', 'The keyword "foo" is not a valid type specification.', r(6, 9), undefined],
    ['tuple(string)', 'Tuple type constructor requires a list of element types.', r(7, 13), r(1, 14)],
    [
      'object([])',
      'Object type constructor requires a map whose keys are attribute names and whose values are the corresponding attribute types.',
      r(8, 10),
      r(1, 11),
    ],
    ['object({"a" = string})', 'Object constructor map keys must be attribute names.', r(9, 12), r(1, 23)],
    ['object({(a) = string})', 'Object constructor map keys must be attribute names.', r(9, 12), r(1, 23)],
    ['object({a = string, a = number})', 'Object constructor map keys must be unique.', r(21, 22), r(1, 33)],
    [
      'object({a = optional()})',
      'Optional attribute modifier requires the attribute type as its argument.',
      r(21, 23),
      r(13, 23),
    ],
    [
      'object({a = optional(string, "x", "y")})',
      'Optional attribute modifier expects at most two arguments: the attribute type, and a default value.',
      r(21, 39),
      r(13, 39),
    ],
  ])('%s is invalid', (src, detail, subject, context) => {
    const { diags } = constraint(src);
    expect(diags).toEqual([{ severity: 'error', summary: 'Invalid type specification', detail, subject, context }]);
  });

  it('rejects a default that does not convert', () => {
    const { diags } = constraint('object({a = optional(number, "x")})');
    expect(diags).toEqual([
      {
        severity: 'error',
        summary: 'Invalid default value for optional attribute',
        detail: "This default value is not compatible with the attribute's type constraint: a number is required.",
        subject: r(30, 33),
        context: undefined,
      },
    ]);
  });

  it('rejects variables in defaults', () => {
    const { type, diags } = constraint('object({a = optional(number, var.x)})');
    expect(diags.map((d) => [d.summary, d.detail, d.subject])).toEqual([
      ['Variables not allowed', 'Variables may not be used here.', r(30, 35)],
    ]);
    // A default that failed to evaluate leaves the attribute required, as hcl does.
    expect(typeString(type)).toBe('object({a=number})');
  });

  it('converts defaults to the attribute type', () => {
    const { defaults } = constraint('object({a = optional(string, 5)})');
    expectValue(defaults!.defaultValues.get('a')!, S('5'));
  });
});

describe('applyDefaults', () => {
  const apply = (typeSrc: string, v: Value): Value => {
    const { type, defaults, diags } = constraint(typeSrc);
    expect(diags).toEqual([]);
    return convert(applyDefaults(v, defaults), type);
  };

  it('fills missing and null optional attributes', () => {
    const src =
      'object({name = string, port = optional(number, 22), user = optional(string), tags = optional(list(string), [])})';
    expectValue(
      apply(src, Value.object({ name: S('x') })),
      Value.object({ name: S('x'), port: N(22), tags: Value.list([], StringType), user: Value.null(StringType) }),
    );
    expectValue(
      apply(src, Value.object({ name: S('x'), port: Value.null(NumberType), tags: Value.tuple([S('a')]) })),
      Value.object({ name: S('x'), port: N(22), tags: Value.list([S('a')]), user: Value.null(StringType) }),
    );
  });

  it('keeps given values', () => {
    const v = apply('object({port = optional(number, 22)})', Value.object({ port: S('80') }));
    expectValue(v, Value.object({ port: N(80) }));
  });

  it('applies defaults inside collections and nested objects', () => {
    const src = 'map(object({a = optional(number, 1), inner = optional(object({b = optional(bool, true)}), {})}))';
    const v = apply(
      src,
      Value.object({
        x: Value.object({}),
        y: Value.object({ a: N(5), inner: Value.object({ b: Value.bool(false) }) }),
      }),
    );
    expectValue(
      v,
      Value.map({
        x: Value.object({ a: N(1), inner: Value.object({ b: Value.bool(true) }) }),
        y: Value.object({ a: N(5), inner: Value.object({ b: Value.bool(false) }) }),
      }),
    );
  });

  it('applies defaults to tuple elements by position', () => {
    const v = apply('tuple([object({a = optional(number, 1)}), string])', Value.tuple([Value.object({}), S('s')]));
    expectValue(v, Value.tuple([Value.object({ a: N(1) }), S('s')]));
  });

  it('applies defaults in lists', () => {
    const v = apply(
      'list(object({a = optional(number, 1)}))',
      Value.tuple([Value.object({}), Value.object({ a: N(2) })]),
    );
    expectValue(v, Value.list([Value.object({ a: N(1) }), Value.object({ a: N(2) })]));
  });

  it('leaves null and unknown values alone', () => {
    const { defaults } = constraint('object({a = optional(number, 1)})');
    const t = listOf(NumberType);
    expectValue(applyDefaults(Value.null(t), defaults), Value.null(t));
    expectValue(applyDefaults(Value.unknown(t), defaults), Value.unknown(t));
  });

  it('keeps marks', () => {
    const v = apply(
      'object({a = optional(number, 1), b = string})',
      Value.object({ b: S('x').mark(Sensitive) }).mark(Sensitive),
    );
    expectValue(v, Value.object({ a: N(1), b: S('x').mark(Sensitive) }).mark(Sensitive));
  });
});
