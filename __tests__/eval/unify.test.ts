import { describe, expect, it } from 'vitest';
import { unify, unifyUnsafe } from '../../src/eval/unify.js';
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
  typeString,
  type Type,
} from '../../src/eval/types.js';
import { rawEquals, Value } from '../../src/eval/value.js';

describe('unify', () => {
  it.each<[string, Type[], string | null]>([
    ['same types', [StringType, StringType], 'string'],
    ['string wins over number and bool', [NumberType, StringType, BoolType], 'string'],
    ['number and bool do not unify', [NumberType, BoolType], null],
    ['dynamic alongside string', [DynamicPseudoType, StringType], 'any'],
    ['lists unify element types', [listOf(StringType), listOf(NumberType)], 'list(string)'],
    ['tuple with list', [tupleOf([NumberType]), listOf(StringType)], 'list(string)'],
    [
      'objects with the same attributes',
      [objectOf({ a: StringType }), objectOf({ a: NumberType })],
      'object({a=string})',
    ],
    [
      'objects with different attributes become a map',
      [objectOf({ a: StringType }), objectOf({ b: NumberType })],
      'map(string)',
    ],
    ['object with map', [objectOf({ a: NumberType }), mapOf(StringType)], 'map(string)'],
    ['tuples of the same length', [tupleOf([StringType]), tupleOf([NumberType])], 'tuple([string])'],
    ['tuples of different lengths, incompatible', [tupleOf([NumberType]), tupleOf([BoolType, BoolType])], null],
    [
      'tuples of different lengths, compatible',
      [tupleOf([StringType]), tupleOf([NumberType, NumberType])],
      'list(string)',
    ],
    ['object with tuple', [objectOf({}), tupleOf([])], null],
    ['lists with dynamic', [listOf(StringType), DynamicPseudoType], 'any'],
    ['sets', [setOf(NumberType), setOf(StringType)], 'set(string)'],
    ['no types', [], null],
  ])('%s', (_name, types, want) => {
    const u = unify(types);
    expect(u ? typeString(u.type) : null).toBe(want);
    if (u) expect(u.conversions).toHaveLength(types.length);
  });

  it('returns a conversion only where one is needed', () => {
    const u = unify([StringType, NumberType])!;
    expect(u.conversions[0]).toBeUndefined();
    expect(rawEquals(u.conversions[1]!(Value.number(12)), Value.string('12'))).toBe(true);
  });

  it('converts tuples through the unified list', () => {
    const u = unify([tupleOf([NumberType]), listOf(StringType)])!;
    const v = u.conversions[0]!(Value.tuple([Value.number(1)]));
    expect(rawEquals(v, Value.list([Value.string('1')]))).toBe(true);
  });

  it('unsafe unification allows string to number', () => {
    expect(unify([listOf(NumberType), setOf(StringType)])).toBeNull();
    const u = unifyUnsafe([listOf(NumberType), setOf(StringType)])!;
    expect(typeString(u.type)).toBe('list(number)');
    const v = u.conversions[1]!(Value.set([Value.string('2')]));
    expect(rawEquals(v, Value.list([Value.number(2)]))).toBe(true);
  });

  it('dynamic inputs to collections unify as dynamic', () => {
    const u = unify([mapOf(StringType), DynamicPseudoType])!;
    expect(u.type).toEqual(DynamicPseudoType);
    expect(u.conversions[0]!(Value.map({ a: Value.string('x') })).isKnown()).toBe(false);
  });
});
