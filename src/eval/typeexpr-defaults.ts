import type { TypeDefaults } from './typeexpr.js';
import { unifyUnsafe } from './unify.js';
import { ConversionError } from './convert.js';
import { setValue } from './convert-structural.js';
import { Value } from './value.js';

/*
 * hcl typeexpr Defaults.Apply: fills missing or null optional attributes with
 * their defaults, at any depth. Permissive: where the value does not fit the
 * defaults' shape it is left alone for the later conversion to report.
 */

export function applyDefaults(value: Value, defaults: TypeDefaults | undefined): Value {
  if (!defaults) return value;
  // Null and unknown values are left as they are (but null attributes inside get defaults).
  if (!value.isKnown() || value.isNull()) return value;
  if (defaults.defaultValues.size === 0 && defaults.children.size === 0) return value;

  const [v, marks] = value.unmark();
  const kind = v.type.kind;
  let result = v;
  if (kind === 'set' || kind === 'list' || kind === 'tuple') {
    const values = v.elements().map((e, i) => applyDefaults(e, child(defaults, i)));
    result = rebuildSequence(v, values);
  } else if (kind === 'object' || kind === 'map') {
    const values = new Map<string, Value>();
    for (const [k, e] of v.entries()) values.set(k, applyDefaults(e, child(defaults, k)));
    for (const [k, dflt] of defaults.defaultValues) {
      const current = values.get(k);
      if (!current || current.isNull()) values.set(k, applyDefaults(dflt, defaults.children.get(k)));
    }
    result = rebuildMapping(v, values);
  }
  return result.withMarks(marks);
}

/** hcl Defaults.getChild: by index for tuples, by name for objects, "" for collections. */
function child(defaults: TypeDefaults, key: number | string): TypeDefaults | undefined {
  if (typeof key === 'number' && defaults.type.kind === 'tuple') return defaults.children.get(String(key));
  if (typeof key === 'string' && defaults.type.kind === 'object') return defaults.children.get(key);
  return defaults.children.get('');
}

function rebuildSequence(original: Value, values: Value[]): Value {
  const kind = original.type.kind;
  if (kind === 'set' || kind === 'list') {
    const element = (original.type as { element: Value['type'] }).element;
    if (values.length === 0) return kind === 'set' ? Value.set([], element) : Value.list([], element);
    const unified = unifySlice(values);
    if (unified) {
      const type = unified[0]!.type;
      return kind === 'set' ? setValue(unified, type) : Value.list(unified, type);
    }
  }
  return Value.tuple(values);
}

function rebuildMapping(original: Value, values: Map<string, Value>): Value {
  if (original.type.kind === 'map') {
    if (values.size === 0) return Value.map({}, original.type.element);
    const keys = [...values.keys()].sort();
    const unified = unifySlice(keys.map((k) => values.get(k)!));
    if (unified) return Value.map(new Map(keys.map((k, i) => [k, unified[i]!])), unified[0]!.type);
  }
  return Value.object(values);
}

/** Values converted to their unsafe unification, or undefined when that fails. */
function unifySlice(values: readonly Value[]): Value[] | undefined {
  const unified = unifyUnsafe(values.map((v) => v.type));
  if (!unified) return undefined;
  try {
    return values.map((v, i) => unified.conversions[i]?.(v) ?? v);
  } catch (e) {
    if (e instanceof ConversionError) return undefined;
    throw e;
  }
}
