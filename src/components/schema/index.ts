/*
 * The component schema framework: declare a component once with zod
 * (defineComponent, block, blocks, required, duration) and derive its HCL
 * decoding (decodeComponent), Prepare diagnostics, JSON Schema and docs table.
 */

export { decodeErrorPrefix, defineComponent, type ComponentKind, type ComponentSpec } from './component.js';
export {
  decodeComponent,
  decodeComponentInput,
  parseComponentInput,
  type ComponentInput,
  type DecodedComponent,
} from './decode.js';
export { componentDocs } from './docs.js';
export { duration } from './duration.js';
export { componentJsonSchema } from './json-schema.js';
export { block, blocks, required } from './meta.js';
export { multiErrorText, prepareDiagnostics, PrepareErrors, type PrepareResult } from './prepare.js';
export type { FieldPath } from './to-plain.js';
export { renderConfigEntries, renderConfigTemplates, type Rendered } from './render-templates.js';
export type { InterpolateOptions } from './component.js';
