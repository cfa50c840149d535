import { errorDiag, type Diagnostic } from '../hcl/diagnostics.js';
import { goQuote } from '../hcl/quote.js';
import type { Range } from '../hcl/range.js';
import { ConversionError, convert } from './convert.js';
import { friendlyName, NumberType, StringType, type Type } from './types.js';
import { DynamicVal, Value } from './value.js';

/*
 * The index and attribute-access operations of the language, as hcl.Index and
 * hcl.GetAttr: `collection[key]`, `object.name` and the legacy `list.0`, with
 * HCL's diagnostics. Exported for other layers that must index the same way.
 */

export interface Result {
  readonly value: Value;
  readonly diags: Diagnostic[];
}

const InvalidIndex = 'Invalid index';
const NoElement = 'The given key does not identify an element in this collection value';
const UnsupportedAttribute = 'Unsupported attribute';

function fail(summary: string, detail: string, subject: Range | undefined): Result {
  return { value: DynamicVal, diags: [errorDiag(summary, detail, subject)] };
}

/** `collection[key]` with hcl.Index's rules; `subject` is the bracket range. */
export function indexValue(collection: Value, key: Value, subject?: Range): Result {
  if (collection.isNull()) {
    return fail('Attempt to index null value', 'This value is null, so it does not have any indices.', subject);
  }
  if (key.isNull()) return fail(InvalidIndex, "Can't use a null value as an indexing key.", subject);
  const ty = collection.type;
  if (key.type.kind === 'dynamic' || ty.kind === 'dynamic') return ok(DynamicVal.withMarks(collection.marks));

  switch (ty.kind) {
    case 'list':
    case 'tuple':
    case 'map':
      return indexSequenceOrMap(collection, key, subject);
    case 'object':
      return indexObject(collection, key, subject);
    case 'set':
      return fail(
        InvalidIndex,
        "Elements of a set are identified only by their value and don't have any separate index or key to select with, so it's only possible to perform operations across all elements of the set.",
        subject,
      );
    default:
      return fail(InvalidIndex, 'This value does not have any indices.', subject);
  }
}

function indexSequenceOrMap(collection: Value, rawKey: Value, subject: Range | undefined): Result {
  const ty = collection.type;
  const converted = tryConvert(rawKey, ty.kind === 'map' ? StringType : NumberType);
  if (converted instanceof ConversionError) return fail(InvalidIndex, `${NoElement}: ${converted.message}.`, subject);
  const [key, keyMarks] = converted.unmark();
  const [coll, collMarks] = collection.unmark();

  const has = hasIndex(coll, key);
  if (has === undefined) {
    const value = ty.kind === 'tuple' ? DynamicVal : Value.unknown(elementType(ty));
    return ok(value.withMarks(collMarks));
  }
  if (!has) return fail(InvalidIndex, missingIndexDetail(collection, key), subject);
  return ok(elementAt(coll, key).withMarks(collMarks).withMarks(keyMarks));
}

/** hcl.Index's explanation of why a known key selects nothing. */
function missingIndexDetail(collection: Value, key: Value): string {
  if (collection.type.kind === 'map' || !key.isKnown()) return `${NoElement}.`;
  const n = key.asNumber();
  if (!n.isInteger()) {
    return `${NoElement}: indexing a sequence requires a whole number, but the given index has a fractional part.`;
  }
  if (n.isNegative()) return `${NoElement}: a negative number is not a valid index for a sequence.`;
  const length = knownLength(collection);
  // As hcl, the specific message only covers index == length (index - length < 1).
  if (length !== undefined && n.minus(length).lessThan(1)) {
    return length === 0
      ? `${NoElement}: the collection has no elements.`
      : `${NoElement}: the given index is greater than or equal to the length of the collection.`;
  }
  return `${NoElement}.`;
}

function knownLength(collection: Value): number | undefined {
  if (collection.isMarked()) return undefined;
  if (collection.type.kind === 'tuple') return collection.type.elements.length;
  return collection.isKnown() ? collection.length() : undefined;
}

/** cty HasIndex on unmarked values: true/false, or undefined when unknown. */
function hasIndex(coll: Value, key: Value): boolean | undefined {
  if (!key.isKnown()) return undefined;
  if (coll.type.kind === 'map') return coll.isKnown() ? coll.entries().has(key.asString()) : undefined;
  const n = key.asNumber();
  if (!n.isInteger() || n.isNegative()) return false;
  if (coll.type.kind === 'tuple') return n.lessThan(coll.type.elements.length);
  if (!coll.isKnown()) return undefined;
  return n.lessThan(coll.length());
}

function elementAt(coll: Value, key: Value): Value {
  const ty = coll.type;
  if (ty.kind === 'map') return coll.isKnown() ? coll.entries().get(key.asString())! : Value.unknown(ty.element);
  const i = key.asNumber().toNumber();
  if (coll.isKnown()) return coll.elements()[i]!;
  return Value.unknown(ty.kind === 'tuple' ? ty.elements[i]! : elementType(ty));
}

function elementType(ty: Type): Type {
  if (ty.kind === 'list' || ty.kind === 'map' || ty.kind === 'set') return ty.element;
  throw new Error(`no element type for ${friendlyName(ty)}`);
}

function indexObject(collection: Value, rawKey: Value, subject: Range | undefined): Result {
  const wasNumber = rawKey.type.kind === 'number';
  const converted = tryConvert(rawKey, StringType);
  if (converted instanceof ConversionError) return fail(InvalidIndex, `${NoElement}: ${converted.message}.`, subject);
  if (!converted.isKnown()) return ok(DynamicVal.withMarks(collection.marks));
  const name = converted.unmark()[0].asString();
  const ty = collection.type;
  if (ty.kind !== 'object' || !ty.attributes.has(name)) {
    const hint = wasNumber ? ' An object only supports looking up attributes by name, not by numeric index.' : '';
    return fail(InvalidIndex, `${NoElement}.${hint}`, subject);
  }
  return ok(objectAttribute(collection, name));
}

/** `object.name` with hcl.GetAttr's rules; `subject` is the `.name` range. */
export function getAttrValue(obj: Value, name: string, subject?: Range): Result {
  if (obj.isNull()) {
    return fail(
      'Attempt to get attribute from null value',
      'This value is null, so it does not have any attributes.',
      subject,
    );
  }
  const ty = obj.type;
  switch (ty.kind) {
    case 'object':
      if (!ty.attributes.has(name)) {
        return fail(UnsupportedAttribute, `This object does not have an attribute named ${goQuote(name)}.`, subject);
      }
      return ok(objectAttribute(obj, name));
    case 'map': {
      if (!obj.isKnown()) return ok(Value.unknown(ty.element).withMarks(obj.marks));
      const element = obj.unmark()[0].entries().get(name);
      if (!element) {
        return fail('Missing map element', `This map does not have an element with the key ${goQuote(name)}.`, subject);
      }
      return ok(element.withMarks(obj.marks));
    }
    case 'dynamic':
      return ok(DynamicVal.withMarks(obj.marks));
    case 'list':
      if (ty.element.kind === 'object') {
        const detail = ty.element.attributes.has(name)
          ? `Can't access attributes on a list of objects. Did you mean to access attribute ${goQuote(name)} for a specific element of the list, or across all elements of the list?`
          : "Can't access attributes on a list of objects. Did you mean to access an attribute for a specific element of the list, or across all elements of the list?";
        return fail(UnsupportedAttribute, detail, subject);
      }
      break;
    case 'set':
      if (ty.element.kind === 'object') {
        return fail(
          UnsupportedAttribute,
          "Can't access attributes on a set of objects. Did you mean to access an attribute across all elements of the set?",
          subject,
        );
      }
      break;
    case 'string':
    case 'number':
    case 'bool':
      return fail(
        UnsupportedAttribute,
        `Can't access attributes on a primitive-typed value (${friendlyName(ty)}).`,
        subject,
      );
  }
  return fail(UnsupportedAttribute, 'This value does not have any attributes.', subject);
}

/** An attribute the object type is known to have, keeping the object's marks. */
function objectAttribute(obj: Value, name: string): Value {
  const ty = obj.type;
  if (ty.kind !== 'object') throw new Error('objectAttribute on a non-object');
  if (!obj.isKnown()) return Value.unknown(ty.attributes.get(name)!).withMarks(obj.marks);
  return obj.unmark()[0].entries().get(name)!.withMarks(obj.marks);
}

function ok(value: Value): Result {
  return { value, diags: [] };
}

/** A conversion result, or the error explaining why it is impossible. */
export function tryConvert(value: Value, want: Type): Value | ConversionError {
  try {
    return convert(value, want);
  } catch (e) {
    if (e instanceof ConversionError) return e;
    throw e;
  }
}
