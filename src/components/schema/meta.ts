import { z } from 'zod';

/*
 * How HCL sees each field of a component schema. A field is an attribute
 * unless declared with block() (at most one nested block, hcldec.BlockSpec) or
 * blocks() (repeated blocks decoded to a list, hcldec.BlockListSpec).
 * required() marks an attribute hcldec would report as missing.
 *
 * The role is kept in a registry keyed by the inner schema, because zod's
 * .optional(), .default() and .describe() return new schema objects; lookups
 * unwrap those wrappers until they find an entry.
 */

export type HclRole = 'attribute' | 'required' | 'block' | 'blocks';

const roles = z.registry<{ readonly role: HclRole }>();

/** A nested block that may appear once: `build { ... }`. Absent, the field is undefined. */
export function block<S extends z.ZodRawShape>(shape: S) {
  const object = z.object(shape);
  roles.add(object, { role: 'block' });
  return object.optional();
}

/** A block type that may repeat: `tag { ... }` twice gives a list of two objects. */
export function blocks<S extends z.ZodRawShape>(shape: S) {
  const list = z.array(z.object(shape));
  roles.add(list, { role: 'blocks' });
  return list.default(() => []);
}

/** An attribute that must be present (hcldec's Required: true). */
export function required<T extends z.ZodType>(schema: T): T {
  roles.add(schema, { role: 'required' });
  return schema;
}

/** The role of a field's schema; plain attributes are not registered. */
export function roleOf(schema: z.ZodType): HclRole {
  for (let s: z.ZodType | undefined = schema; s; s = unwrapOnce(s)) {
    const entry = roles.get(s);
    if (entry) return entry.role;
  }
  return 'attribute';
}

/** The zod definition of a schema, typed by its kind. */
export function defOf(schema: z.ZodType): z.core.$ZodTypes['_zod']['def'] {
  return (schema as unknown as z.core.$ZodTypes)._zod.def;
}

/** The schema inside a wrapper (optional, default, pipe input ...), or undefined. */
export function unwrapOnce(schema: z.ZodType): z.ZodType | undefined {
  const def = defOf(schema);
  switch (def.type) {
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'nonoptional':
    case 'readonly':
    case 'catch':
      return def.innerType as z.ZodType;
    case 'pipe':
      return def.in as z.ZodType;
    default:
      return undefined;
  }
}

/** The innermost schema under all wrappers. */
export function unwrap(schema: z.ZodType): z.ZodType {
  let s = schema;
  for (let inner = unwrapOnce(s); inner; inner = unwrapOnce(s)) s = inner;
  return s;
}

/** The value .default() gives, if any wrapper of the schema has one. */
export function defaultOf(schema: z.ZodType): { readonly value: unknown } | undefined {
  for (let s: z.ZodType | undefined = schema; s; s = unwrapOnce(s)) {
    const def = defOf(s);
    if (def.type === 'default') return { value: def.defaultValue };
  }
  return undefined;
}

/** The .describe() text of the schema or of a schema it wraps. */
export function descriptionOf(schema: z.ZodType): string | undefined {
  for (let s: z.ZodType | undefined = schema; s; s = unwrapOnce(s)) {
    if (s.description !== undefined) return s.description;
  }
  return undefined;
}
