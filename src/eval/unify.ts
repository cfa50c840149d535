import { getConversion, type Conversion } from './convert.js';
import {
  DynamicPseudoType,
  isPrimitive,
  listOf,
  mapOf,
  objectOf,
  setOf,
  tupleOf,
  typeEquals,
  type ListType,
  type ObjectType,
  type TupleType,
  type Type,
} from './types.js';
import { DynamicVal } from './value.js';

/*
 * Type unification as cty's convert.Unify: the most general type all given
 * types convert to, used for conditional results, collection literals and
 * functions that combine collections.
 */

/** A unified type and, per input type, the conversion to it (undefined when none is needed). */
export interface Unified {
  readonly type: Type;
  readonly conversions: readonly (Conversion | undefined)[];
}

/** cty convert.Unify: the type all given types can safely convert to, or null. */
export function unify(types: readonly Type[]): Unified | null {
  return unifyTypes(types, false);
}

/** cty convert.UnifyUnsafe: as unify, allowing unsafe conversions. */
export function unifyUnsafe(types: readonly Type[]): Unified | null {
  return unifyTypes(types, true);
}

export function unifyTypes(types: readonly Type[], unsafe: boolean): Unified | null {
  if (types.length === 0) return null;

  // Types of one structural kind may unify to a new type that none of them is.
  const count = { map: 0, list: 0, set: 0, object: 0, tuple: 0, dynamic: 0 };
  for (const t of types) if (t.kind in count) count[t.kind as keyof typeof count]++;
  const n = types.length;
  if (count.map > 0 && count.map + count.dynamic === n) return unifyCollections(mapOf, types, unsafe, count.dynamic);
  if (count.map > 0 && count.map + count.object + count.dynamic === n) {
    const u = unifyObjectsAsMaps(types, unsafe);
    if (u) return u;
  } else if (count.list > 0 && count.list + count.dynamic === n) {
    return unifyCollections(listOf, types, unsafe, count.dynamic);
  } else if (count.list > 0 && count.list + count.tuple + count.dynamic === n) {
    const u = unifyTuplesAsList(types, unsafe);
    if (u) return u;
  } else if (count.set > 0 && count.set + count.dynamic === n) {
    return unifyCollections(setOf, types, unsafe, count.dynamic);
  } else if (count.object > 0 && count.object + count.dynamic === n) {
    return count.dynamic > 0 ? allAsDynamic(types) : unifyObjects(types as ObjectType[], unsafe);
  } else if (count.tuple > 0 && count.tuple + count.dynamic === n) {
    return count.dynamic > 0 ? allAsDynamic(types) : unifyTuples(types as TupleType[], unsafe);
  } else if (count.object > 0 && count.tuple > 0) {
    return null;
  }

  // Otherwise the first type, in order of preference, that all others convert to.
  for (const wantIdx of sortTypes(types)) {
    const want = types[wantIdx]!;
    const conversions = convertAllTo(types, want, unsafe);
    if (conversions) return { type: want, conversions };
  }
  return null;
}

/** Conversions of every type to `want` (undefined where equal), or null if one is impossible. */
function convertAllTo(types: readonly Type[], want: Type, unsafe: boolean): (Conversion | undefined)[] | null {
  const conversions: (Conversion | undefined)[] = [];
  for (const t of types) {
    if (typeEquals(t, want)) {
      conversions.push(undefined);
      continue;
    }
    const conv = getConversion(t, want, unsafe);
    if (!conv) return null;
    conversions.push(conv);
  }
  return conversions;
}

function withConversions(type: Type, types: readonly Type[], unsafe: boolean): Unified | null {
  const conversions = convertAllTo(types, type, unsafe);
  return conversions && { type, conversions };
}

function allAsDynamic(types: readonly Type[]): Unified {
  return { type: DynamicPseudoType, conversions: types.map(() => () => DynamicVal) };
}

function unifyCollections(
  make: (element: Type) => Type,
  types: readonly Type[],
  unsafe: boolean,
  dynamicCount: number,
): Unified | null {
  // Dynamic inputs could become anything, so the result can only be dynamic.
  if (dynamicCount > 0) return allAsDynamic(types);
  const element = unifyTypes(
    types.map((t) => (t as ListType).element),
    unsafe,
  );
  return element && withConversions(make(element.type), types, unsafe);
}

function unifyObjects(types: readonly ObjectType[], unsafe: boolean): Unified | null {
  // Objects with the same attribute names unify attribute by attribute; others only as a map.
  const first = types[0]!.attributes;
  const sameNames = types.every(
    (t) => t.attributes.size === first.size && [...t.attributes.keys()].every((k) => first.has(k)),
  );
  if (!sameNames) return unifyObjectsToMap(types, unsafe);
  const attrs = new Map<string, Type>();
  for (const name of first.keys()) {
    const u = unifyTypes(
      types.map((t) => t.attributes.get(name)!),
      unsafe,
    );
    if (!u) return null;
    attrs.set(name, u.type);
  }
  return withConversions(objectOf(attrs), types, unsafe) ?? unifyObjectsToMap(types, unsafe);
}

function unifyObjectsToMap(types: readonly ObjectType[], unsafe: boolean): Unified | null {
  const element = unifyTypes(
    types.flatMap((t) => [...t.attributes.values()]),
    unsafe,
  );
  return element && withConversions(mapOf(element.type), types, unsafe);
}

function unifyTuples(types: readonly TupleType[], unsafe: boolean): Unified | null {
  const length = types[0]!.elements.length;
  if (types.some((t) => t.elements.length !== length)) return unifyTuplesToList(types, unsafe);
  const elements: Type[] = [];
  for (let i = 0; i < length; i++) {
    const u = unifyTypes(
      types.map((t) => t.elements[i]!),
      unsafe,
    );
    if (!u) return null;
    elements.push(u.type);
  }
  return withConversions(tupleOf(elements), types, unsafe) ?? unifyTuplesToList(types, unsafe);
}

function unifyTuplesToList(types: readonly TupleType[], unsafe: boolean): Unified | null {
  const element = unifyTypes(
    types.flatMap((t) => t.elements),
    unsafe,
  );
  return element && withConversions(listOf(element.type), types, unsafe);
}

/** Unifies the tuples among the types as a list first, then everything with that list. */
function unifyTuplesAsList(types: readonly Type[], unsafe: boolean): Unified | null {
  return unifyPartAs(types, 'tuple', 'list', (part) => unifyTuplesToList(part as TupleType[], unsafe), unsafe);
}

/** Unifies the objects among the types as a map first, then everything with that map. */
function unifyObjectsAsMaps(types: readonly Type[], unsafe: boolean): Unified | null {
  return unifyPartAs(types, 'object', 'map', (part) => unifyObjectsToMap(part as ObjectType[], unsafe), unsafe);
}

function unifyPartAs(
  types: readonly Type[],
  partKind: Type['kind'],
  resultKind: Type['kind'],
  unifyPart: (part: readonly Type[]) => Unified | null,
  unsafe: boolean,
): Unified | null {
  const idxs = types.flatMap((t, i) => (t.kind === partKind ? [i] : []));
  const part = unifyPart(idxs.map((i) => types[i]!));
  if (!part || part.type.kind !== resultKind) return null;
  const replaced = types.map((t) => (t.kind === partKind ? part.type : t));
  const whole = unifyTypes(replaced, unsafe);
  if (!whole || whole.type.kind !== resultKind) return null;
  const conversions = [...whole.conversions];
  idxs.forEach((typeIdx, partIdx) => {
    const first = part.conversions[partIdx];
    const second = conversions[typeIdx];
    conversions[typeIdx] = !first ? second : !second ? first : (v) => second(first(v));
  });
  return { type: whole.type, conversions };
}

/** cty sortTypes: indices of the types, most general first (a topological sort). */
function sortTypes(types: readonly Type[]): number[] {
  const n = types.length;
  const edges: number[][] = types.map(() => []);
  for (let i = 0; i < n - 1; i++) {
    for (let j = i + 1; j < n; j++) {
      const cmp = compareTypes(types[i]!, types[j]!);
      if (cmp < 0) edges[i]!.push(j);
      else if (cmp > 0) edges[j]!.push(i);
    }
  }
  const inDegree = new Array<number>(n).fill(0);
  for (const outs of edges) for (const j of outs) inDegree[j]!++;
  const queue = inDegree.flatMap((d, i) => (d === 0 ? [i] : []));
  for (let q = 0; q < queue.length; q++) {
    for (const j of edges[queue[q]!]!) {
      if (--inDegree[j]! === 0) queue.push(j);
    }
  }
  return queue;
}

/** cty compareTypes: negative when a is more general than b, positive when b is. */
function compareTypes(a: Type, b: Type): number {
  if (a.kind === 'dynamic' || b.kind === 'dynamic') {
    if (a.kind !== 'dynamic') return -1;
    if (b.kind !== 'dynamic') return 1;
    return 0;
  }
  // String is the supertype of the primitives: every primitive can be written as one.
  if (isPrimitive(a) && isPrimitive(b) && (a.kind === 'string' || b.kind === 'string')) {
    if (a.kind !== 'string') return 1;
    if (b.kind !== 'string') return -1;
    return 0;
  }
  if ((a.kind === 'list' || a.kind === 'set' || a.kind === 'map') && b.kind === a.kind) {
    return compareTypes(a.element, (b as ListType).element);
  }

  let [x, y, swap] = [a, b, 1];
  if (
    (a.kind === 'tuple' && b.kind === 'list') ||
    (a.kind === 'object' && b.kind === 'map') ||
    (a.kind === 'set' && b.kind === 'tuple') ||
    (a.kind === 'set' && b.kind === 'list')
  ) {
    [x, y, swap] = [b, a, -1];
  }
  if (y.kind === 'set' && (x.kind === 'tuple' || x.kind === 'list')) return -swap;
  if (x.kind === 'list' && y.kind === 'tuple') return -swap;
  if (x.kind === 'map' && y.kind === 'object') return -swap;

  if (x.kind === 'object' && y.kind === 'object') {
    if (x.attributes.size !== y.attributes.size) return 0;
    const pairs: [Type, Type][] = [];
    for (const [k, t] of x.attributes) {
      const other = y.attributes.get(k);
      if (!other) return 0;
      pairs.push([t, other]);
    }
    return compareMembers(pairs) * swap;
  }
  if (x.kind === 'tuple' && y.kind === 'tuple') {
    if (x.elements.length !== y.elements.length) return 0;
    return compareMembers(x.elements.map((t, i) => [t, y.elements[i]!])) * swap;
  }
  return 0;
}

function compareMembers(pairs: readonly [Type, Type][]): number {
  let aSuper = false;
  let bSuper = false;
  for (const [a, b] of pairs) {
    const cmp = compareTypes(a, b);
    if (cmp < 0) aSuper = true;
    else if (cmp > 0) bSuper = true;
  }
  if (aSuper && bSuper) return 0;
  if (aSuper) return -1;
  if (bSuper) return 1;
  return 0;
}
