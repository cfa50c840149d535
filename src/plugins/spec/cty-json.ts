import type { Type } from '../../eval/types.js';
import { Value } from '../../eval/value.js';
import { ctyTypeJson } from './cty-type-json.js';

/*
 * cty's JSON encoding (go-cty cty/json), as the SDK's encodeCTYValues puts a
 * cty.Value on the wire for Prepare and Configure: Marshal(value,
 * DynamicPseudoType) gives {"value": ..., "type": ...}, the value encoded by
 * its own type, with a nested {"value","type"} wherever the type is dynamic.
 * Unknown values cannot be encoded; Packer first replaces them with
 * placeholders (hcl2shim.WriteUnknownPlaceholderValues).
 */

/** Marshal(value, DynamicPseudoType) as bytes: what a plugin's Prepare receives. Marks are dropped. */
export function marshalCtyJson(value: Value): Uint8Array {
  const [plain] = value.unmarkDeep();
  return Buffer.from(dynamicJson(plain, []));
}

function dynamicJson(value: Value, path: readonly (string | number)[]): string {
  return `{"value":${valueJson(value, value.type, path)},"type":${ctyTypeJson(value.type)}}`;
}

/** The JSON text of `value` encoded as `type`; numbers keep all their digits, as big.Float.Text('f', -1). */
function valueJson(value: Value, type: Type, path: readonly (string | number)[]): string {
  if (!value.isKnown()) throw new Error(`${pathText(path)}value is not known`);
  if (type.kind === 'dynamic' && value.type.kind !== 'dynamic') return dynamicJson(value, path);
  if (value.isNull()) return 'null';
  switch (type.kind) {
    case 'string':
      return JSON.stringify(value.asString());
    case 'number':
      return value.asNumber().toFixed();
    case 'bool':
      return String(value.asBool());
    case 'list':
    case 'set':
      return `[${value
        .elements()
        .map((e, i) => valueJson(e, type.element, [...path, i]))
        .join(',')}]`;
    case 'tuple':
      return `[${value
        .elements()
        .map((e, i) => valueJson(e, type.elements[i] ?? e.type, [...path, i]))
        .join(',')}]`;
    case 'map':
      return objectText([...value.entries()].map(([k, e]) => [k, valueJson(e, type.element, [...path, k])]));
    case 'object':
      return objectText(
        [...type.attributes].map(([k, at]) => [k, valueJson(value.attr(k) ?? Value.null(at), at, [...path, k])]),
      );
    case 'dynamic':
      return 'null';
  }
}

function objectText(entries: readonly (readonly [string, string])[]): string {
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(',')}}`;
}

function pathText(path: readonly (string | number)[]): string {
  if (path.length === 0) return '';
  return `${path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`)).join('')}: `;
}

/**
 * hcl2shim.WriteUnknownPlaceholderValues: every unknown value replaced by a
 * placeholder of its type ("<unknown>", 0, false, empty collections and
 * objects), so that the config can be encoded.
 */
export function unknownPlaceholders(value: Value): Value {
  const [v, marks] = value.unmark();
  if (v.isNull()) return value;
  const t = v.type;
  if (!v.isKnown()) return placeholder(t).withMarks(marks);
  switch (t.kind) {
    case 'list':
      return Value.list(v.elements().map(unknownPlaceholders), t.element).withMarks(marks);
    case 'set':
      return Value.set(v.elements().map(unknownPlaceholders), t.element).withMarks(marks);
    case 'tuple':
      return Value.tuple(v.elements().map(unknownPlaceholders)).withMarks(marks);
    case 'map':
      return Value.map(mapEntries(v, unknownPlaceholders), t.element).withMarks(marks);
    case 'object':
      return Value.object(mapEntries(v, unknownPlaceholders)).withMarks(marks);
    default:
      return value;
  }
}

function mapEntries(v: Value, f: (e: Value) => Value): Map<string, Value> {
  return new Map([...v.entries()].map(([k, e]) => [k, f(e)]));
}

function placeholder(t: Type): Value {
  switch (t.kind) {
    case 'string':
      return Value.string('<unknown>');
    case 'number':
      return Value.number(0);
    case 'bool':
      return Value.bool(false);
    case 'list':
      return Value.list([], t.element);
    case 'set':
      return Value.set([], t.element);
    case 'map':
      return Value.map({}, t.element);
    case 'tuple':
      return Value.tuple([]);
    case 'object':
      return Value.object({});
    case 'dynamic':
      // WriteUnknownPlaceholderValues panics on an unknown of no known type; null is the nearest value.
      return Value.null(t);
  }
}
