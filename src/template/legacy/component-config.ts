import type { ComponentSpec } from '../../components/schema/index.js';
import { multiErrorText } from '../../components/schema/index.js';
import { decodeErrorPrefix, renderConfigEntries } from '../../components/schema/index.js';
import { weakDecodeInto } from '../../components/schema/weak-decode.js';
import type { InterpolateContext } from '../gotemplate/render.js';
import type { JsonObject, JsonValue } from './go-json.js';
import { errorText } from './mapstructure.js';

/*
 * A plugin's Prepare of a legacy JSON config, as the SDK's config.Decode runs
 * it: every string checked and (unless the plugin excludes the key) rendered
 * (renderConfigEntries, shared with HCL2),
 * the raws decoded WeaklyTypedInput into the component's fields (weakDecodeInto,
 * shared with a provisioner's HCL2 override; the same zod schema as HCL),
 * unknown keys refused, then the plugin's own checks.
 */

export interface PreparedComponent {
  /** The decoded config, when there is no error. */
  readonly config?: unknown;
  /** The error text Prepare returns. */
  readonly error?: string;
  readonly warnings: readonly string[];
}

/**
 * config.Decode and the plugin's checks for `raws` (the config, then a
 * provisioner's override for this build), already merged with Packer's
 * common keys in `core`.
 */
export function prepareRawComponent(
  spec: ComponentSpec<unknown>,
  raws: readonly JsonObject[],
  ctx: InterpolateContext,
  core: Record<string, unknown>,
): PreparedComponent {
  const filter = spec.interpolate;
  const decodeError = (error: string): PreparedComponent => ({
    error: `${decodeErrorPrefix(spec)}${error}`,
    warnings: [],
  });
  const rendered: JsonObject[] = [];
  for (const raw of raws) {
    if (filter === false) {
      rendered.push(raw);
      continue;
    }
    const r = renderConfigEntries(raw, filter.exclude, ctx);
    if ('error' in r) return decodeError(r.error);
    rendered.push(new Map(r.value as [string, JsonValue][]));
  }
  const merged: JsonObject = new Map(rendered.flatMap((r) => [...r]));
  const input: Record<string, unknown> = {};
  const error = weakDecodeInto(spec.object, merged, input);
  if (error !== undefined) return decodeError(error);

  const shape = spec.object.fields.map((f) => f.name);
  for (const [k, v] of Object.entries(core)) if (shape.includes(k)) input[k] = v;
  const parsed = spec.schema.safeParse(input);
  if (!parsed.success) {
    const errors = parsed.error.issues.map((i) => `error decoding '${issuePath(i.path)}': ${i.message}`);
    return decodeError(errorText(errors));
  }
  const result = spec.prepare(parsed.data);
  if (result.errors.length > 0) return { error: multiErrorText(result.errors), warnings: result.warnings };
  return { config: parsed.data, warnings: result.warnings };
}

function issuePath(path: readonly PropertyKey[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`)).join('');
}
