import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
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
  typeEquals,
  type Type,
} from '../../../src/eval/types.js';
import { Sensitive, Value, rawEquals } from '../../../src/eval/value.js';
import { decodeCtyMsgpack, encodeCtyMsgpack } from '../../../src/plugins/spec/cty-msgpack.js';
import { ctyTypeJson, parseCtyTypeJson } from '../../../src/plugins/spec/cty-type-json.js';

/* values.json: go-cty 1.12.1 (Debian) msgpack.Marshal of each value, see fixtures/cty-msgpack/gen.go. */

interface GoEntry {
  readonly name: string;
  readonly type: string;
  readonly typed: string;
  readonly dynamic: string;
}

const goTable = JSON.parse(
  readFileSync(new URL('fixtures/cty-msgpack/values.json', import.meta.url), 'utf8'),
) as GoEntry[];

const s = Value.string;
const n = Value.number;

/** The Kiln value of each row of gen.go's table. */
const expected: Readonly<Record<string, Value>> = {
  string: s('hello'),
  'string empty': s(''),
  'string unicode': s('héllo ✓ 🚀'),
  'string str8': s('a string of more than thirty-one bytes, so str8'),
  'number zero': n(0),
  'number 127': n(127),
  'number 128': n(128),
  'number 65536': n(65536),
  'number 2^32': n(4294967296),
  'number 2^53+1': n('9007199254740993'),
  'number max int64': n('9223372036854775807'),
  'number max uint64': n('18446744073709551615'),
  'number -1': n(-1),
  'number -33': n(-33),
  'number -2^31-1': n(-2147483649),
  'number 0.5': n('0.5'),
  'number -2.25': n('-2.25'),
  'number 0.1 parsed': n('0.1'),
  'number 1e-7 parsed': n('0.0000001'),
  'number 123456789.123456789': n('123456789.123456789'),
  'number +inf': n(Infinity),
  'number -inf': n(-Infinity),
  'bool true': Value.bool(true),
  'bool false': Value.bool(false),
  'null string': Value.null(StringType),
  'null list': Value.null(listOf(StringType)),
  'null dynamic': Value.null(DynamicPseudoType),
  'unknown string': Value.unknown(StringType),
  'unknown dynamic': Value.unknown(DynamicPseudoType),
  'unknown map': Value.unknown(mapOf(BoolType)),
  'list of string': Value.list([s('a'), s('b')]),
  'list empty': Value.list([], NumberType),
  'list with null and unknown': Value.list([Value.null(StringType), Value.unknown(StringType), s('c')]),
  'set of string': Value.set([s('b'), s('a')]),
  'set of number': Value.set([n(3), n(1), n(20)]),
  'map of string': Value.map({ b: s('2'), a: s('1'), '10': s('x'), '9': s('y') }),
  'map empty': Value.map({}, NumberType),
  'map of list': Value.map({ k: Value.list([n(1), n(2)]) }),
  tuple: Value.tuple([s('x'), n(7), Value.bool(true)]),
  'tuple empty': Value.tuple([]),
  'object empty': Value.object({}),
  object: Value.object({
    name: s('ami-123'),
    tags: Value.map({ Name: s('base'), Env: s('ci') }),
    nested: Value.object({ ok: Value.bool(true) }),
    sizes: Value.list([n(8), n('1.5')]),
    absent: Value.null(StringType),
  }),
  'object with dynamic attribute': Value.object({ any: Value.list([s('z')]), n: n(1) }),
  'list of dynamic': Value.list([s('s')]),
  'object with unknown attribute': Value.object({ id: Value.unknown(StringType), ready: Value.bool(true) }),
};

const hex = (text: string) => Uint8Array.from(Buffer.from(text, 'hex'));
const toHex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

describe('cty msgpack against go-cty', () => {
  it('covers every row of the Go table', () => {
    expect(goTable.map((e) => e.name).sort()).toEqual(Object.keys(expected).sort());
  });

  describe.each(goTable)('$name', (entry) => {
    const type = parseCtyTypeJson(entry.type);
    const value = expected[entry.name]!;

    it('decodes the typed encoding', () => {
      const decoded = decodeCtyMsgpack(hex(entry.typed), type);
      expect(rawEquals(decoded, value), `${decoded.toString()} vs ${value.toString()}`).toBe(true);
    });

    it('decodes the dynamic encoding (a data source result)', () => {
      const decoded = decodeCtyMsgpack(hex(entry.dynamic), DynamicPseudoType);
      expect(rawEquals(decoded, value), `${decoded.toString()} vs ${value.toString()}`).toBe(true);
    });

    it('encodes the same bytes as go-cty', () => {
      expect(toHex(encodeCtyMsgpack(value, type))).toBe(entry.typed);
      expect(toHex(encodeCtyMsgpack(value, DynamicPseudoType))).toBe(entry.dynamic);
    });

    it('writes the same type JSON', () => {
      expect(ctyTypeJson(type)).toBe(entry.type);
    });
  });
});

describe('decodeCtyMsgpack', () => {
  it('reads a refined unknown (go-cty >= 1.13, extension 0x0c) as unknown', () => {
    // UnknownVal(String).Refine().NotNull().StringPrefix("ami-"): {1: false, 2: "ami-"}.
    const bytes = Uint8Array.of(0xc7, 0x09, 0x0c, 0x82, 0x01, 0xc2, 0x02, 0xa4, 0x61, 0x6d, 0x69, 0x2d);
    expect(rawEquals(decodeCtyMsgpack(bytes, StringType), Value.unknown(StringType))).toBe(true);
  });

  it('takes a bin string, as vmihailenco DecodeString does', () => {
    expect(decodeCtyMsgpack(Uint8Array.of(0xc4, 0x02, 0x68, 0x69), StringType).asString()).toBe('hi');
  });

  it.each<[string, string, Type, string]>([
    ['a number for a string', '01', StringType, 'string is required'],
    ['a string for a bool', 'a174', BoolType, 'bool is required'],
    ['text that is no number', 'a3616263', NumberType, 'number is required'],
    ['a map for a list', '80', listOf(StringType), 'a list is required'],
    ['an array for a set', '80', setOf(StringType), 'a set is required'],
    ['an array for a map', '90', mapOf(StringType), 'a map is required'],
    ['a short tuple', '9101', tupleOf([NumberType, NumberType]), 'a tuple of length 2 is required'],
    [
      'an object with too few attributes',
      '81a16101',
      objectOf({ a: NumberType, b: NumberType }),
      'an object with 2 attributes is required (1 given)',
    ],
    ['an unknown attribute', '81a17a01', objectOf({ a: NumberType }), 'unsupported attribute "z"'],
    ['a dynamic value not in a pair', '9101', DynamicPseudoType, 'dynamic value array must have exactly two elements'],
    [
      'a dynamic value with a bad type',
      '92c4075b226d6170225d01',
      DynamicPseudoType,
      'unexpected extra data in type description',
    ],
    ['another extension with a body', 'd5050102', StringType, 'unsupported extension type 0x05 with len 2'],
    ['truncated input', '92a1', listOf(StringType), 'invalid msgpack'],
  ])('rejects %s', (_, bytes, type, message) => {
    expect(() => decodeCtyMsgpack(hex(bytes), type)).toThrow(message);
  });
});

describe('encodeCtyMsgpack', () => {
  it('refuses marked values, as go-cty does', () => {
    expect(() => encodeCtyMsgpack(s('secret').mark(Sensitive), StringType)).toThrow(
      'value has marks, so it cannot be serialized',
    );
  });

  it.each([
    // 31 digits: a fixstr (0xa0 | 31).
    ['a number beyond int64 as text', n('1e30'), `bf${Buffer.from(`1${'0'.repeat(30)}`).toString('hex')}`],
    ['a float64 fraction', n('0.75'), 'cb3fe8000000000000'],
    ['a fraction no float64 holds as text', n('0.3'), 'a3302e33'],
  ])('writes %s', (_, value, bytes) => {
    expect(toHex(encodeCtyMsgpack(value, NumberType))).toBe(bytes);
  });
});

describe('cty type JSON', () => {
  it.each([
    ['["object",{"a":"string","b":"number"},["b"]]', objectOf({ a: StringType, b: NumberType }, ['b'])],
    ['["set",["map","dynamic"]]', setOf(mapOf(DynamicPseudoType))],
    ['["object",{"\\u003ctag\\u003e":"bool"}]', objectOf({ '<tag>': BoolType })],
  ])('%s', (json, type) => {
    expect(typeEquals(parseCtyTypeJson(json), type)).toBe(true);
    expect(ctyTypeJson(type)).toBe(json);
  });

  it.each([
    ['"float"', 'invalid primitive type name "float"'],
    ['["list"]', 'unexpected extra data in type description'],
    ['["list","string","x"]', 'unexpected extra data in type description'],
    ['["array","string"]', 'invalid complex type kind name'],
    ['{}', 'invalid type description'],
    ['[', 'invalid type description'],
  ])('rejects %s', (json, message) => {
    expect(() => parseCtyTypeJson(json)).toThrow(message);
  });
});
