import type { z } from 'zod';
import {
  BoolType,
  DynamicPseudoType,
  NumberType,
  StringType,
  listOf,
  mapOf,
  objectOf,
  type Type,
} from '../../eval/types.js';
import { defOf, unwrap } from './meta.js';

/*
 * The cty type an attribute's value is converted to before zod sees it, derived
 * from the zod type: string, number, bool, list(T), map(T), object({...}) and
 * any (z.unknown()). Transforms are typed by their input, so duration() is a string.
 */

export function ctyTypeOf(schema: z.ZodType): Type {
  const def = defOf(unwrap(schema));
  switch (def.type) {
    case 'string':
    case 'enum':
    case 'template_literal':
      return StringType;
    case 'number':
      return NumberType;
    case 'boolean':
      return BoolType;
    case 'literal':
      return literalType(def.values);
    case 'array':
      return listOf(ctyTypeOf(def.element as z.ZodType));
    case 'record':
      return mapOf(ctyTypeOf(def.valueType as z.ZodType));
    case 'object': {
      const attrs = new Map<string, Type>();
      const optional: string[] = [];
      for (const [name, field] of Object.entries(def.shape)) {
        attrs.set(name, ctyTypeOf(field as z.ZodType));
        if ((field as z.ZodType).safeParse(undefined).success) optional.push(name);
      }
      return objectOf(attrs, optional);
    }
    case 'any':
    case 'unknown':
      return DynamicPseudoType;
    default:
      throw new Error(`no HCL type for zod type ${def.type}`);
  }
}

function literalType(values: readonly unknown[]): Type {
  const kinds = new Set(values.map((v) => typeof v));
  if (kinds.size === 1 && kinds.has('number')) return NumberType;
  if (kinds.size === 1 && kinds.has('boolean')) return BoolType;
  return StringType;
}
