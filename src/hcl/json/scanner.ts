import type { Pos, Range } from '../range.js';

/*
 * The JSON scanner marks the buffer's tokens and nothing more, as hcl's json/scanner.go:
 * it is lax about keywords, numbers and strings so that the parser can say what is
 * wrong with them. Columns count grapheme clusters inside strings, a tab as two
 * columns, and a carriage return as none.
 */

export type TokenType = '{' | '}' | '[' | ']' | ',' | ':' | '=' | 'keyword' | 'string' | 'number' | 'eof' | 'invalid';

export interface Token {
  readonly type: TokenType;
  readonly bytes: Buffer;
  readonly range: Range;
}

const PUNCTUATION = new Set(['{', '}', '[', ']', ',', ':', '=']);
const NUMBER_START = new Set([...'-+.0123456789']);
const NUMBER_BYTE = new Set([...'-+.eE0123456789']);
// Made on first use: the first Intl.Segmenter in a process loads ICU's break
// rules, ~8 ms of every CLI start otherwise.
let graphemes: Intl.Segmenter | undefined;

export function scan(buf: Buffer, filename: string, start: Pos): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  let line = start.line;
  let column = start.column;
  let byte = start.byte;
  const here = (): Pos => ({ line, column, byte });
  const push = (type: TokenType, from: Pos, end: number): void => {
    tokens.push({
      type,
      bytes: buf.subarray(from.byte - start.byte, end),
      range: { filename, start: from, end: here() },
    });
  };

  for (;;) {
    // Whitespace.
    for (; i < buf.length; i++) {
      const b = buf[i];
      if (b === 0x20) column++;
      else if (b === 0x0a) {
        line++;
        column = 1;
      } else if (b === 0x09) column += 2;
      else if (b !== 0x0d) break;
      byte++;
    }
    const from = here();
    if (i >= buf.length) {
      push('eof', from, i);
      return tokens;
    }
    const ch = String.fromCharCode(buf[i] ?? 0);
    if (PUNCTUATION.has(ch)) {
      i++;
      column++;
      byte++;
      push(ch as TokenType, from, i);
    } else if (ch === '"') {
      const end = stringEnd(buf, i);
      column += countGraphemes(buf, i, end);
      byte += end - i;
      i = end;
      push('string', from, i);
    } else if (NUMBER_START.has(ch)) {
      const begin = i;
      while (i < buf.length && NUMBER_BYTE.has(String.fromCharCode(buf[i] ?? 0))) i++;
      column += i - begin;
      byte += i - begin;
      push('number', from, i);
    } else if (isAlphabetical(buf[i] ?? 0)) {
      const begin = i;
      while (i < buf.length && (isAlphabetical(buf[i] ?? 0) || buf[i] === 0x5f)) i++;
      column += i - begin;
      byte += i - begin;
      push('keyword', from, i);
    } else {
      // Nothing can follow an invalid byte, so the scan ends here with a synthetic EOF.
      i++;
      column++;
      byte++;
      push('invalid', from, i);
      push('eof', here(), i);
      return tokens;
    }
  }
}

/**
 * The end of the string token starting at `start`: after the closing quote, or at
 * the first control byte or end of input for an unterminated string.
 */
function stringEnd(buf: Buffer, start: number): number {
  let escaping = false;
  for (let i = start + 1; i < buf.length; i++) {
    const b = buf[i] ?? 0;
    if (b === 0x5c) {
      escaping = !escaping;
    } else if (b === 0x22) {
      if (!escaping) return i + 1;
      escaping = false;
    } else if (b < 0x20) {
      return i;
    } else {
      escaping = false;
    }
  }
  return buf.length;
}

function countGraphemes(buf: Buffer, start: number, end: number): number {
  let n = 0;
  graphemes ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  for (const _ of graphemes.segment(buf.toString('utf8', start, end))) n++;
  return n;
}

function isAlphabetical(b: number): boolean {
  return (b >= 0x61 && b <= 0x7a) || (b >= 0x41 && b <= 0x5a);
}
