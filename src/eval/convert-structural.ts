import {
  conversionFailure,
  getPathConversion,
  withoutOptionalAttributesDeep,
  type PathConversion,
  type PathStep,
} from './convert.js';
import { mismatchMessage } from './convert-mismatch.js';
import { DynamicPseudoType, typeEquals, type MapType, type ObjectType, type TupleType, type Type } from './types.js';
import { unifyTypes } from './unify.js';
import { Value } from './value.js';

/*
 * Conversions between collection and structural types (cty
 * conversion_collection.go, conversion_object.go, conversion_tuple.go).
 */

const indexStep = (i: number): PathStep => ({ kind: 'index', key: Value.number(i) });
const keyStep = (k: string): PathStep => ({ kind: 'index', key: Value.string(k) });
const attrStep = (name: string): PathStep => ({ kind: 'attr', name });

/** A null converted inside a collection carries no optional-attribute markers. */
function stripNull(v: Value): Value {
  return v.isNull() ? Value.null(withoutOptionalAttributesDeep(v.type)) : v;
}

/** cty CanListVal: the one element type of the values (dynamic ones aside), or null. */
function commonType(values: readonly Value[]): Type | null {
  let t: Type = DynamicPseudoType;
  for (const v of values) {
    if (t.kind === 'dynamic') t = v.type;
    else if (v.type.kind !== 'dynamic' && !typeEquals(t, v.type)) return null;
  }
  return t;
}

/** Dynamically-typed unknowns among typed elements stand for unknowns of that type. */
function settle(values: readonly Value[], t: Type): Value[] {
  return values.map((v) =>
    v.type.kind === 'dynamic' && t.kind !== 'dynamic' ? Value.unknown(t).withMarks(v.marks) : v,
  );
}

function listValue(values: readonly Value[], path: readonly PathStep[]): Value {
  const t = commonType(values);
  if (!t) throw conversionFailure(path, 'element types must all match for conversion to list');
  return Value.list(settle(values, t), t);
}

/** cty SetVal: set elements carry no marks; their marks move to the set. */
export function setValue(values: readonly Value[], elementType: Type): Value {
  const marks = new Set<string>();
  const unmarked = values.map((v) => {
    const [u, m] = v.unmarkDeep();
    for (const mark of m) marks.add(mark);
    return u;
  });
  return Value.set(settle(unmarked, elementType), elementType).withMarks(marks);
}

function setValueChecked(values: readonly Value[], path: readonly PathStep[]): Value {
  const t = commonType(values.map((v) => v.unmarkDeep()[0]));
  if (!t) throw conversionFailure(path, 'element types must all match for conversion to set');
  return setValue(values, t);
}

function mapValue(entries: ReadonlyMap<string, Value>, path: readonly PathStep[], what: string): Value {
  const t = commonType([...entries.values()]);
  if (!t) throw conversionFailure(path, `${what} types must all match for conversion to map`);
  const settled = settle([...entries.values()], t);
  return Value.map(new Map([...entries.keys()].map((k, i) => [k, settled[i]!])), t);
}

/** cty Value.Length().IsKnown() for a known list or set. */
function lengthKnown(v: Value): boolean {
  return v.type.kind !== 'set' || v.length() === 1 || v.isWhollyKnown();
}

export function conversionCollectionToList(ety: Type, conv: PathConversion | null): PathConversion {
  return (val, path) => {
    const inEty = (val.type as { element: Type }).element;
    if (!lengthKnown(val)) return Value.unknown({ kind: 'list', element: inEty });
    const elems = val.elements().map((e, i) => stripNull(conv ? conv(e, [...path, indexStep(i)]) : e));
    if (elems.length === 0) return Value.list([], ety.kind === 'dynamic' ? inEty : withoutOptionalAttributesDeep(ety));
    return listValue(elems, path);
  };
}

export function conversionCollectionToSet(ety: Type, conv: PathConversion | null): PathConversion {
  return (val, path) => {
    const inEty = (val.type as { element: Type }).element;
    const elems = val.elements().map((e, i) => stripNull(conv ? conv(e, [...path, indexStep(i)]) : e));
    if (elems.length === 0) return Value.set([], ety.kind === 'dynamic' ? inEty : withoutOptionalAttributesDeep(ety));
    return setValueChecked(elems, path);
  };
}

export function conversionCollectionToMap(ety: Type, conv: PathConversion): PathConversion {
  return (val, path) => {
    const inEty = (val.type as MapType).element;
    let elems = new Map<string, Value>();
    for (const [k, e] of val.entries()) elems.set(k, conv(e, [...path, keyStep(k)]));
    if (elems.size === 0) return Value.map({}, ety.kind === 'dynamic' ? inEty : withoutOptionalAttributesDeep(ety));
    if (ety.kind === 'list' || ety.kind === 'set' || ety.kind === 'map' || ety.kind === 'object') {
      elems = unifyMapElements(elems, path, false);
    }
    return mapValue(elems, path, 'element');
  };
}

/** The tuple's element conversions to one element type (unified when that is dynamic), or null. */
function tupleElementConversions(
  tuple: TupleType,
  ety: Type,
  unsafe: boolean,
): { ety: Type; convs: (PathConversion | null)[] } | null {
  let want = ety;
  if (want.kind === 'dynamic') {
    const unified = unifyTypes(tuple.elements, unsafe);
    if (!unified) return null;
    want = unified.type;
    // Only a tuple of dynamic values can make a collection of dynamic elements.
    if (want.kind === 'dynamic' && tuple.elements.some((t) => t.kind !== 'dynamic')) return null;
  }
  const convs: (PathConversion | null)[] = [];
  for (const t of tuple.elements) {
    if (typeEquals(t, want)) {
      convs.push(null);
      continue;
    }
    const conv = getPathConversion(t, want, unsafe);
    if (!conv) return null;
    convs.push(conv);
  }
  return { ety: want, convs };
}

export function conversionTupleToSet(tuple: TupleType, ety: Type, unsafe: boolean): PathConversion | null {
  if (tuple.elements.length === 0) return () => Value.set([], withoutOptionalAttributesDeep(ety));
  const plan = tupleElementConversions(tuple, ety, unsafe);
  if (!plan) return null;
  return (val, path) => {
    const elems = val.elements().map((e, i) => {
      const conv = plan.convs[i];
      return stripNull(conv ? conv(e, [...path, indexStep(i)]) : e);
    });
    return setValueChecked(elems, path);
  };
}

export function conversionTupleToList(tuple: TupleType, ety: Type, unsafe: boolean): PathConversion | null {
  if (tuple.elements.length === 0) return () => Value.list([], withoutOptionalAttributesDeep(ety));
  const plan = tupleElementConversions(tuple, ety, unsafe);
  if (!plan) return null;
  return (val, path) => {
    const elems = val.elements().map((e, i) => {
      const conv = plan.convs[i];
      return conv ? conv(e, [...path, indexStep(i)]) : e;
    });
    // cty passes the last element's path here, so errors carry an extra step.
    const elemPath = [...path, indexStep(elems.length - 1)];
    return listValue(unifyListElements(elems, elemPath, unsafe), path);
  };
}

export function conversionObjectToMap(object: ObjectType, ety: Type, unsafe: boolean): PathConversion | null {
  if (object.attributes.size === 0) return () => Value.map({}, withoutOptionalAttributesDeep(ety));
  let want = ety;
  if (want.kind === 'dynamic') {
    const unified = unifyTypes([...object.attributes.values()], unsafe);
    if (!unified) return null;
    want = unified.type;
  }
  const convs = new Map<string, PathConversion>();
  for (const [name, t] of object.attributes) {
    if (typeEquals(t, want)) continue;
    const conv = getPathConversion(t, want, unsafe);
    if (!conv) return null;
    convs.set(name, conv);
  }
  return (val, path) => {
    let elems = new Map<string, Value>();
    for (const [name, e] of val.entries()) {
      const conv = convs.get(name);
      elems.set(name, conv ? conv(e, [...path, keyStep(name)]) : e);
    }
    if (want.kind === 'list' || want.kind === 'set' || want.kind === 'map' || want.kind === 'object') {
      elems = unifyMapElements(elems, path, unsafe);
    }
    return mapValue(elems, path, 'attribute');
  };
}

export function conversionMapToObject(map: MapType, object: ObjectType, unsafe: boolean): PathConversion | null {
  // undefined: no conversion needed; null: only possible while the optional attribute is absent.
  const convs = new Map<string, PathConversion | null>();
  for (const [name, t] of object.attributes) {
    if (typeEquals(t, map.element)) continue;
    const conv = getPathConversion(map.element, t, unsafe);
    if (!conv && !(object.optional.has(name) && unsafe)) return null;
    convs.set(name, conv);
  }
  return (val, path) => {
    const attrs = new Map<string, Value>();
    for (const [name, e] of val.entries()) {
      if (!object.attributes.has(name)) continue;
      let v = e;
      const conv = convs.get(name);
      if (conv) v = conv(e, [...path, keyStep(name)]);
      else if (conv === null) {
        const detail = mismatchMessage(e.type, object.attributes.get(name)!);
        throw conversionFailure(path, `map element type is incompatible with attribute "${name}": ${detail}`);
      }
      attrs.set(name, stripNull(v));
    }
    for (const [name, t] of object.attributes) {
      if (attrs.has(name)) continue;
      if (!object.optional.has(name))
        throw conversionFailure(path, `map has no element for required attribute "${name}"`);
      attrs.set(name, Value.null(t));
    }
    return Value.object(attrs);
  };
}

export function conversionObjectToObject(from: ObjectType, to: ObjectType, unsafe: boolean): PathConversion | null {
  const convs = new Map<string, PathConversion | null>();
  for (const [name, outT] of to.attributes) {
    const inT = from.attributes.get(name);
    if (!inT) {
      if (to.optional.has(name)) continue;
      return null;
    }
    if (typeEquals(inT, outT)) {
      convs.set(name, null);
      continue;
    }
    const conv = getPathConversion(inT, outT, unsafe);
    if (!conv) return null;
    convs.set(name, conv);
  }
  return (val, path) => {
    const attrs = new Map<string, Value>();
    for (const [name, e] of val.entries()) {
      const conv = convs.get(name);
      if (conv === undefined) continue;
      attrs.set(name, stripNull(conv ? conv(e, [...path, attrStep(name)]) : e));
    }
    for (const name of to.optional) {
      if (!attrs.has(name)) attrs.set(name, Value.null(withoutOptionalAttributesDeep(to.attributes.get(name)!)));
    }
    return Value.object(attrs);
  };
}

export function conversionTupleToTuple(from: TupleType, to: TupleType, unsafe: boolean): PathConversion | null {
  if (from.elements.length !== to.elements.length) return null;
  const convs: (PathConversion | null)[] = [];
  for (const [i, outT] of to.elements.entries()) {
    const inT = from.elements[i]!;
    if (typeEquals(inT, outT)) {
      convs.push(null);
      continue;
    }
    const conv = getPathConversion(inT, outT, unsafe);
    if (!conv) return null;
    convs.push(conv);
  }
  return (val, path) =>
    Value.tuple(
      val.elements().map((e, i) => {
        const conv = convs[i];
        return conv ? conv(e, [...path, indexStep(i)]) : e;
      }),
    );
}

/** cty conversionUnifyCollectionElements: map elements converted to one unified type. */
function unifyMapElements(
  elems: ReadonlyMap<string, Value>,
  path: readonly PathStep[],
  unsafe: boolean,
): Map<string, Value> {
  const unified = unifyTypes(
    [...elems.values()].map((e) => e.type),
    unsafe,
  );
  if (!unified) throw conversionFailure(path, 'cannot find a common base type for all elements');
  const out = new Map<string, Value>();
  for (const [k, e] of elems) {
    if (typeEquals(e.type, unified.type)) out.set(k, e);
    else out.set(k, getPathConversion(e.type, unified.type, unsafe)!(e, [...path, keyStep(k)]));
  }
  return out;
}

/** cty conversionUnifyListElements: list elements converted to one unified type. */
function unifyListElements(elems: readonly Value[], path: readonly PathStep[], unsafe: boolean): Value[] {
  const unified = unifyTypes(
    elems.map((e) => e.type),
    unsafe,
  );
  if (!unified) throw conversionFailure(path, 'cannot find a common base type for all elements');
  return elems.map((e, i) =>
    typeEquals(e.type, unified.type) ? e : getPathConversion(e.type, unified.type, unsafe)!(e, [...path, indexStep(i)]),
  );
}
