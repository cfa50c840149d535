import { describe, expect, it } from 'vitest';
import { canConvert, ConversionError, convert, getConversion } from '../../src/eval/convert.js';
import {
  BoolType,
  DynamicPseudoType,
  NumberType,
  StringType,
  listOf,
  mapOf,
  objectOf,
  setOf,
  tupleOf,
  type Type,
} from '../../src/eval/types.js';
import { rawEquals, Sensitive, Value } from '../../src/eval/value.js';

const S = Value.string;
const N = Value.number;
const B = Value.bool;

function expectValue(got: Value, want: Value): void {
  expect(rawEquals(got, want), `${got.toString()} != ${want.toString()}`).toBe(true);
}

function conversionError(v: Value, t: Type): { message: string; path: string[] } {
  try {
    convert(v, t);
  } catch (e) {
    if (!(e instanceof ConversionError)) throw e;
    return {
      message: e.message,
      path: e.path.map((s) => (s.kind === 'attr' ? `.${s.name}` : `[${s.key.toString()}]`)),
    };
  }
  throw new Error(`converted ${v.toString()} to ${t.kind}`);
}

describe('convert: primitives', () => {
  it.each<[string, Value, Type, Value]>([
    ['number to string', N(5), StringType, S('5')],
    ['fraction to string', N('1.5'), StringType, S('1.5')],
    ['big int to string', N('123456789012345678901234567890'), StringType, S('123456789012345678901234567890')],
    ['bool to string', B(true), StringType, S('true')],
    ['string to number', S('1e3'), NumberType, N(1000)],
    ['string to negative number', S('-2.5'), NumberType, N('-2.5')],
    ['"true" to bool', S('true'), BoolType, B(true)],
    ['"1" to bool', S('1'), BoolType, B(true)],
    ['"0" to bool', S('0'), BoolType, B(false)],
    ['same type', S('x'), StringType, S('x')],
    ['to dynamic', N(1), DynamicPseudoType, N(1)],
  ])('%s', (_name, v, t, want) => {
    expectValue(convert(v, t), want);
  });

  it.each<[string, Value, Type, string]>([
    ['not a number', S('abc'), NumberType, 'a number is required'],
    ['padded number', S(' 1'), NumberType, 'a number is required'],
    ['hex', S('0x10'), NumberType, 'a number is required'],
    ['not a bool', S('yes'), BoolType, 'a bool is required'],
    ['True', S('True'), BoolType, 'a bool is required; to convert from string, use lowercase "true"'],
    ['FALSE', S('FALSE'), BoolType, 'a bool is required; to convert from string, use lowercase "false"'],
    ['number to bool', N(1), BoolType, 'bool required'],
    ['bool to number', B(true), NumberType, 'number required'],
    ['tuple to string', Value.tuple([N(1)]), StringType, 'string required'],
    ['string to list', S('x'), listOf(StringType), 'list of string required'],
  ])('%s fails: %s', (_name, v, t, message) => {
    expect(conversionError(v, t).message).toBe(message);
  });
});

describe('convert: collections and structures', () => {
  it.each<[string, Value, Type, Value]>([
    [
      'tuple to list(string)',
      Value.tuple([S('a'), N(1), B(true)]),
      listOf(StringType),
      Value.list([S('a'), S('1'), S('true')]),
    ],
    [
      'tuple to list(any) unifies',
      Value.tuple([S('a'), N(1)]),
      listOf(DynamicPseudoType),
      Value.list([S('a'), S('1')]),
    ],
    ['empty tuple to list', Value.tuple([]), listOf(NumberType), Value.list([], NumberType)],
    ['tuple to set dedupes', Value.tuple([S('b'), S('a'), S('b')]), setOf(StringType), Value.set([S('a'), S('b')])],
    ['list to set', Value.list([N(2), N(1)]), setOf(NumberType), Value.set([N(1), N(2)])],
    ['set to list', Value.set([S('b'), S('a')]), listOf(StringType), Value.list([S('a'), S('b')])],
    ['list(number) to list(string)', Value.list([N(1)]), listOf(StringType), Value.list([S('1')])],
    ['object to map', Value.object({ a: S('x'), b: N(2) }), mapOf(StringType), Value.map({ a: S('x'), b: S('2') })],
    [
      'object to map(any)',
      Value.object({ a: S('x'), b: N(2) }),
      mapOf(DynamicPseudoType),
      Value.map({ a: S('x'), b: S('2') }),
    ],
    ['empty object to map', Value.object({}), mapOf(StringType), Value.map({}, StringType)],
    ['map to object', Value.map({ a: S('1'), z: S('2') }), objectOf({ a: NumberType }), Value.object({ a: N(1) })],
    [
      'map to object with optional',
      Value.map({ a: S('1') }),
      objectOf({ a: StringType, b: StringType }, ['b']),
      Value.object({ a: S('1'), b: Value.null(StringType) }),
    ],
    [
      'object drops extra attributes',
      Value.object({ a: N(1), extra: B(true) }),
      objectOf({ a: StringType }),
      Value.object({ a: S('1') }),
    ],
    [
      'object fills optional attributes with null',
      Value.object({ a: N(1) }),
      objectOf({ a: NumberType, b: listOf(objectOf({ c: StringType }, ['c'])) }, ['b']),
      Value.object({ a: N(1), b: Value.null(listOf(objectOf({ c: StringType }))) }),
    ],
    [
      'tuple to tuple',
      Value.tuple([N(1), B(false)]),
      tupleOf([StringType, StringType]),
      Value.tuple([S('1'), S('false')]),
    ],
    ['map(number) to map(string)', Value.map({ k: N(3) }), mapOf(StringType), Value.map({ k: S('3') })],
  ])('%s', (_name, v, t, want) => {
    expectValue(convert(v, t), want);
  });

  it.each<[string, Value, Type, string, string[]]>([
    ['element of list', Value.tuple([S('a'), S('x')]), listOf(NumberType), 'a number is required', ['[0]']],
    [
      'mixed tuple to list(any)',
      Value.tuple([S('a'), Value.tuple([])]),
      listOf(DynamicPseudoType),
      'all list elements must have the same type',
      [],
    ],
    [
      'mixed tuple to set(any)',
      Value.tuple([S('a'), Value.tuple([])]),
      setOf(DynamicPseudoType),
      'all set elements must have the same type',
      [],
    ],
    [
      'mixed object to map(any)',
      Value.object({ a: S('a'), b: Value.tuple([]) }),
      mapOf(DynamicPseudoType),
      'all map elements must have the same type',
      [],
    ],
    ['tuple element', Value.tuple([S('a'), Value.tuple([])]), listOf(StringType), 'element 1: string required', []],
    ['object element', Value.object({ a: Value.tuple([]) }), mapOf(StringType), 'element "a": string required', []],
    [
      'missing attribute',
      Value.object({ a: S('1') }),
      objectOf({ a: NumberType, b: StringType }),
      'attribute "b" is required',
      [],
    ],
    [
      'two missing',
      Value.object({}),
      objectOf({ b: StringType, a: StringType }),
      'attributes "a" and "b" are required',
      [],
    ],
    [
      'three missing',
      Value.object({}),
      objectOf({ c: StringType, b: StringType, a: StringType }),
      'attributes "a", "b", and "c" are required',
      [],
    ],
    ['attribute value', Value.object({ a: S('x') }), objectOf({ a: NumberType }), 'a number is required', ['.a']],
    [
      'attribute type',
      Value.object({ a: Value.tuple([]) }),
      objectOf({ a: StringType }),
      'attribute "a": string required',
      [],
    ],
    [
      'map lacks attribute',
      Value.map({ a: S('x') }),
      objectOf({ a: StringType, c: StringType }),
      'map has no element for required attribute "c"',
      [],
    ],
    ['list to map', Value.list([S('x')]), mapOf(StringType), 'map of string required', []],
    [
      'list element type',
      Value.list([Value.list([S('x')])]),
      listOf(StringType),
      'incorrect list element type: string required',
      [],
    ],
    [
      'nested path',
      Value.object({ a: Value.tuple([Value.object({ b: S('no') })]) }),
      objectOf({ a: listOf(objectOf({ b: BoolType })) }),
      'a bool is required',
      ['.a', '[0]', '.b'],
    ],
    ['object to tuple', Value.object({}), tupleOf([]), 'tuple required', []],
    ['tuple to object', Value.tuple([]), objectOf({}), 'object required', []],
  ])('%s fails', (_name, v, t, message, path) => {
    expect(conversionError(v, t)).toEqual({ message, path });
  });
});

describe('convert: nulls, unknowns and marks', () => {
  it.each<[string, Value, Type, Value]>([
    ['null converts to typed null', Value.null(DynamicPseudoType), StringType, Value.null(StringType)],
    ['null number to string', Value.null(NumberType), StringType, Value.null(StringType)],
    ['unknown to list', Value.unknown(DynamicPseudoType), listOf(StringType), Value.unknown(listOf(StringType))],
    ['unknown number to string', Value.unknown(NumberType), StringType, Value.unknown(StringType)],
    [
      'unknown tuple to list(any)',
      Value.unknown(tupleOf([StringType, StringType])),
      listOf(DynamicPseudoType),
      Value.unknown(listOf(StringType)),
    ],
    [
      'unknown element stays unknown',
      Value.tuple([S('a'), Value.unknown(NumberType)]),
      listOf(StringType),
      Value.list([S('a'), Value.unknown(StringType)]),
    ],
    [
      'dynamic unknown element',
      Value.tuple([S('a'), Value.unknown(DynamicPseudoType)]),
      listOf(StringType),
      Value.list([S('a'), Value.unknown(StringType)]),
    ],
    [
      'null element in list',
      Value.tuple([S('a'), Value.null(DynamicPseudoType)]),
      listOf(StringType),
      Value.list([S('a'), Value.null(StringType)]),
    ],
    [
      'set with unknowns to list is unknown',
      Value.set([S('a'), Value.unknown(StringType)]),
      listOf(StringType),
      Value.unknown(listOf(StringType)),
    ],
    ['top-level mark kept', N(1).mark(Sensitive), StringType, S('1').mark(Sensitive)],
    [
      'element marks kept',
      Value.tuple([N(1).mark(Sensitive), N(2)]),
      listOf(StringType),
      Value.list([S('1').mark(Sensitive), S('2')]),
    ],
    [
      'attribute marks kept',
      Value.object({ a: N(1).mark(Sensitive) }),
      mapOf(StringType),
      Value.map({ a: S('1').mark(Sensitive) }),
    ],
    [
      'set element marks move to the set',
      Value.tuple([S('a').mark(Sensitive), S('b')]),
      setOf(StringType),
      Value.set([S('a'), S('b')]).mark(Sensitive),
    ],
    [
      'marked unknown',
      Value.unknown(NumberType).mark(Sensitive),
      StringType,
      Value.unknown(StringType).mark(Sensitive),
    ],
  ])('%s', (_name, v, t, want) => {
    expectValue(convert(v, t), want);
  });

  it('reports a marked value that fails, without its marks in the message', () => {
    expect(conversionError(S('x').mark(Sensitive), NumberType)).toEqual({ message: 'a number is required', path: [] });
  });
});

describe('getConversion and canConvert', () => {
  it.each<[string, Type, Type, boolean, boolean]>([
    ['number to string', NumberType, StringType, true, true],
    ['string to number', StringType, NumberType, false, true],
    ['list to set', listOf(StringType), setOf(StringType), false, true],
    ['set to list', setOf(StringType), listOf(StringType), true, true],
    ['map to object', mapOf(StringType), objectOf({ a: StringType }), false, true],
    ['object to map', objectOf({ a: StringType }), mapOf(StringType), true, true],
    ['dynamic to string', DynamicPseudoType, StringType, false, true],
    ['bool to number', BoolType, NumberType, false, false],
    ['tuple lengths differ', tupleOf([StringType]), tupleOf([]), false, false],
    ['equal types', listOf(StringType), listOf(StringType), true, true],
  ])('%s', (_name, from, to, safe, unsafe) => {
    expect(getConversion(from, to) !== null).toBe(safe);
    expect(getConversion(from, to, true) !== null).toBe(unsafe);
    expect(canConvert(from, to)).toBe(unsafe);
  });

  it('a dynamic conversion reports the value path', () => {
    const conv = getConversion(DynamicPseudoType, listOf(NumberType), true)!;
    expect(() => conv(Value.tuple([S('x')]))).toThrow('a number is required');
  });
});
