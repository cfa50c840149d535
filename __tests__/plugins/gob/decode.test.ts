import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  GobComplex,
  GobEncoded,
  GobError,
  GobInterface,
  decodeGob,
  isGobStruct,
} from '../../../src/plugins/gob/decode.js';

/* Fixtures written by Go's encoding/gob: see fixtures/gen.go (go run gen.go). */
const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(join(__dirname, 'fixtures', name)));
const bytes = (...b: number[]): Uint8Array => new Uint8Array(b);
const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('decodeGob against Go-encoded streams', () => {
  it.each([
    ['command-finished-0.gob', 0],
    ['command-finished-1.gob', 1],
  ])('%s: a struct with its zero fields filled in', (name, status) => {
    expect(decodeGob(fixture(name))).toEqual([{ ExitStatus: status }]);
  });

  it('decodes every scalar, collection and nested struct kind', () => {
    const [value] = decodeGob(fixture('everything.gob'));
    expect(value).toEqual({
      Bool: true,
      Int: 42,
      Neg: -129,
      MinInt: -9223372036854775808n,
      Uint: 300,
      BigUint: 18446744073709551615n,
      Float: 3.25,
      NegFloat: -1.5,
      Str: 'héllo',
      Bytes: bytes(0, 1, 255),
      Array: [-1, 0, 7],
      Slice: ['a', '', 'c'],
      Map: new Map([['one', 1]]),
      IntMap: new Map([[-2, 'minus two']]),
      Inner: { Name: 'in', Count: 2 },
      Ptr: { Name: '', Count: 0 },
      Inners: [
        { Name: 'x', Count: 0 },
        { Name: '', Count: 9 },
      ],
      List: { Value: 1, Next: { Value: 2, Next: null } },
      Empty: '',
      Complex: new GobComplex(1.5, -2),
    });
  });

  it('gives every field absent on the wire its zero value', () => {
    expect(decodeGob(fixture('zero-everything.gob'))).toEqual([
      {
        Bool: true,
        Int: 0,
        Neg: 0,
        MinInt: 0,
        Uint: 0,
        BigUint: 0,
        Float: 0,
        NegFloat: 0,
        Str: '',
        Bytes: bytes(),
        Array: [0, 0, 0],
        Slice: [],
        Map: new Map(),
        IntMap: new Map(),
        Inner: { Name: '', Count: 0 },
        Ptr: { Name: '', Count: 0 },
        Inners: [],
        List: { Value: 0, Next: null },
        Empty: '',
        Complex: new GobComplex(0, 0),
      },
    ]);
  });

  it('hands GobEncoder and BinaryMarshaler values over as their raw bytes', () => {
    expect(decodeGob(fixture('encoders.gob'))).toEqual([
      {
        P: new GobEncoded('Point', 'GobEncoder', utf8('3,-4')),
        B: new GobEncoded('Bin', 'BinaryMarshaler', bytes(0x12, 0x34)),
        Zero: null,
      },
    ]);
  });

  it('decodes interfaces with their registered names, nested type definitions and nil', () => {
    expect(decodeGob(fixture('interfaces.gob'))).toEqual([
      {
        Items: [
          new GobInterface('main.Circle', { Radius: 2 }),
          new GobInterface('*main.Holder', {
            Label: 'outer',
            Inside: new GobInterface('main.Point', new GobEncoded('Point', 'GobEncoder', utf8('1,2'))),
          }),
          new GobInterface('string', 'plain'),
          new GobInterface('int', 7),
          new GobInterface('[]interface {}', [new GobInterface('bool', true), null]),
        ],
        Nil: null,
        One: new GobInterface('*main.Holder', { Label: 'empty', Inside: null }),
        Spec: new Map([['k', new GobInterface('main.Circle', { Radius: 0 })]]),
      },
    ]);
  });

  it('decodes several values of one stream, types sent once', () => {
    expect(decodeGob(fixture('stream.gob'))).toEqual([
      7,
      'two',
      { ExitStatus: 3 },
      { ExitStatus: 0 },
      [-1, 1],
      new Map([['t', true]]),
    ]);
  });

  it('decodes an empty stream to no values', () => {
    expect(decodeGob(bytes())).toEqual([]);
  });

  it('tells structs from the other object shapes', () => {
    const [value] = decodeGob(fixture('interfaces.gob'));
    expect(isGobStruct(value)).toBe(true);
    expect(isGobStruct(new GobInterface('x', null))).toBe(false);
    expect(isGobStruct(new Map())).toBe(false);
    expect(isGobStruct([])).toBe(false);
    expect(isGobStruct(null)).toBe(false);
  });
});

describe('decodeGob on malformed input', () => {
  const whole = fixture('command-finished-1.gob');

  it('rejects every truncation of a valid stream', () => {
    for (let n = 1; n < whole.length; n++) {
      expect(() => decodeGob(whole.subarray(0, n)), `cut at ${n}`).toThrow(GobError);
    }
  });

  it.each([
    ['a message longer than the data', bytes(0x05, 0x04, 0x00), 'gob: message length 5 exceeds input size 2'],
    ['a value of an undefined type', bytes(0x03, 0xff, 0x82, 0x00), 'gob: unknown type id 65'],
    ['an oversized integer', bytes(0x02, 0xf0, 0x01), 'gob: encoded unsigned integer out of range'],
    [
      'a singleton without its zero delta',
      bytes(0x02, 0x04, 0x01),
      'gob: corrupted data: non-zero delta for singleton',
    ],
    [
      'a string longer than its message',
      bytes(0x04, 0x0c, 0x00, 0x09, 0x61),
      'gob: string length 9 exceeds input size 1',
    ],
    ['a redefined built-in type', bytes(0x03, 0x03, 0x01, 0x00), 'gob: duplicate type received (id 2)'],
    [
      'a slice count beyond the data',
      // type 65 = []int, then a value claiming 100 elements
      bytes(0x07, 0xff, 0x81, 0x02, 0x02, 0x04, 0x00, 0x00, 0x04, 0xff, 0x82, 0x00, 0x64),
      'gob: slice length 100 exceeds input size 0',
    ],
  ])('%s', (_, input, message) => {
    expect(() => decodeGob(input)).toThrow(new GobError(message));
  });

  it('rejects a redefined user type', () => {
    const def = whole.subarray(0, 1 + whole[0]!);
    expect(() => decodeGob(new Uint8Array([...def, ...def]))).toThrow('gob: duplicate type received (id 65)');
  });

  it('stops hostile nesting with an error instead of overflowing the stack', () => {
    // type 65 = []interface{}; the value is a slice holding one such slice, and so on.
    const slice = [0x0e, 0x5b, 0x5d, 0x69, 0x6e, 0x74, 0x65, 0x72, 0x66, 0x61, 0x63, 0x65, 0x20, 0x7b, 0x7d];
    const define = [0x07, 0xff, 0x81, 0x02, 0x02, 0x10, 0x00, 0x00];
    // each level: one element, an interface naming the slice type, its id, byte count and singleton delta
    const body = [0xff, 0x82, 0x00, 0x01];
    for (let i = 0; i < 2000; i++) body.push(...slice, 0xff, 0x82, 0x00, 0x00, 0x01);
    body.push(0x00);
    const count = body.length;
    const input = new Uint8Array([...define, 0xfe, count >> 8, count & 0xff, ...body]);
    expect(() => decodeGob(input)).toThrow('gob: values nested more than 1000 deep');
  });

  it('rejects random corruptions of every fixture without hanging', () => {
    for (const name of ['everything.gob', 'interfaces.gob', 'stream.gob', 'encoders.gob']) {
      const good = fixture(name);
      for (let i = 0; i < good.length; i++) {
        const bad = good.slice();
        bad[i] = bad[i]! ^ 0xa5;
        try {
          decodeGob(bad);
        } catch (e) {
          expect(e, `${name} byte ${i}`).toBeInstanceOf(GobError);
        }
      }
    }
  });
});
