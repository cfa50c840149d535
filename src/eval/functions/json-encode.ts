import type { Value } from '../value.js';
import { formatNumber } from '../number-text.js';

/*
 * jsonencode's serialisation (cty's json.Marshal): object and map keys in
 * sorted order, numbers in plain decimal, strings escaped as Go's
 * encoding/json does (HTML-significant characters and U+2028/U+2029 too).
 */

const Short: Readonly<Record<string, string>> = {
  '"': '\\"',
  '\\': '\\\\',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\b': '\\b',
  '\f': '\\f',
};

function quote(s: string): string {
  let out = '"';
  for (const c of s) {
    const code = c.charCodeAt(0);
    const escape = code < 0x20 || '<>&\u2028\u2029'.includes(c);
    out += Short[c] ?? (escape ? `\\u${code.toString(16).padStart(4, '0')}` : c);
  }
  return `${out}"`;
}

/** JSON text of a wholly known, unmarked value; throws Error for infinities. */
export function encodeJSON(v: Value): string {
  if (v.isNull()) return 'null';
  switch (v.type.kind) {
    case 'string':
      return quote(v.asString());
    case 'number': {
      const n = v.asNumber();
      if (!n.isFinite()) throw new Error('cannot serialize infinity as JSON');
      return formatNumber(n);
    }
    case 'bool':
      return v.asBool() ? 'true' : 'false';
    case 'list':
    case 'set':
    case 'tuple':
      return `[${v.elements().map(encodeJSON).join(',')}]`;
    default:
      return `{${[...v.entries()].map(([k, e]) => `${quote(k)}:${encodeJSON(e)}`).join(',')}}`;
  }
}
