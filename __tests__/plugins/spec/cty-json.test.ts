import { describe, expect, it } from 'vitest';
import {
  listOf,
  mapOf,
  NumberType,
  objectOf,
  StringType,
  DynamicPseudoType,
  BoolType,
} from '../../../src/eval/types.js';
import { Sensitive, Value } from '../../../src/eval/value.js';
import { marshalCtyJson, unknownPlaceholders } from '../../../src/plugins/spec/cty-json.js';

// Expected texts are go-cty's json.Marshal(v, cty.DynamicPseudoType) output for the same values
// (printed by a Go program against Debian's go-cty), except that Go escapes <, > and & as \u003c ...
const text = (v: Value) => Buffer.from(marshalCtyJson(v)).toString();

describe('marshalCtyJson', () => {
  it('encodes an object with every kind of attribute, keys sorted, numbers with all their digits', () => {
    const block = objectOf({ x: StringType });
    const value = Value.object({
      name: Value.string('a"b'),
      count: Value.number(3),
      big: Value.number('12345678901234567890.5'),
      frac: Value.number('0.1'),
      on: Value.bool(true),
      none: Value.null(StringType),
      tags: Value.map({ b: Value.string('2'), a: Value.string('1') }),
      list: Value.list([], block),
      blk: Value.null(block),
      dyn: Value.list([Value.string('x')]),
    });
    expect(text(value)).toBe(
      '{"value":{"big":12345678901234567890.5,"blk":null,"count":3,"dyn":["x"],"frac":0.1,"list":[],' +
        '"name":"a\\"b","none":null,"on":true,"tags":{"a":"1","b":"2"}},' +
        '"type":["object",{"big":"number","blk":["object",{"x":"string"}],"count":"number","dyn":["list","string"],' +
        '"frac":"number","list":["list",["object",{"x":"string"}]],"name":"string","none":"string","on":"bool",' +
        '"tags":["map","string"]}]}',
    );
  });

  it.each<[string, Value, string]>([
    [
      'a null of dynamic type',
      Value.object({ any: Value.null(DynamicPseudoType) }),
      '{"value":{"any":null},"type":["object",{"any":"dynamic"}]}',
    ],
    [
      'a set, in cty order',
      Value.set([Value.string('b'), Value.string('a')]),
      '{"value":["a","b"],"type":["set","string"]}',
    ],
    [
      'a tuple',
      Value.tuple([Value.string('b'), Value.number(1)]),
      '{"value":["b",1],"type":["tuple",["string","number"]]}',
    ],
    ['a string with markup', Value.string('<a & b>'), '{"value":"<a & b>","type":"string"}'],
  ])('%s', (_, value, expected) => {
    expect(text(value)).toBe(expected);
  });

  it('drops marks (Packer UI masks secrets; the plugin gets the value)', () => {
    const value = Value.object({ password: Value.string('hunter2').mark(Sensitive) });
    expect(text(value)).toBe('{"value":{"password":"hunter2"},"type":["object",{"password":"string"}]}');
  });

  it('refuses unknown values, as go-cty does', () => {
    expect(() => marshalCtyJson(Value.object({ u: Value.unknown(StringType) }))).toThrow('.u: value is not known');
  });
});

describe('unknownPlaceholders (hcl2shim.WriteUnknownPlaceholderValues)', () => {
  it('replaces unknowns at any depth with placeholders of their type, keeping nulls and marks', () => {
    const value = Value.object({
      s: Value.unknown(StringType),
      n: Value.unknown(NumberType),
      b: Value.unknown(BoolType),
      l: Value.unknown(listOf(StringType)),
      m: Value.unknown(mapOf(NumberType)),
      o: Value.unknown(objectOf({ a: StringType })),
      nested: Value.list([Value.object({ x: Value.unknown(StringType) })]),
      keep: Value.null(StringType),
      secret: Value.unknown(StringType).mark(Sensitive),
    });
    const replaced = unknownPlaceholders(value);
    expect(replaced.attr('secret')?.hasMark(Sensitive)).toBe(true);
    expect(text(replaced)).toBe(
      '{"value":{"b":false,"keep":null,"l":[],"m":{},"n":0,"nested":[{"x":"<unknown>"}],"o":{},"s":"<unknown>","secret":"<unknown>"},' +
        '"type":["object",{"b":"bool","keep":"string","l":["list","string"],"m":["map","number"],"n":"number",' +
        '"nested":["list",["object",{"x":"string"}]],"o":["object",{}],"s":"string","secret":"string"}]}',
    );
  });
});
