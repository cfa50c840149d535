/*
 * cty-like types. Types are plain immutable objects compared structurally with
 * typeEquals; `dynamic` is cty.DynamicPseudoType (any type, used for unknowns and
 * for type constraints).
 */

export type Type = PrimitiveType | DynamicType | ListType | SetType | MapType | TupleType | ObjectType;

export interface PrimitiveType {
  readonly kind: 'string' | 'number' | 'bool';
}
export interface DynamicType {
  readonly kind: 'dynamic';
}
export interface ListType {
  readonly kind: 'list';
  readonly element: Type;
}
export interface SetType {
  readonly kind: 'set';
  readonly element: Type;
}
export interface MapType {
  readonly kind: 'map';
  readonly element: Type;
}
export interface TupleType {
  readonly kind: 'tuple';
  readonly elements: readonly Type[];
}
export interface ObjectType {
  readonly kind: 'object';
  /** Attribute types; iterate in sorted key order (see objectOf). */
  readonly attributes: ReadonlyMap<string, Type>;
  /** Attributes declared with optional() in a type constraint. */
  readonly optional: ReadonlySet<string>;
}

export const StringType: PrimitiveType = { kind: 'string' };
export const NumberType: PrimitiveType = { kind: 'number' };
export const BoolType: PrimitiveType = { kind: 'bool' };
export const DynamicPseudoType: DynamicType = { kind: 'dynamic' };

export function listOf(element: Type): ListType {
  return { kind: 'list', element };
}
export function setOf(element: Type): SetType {
  return { kind: 'set', element };
}
export function mapOf(element: Type): MapType {
  return { kind: 'map', element };
}
export function tupleOf(elements: readonly Type[]): TupleType {
  return { kind: 'tuple', elements };
}
export function objectOf(
  attributes: Readonly<Record<string, Type>> | ReadonlyMap<string, Type>,
  optional: Iterable<string> = [],
): ObjectType {
  const entries = attributes instanceof Map ? [...attributes] : Object.entries(attributes);
  entries.sort(([a], [b]) => compareStrings(a, b));
  return { kind: 'object', attributes: new Map(entries), optional: new Set(optional) };
}
export const EmptyObjectType: ObjectType = objectOf({});
export const EmptyTupleType: TupleType = tupleOf([]);

/** Byte-wise (code unit) ordering, as Go's sort.Strings orders cty's keys. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function isPrimitive(t: Type): t is PrimitiveType {
  return t.kind === 'string' || t.kind === 'number' || t.kind === 'bool';
}
export function isCollection(t: Type): t is ListType | SetType | MapType {
  return t.kind === 'list' || t.kind === 'set' || t.kind === 'map';
}
export function isStructural(t: Type): t is TupleType | ObjectType {
  return t.kind === 'tuple' || t.kind === 'object';
}

export function typeEquals(a: Type, b: Type): boolean {
  if (a === b) return true;
  switch (a.kind) {
    case 'string':
    case 'number':
    case 'bool':
    case 'dynamic':
      return a.kind === b.kind;
    case 'list':
    case 'set':
    case 'map':
      return b.kind === a.kind && typeEquals(a.element, (b as ListType).element);
    case 'tuple':
      return (
        b.kind === 'tuple' &&
        a.elements.length === b.elements.length &&
        a.elements.every((t, i) => typeEquals(t, b.elements[i]!))
      );
    case 'object': {
      if (b.kind !== 'object' || a.attributes.size !== b.attributes.size) return false;
      for (const [name, t] of a.attributes) {
        const other = b.attributes.get(name);
        if (!other || !typeEquals(t, other)) return false;
      }
      if (a.optional.size !== b.optional.size) return false;
      for (const name of a.optional) if (!b.optional.has(name)) return false;
      return true;
    }
  }
}

/** True when the type is or contains DynamicPseudoType. */
export function hasDynamicTypes(t: Type): boolean {
  switch (t.kind) {
    case 'dynamic':
      return true;
    case 'list':
    case 'set':
    case 'map':
      return hasDynamicTypes(t.element);
    case 'tuple':
      return t.elements.some(hasDynamicTypes);
    case 'object':
      return [...t.attributes.values()].some(hasDynamicTypes);
    default:
      return false;
  }
}

/** cty's Type.FriendlyName: the wording used in error messages ("list of string"). */
export function friendlyName(t: Type): string {
  switch (t.kind) {
    case 'list':
    case 'set':
    case 'map':
      return `${t.kind} of ${friendlyName(t.element)}`;
    default:
      return t.kind;
  }
}

/** cty's Type.FriendlyNameForConstraint: how a type constraint is described ("any type"). */
export function friendlyNameForConstraint(t: Type): string {
  switch (t.kind) {
    case 'dynamic':
      return 'any type';
    case 'list':
    case 'set':
    case 'map':
      return t.element.kind === 'dynamic'
        ? `${t.kind} of any single type`
        : `${t.kind} of ${friendlyNameForConstraint(t.element)}`;
    default:
      return t.kind;
  }
}

/** The HCL type-expression syntax for a type, as typeexpr.TypeString writes it. */
export function typeString(t: Type): string {
  switch (t.kind) {
    case 'dynamic':
      return 'any';
    case 'list':
    case 'set':
    case 'map':
      return `${t.kind}(${typeString(t.element)})`;
    case 'tuple':
      return `tuple([${t.elements.map(typeString).join(', ')}])`;
    case 'object': {
      const attrs = [...t.attributes].map(([name, at]) => {
        const inner = typeString(at);
        return `${name}=${t.optional.has(name) ? `optional(${inner})` : inner}`;
      });
      return `object({${attrs.join(', ')}})`;
    }
    default:
      return t.kind;
  }
}
