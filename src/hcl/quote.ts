/*
 * Go's strconv.Quote (fmt's %q), which hcl uses in diagnostic details and in the
 * block headers of rendered diagnostics, so Kiln's wording matches byte for byte.
 */

const PRINTABLE = /[\p{L}\p{M}\p{N}\p{P}\p{S} ]/u;

const SHORT_ESCAPES: Record<number, string> = {
  7: '\\a',
  8: '\\b',
  9: '\\t',
  10: '\\n',
  11: '\\v',
  12: '\\f',
  13: '\\r',
  34: '\\"',
  92: '\\\\',
};

function hex(n: number, width: number): string {
  return n.toString(16).padStart(width, '0');
}

export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    const short = SHORT_ESCAPES[c];
    if (short !== undefined) out += short;
    else if (c >= 0x20 && c < 0x7f) out += ch;
    else if (c < 0x80) out += `\\x${hex(c, 2)}`;
    else if (PRINTABLE.test(ch)) out += ch;
    else if (c < 0x10000) out += `\\u${hex(c, 4)}`;
    else out += `\\U${hex(c, 8)}`;
  }
  return out + '"';
}
