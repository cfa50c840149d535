import type { Type } from '../../eval/types.js';
import { goQuote } from '../../hcl/quote.js';
import { MultiError } from '../../template/legacy/errors.js';
import { isJsonObject, type JsonObject, type JsonValue } from '../../template/legacy/go-json.js';
import { errorText, MapDecoder, matchField, T, type GoType } from '../../template/legacy/mapstructure.js';
import type { ObjectSpec } from './object-spec.js';

/*
 * A raw plugin config decoded against a component's fields as the SDK's
 * config.Decode does (mapstructure, WeaklyTypedInput), merging into what is
 * already decoded: a scalar or map entry replaces the existing one, a list is
 * overwritten element by element (a longer list keeps its tail), a block
 * merges field by field, and keys no field matches are refused. Legacy JSON
 * configs decode into an empty record; a provisioner's `override` on top of
 * the decoded body.
 */

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

/**
 * Decodes `raw` into `target` (changed in place). Returns config.Decode's
 * error text when it does not decode or has keys no field matches.
 */
export function weakDecodeInto(spec: ObjectSpec, raw: JsonObject, target: Record<string, unknown>): string | undefined {
  const state: MergeState = { decoder: new MapDecoder({ weak: true, splitStrings: true }), unused: [] };
  mergeStruct('', target, raw, spec, state);
  if (state.decoder.errors.length > 0) return errorText(state.decoder.errors);
  const unknown = state.unused
    .filter((k) => k !== 'type' && !k.startsWith('packer_'))
    .sort()
    .map((k) => `unknown configuration key: '${goQuote(k)}'`);
  return unknown.length > 0 ? new MultiError(unknown).text() : undefined;
}

interface MergeState {
  readonly decoder: MapDecoder;
  readonly unused: string[];
}

function mergeStruct(
  prefix: string,
  target: Record<string, unknown>,
  raw: JsonObject,
  spec: ObjectSpec,
  state: MergeState,
): void {
  const keys = [...raw.keys()];
  const used = new Set<string>();
  for (const field of spec.fields) {
    const key = matchField(keys, field.name);
    if (key === undefined) continue;
    used.add(key);
    const data = raw.get(key) ?? null;
    // mapstructure leaves a field alone when its input is nil.
    if (data === null) continue;
    const name = prefix === '' ? field.name : `${prefix}.${field.name}`;
    if (field.role === 'attribute') {
      const decoded = state.decoder.decode(name, data, goTypeOf(field.type));
      if (decoded.ok && decoded.value !== undefined)
        target[field.name] = merge(target[field.name], plain(decoded.value));
    } else if (field.role === 'block') {
      if (!isJsonObject(data)) {
        state.decoder.errors.push(`'${name}' expected a map, got '${kindOf(data)}'`);
        continue;
      }
      const current = target[field.name];
      const struct = isRecord(current) ? current : {};
      mergeStruct(name, struct, data, field.nested, state);
      target[field.name] = struct;
    } else {
      const items = Array.isArray(data) ? data : [data];
      const current = target[field.name];
      const list: unknown[] = Array.isArray(current) ? [...(current as unknown[])] : [];
      items.forEach((item, i) => {
        if (!isJsonObject(item)) {
          state.decoder.errors.push(`'${name}[${i}]' expected a map, got '${kindOf(item)}'`);
          return;
        }
        const existing = list[i];
        const struct = isRecord(existing) ? existing : {};
        mergeStruct(`${name}[${i}]`, struct, item, field.nested, state);
        list[i] = struct;
      });
      target[field.name] = list;
    }
  }
  for (const k of keys) if (!used.has(k)) state.unused.push(prefix === '' ? k : `${prefix}.${k}`);
}

/** mapstructure decoding into an existing value: slices element by element, maps key by key. */
function merge(current: unknown, next: unknown): unknown {
  if (Array.isArray(current) && Array.isArray(next)) {
    const out = [...(current as unknown[])];
    (next as unknown[]).forEach((e, i) => (out[i] = merge(out[i], e)));
    return out;
  }
  if (isRecord(current) && isRecord(next)) return { ...current, ...next };
  return next;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function kindOf(v: JsonValue): string {
  if (typeof v === 'number') return 'float64';
  return Array.isArray(v) ? 'slice' : typeof v === 'boolean' ? 'bool' : typeof v;
}

/** Decoded Maps become plain records, as the body's decoding gives zod. */
function plain(v: unknown): unknown {
  if (v instanceof Map) return Object.fromEntries([...v].map(([k, e]) => [k, plain(e)]));
  if (Array.isArray(v)) return v.map(plain);
  return v;
}
