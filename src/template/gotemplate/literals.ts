/*
 * Go literal syntax as text/template reads it through strconv: Unquote for
 * strings, UnquoteChar for character constants, ParseInt/ParseUint (base 0)
 * and ParseFloat for numbers.
 */

export class SyntaxError extends Error {
  constructor() {
    super('invalid syntax');
  }
}

const SIMPLE: Readonly<Record<string, string>> = {
  a: '\x07',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  '\\': '\\',
};

/** strconv.UnquoteChar: the first character of `s` (an escape or not) and the rest. */
export function unquoteChar(s: string, quote: string): { value: string; tail: string } {
  const first = s.codePointAt(0);
  if (first === undefined) throw new SyntaxError();
  const ch = String.fromCodePoint(first);
  if (ch === quote && (quote === "'" || quote === '"')) throw new SyntaxError();
  if (ch !== '\\') return { value: ch, tail: s.slice(ch.length) };
  const c = s[1];
  if (c === undefined) throw new SyntaxError();
  const simple = SIMPLE[c];
  if (simple !== undefined) return { value: simple, tail: s.slice(2) };
  if (c === "'" || c === '"') {
    if (c !== quote) throw new SyntaxError();
    return { value: c, tail: s.slice(2) };
  }
  const hexLength = c === 'x' ? 2 : c === 'u' ? 4 : c === 'U' ? 8 : 0;
  if (hexLength > 0) {
    const digits = s.slice(2, 2 + hexLength);
    if (!new RegExp(`^[0-9a-fA-F]{${hexLength}}$`).test(digits)) throw new SyntaxError();
    const v = parseInt(digits, 16);
    // \x is a single byte; as a JS string it becomes the Latin-1 character.
    if (c !== 'x' && (v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff))) throw new SyntaxError();
    return { value: String.fromCodePoint(v), tail: s.slice(2 + hexLength) };
  }
  if (c >= '0' && c <= '7') {
    const digits = s.slice(1, 4);
    if (!/^[0-7]{3}$/.test(digits)) throw new SyntaxError();
    const v = parseInt(digits, 8);
    if (v > 255) throw new SyntaxError();
    return { value: String.fromCharCode(v), tail: s.slice(4) };
  }
  throw new SyntaxError();
}

/** strconv.Unquote for "..." and `...` literals. */
export function unquote(quoted: string): string {
  const q = quoted[0];
  if (quoted.length < 2 || quoted[quoted.length - 1] !== q) throw new SyntaxError();
  const body = quoted.slice(1, -1);
  if (q === '`') {
    if (body.includes('`')) throw new SyntaxError();
    return body.replaceAll('\r', '');
  }
  if (q !== '"' && q !== "'") throw new SyntaxError();
  if (body.includes('\n')) throw new SyntaxError();
  let out = '';
  let rest = body;
  while (rest.length > 0) {
    const { value, tail } = unquoteChar(rest, q);
    out += value;
    rest = tail;
  }
  if (q === "'" && [...out].length !== 1) throw new SyntaxError();
  return out;
}

const INT_SYNTAX = /^(?:0[xX](?:_?[0-9a-fA-F])+|0[oO](?:_?[0-7])+|0[bB](?:_?[01])+|0(?:_?[0-7])*|[1-9](?:_?[0-9])*)$/;
const MAX_UINT64 = (1n << 64n) - 1n;
const MAX_INT64 = (1n << 63n) - 1n;

function parseUnsigned(s: string): bigint | undefined {
  if (!INT_SYNTAX.test(s)) return undefined;
  const digits = s.replaceAll('_', '');
  const octal = digits.length > 1 && digits.startsWith('0') && !/^0[xXoObB]/.test(digits);
  const prefixed = octal ? `0o${digits.slice(1)}` : digits;
  return BigInt(prefixed.replace(/^0([XOB])/, (_m, p: string) => `0${p.toLowerCase()}`));
}

/** strconv.ParseUint(s, 0, 64). */
export function parseUint64(s: string): bigint | undefined {
  const v = parseUnsigned(s);
  return v !== undefined && v <= MAX_UINT64 ? v : undefined;
}

/** strconv.ParseInt(s, 0, 64). */
export function parseInt64(s: string): bigint | undefined {
  const negative = s.startsWith('-');
  const v = parseUnsigned(s.startsWith('+') || negative ? s.slice(1) : s);
  if (v === undefined) return undefined;
  const signed = negative ? -v : v;
  return signed >= -MAX_INT64 - 1n && signed <= MAX_INT64 ? signed : undefined;
}

/** strconv's underscoreOK: underscores only between digits (or after a base prefix). */
function underscoreOK(s: string): boolean {
  let saw = '^';
  let i = 0;
  if (s.startsWith('+') || s.startsWith('-')) i++;
  let hex = false;
  if (s.length - i >= 2 && s[i] === '0' && 'bBoOxX'.includes(s[i + 1]!)) {
    hex = 'xX'.includes(s[i + 1]!);
    i += 2;
    saw = '0';
  }
  for (; i < s.length; i++) {
    const c = s[i]!;
    if ((c >= '0' && c <= '9') || (hex && /[a-fA-F]/.test(c))) {
      saw = '0';
      continue;
    }
    if (c === '_') {
      if (saw !== '0') return false;
      saw = '_';
      continue;
    }
    if (saw === '_') return false;
    saw = '!';
  }
  return saw !== '_';
}

const DEC_FLOAT = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const HEX_FLOAT = /^([+-]?)0[xX]([0-9a-fA-F]*)(?:\.([0-9a-fA-F]*))?[pP]([+-]?\d+)$/;

/** strconv.ParseFloat(s, 64); undefined on a syntax or range error. */
export function parseFloat64(s: string): number | undefined {
  if (s.includes('_') && !underscoreOK(s)) return undefined;
  const t = s.replaceAll('_', '');
  let v: number;
  const hex = HEX_FLOAT.exec(t);
  if (hex) {
    const [, sign, whole = '', frac = ''] = hex;
    if (whole === '' && frac === '') return undefined;
    const mantissa = BigInt(`0x${whole}${frac}` === '0x' ? '0' : `0x${whole}${frac}`);
    v = Number(mantissa) * 2 ** (Number(hex[4]) - 4 * frac.length);
    if (sign === '-') v = -v;
  } else if (DEC_FLOAT.test(t)) {
    v = Number(t);
  } else {
    return undefined;
  }
  return Number.isFinite(v) ? v : undefined;
}
