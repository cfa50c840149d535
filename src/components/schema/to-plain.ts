import type { Type } from '../../eval/types.js';
import { Sensitive, type Value } from '../../eval/value.js';

/*
 * A decoded cty value as the plain JavaScript zod parses. Unknown parts become
 * the placeholders Packer writes before handing a config to a plugin
 * (hcl2shim.WriteUnknownPlaceholderValues): "<unknown>", 0, false, empty
 * collections. Where they were, and which parts were sensitive, is recorded.
 */

export type FieldPath = readonly (string | number)[];

export interface PlainTracking {
  readonly unknown: FieldPath[];
  readonly sensitive: FieldPath[];
}

export function toPlain(value: Value, path: FieldPath, track: PlainTracking): unknown {
  if (value.hasMark(Sensitive)) track.sensitive.push(path);
  const [v] = value.unmark();
  if (!v.isKnown()) {
    track.unknown.push(path);
    return placeholder(v.type);
  }
  if (v.isNull()) return undefined;
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
      return v.elements().map((e, i) => toPlain(e, [...path, i], track));
    default: {
      const out: Record<string, unknown> = {};
      for (const [k, e] of v.entries()) out[k] = toPlain(e, [...path, k], track);
      return out;
    }
  }
}

function placeholder(type: Type): unknown {
  switch (type.kind) {
    case 'string':
      return '<unknown>';
    case 'number':
      return 0;
    case 'bool':
      return false;
    case 'list':
    case 'set':
    case 'tuple':
      return [];
    case 'map':
    case 'object':
      return {};
    case 'dynamic':
      return undefined;
  }
}
