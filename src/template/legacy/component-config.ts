import type { ComponentSpec } from '../../components/schema/index.js';
import { multiErrorText } from '../../components/schema/index.js';
import type { ObjectSpec } from '../../components/schema/object-spec.js';
import type { Type } from '../../eval/types.js';
import { goQuote } from '../../hcl/quote.js';
import { decodeErrorPrefix, renderConfigEntries } from '../../components/schema/index.js';
import type { InterpolateContext } from '../gotemplate/render.js';
import { MultiError } from './errors.js';
import { isJsonObject, type JsonObject, type JsonValue } from './go-json.js';
import { errorText, MapDecoder, matchField, T, type GoType } from './mapstructure.js';

/*
 * A plugin's Prepare of a legacy JSON config, as the SDK's config.Decode runs
 * it: every string checked and (unless the plugin excludes the key) rendered
 * (renderConfigEntries, shared with HCL2),
 * the raws decoded WeaklyTypedInput into the component's fields (the same zod
 * schema as HCL), unknown keys refused, then the plugin's own checks.
 */

export interface PreparedComponent {
  /** The decoded config, when there is no error. */
  readonly config?: unknown;
  /** The error text Prepare returns. */
  readonly error?: string;
  readonly warnings: readonly string[];
}

/** The Go type mapstructure decodes an attribute into, from its HCL type. */
export function goTypeOf(t: Type): GoType {
  switch (t.kind) {
    case 'string':
      return T.string;
    case 'bool':
      return T.bool;
    case 'number':
      // Packer's numeric config fields are Go ints (ports, sizes, counts).
      return T.int;
    case 'list':
    case 'set':
      return T.slice(goTypeOf(t.element));
    case 'map':
      return T.map(goTypeOf(t.element));
    default:
      return T.any;
  }
}

interface StructDecoding {
  readonly decoder: MapDecoder;
  readonly unused: string[];
}

/** Decodes an object into the fields of `spec`; keys no field matches are recorded as unused. */
function decodeStruct(prefix: string, raw: JsonObject, spec: ObjectSpec, d: StructDecoding): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const keys = [...raw.keys()];
  const used = new Set<string>();
  for (const field of spec.fields) {
    const key = matchField(keys, field.name);
    if (key === undefined) continue;
    used.add(key);
    const name = prefix === '' ? field.name : `${prefix}.${field.name}`;
    const value = raw.get(key) ?? null;
    if (field.role === 'attribute') {
      const r = d.decoder.decode(name, value, goTypeOf(field.type));
      if (r.ok && r.value !== undefined) out[field.name] = toPlain(r.value);
    } else if (field.role === 'block') {
      if (isJsonObject(value)) out[field.name] = decodeStruct(name, value, field.nested, d);
      else if (value !== null) d.decoder.errors.push(`'${name}' expected a map, got '${kindOf(value)}'`);
    } else {
      const list = Array.isArray(value) ? value : value === null ? [] : [value];
      out[field.name] = list.map((item, i) => {
        if (isJsonObject(item)) return decodeStruct(`${name}[${i}]`, item, field.nested, d);
        d.decoder.errors.push(`'${name}[${i}]' expected a map, got '${kindOf(item)}'`);
        return {};
      });
    }
  }
  for (const k of keys) if (!used.has(k)) d.unused.push(prefix === '' ? k : `${prefix}.${k}`);
  return out;
}

function kindOf(v: JsonValue): string {
  if (typeof v === 'number') return 'float64';
  return Array.isArray(v) ? 'slice' : typeof v === 'boolean' ? 'bool' : typeof v;
}

/** Decoded Maps become plain records for zod. */
function toPlain(v: unknown): unknown {
  if (v instanceof Map) return Object.fromEntries([...v].map(([k, e]) => [k, toPlain(e)]));
  if (Array.isArray(v)) return v.map(toPlain);
  return v;
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
  const d: StructDecoding = { decoder: new MapDecoder({ weak: true, splitStrings: true }), unused: [] };
  const input = decodeStruct('', merged, spec.object, d);
  if (d.decoder.errors.length > 0) return decodeError(errorText(d.decoder.errors));
  const unknown = d.unused
    .filter((k) => k !== 'type' && !k.startsWith('packer_'))
    .sort()
    .map((k) => `unknown configuration key: '${goQuote(k)}'`);
  if (unknown.length > 0) return decodeError(new MultiError(unknown).text());

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
