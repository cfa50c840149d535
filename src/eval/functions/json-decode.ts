import { DynamicPseudoType, typeEquals } from '../types.js';
import { Value } from '../value.js';
import { goQuote } from './gocty.js';

/*
 * jsondecode's parser: cty reads JSON with Go's encoding/json Decoder.Token
 * (numbers kept as text, so big integers stay exact) and reports Go's error
 * messages: "invalid character 'x' after array element", "unexpected EOF",
 * "EOF" when input ends between tokens. Objects become object values, arrays
 * tuples, null a null of dynamic type.
 */

type TokenState =
  | 'top'
  | 'arrayStart'
  | 'arrayValue'
  | 'arrayComma'
  | 'objectStart'
  | 'objectKey'
  | 'objectColon'
  | 'objectValue'
  | 'objectComma';

const ErrorContext: Readonly<Record<TokenState, string>> = {
  top: ' looking for beginning of value',
  arrayStart: ' looking for beginning of value',
  arrayValue: ' looking for beginning of value',
  objectValue: ' looking for beginning of value',
  arrayComma: ' after array element',
  objectKey: ' looking for beginning of object key string',
  objectColon: ' after object key',
  objectComma: ' after object key:value pair',
  objectStart: '', // Go's tokenError has no case for this state
};

/** Go's quoteChar: the offending byte, shown as the rune with that value. */
function quoteChar(ch: string): string {
  if (ch === "'") return `'\\''`;
  if (ch === '"') return `'"'`;
  const byte = Buffer.from(ch, 'utf8')[0]!;
  return `'${goQuote(String.fromCharCode(byte)).slice(1, -1)}'`;
}

class SyntaxError extends Error {}

const invalid = (ch: string, context: string): SyntaxError =>
  new SyntaxError(`invalid character ${quoteChar(ch)}${context}`);

const isSpace = (c: string | undefined): boolean => c === ' ' || c === '\t' || c === '\n' || c === '\r';
const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';
const isHex = (c: string | undefined): boolean => c !== undefined && /^[0-9a-fA-F]$/.test(c);

class Decoder {
  private pos = 0;

  constructor(private readonly src: string) {}

  decode(): Value {
    const v = this.value('top');
    // dec.More(): anything but a closing bracket after the value is extra data.
    const next = this.peek();
    if (next !== undefined && next !== ']' && next !== '}') throw new Error('extraneous data after JSON object');
    return v;
  }

  /** The next non-space character, or undefined at the end of input. */
  private peek(): string | undefined {
    while (isSpace(this.src[this.pos])) this.pos++;
    return this.src[this.pos];
  }

  /** Like peek, but the end of input between tokens is Go's io.EOF. */
  private next(): string {
    const c = this.peek();
    if (c === undefined) throw new SyntaxError('EOF');
    return c;
  }

  private value(state: TokenState): Value {
    const c = this.next();
    if (c === '[') {
      this.pos++;
      return this.array();
    }
    if (c === '{') {
      this.pos++;
      return this.object();
    }
    if (c === ']' || c === '}' || c === ',' || c === ':') throw invalid(c, ErrorContext[state]);
    return this.scalar();
  }

  private array(): Value {
    const elements: Value[] = [];
    let state: TokenState = 'arrayStart';
    for (;;) {
      const c = this.next();
      if (c === ']' && (state === 'arrayStart' || state === 'arrayComma')) {
        this.pos++;
        return Value.tuple(elements);
      }
      if (state === 'arrayComma') {
        if (c !== ',') throw invalid(c, ErrorContext.arrayComma);
        this.pos++;
        state = 'arrayValue';
        continue;
      }
      elements.push(this.value(state));
      state = 'arrayComma';
    }
  }

  private object(): Value {
    const attrs = new Map<string, Value>();
    let state: TokenState = 'objectStart';
    for (;;) {
      const c = this.next();
      if (c === '}' && (state === 'objectStart' || state === 'objectComma')) {
        this.pos++;
        return Value.object(attrs);
      }
      if (state === 'objectComma') {
        if (c !== ',') throw invalid(c, ErrorContext.objectComma);
        this.pos++;
        state = 'objectKey';
        continue;
      }
      if (c !== '"') throw invalid(c, ErrorContext[state]);
      this.pos++;
      const key = this.stringBody();
      const colon = this.next();
      if (colon !== ':') throw invalid(colon, ErrorContext.objectColon);
      this.pos++;
      const v = this.value('objectValue');
      const existing = attrs.get(key);
      if (existing && !typeEquals(existing.type, v.type)) {
        throw new Error(`duplicate ${goQuote(key)} property in JSON object`);
      }
      attrs.set(key, v);
      state = 'objectComma';
    }
  }

  /** A string, number or literal, scanned as Go's Decode does (EOF inside is "unexpected EOF"). */
  private scalar(): Value {
    const c = this.src[this.pos]!;
    if (c === '"') {
      this.pos++;
      return Value.string(this.stringBody());
    }
    if (c === '-' || isDigit(c)) return Value.number(this.number());
    for (const [word, v] of [
      ['true', Value.bool(true)],
      ['false', Value.bool(false)],
      ['null', Value.null(DynamicPseudoType)],
    ] as const) {
      if (c !== word[0]) continue;
      for (let i = 1; i < word.length; i++) {
        const got = this.src[this.pos + i];
        if (got === undefined) throw new SyntaxError('unexpected EOF');
        if (got !== word[i]) throw invalid(got, ` in literal ${word} (expecting '${word[i]}')`);
      }
      this.pos += word.length;
      return v;
    }
    throw invalid(this.charAt(this.pos), ErrorContext.top);
  }

  private charAt(i: number): string {
    return String.fromCodePoint(this.src.codePointAt(i)!);
  }

  private number(): string {
    const start = this.pos;
    const expectDigit = (context: string): void => {
      const d = this.src[this.pos];
      if (d === undefined) throw new SyntaxError('unexpected EOF');
      if (!isDigit(d)) throw invalid(this.charAt(this.pos), context);
    };
    if (this.src[this.pos] === '-') {
      this.pos++;
      expectDigit(' in numeric literal');
    }
    if (this.src[this.pos] === '0') this.pos++;
    else while (isDigit(this.src[this.pos])) this.pos++;
    if (this.src[this.pos] === '.') {
      this.pos++;
      expectDigit(' after decimal point in numeric literal');
      while (isDigit(this.src[this.pos])) this.pos++;
    }
    if (this.src[this.pos] === 'e' || this.src[this.pos] === 'E') {
      this.pos++;
      if (this.src[this.pos] === '+' || this.src[this.pos] === '-') this.pos++;
      expectDigit(' in exponent of numeric literal');
      while (isDigit(this.src[this.pos])) this.pos++;
    }
    return this.src.slice(start, this.pos);
  }

  /** The rest of a string literal after its opening quote. */
  private stringBody(): string {
    let out = '';
    for (;;) {
      const c = this.src[this.pos];
      if (c === undefined) throw new SyntaxError('unexpected EOF');
      this.pos++;
      if (c === '"') return out;
      if (c < ' ') throw invalid(c, ' in string literal');
      if (c !== '\\') {
        out += c;
        continue;
      }
      const e = this.src[this.pos];
      if (e === undefined) throw new SyntaxError('unexpected EOF');
      this.pos++;
      const simple = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' }[e];
      if (simple !== undefined) out += simple;
      else if (e === 'u') out += this.unicodeEscape();
      else throw invalid(this.charAt(this.pos - 1), ' in string escape code');
    }
  }

  private hex4(): number {
    for (let i = 0; i < 4; i++) {
      const h = this.src[this.pos + i];
      if (h === undefined) throw new SyntaxError('unexpected EOF');
      if (!isHex(h)) throw invalid(this.charAt(this.pos + i), ' in \\u hexadecimal character escape');
    }
    const n = parseInt(this.src.slice(this.pos, this.pos + 4), 16);
    this.pos += 4;
    return n;
  }

  /** \uXXXX after the "\u"; surrogate pairs combine, lone surrogates become U+FFFD as in Go. */
  private unicodeEscape(): string {
    const hi = this.hex4();
    if (hi < 0xd800 || hi > 0xdfff) return String.fromCharCode(hi);
    if (
      hi <= 0xdbff &&
      this.src.startsWith('\\u', this.pos) &&
      /^[0-9a-fA-F]{4}$/.test(this.src.slice(this.pos + 2, this.pos + 6))
    ) {
      const lo = parseInt(this.src.slice(this.pos + 2, this.pos + 6), 16);
      if (lo >= 0xdc00 && lo <= 0xdfff) {
        this.pos += 6;
        return String.fromCharCode(hi, lo);
      }
    }
    return '\ufffd';
  }
}

/** Parses JSON text as cty's jsondecode; throws Error with Go's message. */
export function decodeJSON(text: string): Value {
  return new Decoder(text).decode();
}
