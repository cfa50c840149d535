import { GobBuffer } from './buffer.js';
import {
  GobComplex,
  GobEncoded,
  GobError,
  GobInterface,
  type GobMap,
  type GobStruct,
  type GobValue,
} from './values.js';
import { BuiltinIds, FirstUserId, builtinName, readWireType, type TypeId, type WireType } from './wire-type.js';

export { GobComplex, GobEncoded, GobError, GobInterface, isGobStruct } from './values.js';
export type { GobEncodedKind, GobMap, GobStruct, GobValue } from './values.js';

/**
 * Decodes a whole gob stream (what one gob.Encoder wrote) into its values, in
 * order, as Go's gob.Decoder reads them: type definition messages, then value
 * messages. Values are shaped by their wire types (see values.ts). Throws a
 * GobError on malformed or truncated data.
 */
export function decodeGob(bytes: Uint8Array): GobValue[] {
  return new StreamDecoder(bytes).decodeAll();
}

/* Deep enough for any real data; stops hostile nesting before the JS stack does. */
const MaxDepth = 1000;
/* Zero values of arrays are built from the type alone; refuse absurd lengths. */
const MaxZeroArray = 1 << 16;
const MaxInterfaceName = 1024;

const Empty = new GobBuffer(new Uint8Array(0));
const utf8 = new TextDecoder();

/*
 * Mirrors gob.Decoder: `buf` holds the current message and every read goes
 * through it. Messages are only fetched between type definitions (typeSequence),
 * which is also where an interface value's nested type definitions arrive, so a
 * value may continue in a later message.
 */
class StreamDecoder {
  private readonly input: GobBuffer;
  private buf = Empty;
  private readonly types = new Map<TypeId, WireType>();
  private readonly zeros = new Map<TypeId, GobValue>();
  private depth = 0;

  constructor(bytes: Uint8Array) {
    this.input = new GobBuffer(bytes);
  }

  decodeAll(): GobValue[] {
    const values: GobValue[] = [];
    for (;;) {
      this.buf = Empty; // as Decoder.DecodeValue, drop anything a previous value left unread
      const id = this.typeSequence(false);
      if (id === undefined) return values;
      values.push(this.delimitedValue(id));
    }
  }

  private recvMessage(): boolean {
    if (this.input.remaining === 0) return false;
    const length = this.input.readLength('message');
    this.buf = new GobBuffer(this.input.take(length, 'message'));
    return true;
  }

  /** Reads type definitions up to the id of the next value; undefined at a clean end of the stream. */
  private typeSequence(inInterface: boolean): TypeId | undefined {
    let first = true;
    for (;;) {
      if (this.buf.remaining === 0 && !this.recvMessage()) {
        if (first && !inInterface) return undefined;
        throw new GobError(
          inInterface
            ? 'gob: unexpected end of data in interface value'
            : 'gob: unexpected end of data after type definition',
        );
      }
      const id = this.buf.readInt();
      if (typeof id !== 'number') throw new GobError(`gob: invalid type id ${id}`);
      if (id >= 0) return id;
      this.recvType(-id);
      if (this.buf.remaining > 0) {
        // Inside an interface value the rest of the message is the value's byte count and data.
        if (!inInterface) throw new GobError('gob: extra data in buffer after type definition');
        this.buf.readUint();
      }
      first = false;
    }
  }

  private recvType(id: TypeId): void {
    if (id < FirstUserId || this.types.has(id)) throw new GobError(`gob: duplicate type received (id ${id})`);
    this.types.set(id, readWireType(this.buf));
  }

  /** A top-level or interface value: structs as they are, anything else after a zero field delta. */
  private delimitedValue(id: TypeId): GobValue {
    if (this.types.get(id)?.kind !== 'struct') {
      if (this.buf.readUint() !== 0) throw new GobError('gob: corrupted data: non-zero delta for singleton');
    }
    return this.value(id);
  }

  private value(id: TypeId): GobValue {
    const buf = this.buf;
    switch (id) {
      case BuiltinIds.bool:
        return buf.readUint() !== 0;
      case BuiltinIds.int:
        return buf.readInt();
      case BuiltinIds.uint:
        return buf.readUint();
      case BuiltinIds.float:
        return buf.readFloat();
      case BuiltinIds.complex:
        return new GobComplex(buf.readFloat(), buf.readFloat());
      case BuiltinIds.bytes:
        return buf.take(buf.readLength('byte slice'), 'byte slice').slice();
      case BuiltinIds.string:
        return utf8.decode(buf.take(buf.readLength('string'), 'string'));
      case BuiltinIds.interface:
        return this.nested(() => this.interfaceValue());
    }
    const wire = this.wireType(id);
    switch (wire.kind) {
      case 'struct':
        return this.nested(() => this.struct(id, wire.fields));
      // Each element takes a byte at least, but elements holding interfaces may continue in later messages.
      case 'array': {
        const length = buf.readLength('array', this.input.remaining);
        if (length !== wire.length) throw new GobError(`gob: length mismatch in array ${wire.name}`);
        return this.nested(() => this.elements(length, wire.elem));
      }
      case 'slice':
        return this.nested(() => this.elements(buf.readLength('slice', this.input.remaining), wire.elem));
      case 'map':
        return this.nested(() => this.map(buf.readLength('map', this.input.remaining), wire.key, wire.elem));
      case 'encoded': {
        const bytes = buf.take(buf.readLength(wire.name), wire.name).slice();
        return new GobEncoded(wire.name, wire.encoding, bytes);
      }
    }
  }

  private struct(id: TypeId, fields: readonly { name: string; id: TypeId }[]): GobStruct {
    const values = new Array<GobValue | undefined>(fields.length);
    let field = -1;
    while (this.buf.remaining > 0) {
      const delta = this.buf.readUint();
      if (delta === 0) break;
      field += Number(delta);
      const wire = fields[field];
      if (!wire) throw new GobError('gob: bad data: field numbers out of bounds');
      values[field] = this.value(wire.id);
    }
    // A field of the struct's own type (through a pointer) that was not sent is a nil pointer: null.
    return Object.fromEntries(fields.map((f, i) => [f.name, values[i] ?? (f.id === id ? null : this.zero(f.id))]));
  }

  private elements(count: number, elem: TypeId): GobValue[] {
    const out: GobValue[] = [];
    for (let i = 0; i < count; i++) out.push(this.value(elem));
    return out;
  }

  private map(count: number, key: TypeId, elem: TypeId): GobMap {
    const out = new Map<GobValue, GobValue>();
    for (let i = 0; i < count; i++) {
      const k = this.value(key);
      out.set(k, this.value(elem));
    }
    return out;
  }

  private interfaceValue(): GobInterface | null {
    const length = this.buf.readLength('interface type name');
    if (length === 0) return null;
    if (length > MaxInterfaceName) throw new GobError(`gob: interface type name too long (${length} bytes)`);
    const name = utf8.decode(this.buf.take(length, 'interface type name'));
    const id = this.typeSequence(true)!;
    this.buf.readUint(); // the value's byte count, only needed to skip it
    return new GobInterface(name, this.delimitedValue(id));
  }

  /**
   * The zero value of a type, as a field absent on the wire holds it. Values are
   * immutable, so each type's zero is built once and shared: a small hostile type
   * definition cannot make it build an exponential tree.
   */
  private zero(id: TypeId, visiting = new Set<TypeId>()): GobValue {
    // A struct reached again through its own fields can only be a nil pointer.
    if (visiting.has(id)) return null;
    const known = this.zeros.get(id);
    if (known !== undefined) return known;
    const zero = this.buildZero(id, visiting);
    this.zeros.set(id, zero);
    return zero;
  }

  private buildZero(id: TypeId, visiting: Set<TypeId>): GobValue {
    switch (id) {
      case BuiltinIds.bool:
        return false;
      case BuiltinIds.int:
      case BuiltinIds.uint:
      case BuiltinIds.float:
        return 0;
      case BuiltinIds.complex:
        return new GobComplex(0, 0);
      case BuiltinIds.bytes:
        return new Uint8Array(0);
      case BuiltinIds.string:
        return '';
      case BuiltinIds.interface:
        return null;
    }
    const wire = this.wireType(id);
    switch (wire.kind) {
      case 'slice':
        return [];
      case 'map':
        return new Map();
      case 'encoded':
        return null; // Go omits zero self-encoding values; there are no bytes to hand over
      case 'array': {
        if (wire.length > MaxZeroArray) throw new GobError(`gob: array type ${wire.name} too long for a zero value`);
        const elem = this.zero(wire.elem, visiting);
        return new Array<GobValue>(wire.length).fill(elem);
      }
      case 'struct': {
        const inner = new Set(visiting).add(id);
        return Object.fromEntries(wire.fields.map((f) => [f.name, this.zero(f.id, inner)]));
      }
    }
  }

  private wireType(id: TypeId): WireType {
    const wire = this.types.get(id);
    if (wire) return wire;
    const builtin = builtinName(id);
    throw new GobError(builtin ? `gob: unexpected built-in type ${builtin}` : `gob: unknown type id ${id}`);
  }

  private nested<T>(decode: () => T): T {
    if (++this.depth > MaxDepth) throw new GobError(`gob: values nested more than ${MaxDepth} deep`);
    try {
      return decode();
    } finally {
      this.depth--;
    }
  }
}
