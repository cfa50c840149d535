import type { GobBuffer } from './buffer.js';
import { GobError, type GobEncodedKind } from './values.js';

/*
 * Type definitions as gob sends them (its wireType struct): each user type id
 * (64 and up) is defined once per stream before the first value that uses it.
 */

export type TypeId = number;

export const BuiltinIds = {
  bool: 1,
  int: 2,
  uint: 3,
  float: 4,
  bytes: 5,
  string: 6,
  complex: 7,
  interface: 8,
} as const;

export const FirstUserId = 64;

export interface StructField {
  readonly name: string;
  readonly id: TypeId;
}

export type WireType =
  | { readonly kind: 'array'; readonly name: string; readonly elem: TypeId; readonly length: number }
  | { readonly kind: 'slice'; readonly name: string; readonly elem: TypeId }
  | { readonly kind: 'struct'; readonly name: string; readonly fields: readonly StructField[] }
  | { readonly kind: 'map'; readonly name: string; readonly key: TypeId; readonly elem: TypeId }
  | { readonly kind: 'encoded'; readonly name: string; readonly encoding: GobEncodedKind };

/** The name of a built-in type id, or undefined for user ids. */
export function builtinName(id: TypeId): string | undefined {
  for (const [name, builtin] of Object.entries(BuiltinIds)) if (builtin === id) return name;
  return undefined;
}

/*
 * wireType and its parts are themselves gob structs: a field delta (uint) before
 * each present field, 0 after the last. Field numbers follow the Go declarations:
 *   wireType{ArrayT, SliceT, StructT, MapT, GobEncoderT, BinaryMarshalerT, TextMarshalerT}
 *   arrayType{CommonType, Elem, Len}  sliceType{CommonType, Elem}  structType{CommonType, Field []fieldType}
 *   mapType{CommonType, Key, Elem}    gobEncoderType{CommonType}   CommonType{Name, Id}  fieldType{Name, Id}
 */
const EncodedKinds: readonly GobEncodedKind[] = ['GobEncoder', 'BinaryMarshaler', 'TextMarshaler'];

export function readWireType(buf: GobBuffer): WireType {
  let wire: WireType | undefined;
  readStruct(buf, 'wireType', 7, (field) => {
    if (wire) throw new GobError('gob: type definition sets more than one kind');
    wire = readWireKind(buf, field);
  });
  if (!wire) throw new GobError('gob: empty type definition');
  return wire;
}

function readWireKind(buf: GobBuffer, field: number): WireType {
  switch (field) {
    case 0: {
      const t = { name: '', elem: 0, length: 0 };
      readStruct(buf, 'arrayType', 3, (f) => {
        if (f === 0) t.name = readCommonName(buf);
        else if (f === 1) t.elem = readTypeId(buf);
        else t.length = readArrayLength(buf);
      });
      return { kind: 'array', ...t };
    }
    case 1: {
      const t = { name: '', elem: 0 };
      readStruct(buf, 'sliceType', 2, (f) => {
        if (f === 0) t.name = readCommonName(buf);
        else t.elem = readTypeId(buf);
      });
      return { kind: 'slice', ...t };
    }
    case 2: {
      const t = { name: '', fields: [] as StructField[] };
      readStruct(buf, 'structType', 2, (f) => {
        if (f === 0) t.name = readCommonName(buf);
        else t.fields = readFields(buf);
      });
      return { kind: 'struct', ...t };
    }
    case 3: {
      const t = { name: '', key: 0, elem: 0 };
      readStruct(buf, 'mapType', 3, (f) => {
        if (f === 0) t.name = readCommonName(buf);
        else if (f === 1) t.key = readTypeId(buf);
        else t.elem = readTypeId(buf);
      });
      return { kind: 'map', ...t };
    }
    default: {
      let name = '';
      readStruct(buf, 'gobEncoderType', 1, () => (name = readCommonName(buf)));
      return { kind: 'encoded', name, encoding: EncodedKinds[field - 4]! };
    }
  }
}

function readFields(buf: GobBuffer): StructField[] {
  // Every element takes at least one byte, so the count is bounded by the data left.
  const count = buf.readLength('struct field list');
  const fields: StructField[] = [];
  for (let i = 0; i < count; i++) {
    const field = { name: '', id: 0 };
    readStruct(buf, 'fieldType', 2, (f) => {
      if (f === 0) field.name = readString(buf);
      else field.id = readTypeId(buf);
    });
    fields.push(field);
  }
  return fields;
}

function readArrayLength(buf: GobBuffer): number {
  const n = buf.readInt();
  if (typeof n !== 'number' || n < 0 || n > 2 ** 31) throw new GobError(`gob: invalid array length ${n}`);
  return n;
}

function readCommonName(buf: GobBuffer): string {
  let name = '';
  readStruct(buf, 'CommonType', 2, (f) => {
    if (f === 0) name = readString(buf);
    else readTypeId(buf); // the sender's own id, not needed to decode
  });
  return name;
}

function readTypeId(buf: GobBuffer): TypeId {
  const id = buf.readInt();
  if (typeof id !== 'number' || id < 0 || id > 2 ** 31) throw new GobError(`gob: invalid type id ${id}`);
  return id;
}

function readString(buf: GobBuffer): string {
  return new TextDecoder().decode(buf.take(buf.readLength('string'), 'string'));
}

/** Reads field deltas until the terminating 0 (or the end of the data), calling `field` with each field number. */
function readStruct(buf: GobBuffer, what: string, fieldCount: number, field: (n: number) => void): void {
  let n = -1;
  while (buf.remaining > 0) {
    const delta = buf.readUint();
    if (delta === 0) return;
    n += Number(delta);
    if (n >= fieldCount) throw new GobError(`gob: field number ${n} out of range in ${what}`);
    field(n);
  }
}
