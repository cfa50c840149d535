import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  BoolType,
  EmptyObjectType,
  EmptyTupleType,
  NumberType,
  StringType,
  listOf,
  mapOf,
  objectOf,
  setOf,
  tupleOf,
  typeString,
  type Type,
} from '../../../src/eval/types.js';
import { Value, rawEquals } from '../../../src/eval/value.js';
import { decodeBigFloat } from '../../../src/plugins/spec/gob-big-float.js';
import { decodeGobCtyType, decodeGobCtyValue } from '../../../src/plugins/spec/gob-cty.js';

/* Written by go-cty's GobEncode: see ../gob/fixtures/cty/gen.go. */
const fixture = (name: string): Uint8Array =>
  new Uint8Array(readFileSync(join(__dirname, '..', 'gob', 'fixtures', 'cty', name)));

describe('decodeGobCtyType', () => {
  it.each<[string, Type]>([
    ['string', StringType],
    ['number', NumberType],
    ['bool', BoolType],
    ['list-string', listOf(StringType)],
    ['set-number', setOf(NumberType)],
    ['map-bool', mapOf(BoolType)],
    ['list-list-string', listOf(listOf(StringType))],
    ['object', objectOf({ name: StringType, ports: listOf(NumberType), tags: mapOf(StringType) })],
    ['empty-object', EmptyObjectType],
    ['tuple', tupleOf([StringType, NumberType, listOf(BoolType)])],
    ['empty-tuple', EmptyTupleType],
    ['optional-object', objectOf({ required: StringType, maybe: NumberType }, ['maybe'])],
    ['list-object', listOf(objectOf({ device_name: StringType, volume_size: NumberType }))],
  ])('type-%s', (name, expected) => {
    expect(typeString(decodeGobCtyType(fixture(`type-${name}.gob`)))).toBe(typeString(expected));
    expect(decodeGobCtyType(fixture(`type-${name}.gob`))).toEqual(expected);
  });

  it('rejects bytes that are not a cty.Type', () => {
    expect(() => decodeGobCtyType(fixture('value-string.gob'))).toThrow('cty.Type gob: no type implementation');
    expect(() => decodeGobCtyType(new Uint8Array([1, 2, 3]))).toThrow(/^gob: /);
  });
});

describe('decodeGobCtyValue', () => {
  const obj = Value.object({
    name: Value.string('web'),
    owner: Value.null(StringType),
    ports: Value.list([Value.number(22), Value.number(80)]),
    tags: Value.map({}, StringType),
  });
  it.each<[string, Value]>([
    ['string', Value.string('héllo')],
    ['integer', Value.number(42)],
    ['negative', Value.number(-7)],
    ['zero', Value.number(0)],
    ['fraction', Value.number(3.25)],
    ['tenth', Value.number('0.1')],
    ['tenth-parsed', Value.number('0.1')],
    ['float-sum', Value.number('0.30000000000000004')],
    ['big', Value.number('1180591620717411303424')],
    ['parsed', Value.number('123456789012345678901234567890.5')],
    ['true', Value.bool(true)],
    ['false', Value.bool(false)],
    ['null-string', Value.null(StringType)],
    ['list', Value.list([Value.string('a'), Value.string('b')])],
    ['empty-list', Value.list([], StringType)],
    ['list-number', Value.list([Value.number(1), Value.number(2.5)])],
    ['set', Value.set([Value.number(1), Value.number(3)])],
    ['map', Value.map({ no: Value.bool(false), yes: Value.bool(true) })],
    ['object', obj],
    ['tuple', Value.tuple([Value.string('x'), Value.number(1), Value.bool(true)])],
    ['null-object', Value.null(objectOf({ a: StringType }))],
  ])('value-%s', (name, expected) => {
    const got = decodeGobCtyValue(fixture(`value-${name}.gob`));
    expect(typeString(got.type)).toBe(typeString(expected.type));
    expect(got.toString()).toBe(expected.toString());
    expect(rawEquals(got, expected)).toBe(true);
  });

  it('rejects bytes that are not a cty.Value', () => {
    expect(() => decodeGobCtyValue(fixture('type-string.gob'))).toThrow(
      'cty.Value gob: expected a gob-encoded cty.Type',
    );
  });
});

describe('decodeBigFloat', () => {
  const bytes = (...b: number[]): Uint8Array => new Uint8Array(b);
  it.each([
    ['zero', bytes(1, 0x08, 0, 0, 0, 53), '0'],
    ['+Inf', bytes(1, 0x0c, 0, 0, 0, 53), 'Infinity'],
    ['-Inf', bytes(1, 0x0d, 0, 0, 0, 53), '-Infinity'],
    ['-3.25', bytes(1, 0x0b, 0, 0, 0, 53, 0, 0, 0, 2, 0xd0, 0, 0, 0, 0, 0, 0, 0), '-3.25'],
    // a precision too large for exact big integers: Decimal arithmetic instead
    ['1 at 2^31 bits', bytes(1, 0x0a, 0x80, 0, 0, 0, 0, 0, 0, 1, 0x80, 0, 0, 0, 0, 0, 0, 0), '1'],
    [
      '2^-100000',
      bytes(1, 0x0a, 0, 0, 0, 53, 0xff, 0xfe, 0x79, 0x61, 0x80, 0, 0, 0, 0, 0, 0, 0),
      '1.0009989037986941668e-30103',
    ],
  ])('%s', (_, input, expected) => {
    expect(decodeBigFloat(input).toSignificantDigits(20).toString()).toBe(expected);
  });

  it('rejects other versions and short data', () => {
    expect(() => decodeBigFloat(bytes(2, 0, 0, 0, 0, 53))).toThrow('big.Float gob: unsupported version 2');
    expect(() => decodeBigFloat(bytes(1, 2))).toThrow('big.Float gob: 2 bytes is too short');
    expect(() => decodeBigFloat(bytes(1, 0x0a, 0, 0, 0, 53))).toThrow('big.Float gob: malformed finite value');
  });
});
