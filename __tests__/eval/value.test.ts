import { describe, expect, it } from 'vitest';
import { Value, rawEquals, Sensitive, withMarksOf } from '../../src/eval/value.js';
import { NumberType, StringType, friendlyName, typeString, listOf, objectOf } from '../../src/eval/types.js';

describe('Value', () => {
  it('keeps integers beyond 2^53 exact', () => {
    const big = Value.number('9007199254740993');
    expect(big.asNumber().plus(1).toString()).toBe('9007199254740994');
  });

  it('orders set elements canonically and removes duplicates', () => {
    const s = Value.set([Value.number(3), Value.number(1), Value.number(3), Value.number(2)]);
    expect(s.elements().map((e) => e.asNumber().toNumber())).toEqual([1, 2, 3]);
    const strings = Value.set([Value.string('b'), Value.string('a'), Value.string('b')]);
    expect(strings.elements().map((e) => e.asString())).toEqual(['a', 'b']);
  });

  it('sorts object and map keys', () => {
    const o = Value.object({ b: Value.number(1), a: Value.string('x') });
    expect([...o.entries().keys()]).toEqual(['a', 'b']);
    expect(typeString(o.type)).toBe('object({a=string, b=number})');
  });

  it('rejects inconsistent list element types as a programmer error', () => {
    expect(() => Value.list([Value.number(1), Value.string('a')])).toThrow(/inconsistent list/);
  });

  it('needs an element type for empty collections', () => {
    expect(friendlyName(Value.list([], StringType).type)).toBe('list of string');
    expect(() => Value.map({})).toThrow(/needs an element type/);
  });

  it('carries marks through withMarksOf and strips them deeply', () => {
    const secret = Value.string('s3cret').mark(Sensitive);
    const joined = withMarksOf(Value.string('x'), Value.string('y'), secret);
    expect(joined.hasMark(Sensitive)).toBe(true);
    const nested = Value.tuple([Value.number(1), secret]);
    expect(nested.isMarked()).toBe(false);
    expect(nested.hasMarkDeep(Sensitive)).toBe(true);
    const [plain, marks] = nested.unmarkDeep();
    expect(plain.hasMarkDeep(Sensitive)).toBe(false);
    expect([...marks]).toEqual([Sensitive]);
  });

  it('distinguishes null, unknown and known values', () => {
    const n = Value.null(NumberType);
    const u = Value.unknown(listOf(StringType));
    expect(n.isNull() && n.isKnown()).toBe(true);
    expect(u.isKnown()).toBe(false);
    expect(Value.tuple([u]).isWhollyKnown()).toBe(false);
    expect(rawEquals(Value.null(NumberType), Value.null(NumberType))).toBe(true);
    expect(rawEquals(Value.null(NumberType), Value.null(StringType))).toBe(false);
  });

  it('normalises strings to NFC as cty does', () => {
    expect(Value.string('e\u0301').asString()).toBe('\u00e9');
  });

  it('builds object types from record or map input alike', () => {
    const a = objectOf({ x: NumberType });
    const b = Value.object(new Map([['x', Value.number(2)]])).type;
    expect(typeString(a)).toBe(typeString(b));
  });
});
