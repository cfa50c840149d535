import { compareCodePoints } from '../../eval/functions/gocty.js';

/*
 * Go values as the template engine sees them, on plain JavaScript values:
 *   undefined  an invalid reflect.Value (missing map key, no data): prints "<no value>"
 *   null       a nil interface value (the nil literal, a nil map entry)
 *   string, boolean
 *   bigint     int
 *   number     float64
 *   GoComplex  complex128
 *   array      []interface {}
 *   Map or plain object   map[string]interface {}
 *   GoStruct   a struct: unknown fields are errors, as Go's "can't evaluate field"
 * Data handed in from JavaScript goes through fromJS (integral numbers become ints).
 */

export class GoComplex {
  constructor(
    readonly re: number,
    readonly im: number,
  ) {}
}

/** A Go struct value: a type name (for messages) and its exported fields in order. */
export class GoStruct {
  constructor(
    readonly typeName: string,
    readonly fields: Readonly<Record<string, unknown>>,
  ) {}
}

export type GoMap = ReadonlyMap<string, unknown> | Readonly<Record<string, unknown>>;

export type GoValue =
  undefined | null | string | boolean | bigint | number | GoComplex | readonly unknown[] | GoStruct | GoMap;

/** A JavaScript value as a Go value: integral numbers are ints, others float64. */
export function fromJS(v: unknown): GoValue {
  if (typeof v === 'number') return Number.isInteger(v) ? BigInt(v) : v;
  if (v === undefined || v === null) return v;
  if (typeof v === 'string' || typeof v === 'boolean' || typeof v === 'bigint') return v;
  if (Array.isArray(v) || v instanceof GoComplex || v instanceof GoStruct || v instanceof Map) return v;
  if (typeof v === 'object') return v as GoMap;
  return String(v);
}

export function isMap(v: GoValue): v is GoMap {
  return (
    typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof GoComplex) && !(v instanceof GoStruct)
  );
}

/** The map's keys in Go's print and range order (sorted). */
export function mapKeys(m: GoMap): string[] {
  const keys = m instanceof Map ? [...m.keys()] : Object.keys(m);
  return keys.sort(compareCodePoints);
}

/** The entry for `key`, or undefined (an invalid value) when absent. */
export function mapGet(m: GoMap, key: string): GoValue {
  if (m instanceof Map) return m.has(key) ? fromJS(m.get(key)) : undefined;
  const record = m as Readonly<Record<string, unknown>>;
  return Object.hasOwn(record, key) ? fromJS(record[key]) : undefined;
}

export function mapSize(m: GoMap): number {
  return m instanceof Map ? m.size : Object.keys(m).length;
}

/** Go's type name of a value, as reflect prints it in messages. */
export function typeName(v: GoValue): string {
  if (v === undefined || v === null) return 'interface {}';
  switch (typeof v) {
    case 'string':
      return 'string';
    case 'boolean':
      return 'bool';
    case 'bigint':
      return 'int';
    case 'number':
      return 'float64';
  }
  if (v instanceof GoComplex) return 'complex128';
  if (v instanceof GoStruct) return v.typeName;
  if (Array.isArray(v)) return '[]interface {}';
  return 'map[string]interface {}';
}

/** Go's truth of a value for if/with/and/or/not; undefined where it has none. */
export function isTrue(v: GoValue): boolean {
  if (v === undefined || v === null) return false;
  switch (typeof v) {
    case 'string':
      return v.length > 0;
    case 'boolean':
      return v;
    case 'bigint':
      return v !== 0n;
    case 'number':
      return v !== 0;
  }
  if (v instanceof GoComplex) return v.re !== 0 || v.im !== 0;
  if (v instanceof GoStruct) return true;
  if (Array.isArray(v)) return v.length > 0;
  return mapSize(v as GoMap) > 0;
}

/** Length in Go's terms: strings count UTF-8 bytes. */
export function goLength(v: string): number {
  return Buffer.byteLength(v, 'utf8');
}
