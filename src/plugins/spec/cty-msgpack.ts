import { decode, encode, ExtData } from '@msgpack/msgpack';
import { num, type Num } from '../../eval/number.js';
import { compareStrings, DynamicPseudoType, friendlyName, type Type } from '../../eval/types.js';
import { Value } from '../../eval/value.js';
import { ctyTypeJson, parseCtyTypeJson } from './cty-type-json.js';

/*
 * go-cty's msgpack encoding of a value of a known type (cty/msgpack), the
 * form a data source returns its result in with --protobuf (sdk
 * rpc/datasource.go, marshalled as cty.DynamicPseudoType). Where the type is
 * dynamic the value travels as [type JSON (bin), value]; unknown values are
 * msgpack extensions (0 with one nul byte; go-cty >= 1.13 writes refinements
 * as extension 0x0c, which Kiln reads as plain unknowns); numbers are ints
 * where exact, float64 where exact, else decimal text.
 *
 * Map keys "__proto__" are refused by @msgpack/msgpack's decoder.
 */

const UNKNOWN_EXT = 0;
const UNKNOWN_WITH_REFINEMENTS_EXT = 0x0c;
const MAX_REFINEMENTS_LENGTH = 1024;
const UNKNOWN = new ExtData(UNKNOWN_EXT, Uint8Array.of(0));

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const FLOAT64_MANTISSA_BITS = 53;
const FLOAT64_MIN_EXPONENT = 1074;

/** Marshal(value, type). Marked values cannot be serialized, as in go-cty. */
export function encodeCtyMsgpack(value: Value, type: Type): Uint8Array {
  const chunks: Uint8Array[] = [];
  marshal(value, type, chunks);
  return Buffer.concat(chunks);
}

/** Unmarshal(bytes, type); throws with go-cty's wording when the bytes do not hold a value of `type`. */
export function decodeCtyMsgpack(bytes: Uint8Array, type: Type): Value {
  let raw: unknown;
  try {
    raw = decode(bytes, { useBigInt64: true });
  } catch (error) {
    throw new Error(`invalid msgpack: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  return unmarshal(raw, type);
}

/* ---- encoding ---- */

function marshal(value: Value, type: Type, out: Uint8Array[]): void {
  if (value.isMarked()) throw new Error('value has marks, so it cannot be serialized');
  if (type.kind === 'dynamic' && value.type.kind !== 'dynamic') {
    out.push(arrayHeader(2), encode(Buffer.from(ctyTypeJson(value.type))));
    marshal(value, value.type, out);
    return;
  }
  if (!value.isKnown()) return void out.push(encode(UNKNOWN));
  if (value.isNull()) return void out.push(encode(null));
  switch (type.kind) {
    case 'string':
      return void out.push(encode(value.asString()));
    case 'number':
      return void out.push(encodeNumber(value.asNumber()));
    case 'bool':
      return void out.push(encode(value.asBool()));
    case 'list':
    case 'set': {
      const elements = value.elements();
      out.push(arrayHeader(elements.length));
      for (const element of elements) marshal(element, type.element, out);
      return;
    }
    case 'tuple': {
      const elements = value.elements();
      out.push(arrayHeader(type.elements.length));
      type.elements.forEach((t, i) => marshal(elements[i]!, t, out));
      return;
    }
    case 'map': {
      const entries = value.entries();
      out.push(mapHeader(entries.size));
      for (const [key, element] of entries) {
        out.push(encode(key));
        marshal(element, type.element, out);
      }
      return;
    }
    case 'object': {
      const names = [...type.attributes.keys()].sort(compareStrings);
      out.push(mapHeader(names.length));
      for (const name of names) {
        const attribute = value.attr(name);
        if (attribute === undefined) throw new Error(`object has no attribute ${JSON.stringify(name)}`);
        out.push(encode(name));
        marshal(attribute, type.attributes.get(name)!, out);
      }
      return;
    }
    case 'dynamic':
      throw new Error(`cannot msgpack-serialize a known value of ${friendlyName(type)}`);
  }
}

function encodeNumber(n: Num): Uint8Array {
  if (!n.isFinite()) return encode(n.isNegative() ? -Infinity : Infinity);
  if (n.isInteger()) {
    const big = BigInt(n.toFixed());
    if (big >= INT64_MIN && big <= INT64_MAX) {
      // Safe integers get msgpack's most compact form; larger ones int64/uint64, as Go's compact ints.
      return Number.isSafeInteger(Number(big)) && Math.abs(Number(big)) < 2 ** 32
        ? encode(Number(big))
        : encode(big, { useBigInt64: true });
    }
    return encode(n.toFixed());
  }
  const float = exactFloat64(n);
  return float === undefined ? encode(n.toFixed()) : encode(float);
}

/** The float64 equal to a non-integer `n`, when one is (n = m / 2^e with m of at most 53 bits). */
function exactFloat64(n: Num): number | undefined {
  const text = n.abs().toFixed();
  const [whole = '', fraction = ''] = text.split('.');
  const five = 5n ** BigInt(fraction.length);
  const scaled = BigInt(whole + fraction);
  if (scaled % five !== 0n) return undefined; // not a binary fraction
  let mantissa = scaled / five;
  let exponent = fraction.length;
  while (exponent > 0 && mantissa % 2n === 0n) {
    mantissa /= 2n;
    exponent -= 1;
  }
  if (mantissa.toString(2).length > FLOAT64_MANTISSA_BITS || exponent > FLOAT64_MIN_EXPONENT) return undefined;
  return Number(n.toFixed());
}

function arrayHeader(length: number): Uint8Array {
  if (length < 16) return Uint8Array.of(0x90 | length);
  return length < 0x10000 ? sized(0xdc, length, 2) : sized(0xdd, length, 4);
}

function mapHeader(length: number): Uint8Array {
  if (length < 16) return Uint8Array.of(0x80 | length);
  return length < 0x10000 ? sized(0xde, length, 2) : sized(0xdf, length, 4);
}

function sized(code: number, length: number, width: 2 | 4): Uint8Array {
  const bytes = Buffer.alloc(1 + width);
  bytes[0] = code;
  if (width === 2) bytes.writeUInt16BE(length, 1);
  else bytes.writeUInt32BE(length, 1);
  return bytes;
}

/* ---- decoding ---- */

const utf8 = new TextDecoder('utf-8', { fatal: true });

function unmarshal(raw: unknown, type: Type): Value {
  if (raw instanceof ExtData) return unknownValue(raw, type);
  if (type.kind === 'dynamic') return unmarshalDynamic(raw);
  if (raw === null) return Value.null(type);
  switch (type.kind) {
    case 'string': {
      const text = asString(raw);
      if (text === undefined) throw new Error('string is required');
      return Value.string(text);
    }
    case 'number':
      return Value.number(asNumber(raw));
    case 'bool':
      if (typeof raw !== 'boolean') throw new Error('bool is required');
      return Value.bool(raw);
    case 'list':
    case 'set': {
      if (!Array.isArray(raw)) throw new Error(`a ${type.kind} is required`);
      const elements = raw.map((e: unknown) => unmarshal(e, type.element));
      const declared = elementType(elements, type.element);
      return type.kind === 'list' ? Value.list(elements, declared) : Value.set(elements, declared);
    }
    case 'tuple': {
      if (!Array.isArray(raw)) throw new Error('a tuple is required');
      if (raw.length === 0) return Value.tuple([]);
      if (raw.length !== type.elements.length) throw new Error(`a tuple of length ${type.elements.length} is required`);
      return Value.tuple(type.elements.map((t, i) => unmarshal(raw[i], t)));
    }
    case 'map': {
      if (!isMap(raw)) throw new Error('a map is required');
      const entries = new Map(Object.entries(raw).map(([k, e]) => [k, unmarshal(e, type.element)] as const));
      return Value.map(entries, elementType([...entries.values()], type.element));
    }
    case 'object': {
      if (!isMap(raw)) throw new Error('an object is required');
      const entries = Object.entries(raw);
      if (entries.length === 0) return Value.object({});
      if (entries.length !== type.attributes.size)
        throw new Error(`an object with ${type.attributes.size} attributes is required (${entries.length} given)`);
      const attributes = new Map<string, Value>();
      for (const [name, e] of entries) {
        const attributeType = type.attributes.get(name);
        if (attributeType === undefined) throw new Error(`unsupported attribute ${JSON.stringify(name)}`);
        attributes.set(name, unmarshal(e, attributeType));
      }
      return Value.object(attributes);
    }
  }
}

/** As cty.ListVal and friends: the elements' own type (for a collection of dynamic), the declared one when empty. */
function elementType(elements: readonly Value[], declared: Type): Type | undefined {
  return elements.length === 0 ? declared : undefined;
}

function unmarshalDynamic(raw: unknown): Value {
  if (raw === null) return Value.null(DynamicPseudoType);
  if (!Array.isArray(raw) || raw.length !== 2) throw new Error('dynamic value array must have exactly two elements');
  const typeJson = asString(raw[0]);
  if (typeJson === undefined) throw new Error('dynamic value type must be bytes');
  return unmarshal(raw[1], parseCtyTypeJson(typeJson));
}

/** Any extension is an unknown value; a refinement map (go-cty >= 1.13) is read and dropped. */
function unknownValue(ext: ExtData, type: Type): Value {
  const body = ext.data instanceof Uint8Array ? ext.data : new Uint8Array();
  if (body.length <= 1) return Value.unknown(type);
  if (ext.type !== UNKNOWN_WITH_REFINEMENTS_EXT)
    throw new Error(`unsupported extension type 0x${ext.type.toString(16).padStart(2, '0')} with len ${body.length}`);
  if (body.length > MAX_REFINEMENTS_LENGTH) throw new Error('oversize unknown value refinement');
  let refinements: unknown;
  try {
    refinements = decode(body, { useBigInt64: true });
  } catch {
    refinements = undefined;
  }
  if (!isMap(refinements)) throw new Error('failed to decode msgpack extension body: not a map');
  return Value.unknown(type);
}

function asNumber(raw: unknown): Num {
  if (typeof raw === 'number') return num(raw);
  if (typeof raw === 'bigint') return num(raw.toString());
  const text = asString(raw);
  // cty.ParseNumberVal: decimal text, optionally with an exponent.
  if (text === undefined || !/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(text))
    throw new Error('number is required');
  return num(text);
}

/** A msgpack str, or bin holding UTF-8 (vmihailenco's DecodeString takes either). */
function asString(raw: unknown): string | undefined {
  if (typeof raw === 'string') return raw;
  if (!(raw instanceof Uint8Array)) return undefined;
  try {
    return utf8.decode(raw);
  } catch {
    return undefined;
  }
}

function isMap(raw: unknown): raw is Record<string, unknown> {
  return typeof raw === 'object' && raw !== null && !Array.isArray(raw) && !(raw instanceof Uint8Array);
}
