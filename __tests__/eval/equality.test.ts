import { describe, expect, it } from 'vitest';
import { equals, equalsTrue } from '../../src/eval/equality.js';
import { num } from '../../src/eval/number.js';
import { BoolType, DynamicPseudoType, NumberType, StringType, listOf } from '../../src/eval/types.js';
import { rawEquals, Sensitive, Value } from '../../src/eval/value.js';

const S = Value.string;
const N = Value.number;
const T = Value.bool(true);
const F = Value.bool(false);
const U = Value.unknown(BoolType);

describe('equals', () => {
  it.each<[string, Value, Value, Value]>([
    ['equal strings', S('a'), S('a'), T],
    ['different strings', S('a'), S('b'), F],
    ['number vs string', N(1), S('1'), F],
    ['exact big integers', N('123456789012345678901234567890'), N('123456789012345678901234567891'), F],
    ['equal big integers', N('123456789012345678901234567890'), N('123456789012345678901234567890'), T],
    ['0.1+0.2 == 0.3', Value.number(num('0.1').plus('0.2')), N('0.3'), T],
    ['integer vs fraction', N(1), N('1.000000001'), F],
    ['-0 == 0', N('-0'), N(0), T],
    ['nulls of different types', Value.null(StringType), Value.null(NumberType), T],
    ['null vs value', Value.null(StringType), S(''), F],
    ['unknown vs value of same type', Value.unknown(StringType), S('a'), U],
    ['unknown vs value of other type', Value.unknown(StringType), N(1), F],
    ['unknown vs null', Value.unknown(StringType), Value.null(StringType), U],
    ['dynamic unknown vs value', Value.unknown(DynamicPseudoType), N(1), U],
    ['both unknown', Value.unknown(NumberType), Value.unknown(NumberType), U],
    ['equal lists', Value.list([S('a'), S('b')]), Value.list([S('a'), S('b')]), T],
    ['lists of different length', Value.list([S('a')]), Value.list([S('a'), S('b')]), F],
    ['list vs tuple', Value.list([S('a')]), Value.tuple([S('a')]), F],
    ['false before unknown', Value.tuple([S('a'), Value.unknown(StringType)]), Value.tuple([S('b'), S('c')]), F],
    ['unknown before false', Value.tuple([Value.unknown(StringType), S('a')]), Value.tuple([S('c'), S('b')]), U],
    ['objects', Value.object({ a: N(1), b: S('x') }), Value.object({ a: N(1), b: S('x') }), T],
    ['objects differ', Value.object({ a: N(1) }), Value.object({ a: N(2) }), F],
    ['maps', Value.map({ a: N(1) }), Value.map({ a: N(1) }), T],
    ['maps with different keys', Value.map({ a: N(1) }), Value.map({ b: N(1) }), F],
    ['sets', Value.set([S('a'), S('b')]), Value.set([S('b'), S('a')]), T],
    ['sets differ', Value.set([S('a')]), Value.set([S('b')]), F],
    ['set with unknown', Value.set([S('a'), Value.unknown(StringType)]), Value.set([S('a')]), U],
    ['nested dynamic unknown, compatible', Value.tuple([Value.unknown(DynamicPseudoType)]), Value.tuple([S('a')]), U],
    [
      'nested dynamic unknown, incompatible',
      Value.tuple([Value.unknown(DynamicPseudoType)]),
      Value.tuple([S('a'), S('b')]),
      F,
    ],
    ['marked operands', S('a').mark(Sensitive), S('a'), T.mark(Sensitive)],
    ['deep marks', Value.list([S('a').mark(Sensitive)]), Value.list([S('a')]), T.mark(Sensitive)],
    ['null vs deep-marked', Value.null(listOf(StringType)), Value.list([S('a').mark(Sensitive)]), F],
    ['null vs marked', Value.null(StringType), S('a').mark(Sensitive), F.mark(Sensitive)],
  ])('%s', (_name, a, b, want) => {
    const got = equals(a, b);
    expect(rawEquals(got, want), `${got.toString()} != ${want.toString()}`).toBe(true);
  });

  it('equalsTrue is false for unknown results', () => {
    expect(equalsTrue(S('a'), S('a'))).toBe(true);
    expect(equalsTrue(Value.unknown(StringType), S('a'))).toBe(false);
  });
});
