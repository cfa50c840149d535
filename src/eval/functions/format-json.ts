import type { Value } from '../value.js';
import { formatNumber } from '../number-text.js';

/*
 * cty's json.Marshal as format's %#v (and %v of collections) uses it: Go's
 * encoding/json string escaping (HTML-safe), numbers in shortest 'f' form,
 * object and map keys in sorted order.
 */

const ESCAPES: Readonly<Record<string, string>> = {
  '"': '\\"',
  '\\': '\\\\',
  '\b': '\\b',
  '\f': '\\f',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '<': '\\u003c',
  '>': '\\u003e',
  '&': '\\u0026',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
};

export function jsonString(s: string): string {
  let out = '"';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    const escaped = ESCAPES[ch];
    if (escaped) out += escaped;
    else if (cp < 0x20) out += `\\u${cp.toString(16).padStart(4, '0')}`;
    else if (cp >= 0xd800 && cp <= 0xdfff)
      out += '\ufffd'; // a lone surrogate is invalid UTF-8 to Go
    else out += ch;
  }
  return out + '"';
}

/** The JSON text of a value; throws with cty's message for unknown or marked parts. */
export function marshalJSON(v: Value): string {
  if (v.isMarked()) throw new Error('value has marks, so it cannot be serialized as JSON');
  if (v.isNull()) return 'null';
  if (!v.isKnown()) throw new Error('value is not known');
  switch (v.type.kind) {
    case 'string':
      return jsonString(v.asString());
    case 'number':
      return formatNumber(v.asNumber());
    case 'bool':
      return String(v.asBool());
    case 'list':
    case 'set':
    case 'tuple':
      return `[${v.elements().map(marshalJSON).join(',')}]`;
    default:
      return `{${[...v.entries()].map(([k, e]) => `${jsonString(k)}:${marshalJSON(e)}`).join(',')}}`;
  }
}
