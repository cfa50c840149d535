import { mismatchMessage } from './convert-mismatch.js';
import { formatNumber, parseNumber } from './number-text.js';
import {
  conversionCollectionToList,
  conversionCollectionToMap,
  conversionCollectionToSet,
  conversionMapToObject,
  conversionObjectToMap,
  conversionObjectToObject,
  conversionTupleToList,
  conversionTupleToSet,
  conversionTupleToTuple,
} from './convert-structural.js';
import { isPrimitive, listOf, mapOf, objectOf, setOf, tupleOf, typeEquals, type Type } from './types.js';
import { unifyUnsafe } from './unify.js';
import { Value } from './value.js';

/*
 * Type conversion as cty's convert package: safe conversions (number/bool to
 * string, tuple to list, object to map, set to list ...) and unsafe ones that
 * may fail for some values (string to number or bool, list to set, map to
 * object, anything from a dynamically-typed value). Marks on the converted
 * value are kept; nulls and unknowns convert to nulls and unknowns of the
 * target type.
 */

/** One step of the path to the part of a value that failed to convert (cty.PathStep). */
export type PathStep =
  { readonly kind: 'attr'; readonly name: string } | { readonly kind: 'index'; readonly key: Value };

/** A failed conversion with cty's message; `path` leads to the offending part of the value. */
export class ConversionError extends Error {
  constructor(
    message: string,
    readonly path: readonly PathStep[] = [],
  ) {
    super(message);
    this.name = 'ConversionError';
  }
}

/** A conversion from one type to another; throws ConversionError for an unsuitable value. */
export type Conversion = (v: Value) => Value;

/** The internal form of a conversion, carrying the path for error reports. */
export type PathConversion = (v: Value, path: readonly PathStep[]) => Value;

export function conversionFailure(path: readonly PathStep[], message: string): ConversionError {
  return new ConversionError(message, [...path]);
}

/**
 * cty GetConversion / GetConversionUnsafe: a conversion between the types, or
 * null if there is none. Unlike cty, equal types give the identity conversion.
 */
export function getConversion(from: Type, to: Type, unsafe = false): Conversion | null {
  if (typeEquals(from, withoutOptionalAttributesDeep(to))) return (v) => v;
  const conv = getPathConversion(from, to, unsafe);
  return conv && ((v) => conv(v, []));
}

/** True when some value of type `from` may convert to `to` (safely or not). */
export function canConvert(from: Type, to: Type): boolean {
  return getConversion(from, to, true) !== null;
}

/** cty convert.Convert: the value as type `want`, or a ConversionError. */
export function convert(value: Value, want: Type): Value {
  if (typeEquals(value.type, withoutOptionalAttributesDeep(want))) return value;
  const conv = getPathConversion(value.type, want, true);
  if (!conv) throw new ConversionError(mismatchMessage(value.type, want));
  return conv(value, []);
}

/** cty getConversion: the shape-specific conversion wrapped in the checks all conversions share. */
export function getPathConversion(from: Type, to: Type, unsafe: boolean): PathConversion | null {
  const conv = getConversionKnown(from, to, unsafe);
  if (!conv) return null;
  const wrapped: PathConversion = (v, path) => {
    if (v.isMarked()) {
      const [unmarked, marks] = v.unmark();
      return wrapped(unmarked, path).withMarks(marks);
    }
    if (to.kind === 'dynamic') return v;
    if (!v.isKnown()) return Value.unknown(dynamicReplace(v.type, withoutOptionalAttributesDeep(to)));
    if (v.isNull()) return Value.null(dynamicReplace(v.type, withoutOptionalAttributesDeep(to)));
    return conv(v, path);
  };
  return wrapped;
}

function getConversionKnown(from: Type, to: Type, unsafe: boolean): PathConversion | null {
  if (to.kind === 'dynamic') return (v) => v;
  if (unsafe && from.kind === 'dynamic') return dynamicFixup(to);
  if (isPrimitive(from) && isPrimitive(to)) return primitiveConversion(from.kind, to.kind, unsafe);
  if (to.kind === 'object' && from.kind === 'object') return conversionObjectToObject(from, to, unsafe);
  if (to.kind === 'tuple' && from.kind === 'tuple') return conversionTupleToTuple(from, to, unsafe);
  if (to.kind === 'list' && (from.kind === 'list' || from.kind === 'set')) {
    if (typeEquals(from.element, to.element)) return conversionCollectionToList(to.element, null);
    const convEty = getPathConversion(from.element, to.element, unsafe);
    return convEty && conversionCollectionToList(to.element, convEty);
  }
  if (to.kind === 'set' && (from.kind === 'list' || from.kind === 'set')) {
    // A list to a set loses order and duplicates, so it is unsafe.
    if (from.kind === 'list' && !unsafe) return null;
    if (typeEquals(from.element, to.element)) return conversionCollectionToSet(to.element, null);
    const convEty = getPathConversion(from.element, to.element, unsafe);
    return convEty && conversionCollectionToSet(to.element, convEty);
  }
  if (to.kind === 'map' && from.kind === 'map') {
    const convEty = getPathConversion(from.element, to.element, unsafe);
    return convEty && conversionCollectionToMap(to.element, convEty);
  }
  if (to.kind === 'list' && from.kind === 'tuple') return conversionTupleToList(from, to.element, unsafe);
  if (to.kind === 'set' && from.kind === 'tuple') return conversionTupleToSet(from, to.element, unsafe);
  if (to.kind === 'map' && from.kind === 'object') return conversionObjectToMap(from, to.element, unsafe);
  // A map may lack an attribute the object needs, so this is unsafe.
  if (to.kind === 'object' && from.kind === 'map') return unsafe ? conversionMapToObject(from, to, unsafe) : null;
  return null;
}

function primitiveConversion(from: Type['kind'], to: Type['kind'], unsafe: boolean): PathConversion | null {
  if (from === 'number' && to === 'string') return (v) => Value.string(formatNumber(v.asNumber()));
  if (from === 'bool' && to === 'string') return (v) => Value.string(v.asBool() ? 'true' : 'false');
  if (!unsafe || from !== 'string') return null;
  if (to === 'number') {
    return (v, path) => {
      const n = parseNumber(v.asString());
      if (n === null) throw conversionFailure(path, 'a number is required');
      return Value.number(n);
    };
  }
  if (to === 'bool') return stringToBool;
  return null;
}

const stringToBool: PathConversion = (v, path) => {
  const s = v.asString();
  if (s === 'true' || s === '1') return Value.bool(true);
  if (s === 'false' || s === '0') return Value.bool(false);
  const lower = s.toLowerCase();
  if (lower === 'true' || lower === 'false') {
    throw conversionFailure(path, `a bool is required; to convert from string, use lowercase "${lower}"`);
  }
  throw conversionFailure(path, 'a bool is required');
};

/** Late conversion of a value whose type was only known to be dynamic. */
function dynamicFixup(want: Type): PathConversion {
  return (v, path) => {
    try {
      return convert(v, want);
    } catch (e) {
      if (e instanceof ConversionError) throw new ConversionError(e.message, [...path, ...e.path]);
      throw e;
    }
  };
}

/** cty Type.WithoutOptionalAttributesDeep: the type with no attribute marked optional. */
export function withoutOptionalAttributesDeep(t: Type): Type {
  switch (t.kind) {
    case 'list':
      return listOf(withoutOptionalAttributesDeep(t.element));
    case 'set':
      return setOf(withoutOptionalAttributesDeep(t.element));
    case 'map':
      return mapOf(withoutOptionalAttributesDeep(t.element));
    case 'tuple':
      return tupleOf(t.elements.map(withoutOptionalAttributesDeep));
    case 'object':
      return objectOf(new Map([...t.attributes].map(([k, at]) => [k, withoutOptionalAttributesDeep(at)])));
    default:
      return t;
  }
}

/**
 * cty dynamicReplace: the target type with any dynamic parts replaced by the
 * corresponding parts of the source type (the type of a converted null or unknown).
 */
export function dynamicReplace(from: Type, to: Type): Type {
  if (from.kind === 'dynamic') return to;
  switch (to.kind) {
    case 'dynamic':
      return from;
    case 'map':
      if (from.kind === 'map') return mapOf(dynamicReplace(from.element, to.element));
      if (from.kind === 'object') {
        const unified = unifyUnsafe([...from.attributes.values()]);
        return mapOf(unified ? dynamicReplace(unified.type, to.element) : to.element);
      }
      return to;
    case 'object': {
      const attrs = new Map<string, Type>();
      for (const [name, at] of to.attributes) {
        if (from.kind === 'map') attrs.set(name, dynamicReplace(from.element, at));
        else if (from.kind === 'object') {
          const fromAt = from.attributes.get(name);
          attrs.set(name, fromAt ? dynamicReplace(fromAt, at) : at);
        }
      }
      return objectOf(attrs);
    }
    case 'set':
    case 'list': {
      const make = to.kind === 'set' ? setOf : listOf;
      if (from.kind === 'set' || from.kind === 'list') return make(dynamicReplace(from.element, to.element));
      if (from.kind === 'tuple') {
        const unified = unifyUnsafe(from.elements);
        return make(unified ? dynamicReplace(unified.type, to.element) : to.element);
      }
      return to;
    }
    case 'tuple':
      return tupleOf(
        to.elements.map((et, i) =>
          from.kind === 'tuple' && from.elements[i] ? dynamicReplace(from.elements[i], et) : et,
        ),
      );
    default:
      return to;
  }
}
