import { formatNumber } from './number-text.js';
import type { Num } from './number.js';
import { BoolType, hasDynamicTypes, typeEquals, type Type } from './types.js';
import { canonicalKey, Value } from './value.js';

/*
 * Value equality as cty's Value.Equals: a bool value, unknown when the answer
 * depends on unknown values, with the marks of both operands.
 */

const True = Value.bool(true);
const False = Value.bool(false);
const UnknownBool = Value.unknown(BoolType);

/** cty Value.Equals. Nulls of any type are equal; values of different types are not. */
export function equals(a: Value, b: Value): Value {
  if (containsMarked(a) || containsMarked(b)) {
    const [ua, deepA] = a.unmarkDeep();
    const [ub, deepB] = b.unmarkDeep();
    // Comparing with null only depends on the top level, so only its marks count.
    const oneNull = a.isNull() !== b.isNull();
    const aMarks = oneNull ? a.marks : deepA;
    const bMarks = oneNull ? b.marks : deepB;
    return equals(ua, ub).withMarks(aMarks).withMarks(bMarks);
  }

  // Without refinements an unknown may still turn out null.
  if (a.isNull() && b.isKnown() && !b.isNull()) return False;
  if (b.isNull() && a.isKnown() && !a.isNull()) return False;

  if (!a.isKnown() || !b.isKnown()) {
    if (!a.isKnown() && !b.isKnown()) return UnknownBool;
    const [known, unknown] = a.isKnown() ? [a, b] : [b, a];
    if (known.isNull() || hasDynamicTypes(unknown.type)) return UnknownBool;
    return typeEquals(known.type, unknown.type) ? UnknownBool : False;
  }

  if (a.isNull() && b.isNull()) return True;
  if (a.isNull() || b.isNull()) return False;

  if (!hasWhollyKnownType(a) || !hasWhollyKnownType(b)) {
    // Even with dynamic parts some types can never come to agree.
    if (!conforms(a.type, b.type) && !conforms(b.type, a.type)) return False;
    return UnknownBool;
  }
  if (!typeEquals(a.type, b.type)) return False;
  return knownEquals(a, b);
}

/** True when the two values are equal (false when unknown): a convenience for callers. */
export function equalsTrue(a: Value, b: Value): boolean {
  const eq = equals(a, b);
  return eq.isKnown() && eq.asBool();
}

function knownEquals(a: Value, b: Value): Value {
  switch (a.type.kind) {
    case 'number':
      return Value.bool(numbersEqual(a.asNumber(), b.asNumber()));
    case 'bool':
      return Value.bool(a.asBool() === b.asBool());
    case 'string':
      return Value.bool(a.asString() === b.asString());
    case 'set':
      return setsEqual(a, b);
    case 'list':
    case 'tuple': {
      const ae = a.elements();
      const be = b.elements();
      if (ae.length !== be.length) return False;
      return allEqual(ae.map((e, i) => [e, be[i]!]));
    }
    case 'map':
    case 'object': {
      const ae = a.entries();
      const be = b.entries();
      if (ae.size !== be.size) return False;
      const pairs: [Value, Value][] = [];
      for (const [k, e] of ae) {
        const other = be.get(k);
        if (!other) return False;
        pairs.push([e, other]);
      }
      return allEqual(pairs);
    }
    default:
      return False;
  }
}

/** Pairwise equality in order: the first unknown or false comparison decides. */
function allEqual(pairs: readonly [Value, Value][]): Value {
  for (const [x, y] of pairs) {
    const eq = equals(x, y);
    if (!eq.isKnown()) return UnknownBool;
    if (!eq.asBool()) return False;
  }
  return True;
}

function setsEqual(a: Value, b: Value): Value {
  const ae = a.elements();
  const be = b.elements();
  if ([...ae, ...be].some((e) => !e.isKnown())) return UnknownBool;
  const aKeys = new Set(ae.map(canonicalKey));
  const bKeys = new Set(be.map(canonicalKey));
  return Value.bool(aKeys.size === bKeys.size && [...aKeys].every((k) => bKeys.has(k)));
}

/** cty rawNumberEqual: integers compare exactly, others by their decimal text. */
export function numbersEqual(a: Num, b: Num): boolean {
  if (a.isZero() && b.isZero()) return true;
  if (a.isInteger() !== b.isInteger()) return false;
  if (a.isInteger()) return a.eq(b);
  return formatNumber(a) === formatNumber(b);
}

function containsMarked(v: Value): boolean {
  if (v.isMarked()) return true;
  if (!v.isKnown() || v.isNull()) return false;
  switch (v.type.kind) {
    case 'list':
    case 'set':
    case 'tuple':
      return v.elements().some(containsMarked);
    case 'map':
    case 'object':
      return [...v.entries().values()].some(containsMarked);
    default:
      return false;
  }
}

/** cty HasWhollyKnownType: no unknown value of a dynamic type anywhere inside. */
function hasWhollyKnownType(v: Value): boolean {
  if (v.isNull()) return true;
  if (!v.isKnown()) return !hasDynamicTypes(v.type);
  switch (v.type.kind) {
    case 'list':
    case 'set':
    case 'tuple':
      return v.elements().every(hasWhollyKnownType);
    case 'map':
    case 'object':
      return [...v.entries().values()].every(hasWhollyKnownType);
    default:
      return true;
  }
}

/** cty Type.TestConformance (no errors): `t` matches `want`, dynamic parts of want matching anything. */
export function conforms(t: Type, want: Type): boolean {
  if (want.kind === 'dynamic') return true;
  switch (want.kind) {
    case 'list':
    case 'set':
    case 'map':
      return t.kind === want.kind && conforms(t.element, want.element);
    case 'tuple':
      return (
        t.kind === 'tuple' &&
        t.elements.length === want.elements.length &&
        t.elements.every((e, i) => conforms(e, want.elements[i]!))
      );
    case 'object':
      if (t.kind !== 'object' || t.attributes.size !== want.attributes.size) return false;
      for (const [k, wt] of want.attributes) {
        const at = t.attributes.get(k);
        if (!at || !conforms(at, wt)) return false;
      }
      return true;
    default:
      return t.kind === want.kind;
  }
}
