import { goQuote } from '../../hcl/quote.js';

/*
 * JSON as Go's encoding/json reads it for a legacy template: the syntax check
 * of json.Unmarshal (its scanner's error messages and byte offsets), values as
 * interface{} (numbers are float64), and the SDK's duplicate-field check, which
 * reports the first repeated key in document order.
 */

export type JsonValue = null | boolean | number | string | JsonValue[] | JsonObject;
/** An object with its keys in document order; a repeated key keeps its last value, as Go's map. */
export type JsonObject = Map<string, JsonValue>;

/** A json.SyntaxError: the scanner's message and Offset (bytes read when the error was found). */
export interface GoJsonSyntaxError {
  readonly kind: 'syntax';
  readonly message: string;
  readonly offset: number;
}

export type GoJsonResult =
  { readonly value: JsonValue; readonly duplicate?: string } | { readonly error: GoJsonSyntaxError };

export function isJsonObject(v: JsonValue | undefined): v is JsonObject {
  return v instanceof Map;
}

/** Go's quoteChar: how the scanner names an offending byte. */
function quoteChar(c: number): string {
  if (c === 0x27) return `'\\''`;
  if (c === 0x22) return `'"'`;
  const q = goQuote(String.fromCharCode(c));
  return `'${q.slice(1, -1)}'`;
}

class SyntaxFailure extends Error {
  constructor(
    readonly detail: string,
    readonly offset: number,
  ) {
    super(detail);
  }
}

const WS = new Set([0x20, 0x09, 0x0a, 0x0d]);

class Reader {
  pos = 0;
  /** The first key repeated within one object, in document order. */
  duplicate: string | undefined;

  constructor(private readonly src: Buffer) {}

  /** The byte at pos, or -1 at the end (where Go's scanner steps a space). */
  peek(): number {
    return this.pos < this.src.length ? this.src[this.pos]! : -1;
  }

  /** Go reports `c` at offset pos+1; at the end it steps a space at offset len. */
  fail(context: string): never {
    const c = this.peek();
    if (c < 0) {
      // eof: the scanner steps ' '; whitespace in a value is fine, so most states end as "unexpected end".
      throw new SyntaxFailure(
        context === '' ? 'unexpected end of JSON input' : `invalid character ' ' ${context}`,
        this.src.length,
      );
    }
    throw new SyntaxFailure(`invalid character ${quoteChar(c)} ${context}`, this.pos + 1);
  }

  eof(): never {
    throw new SyntaxFailure('unexpected end of JSON input', this.src.length);
  }

  skipSpace(): void {
    while (this.pos < this.src.length && WS.has(this.src[this.pos]!)) this.pos++;
  }

  value(): JsonValue {
    this.skipSpace();
    const c = this.peek();
    switch (c) {
      case -1:
        return this.eof();
      case 0x7b:
        return this.object();
      case 0x5b:
        return this.array();
      case 0x22:
        return this.string();
      case 0x74:
        return this.literal('true', true);
      case 0x66:
        return this.literal('false', false);
      case 0x6e:
        return this.literal('null', null);
      default:
        if (c === 0x2d || (c >= 0x30 && c <= 0x39)) return this.number();
        return this.fail('looking for beginning of value');
    }
  }

  literal<T extends JsonValue>(word: string, value: T): T {
    this.pos++;
    for (let i = 1; i < word.length; i++) {
      if (this.peek() !== word.charCodeAt(i)) this.fail(`in literal ${word} (expecting '${word[i]}')`);
      this.pos++;
    }
    return value;
  }

  number(): number {
    const start = this.pos;
    const digit = (): boolean => this.peek() >= 0x30 && this.peek() <= 0x39;
    if (this.peek() === 0x2d) {
      this.pos++;
      if (!digit()) this.fail('in numeric literal');
    }
    if (this.peek() === 0x30) this.pos++;
    else while (digit()) this.pos++;
    if (this.peek() === 0x2e) {
      this.pos++;
      if (!digit()) this.fail('after decimal point in numeric literal');
      while (digit()) this.pos++;
    }
    if (this.peek() === 0x65 || this.peek() === 0x45) {
      this.pos++;
      if (this.peek() === 0x2b || this.peek() === 0x2d) this.pos++;
      if (!digit()) this.fail('in exponent of numeric literal');
      while (digit()) this.pos++;
    }
    return Number(this.src.toString('latin1', start, this.pos));
  }

  string(): string {
    this.pos++;
    const start = this.pos;
    let escaped = false;
    for (;;) {
      const c = this.peek();
      if (c < 0) return this.eof();
      if (c === 0x22) break;
      if (c < 0x20) this.fail('in string literal');
      if (c === 0x5c) {
        escaped = true;
        this.pos++;
        const e = this.peek();
        if (e === 0x75) {
          this.pos++;
          for (let i = 0; i < 4; i++) {
            const h = this.peek();
            if (h < 0 || !/[0-9a-fA-F]/.test(String.fromCharCode(h))) this.fail('in \\u hexadecimal character escape');
            this.pos++;
          }
          continue;
        }
        if (e < 0 || !'"\\/bfnrt'.includes(String.fromCharCode(e))) this.fail('in string escape code');
      }
      this.pos++;
    }
    const raw = this.src.toString('utf8', start, this.pos);
    this.pos++;
    return escaped ? unescape(raw) : raw;
  }

  array(): JsonValue[] {
    this.pos++;
    const out: JsonValue[] = [];
    this.skipSpace();
    if (this.peek() === 0x5d) {
      this.pos++;
      return out;
    }
    for (;;) {
      out.push(this.value());
      this.skipSpace();
      const c = this.peek();
      if (c === 0x2c) {
        this.pos++;
        continue;
      }
      if (c === 0x5d) {
        this.pos++;
        return out;
      }
      if (c < 0) this.eof();
      this.fail('after array element');
    }
  }

  object(): JsonObject {
    this.pos++;
    const out: JsonObject = new Map();
    this.skipSpace();
    if (this.peek() === 0x7d) {
      this.pos++;
      return out;
    }
    for (;;) {
      this.skipSpace();
      if (this.peek() < 0) this.eof();
      if (this.peek() !== 0x22) this.fail('looking for beginning of object key string');
      const key = this.string();
      this.skipSpace();
      if (this.peek() < 0) this.eof();
      if (this.peek() !== 0x3a) this.fail('after object key');
      this.pos++;
      const seen = out.has(key);
      // Go's Token walk checks a key before descending into its value.
      if (seen && this.duplicate === undefined) this.duplicate = key;
      out.set(key, this.value());
      this.skipSpace();
      const c = this.peek();
      if (c === 0x2c) {
        this.pos++;
        continue;
      }
      if (c === 0x7d) {
        this.pos++;
        return out;
      }
      if (c < 0) this.eof();
      this.fail('after object key:value pair');
    }
  }
}

/** The body of a JSON string with escapes, decoded as Go does (a lone surrogate becomes U+FFFD). */
function unescape(raw: string): string {
  return raw.replace(/\\(u[0-9a-fA-F]{4}(?:\\u[0-9a-fA-F]{4})?|.)/gs, (_m, e: string) => {
    switch (e[0]) {
      case 'b':
        return '\b';
      case 'f':
        return '\f';
      case 'n':
        return '\n';
      case 'r':
        return '\r';
      case 't':
        return '\t';
      case 'u': {
        const hi = parseInt(e.slice(1, 5), 16);
        const lo = e.length > 5 ? parseInt(e.slice(7, 11), 16) : -1;
        if (hi >= 0xd800 && hi < 0xdc00 && lo >= 0xdc00 && lo < 0xe000) return String.fromCharCode(hi, lo);
        const first = hi >= 0xd800 && hi < 0xe000 ? '\ufffd' : String.fromCharCode(hi);
        if (lo < 0) return first;
        return first + (lo >= 0xd800 && lo < 0xe000 ? '\ufffd' : String.fromCharCode(lo));
      }
      default:
        return e;
    }
  });
}

/**
 * Reads `src` as json.Unmarshal into interface{}, then checks for duplicate fields.
 * With `firstValue` it reads as json.Decoder.Decode does: one value, the rest left unread.
 */
export function parseGoJson(src: Buffer, firstValue = false): GoJsonResult {
  const r = new Reader(src);
  try {
    const value = r.value();
    r.skipSpace();
    if (!firstValue && r.peek() >= 0) r.fail('after top-level value');
    return r.duplicate === undefined ? { value } : { value, duplicate: r.duplicate };
  } catch (e) {
    if (e instanceof SyntaxFailure) return { error: { kind: 'syntax', message: e.detail, offset: e.offset } };
    throw e;
  }
}

/**
 * The SDK's highlightPosition: line and column of a syntax error's offset and the
 * offending line (with the one before) and a caret. Column counts as the SDK does:
 * on line 1 it is the number of bytes read, on later lines one more.
 */
export function highlightPosition(src: Buffer, offset: number): { line: number; col: number; highlight: string } {
  let line = 1;
  let col = 0;
  let lastLine = '';
  let start = 0;
  const end = Math.min(offset, src.length);
  for (let n = 0; n < end; n++) {
    if (src[n] === 0x0a) {
      lastLine = src.toString('utf8', start, n);
      start = n + 1;
      line++;
      col = 1;
    } else {
      col++;
    }
  }
  const thisLine = src.toString('utf8', start, end);
  let highlight = '';
  if (line > 1) highlight += `${String(line - 1).padStart(5)}: ${lastLine}\n`;
  highlight += `${String(line).padStart(5)}: ${thisLine}\n`;
  highlight += `${' '.repeat(col + 5)}^\n`;
  return { line, col, highlight };
}
