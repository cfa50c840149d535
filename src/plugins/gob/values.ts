/*
 * Values decoded from a gob stream without the Go types that produced them.
 * The wire type decides the shape:
 *   bool -> boolean; int/uint -> number, or bigint beyond Number.MAX_SAFE_INTEGER;
 *   float -> number; complex -> GobComplex; string -> string; []byte -> Uint8Array;
 *   array/slice -> GobValue[]; map -> Map; struct -> GobStruct (plain object keyed by Go field name);
 *   interface -> GobInterface, or null for a nil interface;
 *   GobEncoder/BinaryMarshaler/TextMarshaler -> GobEncoded (raw bytes for the caller to decode).
 * A struct field absent on the wire (Go leaves zero fields out) holds the zero value of its wire type:
 * false, 0, '', empty bytes/slice/map, a zero struct, null for an interface or a self-encoding type,
 * and null for a struct reached again through its own fields (only a nil pointer can be).
 */

export type GobValue =
  | boolean
  | number
  | bigint
  | string
  | Uint8Array
  | GobComplex
  | readonly GobValue[]
  | GobMap
  | GobStruct
  | GobInterface
  | GobEncoded
  | null;

export type GobMap = ReadonlyMap<GobValue, GobValue>;

/** A struct: every field of the wire type, by Go name; fields absent on the wire hold their zero value. */
export interface GobStruct {
  readonly [field: string]: GobValue;
}

/** A non-nil interface value: the name the concrete type was registered under (gob.Register) and its value. */
export class GobInterface {
  constructor(
    readonly name: string,
    readonly value: GobValue,
  ) {}
}

export type GobEncodedKind = 'GobEncoder' | 'BinaryMarshaler' | 'TextMarshaler';

/** A value of a type that encodes itself: its wire type name and the bytes its encoder produced. */
export class GobEncoded {
  constructor(
    readonly name: string,
    readonly kind: GobEncodedKind,
    readonly bytes: Uint8Array,
  ) {}
}

export class GobComplex {
  constructor(
    readonly real: number,
    readonly imag: number,
  ) {}
}

/** Malformed or truncated gob data. */
export class GobError extends Error {
  override readonly name = 'GobError';
}

/** A struct value (not an array, map, interface ...), for callers walking decoded values. */
export function isGobStruct(v: GobValue | undefined): v is GobStruct {
  return (
    typeof v === 'object' &&
    v !== null &&
    !Array.isArray(v) &&
    !(v instanceof Map) &&
    !(v instanceof Uint8Array) &&
    !(v instanceof GobInterface) &&
    !(v instanceof GobEncoded) &&
    !(v instanceof GobComplex)
  );
}
