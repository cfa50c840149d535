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
  typeString,
  type Type,
} from '../../eval/types.js';
import { Value } from '../../eval/value.js';
import { GobEncoded, GobInterface, decodeGob, isGobStruct, type GobStruct, type GobValue } from '../gob/decode.js';
import { decodeBigFloat } from './gob-big-float.js';

/*
 * go-cty's gob encodings (go-cty up to v1.10, and the fork the plugin SDK pins):
 *   Type.GobEncode:  an inner gob stream of gobType{Version int; Impl typeImpl}, Impl one of the
 *                    registered impl structs below, nested Types again GobEncoded the same way.
 *   Value.GobEncode: an inner gob stream of gobValue{Version int; Ty Type; V interface{}}, V holding
 *                    string, bool, *big.Float, []interface{} (list, tuple), map[string]interface{}
 *                    (map, object), set.Set, or nil for null.
 * Capsule types and unknown values have no gob form.
 */

const Cty = 'github.com/zclconf/go-cty/cty.';
const TypeImpl = {
  primitive: `${Cty}primitiveType`,
  list: `${Cty}typeList`,
  set: `${Cty}typeSet`,
  map: `${Cty}typeMap`,
  object: `${Cty}typeObject`,
  tuple: `${Cty}typeTuple`,
  dynamic: `${Cty}pseudoTypeDynamic`,
} as const;
const SetName = 'github.com/zclconf/go-cty/cty/set.Set';

/* primitiveType.Kind is a byte holding one of these letters. */
const PrimitiveKinds = new Map<number, Type>([
  [0x42, BoolType], // 'B'
  [0x4e, NumberType], // 'N'
  [0x53, StringType], // 'S'
]);

/** A cty.Type from its GobEncode bytes. */
export function decodeGobCtyType(bytes: Uint8Array): Type {
  const gt = singleStruct(bytes, 'cty.Type');
  checkVersion(gt, 'cty.Type');
  const impl = gt['Impl'];
  if (!(impl instanceof GobInterface)) throw new Error('cty.Type gob: no type implementation');
  return typeFromImpl(impl);
}

/** A cty.Type field of a decoded gob value (a GobEncoded cty.Type). */
export function ctyTypeOf(field: GobValue | undefined, where: string): Type {
  if (!(field instanceof GobEncoded)) throw new Error(`${where}: expected a gob-encoded cty.Type`);
  return decodeGobCtyType(field.bytes);
}

/** A cty.Value from its GobEncode bytes. */
export function decodeGobCtyValue(bytes: Uint8Array): Value {
  const gv = singleStruct(bytes, 'cty.Value');
  checkVersion(gv, 'cty.Value');
  return valueOf(ctyTypeOf(gv['Ty'], 'cty.Value gob'), gv['V'] ?? null);
}

function typeFromImpl(impl: GobInterface): Type {
  const fields = impl.value;
  if (!isGobStruct(fields)) throw new Error(`cty.Type gob: ${impl.name} is not a struct`);
  switch (impl.name) {
    case TypeImpl.primitive: {
      const kind = fields['Kind'];
      const type = typeof kind === 'number' ? PrimitiveKinds.get(kind) : undefined;
      if (!type) throw new Error(`cty.Type gob: unknown primitive type kind ${String(kind)}`);
      return type;
    }
    case TypeImpl.list:
      return listOf(ctyTypeOf(fields['ElementTypeT'], 'cty list type'));
    case TypeImpl.set:
      return setOf(ctyTypeOf(fields['ElementTypeT'], 'cty set type'));
    case TypeImpl.map:
      return mapOf(ctyTypeOf(fields['ElementTypeT'], 'cty map type'));
    case TypeImpl.tuple: {
      const elements = fields['ElemTypes'];
      if (!Array.isArray(elements)) throw new Error('cty.Type gob: tuple without element types');
      return tupleOf(elements.map((e: GobValue) => ctyTypeOf(e, 'cty tuple type')));
    }
    case TypeImpl.object: {
      const attrs = stringMap(fields['AttrTypes'], 'cty object type');
      const optional =
        fields['AttrOptional'] === undefined ? new Map() : stringMap(fields['AttrOptional'], 'cty object type');
      const types = new Map([...attrs].map(([name, t]) => [name, ctyTypeOf(t, `cty object attribute ${name}`)]));
      return objectOf(types, optional.keys());
    }
    case TypeImpl.dynamic:
      return DynamicPseudoType;
    default:
      throw new Error(`cty.Type gob: unsupported type implementation ${impl.name}`);
  }
}

/** The Go value V (as gob decoded it, inside its interface) as a cty value of type `type`. */
function valueOf(type: Type, raw: GobValue): Value {
  if (raw === null) return Value.null(type);
  if (!(raw instanceof GobInterface)) throw mismatch(type, 'a value outside an interface');
  const v = raw.value;
  switch (type.kind) {
    case 'string':
      if (typeof v !== 'string') throw mismatch(type, raw.name);
      return Value.string(v);
    case 'bool':
      if (typeof v !== 'boolean') throw mismatch(type, raw.name);
      return Value.bool(v);
    case 'number':
      if (!(v instanceof GobEncoded)) throw mismatch(type, raw.name);
      return Value.number(decodeBigFloat(v.bytes));
    case 'list':
      return Value.list(
        slice(v, type, raw.name).map((e) => valueOf(type.element, e)),
        type.element,
      );
    case 'tuple': {
      const elements = slice(v, type, raw.name);
      if (elements.length !== type.elements.length) throw mismatch(type, `${elements.length} elements`);
      return Value.tuple(elements.map((e, i) => valueOf(type.elements[i]!, e)));
    }
    case 'set': {
      if (!(v instanceof GobEncoded) || raw.name !== SetName) throw mismatch(type, raw.name);
      const gs = singleStruct(v.bytes, 'set.Set');
      checkVersion(gs, 'set.Set');
      const values = gs['Values'];
      if (!Array.isArray(values)) throw mismatch(type, 'a set without values');
      return Value.set(
        values.map((e: GobValue) => valueOf(type.element, e)),
        type.element,
      );
    }
    case 'map': {
      const entries = [...stringMap(v, 'cty map value')].map(([k, e]) => [k, valueOf(type.element, e)] as const);
      return Value.map(new Map(entries), type.element);
    }
    case 'object': {
      const given = stringMap(v, 'cty object value');
      const attrs = new Map<string, Value>();
      for (const [name, at] of type.attributes) attrs.set(name, valueOf(at, given.get(name) ?? null));
      return Value.object(attrs);
    }
    case 'dynamic':
      throw new Error('cty.Value gob: a known value of the dynamic pseudo-type');
  }
}

function singleStruct(bytes: Uint8Array, what: string): GobStruct {
  const values = decodeGob(bytes);
  const [value] = values;
  if (values.length !== 1 || !isGobStruct(value)) throw new Error(`${what} gob: expected one struct value`);
  return value;
}

function checkVersion(s: GobStruct, what: string): void {
  if (s['Version'] !== 0)
    throw new Error(`unsupported ${what} encoding version ${String(s['Version'])}; only 0 is supported`);
}

function slice(v: GobValue, type: Type, name: string): readonly GobValue[] {
  if (!Array.isArray(v)) throw mismatch(type, name);
  return v as readonly GobValue[];
}

function stringMap(v: GobValue | undefined, where: string): ReadonlyMap<string, GobValue> {
  if (!(v instanceof Map)) throw new Error(`${where}: expected a map`);
  for (const key of v.keys()) if (typeof key !== 'string') throw new Error(`${where}: non-string key`);
  return v as ReadonlyMap<string, GobValue>;
}

function mismatch(type: Type, got: string): Error {
  return new Error(`cty.Value gob: ${typeString(type)} value encoded as ${got}`);
}
