import { num, type Num } from './number.js';
import {
  BoolType,
  DynamicPseudoType,
  NumberType,
  StringType,
  compareStrings,
  friendlyName,
  listOf,
  mapOf,
  objectOf,
  setOf,
  tupleOf,
  typeEquals,
  type Type,
} from './types.js';

/*
 * cty-like values: immutable, typed, possibly null or unknown, possibly marked
 * (e.g. "sensitive"). Collections keep marks on their elements; operations that
 * read a marked value must carry its marks onto their result (see withMarksOf).
 */

export const Sensitive = 'sensitive';
export type Marks = ReadonlySet<string>;
const NoMarks: Marks = new Set();

type Payload = string | Num | boolean | readonly Value[] | ReadonlyMap<string, Value> | undefined;
type State = 'known' | 'null' | 'unknown';

export class Value {
  private constructor(
    readonly type: Type,
    private readonly payload: Payload,
    private readonly state: State,
    readonly marks: Marks,
  ) {}

  /* ---- constructors ---- */

  static string(s: string): Value {
    return new Value(StringType, s.normalize('NFC'), 'known', NoMarks);
  }

  static number(n: number | string | Num): Value {
    return new Value(NumberType, num(n), 'known', NoMarks);
  }

  static bool(b: boolean): Value {
    return new Value(BoolType, b, 'known', NoMarks);
  }

  /** A list; all elements must have the same type (conversion is the caller's job). */
  static list(elements: readonly Value[], elementType?: Type): Value {
    const et = collectionElementType('list', elements, elementType);
    return new Value(listOf(et), [...elements], 'known', NoMarks);
  }

  static set(elements: readonly Value[], elementType?: Type): Value {
    const et = collectionElementType('set', elements, elementType);
    return new Value(setOf(et), normaliseSet(elements), 'known', NoMarks);
  }

  static map(entries: Readonly<Record<string, Value>> | ReadonlyMap<string, Value>, elementType?: Type): Value {
    const sorted = sortedEntries(entries);
    const et = collectionElementType(
      'map',
      sorted.map(([, v]) => v),
      elementType,
    );
    return new Value(mapOf(et), new Map(sorted), 'known', NoMarks);
  }

  static tuple(elements: readonly Value[]): Value {
    return new Value(tupleOf(elements.map((e) => e.type)), [...elements], 'known', NoMarks);
  }

  static object(attributes: Readonly<Record<string, Value>> | ReadonlyMap<string, Value>): Value {
    const sorted = sortedEntries(attributes);
    const type = objectOf(new Map(sorted.map(([k, v]) => [k, v.type])));
    return new Value(type, new Map(sorted), 'known', NoMarks);
  }

  static null(type: Type): Value {
    return new Value(type, undefined, 'null', NoMarks);
  }

  static unknown(type: Type): Value {
    return new Value(type, undefined, 'unknown', NoMarks);
  }

  /* ---- state ---- */

  isNull(): boolean {
    return this.state === 'null';
  }

  isKnown(): boolean {
    return this.state !== 'unknown';
  }

  /** Known all the way down (cty IsWhollyKnown). */
  isWhollyKnown(): boolean {
    if (this.state === 'unknown') return false;
    if (this.state === 'null') return true;
    if (Array.isArray(this.payload)) return (this.payload as readonly Value[]).every((v) => v.isWhollyKnown());
    if (this.payload instanceof Map) return [...this.payload.values()].every((v) => v.isWhollyKnown());
    return true;
  }

  /* ---- marks ---- */

  isMarked(): boolean {
    return this.marks.size > 0;
  }

  hasMark(mark: string): boolean {
    return this.marks.has(mark);
  }

  mark(mark: string): Value {
    if (this.marks.has(mark)) return this;
    return new Value(this.type, this.payload, this.state, new Set([...this.marks, mark]));
  }

  withMarks(marks: Iterable<string>): Value {
    const merged = new Set([...this.marks, ...marks]);
    if (merged.size === this.marks.size) return this;
    return new Value(this.type, this.payload, this.state, merged);
  }

  /** The value without its own marks, and those marks. Nested marks stay. */
  unmark(): [Value, Marks] {
    if (this.marks.size === 0) return [this, NoMarks];
    return [new Value(this.type, this.payload, this.state, NoMarks), this.marks];
  }

  /** The value without any marks at any depth, and all marks found. */
  unmarkDeep(): [Value, Marks] {
    const found = new Set<string>();
    const strip = (v: Value): Value => {
      for (const m of v.marks) found.add(m);
      let payload = v.payload;
      if (v.state === 'known' && Array.isArray(payload)) payload = (payload as readonly Value[]).map(strip);
      else if (v.state === 'known' && payload instanceof Map)
        payload = new Map([...payload].map(([k, e]) => [k, strip(e)] as const));
      return new Value(v.type, payload, v.state, NoMarks);
    };
    const stripped = strip(this);
    return [stripped, found];
  }

  /** True when this value or anything inside it carries the mark. */
  hasMarkDeep(mark: string): boolean {
    if (this.marks.has(mark)) return true;
    if (this.state !== 'known') return false;
    if (Array.isArray(this.payload)) return (this.payload as readonly Value[]).some((v) => v.hasMarkDeep(mark));
    if (this.payload instanceof Map) return [...this.payload.values()].some((v) => v.hasMarkDeep(mark));
    return false;
  }

  /* ---- access (known, non-null values only; misuse is a programmer error) ---- */

  asString(): string {
    return this.known('string') as string;
  }

  asNumber(): Num {
    return this.known('number') as Num;
  }

  asBool(): boolean {
    return this.known('bool') as boolean;
  }

  /** Elements of a list, set or tuple, in order (sets in cty's canonical order). */
  elements(): readonly Value[] {
    const p = this.knownPayload();
    if (!Array.isArray(p)) throw new Error(`elements() on ${friendlyName(this.type)}`);
    return p as readonly Value[];
  }

  /** Entries of a map or object, sorted by key. */
  entries(): ReadonlyMap<string, Value> {
    const p = this.knownPayload();
    if (!(p instanceof Map)) throw new Error(`entries() on ${friendlyName(this.type)}`);
    return p;
  }

  /** Number of elements/entries of a known collection or structure. */
  length(): number {
    const p = this.knownPayload();
    if (Array.isArray(p)) return p.length;
    if (p instanceof Map) return p.size;
    throw new Error(`length() on ${friendlyName(this.type)}`);
  }

  /** Attribute of a known object, or undefined if absent. */
  attr(name: string): Value | undefined {
    return this.entries().get(name);
  }

  private known(kind: Type['kind']): Payload {
    if (this.type.kind !== kind) throw new Error(`expected ${kind}, have ${friendlyName(this.type)}`);
    return this.knownPayload();
  }

  private knownPayload(): Payload {
    if (this.state !== 'known') throw new Error(`value is ${this.state}`);
    return this.payload;
  }

  /** Debug rendering for test failure messages; not a user-facing format. */
  toString(): string {
    const marks = this.marks.size ? `.mark(${[...this.marks].join(',')})` : '';
    if (this.state === 'null') return `null(${friendlyName(this.type)})${marks}`;
    if (this.state === 'unknown') return `unknown(${friendlyName(this.type)})${marks}`;
    const p = this.payload;
    let body: string;
    if (typeof p === 'string') body = JSON.stringify(p);
    else if (typeof p === 'boolean') body = String(p);
    else if (Array.isArray(p)) body = `${this.type.kind}[${(p as readonly Value[]).join(', ')}]`;
    else if (p instanceof Map) body = `${this.type.kind}{${[...p].map(([k, v]) => `${k}: ${v}`).join(', ')}}`;
    else body = (p as Num).toString();
    return body + marks;
  }
}

export const DynamicVal = Value.unknown(DynamicPseudoType);
export const EmptyObject = Value.object({});
export const EmptyTuple = Value.tuple([]);

function collectionElementType(kind: string, elements: readonly Value[], declared?: Type): Type {
  if (elements.length === 0) {
    if (!declared) throw new Error(`empty ${kind} needs an element type`);
    return declared;
  }
  const first = declared ?? elements[0]!.type;
  for (const e of elements) {
    if (!typeEquals(e.type, first))
      throw new Error(`inconsistent ${kind} element types: ${friendlyName(first)} vs ${friendlyName(e.type)}`);
  }
  return first;
}

function sortedEntries(entries: Readonly<Record<string, Value>> | ReadonlyMap<string, Value>): [string, Value][] {
  const list = entries instanceof Map ? [...entries] : Object.entries(entries);
  return list.sort(([a], [b]) => compareStrings(a, b));
}

/**
 * Sets hold distinct values in cty's canonical order: numbers ascending, strings
 * lexically, false before true, other values by their canonical key.
 */
function normaliseSet(elements: readonly Value[]): Value[] {
  const byKey = new Map<string, Value>();
  for (const e of elements) {
    const key = canonicalKey(e);
    if (!byKey.has(key) || !e.isKnown()) byKey.set(e.isKnown() ? key : `${key}#${byKey.size}`, e);
  }
  return [...byKey.values()].sort(compareSetElements);
}

function compareSetElements(a: Value, b: Value): number {
  if (!a.isKnown() || !b.isKnown() || a.isNull() || b.isNull()) return 0;
  if (a.type.kind === 'number' && b.type.kind === 'number') return a.asNumber().cmp(b.asNumber());
  if (a.type.kind === 'string' && b.type.kind === 'string') return compareStrings(a.asString(), b.asString());
  if (a.type.kind === 'bool' && b.type.kind === 'bool') return Number(a.asBool()) - Number(b.asBool());
  return compareStrings(canonicalKey(a), canonicalKey(b));
}

/** A string identifying a value's content (type-aware, marks excluded), for set identity. */
export function canonicalKey(v: Value): string {
  if (v.isNull()) return 'null';
  if (!v.isKnown()) return '?';
  switch (v.type.kind) {
    case 'string':
      return JSON.stringify(v.asString());
    case 'number':
      return `n${v.asNumber().toString()}`;
    case 'bool':
      return v.asBool() ? 'true' : 'false';
    case 'list':
    case 'set':
    case 'tuple':
      return `[${v.elements().map(canonicalKey).join(',')}]`;
    default:
      return `{${[...v.entries()].map(([k, e]) => `${JSON.stringify(k)}:${canonicalKey(e)}`).join(',')}}`;
  }
}

/** Structural identity including type, null/unknown state and marks (cty RawEquals). */
export function rawEquals(a: Value, b: Value): boolean {
  if (!typeEquals(a.type, b.type)) return false;
  if (a.isNull() !== b.isNull() || a.isKnown() !== b.isKnown()) return false;
  if (a.marks.size !== b.marks.size || [...a.marks].some((m) => !b.marks.has(m))) return false;
  if (a.isNull() || !a.isKnown()) return true;
  switch (a.type.kind) {
    case 'string':
      return a.asString() === b.asString();
    case 'number':
      return a.asNumber().eq(b.asNumber());
    case 'bool':
      return a.asBool() === b.asBool();
    case 'list':
    case 'set':
    case 'tuple': {
      const ae = a.elements();
      const be = b.elements();
      return ae.length === be.length && ae.every((e, i) => rawEquals(e, be[i]!));
    }
    default: {
      const ae = a.entries();
      const be = b.entries();
      if (ae.size !== be.size) return false;
      for (const [k, e] of ae) {
        const other = be.get(k);
        if (!other || !rawEquals(e, other)) return false;
      }
      return true;
    }
  }
}

/** Returns `result` carrying the marks of every operand (marks propagate through operations). */
export function withMarksOf(result: Value, ...operands: readonly Value[]): Value {
  let out = result;
  for (const o of operands) if (o.marks.size) out = out.withMarks(o.marks);
  return out;
}
