import { z } from 'zod';
import type { Type } from '../../eval/types.js';
import type { BodySchema } from '../../hcl/schema.js';
import { ctyTypeOf } from './cty-type.js';
import { roleOf, unwrap } from './meta.js';

/*
 * What HCL needs to know about a zod object: its attributes with their cty
 * types, its nested block types with their own specs, and the BodySchema to
 * ask a body for (hcldec's ObjectSpec).
 */

export type FieldSpec =
  | {
      readonly name: string;
      readonly role: 'attribute';
      readonly schema: z.ZodType;
      readonly type: Type;
      readonly required: boolean;
    }
  | {
      readonly name: string;
      readonly role: 'block' | 'blocks';
      readonly schema: z.ZodType;
      readonly nested: ObjectSpec;
    };

export interface ObjectSpec {
  readonly fields: readonly FieldSpec[];
  readonly bodySchema: BodySchema;
}

const cache = new WeakMap<z.ZodObject, ObjectSpec>();

export function objectSpec(object: z.ZodObject): ObjectSpec {
  const cached = cache.get(object);
  if (cached) return cached;
  const fields = Object.entries(object.shape).map(([name, schema]) => fieldSpec(name, schema as z.ZodType));
  const spec: ObjectSpec = {
    fields,
    bodySchema: {
      attributes: fields.flatMap((f) => (f.role === 'attribute' ? [{ name: f.name, required: f.required }] : [])),
      blocks: fields.flatMap((f) => (f.role === 'attribute' ? [] : [{ type: f.name, labelNames: [] }])),
    },
  };
  cache.set(object, spec);
  return spec;
}

function fieldSpec(name: string, schema: z.ZodType): FieldSpec {
  const role = roleOf(schema);
  if (role === 'attribute' || role === 'required') {
    return { name, role: 'attribute', schema, type: ctyTypeOf(schema), required: role === 'required' };
  }
  const inner = unwrap(schema);
  const object = inner instanceof z.ZodArray ? unwrap(inner.element as z.ZodType) : inner;
  if (!(object instanceof z.ZodObject)) throw new Error(`block field ${name} is not an object`);
  return { name, role, schema, nested: objectSpec(object) };
}
