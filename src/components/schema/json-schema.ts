import { z } from 'zod';
import type { ComponentSpec } from './component.js';

/** The JSON Schema of what may be written in the component's block, for editors. */
export function componentJsonSchema(spec: ComponentSpec<unknown>): Record<string, unknown> {
  return {
    title: `${spec.kind} "${spec.type}"`,
    ...z.toJSONSchema(spec.schema, { io: 'input', unrepresentable: 'any' }),
  };
}
