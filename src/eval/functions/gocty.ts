import type { Num } from '../number.js';

/*
 * Go-side conversions whose results and error wording cty functions expose:
 * gocty's number-to-int conversion, strconv quoting and Go's string ordering.
 */

const MIN_INT64 = '-9223372036854775808';
const MAX_INT64 = '9223372036854775807';

/** gocty's error for a number that does not fit a Go int. */
export const WHOLE_NUMBER_ERROR = `value must be a whole number, between ${MIN_INT64} and ${MAX_INT64}`;

/** The number as a Go int (int64), or undefined where gocty.FromCtyValue fails. */
export function goInt(n: Num): number | undefined {
  if (!n.isFinite() || !n.isInteger() || n.lt(MIN_INT64) || n.gt(MAX_INT64)) return undefined;
  return n.toNumber();
}

/** Go's strconv.Quote (the %q verb on a string). */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) out += quoteChar(ch, '"');
  return out + '"';
}

/** Go's strconv.QuoteRune (the %q verb on a rune). */
export function goQuoteRune(ch: string): string {
  return `'${quoteChar(ch, "'")}'`;
}

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  '\x07': '\\a',
  '\b': '\\b',
  '\f': '\\f',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\v': '\\v',
  '\\': '\\\\',
};

// strconv.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space.
const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u;

function quoteChar(ch: string, quote: string): string {
  if (ch === quote) return `\\${quote}`;
  const simple = SIMPLE_ESCAPES[ch];
  if (simple) return simple;
  if (PRINTABLE.test(ch)) return ch;
  const cp = ch.codePointAt(0)!;
  if (cp < 0x80) return `\\x${hex(cp, 2)}`;
  if (cp < 0x10000) return `\\u${hex(cp, 4)}`;
  return `\\U${hex(cp, 8)}`;
}

function hex(n: number, width: number): string {
  return n.toString(16).padStart(width, '0');
}

/** Go's string ordering: by UTF-8 bytes, which is code point order (not UTF-16 unit order). */
export function compareCodePoints(a: string, b: string): number {
  const ai = a[Symbol.iterator]();
  const bi = b[Symbol.iterator]();
  for (;;) {
    const x = ai.next();
    const y = bi.next();
    if (x.done || y.done) return x.done === y.done ? 0 : x.done ? -1 : 1;
    const d = x.value.codePointAt(0)! - y.value.codePointAt(0)!;
    if (d !== 0) return d;
  }
}
