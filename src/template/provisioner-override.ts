import type { ObjectSpec } from '../components/schema/object-spec.js';
import type { Value } from '../eval/value.js';
import { goQuote } from '../hcl/quote.js';
import { goTypeOf } from './legacy/component-config.js';
import { MultiError } from './legacy/errors.js';
import { isJsonObject, type JsonObject, type JsonValue } from './legacy/go-json.js';
import { errorText, MapDecoder, matchField } from './legacy/mapstructure.js';

/*
 * A provisioner's `override` for one source, applied as Packer does: the
 * object is handed to the plugin's Prepare as a second raw config, which
 * config.Decode decodes (mapstructure, WeaklyTypedInput) on top of the
 * decoded body. So a scalar or map entry replaces the body's, a list is
 * overwritten element by element (a longer list in the body keeps its tail),
 * a block merges field by field, and keys no field matches are refused.
 */

/** hcl2shim.UnknownVariableValue: what an unknown value becomes in a plugin's raw config. */
const UNKNOWN_VARIABLE_VALUE = '74D93920-ED26-11E3-AC10-0800200C9A66';

/**
 * Merges `override` into `input` (the plain decoded body, changed in place).
 * Returns config.Decode's error text when the override does not decode.
 */
export function applyOverride(spec: ObjectSpec, input: Record<string, unknown>, override: Value): string | undefined {
  const raw = rawConfig(override);
  if (!isJsonObject(raw)) return undefined;
  const state: MergeState = { decoder: new MapDecoder({ weak: true, splitStrings: true }), unused: [] };
  mergeStruct('', input, raw, spec, state);
  if (state.decoder.errors.length > 0) return errorText(state.decoder.errors);
  const unknown = state.unused
    .filter((k) => k !== 'type' && !k.startsWith('packer_'))
    .sort()
    .map((k) => `unknown configuration key: '${goQuote(k)}'`);
  return unknown.length > 0 ? new MultiError(unknown).text() : undefined;
}

/** hcl2shim.ConfigValueFromHCL2. */
function rawConfig(value: Value): JsonValue {
  const [v] = value.unmark();
  if (!v.isKnown()) return UNKNOWN_VARIABLE_VALUE;
  if (v.isNull()) return null;
  switch (v.type.kind) {
    case 'string':
      return v.asString();
    case 'number':
      return v.asNumber().toNumber();
    case 'bool':
      return v.asBool();
    case 'list':
    case 'set':
    case 'tuple':
      return v.elements().map(rawConfig);
    default:
      return new Map([...v.entries()].map(([k, e]) => [k, rawConfig(e)]));
  }
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
