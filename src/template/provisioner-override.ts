import type { ObjectSpec } from '../components/schema/object-spec.js';
import type { Value } from '../eval/value.js';
import { weakDecodeInto } from '../components/schema/weak-decode.js';
import { isJsonObject, type JsonValue } from './legacy/go-json.js';

/*
 * A provisioner's `override` for one source, applied as Packer does: the
 * object is handed to the plugin's Prepare as a second raw config, which
 * config.Decode decodes (weakDecodeInto) on top of the decoded body.
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
  return weakDecodeInto(spec, raw, input);
}

/** hcl2shim.ConfigValueFromHCL2. */
export function rawConfig(value: Value): JsonValue {
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
