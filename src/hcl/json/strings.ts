/*
 * Decoding of JSON string tokens. Where the token is not a valid JSON string the
 * result is the error offset Go's encoding/json would report (the count of bytes
 * read up to and including the offending one, or the length at a premature end),
 * because hcl places its "Invalid JSON string" diagnostic from that offset.
 */

export type DecodedString =
  { readonly ok: true; readonly value: string } | { readonly ok: false; readonly offset: number };

const SIMPLE_ESCAPES: Record<string, string> = {
  '"': '"',
  '\\': '\\',
  '/': '/',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
};

export function decodeString(token: Buffer): DecodedString {
  // Work on the raw bytes for offsets; literal runs are decoded as UTF-8 in one go.
  let out = '';
  let runStart = 1;
  let i = 1;
  while (i < token.length) {
    const b = token[i] ?? 0;
    if (b === 0x22) {
      // The scanner ends a string token at its first unescaped quote.
      return { ok: true, value: replaceLoneSurrogates(out + token.toString('utf8', runStart, i)) };
    }
    if (b < 0x20) return { ok: false, offset: i + 1 };
    if (b !== 0x5c) {
      i++;
      continue;
    }
    out += token.toString('utf8', runStart, i);
    if (i + 1 >= token.length) return { ok: false, offset: token.length };
    const esc = String.fromCharCode(token[i + 1] ?? 0);
    const simple = SIMPLE_ESCAPES[esc];
    if (simple !== undefined) {
      out += simple;
      i += 2;
    } else if (esc === 'u') {
      const unit = hexUnit(token, i + 2);
      if (typeof unit !== 'number') return { ok: false, offset: unit.offset };
      i += 6;
      out += String.fromCharCode(unit);
    } else {
      return { ok: false, offset: i + 2 };
    }
    runStart = i;
  }
  return { ok: false, offset: token.length };
}

/** Four hex digits at `at`, or the Go-style error offset of the first bad one. */
function hexUnit(token: Buffer, at: number): number | { offset: number } {
  let unit = 0;
  for (let k = at; k < at + 4; k++) {
    if (k >= token.length) return { offset: token.length };
    const digit = parseInt(String.fromCharCode(token[k] ?? 0), 16);
    if (Number.isNaN(digit)) return { offset: k + 1 };
    unit = unit * 16 + digit;
  }
  return unit;
}

/** Go replaces unpaired UTF-16 surrogates from \u escapes with U+FFFD. */
function replaceLoneSurrogates(s: string): string {
  return s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}
