import { errorDiag, type Diagnostic } from './diagnostics.js';
import { goQuote } from './quote.js';
import type { Pos, Range } from './range.js';
import type { Token } from './scanner-tokens.js';

/*
 * Decoding of literal template text, as hclsyntax's ParseStringLiteralToken:
 * backslash escapes (quoted strings only) and the `$${` / `%%{` escapes.
 */

function isHex(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70);
}

/** The position after walking src[from, to) from pos, counting code points as columns. */
function advance(pos: Pos, src: string, from: number, to: number): Pos {
  let { line, column, byte } = pos;
  for (let i = from; i < to; i++) {
    const c = src.charCodeAt(i);
    if (c === 10 || (c === 13 && src.charCodeAt(i + 1) !== 10)) {
      line++;
      column = 1;
      byte++;
    } else if (c === 13) {
      byte++;
    } else if (c < 0x80) {
      column++;
      byte++;
    } else if (c < 0x800) {
      column++;
      byte += 2;
    } else if (c >= 0xd800 && c <= 0xdbff) {
      column++;
      byte += 4;
      i++;
    } else {
      column++;
      byte += 3;
    }
  }
  return { line, column, byte };
}

export function decodeStringLiteral(src: string, tok: Token, quoted: boolean): { value: string; diags: Diagnostic[] } {
  const { start, end } = tok;
  const diags: Diagnostic[] = [];
  let out = '';
  let lit = start; // start of the pending run of plain text
  const sliceRange = (from: number, to: number): Range => {
    const s = advance(tok.range.start, src, start, from);
    return { filename: tok.range.filename, start: s, end: advance(s, src, from, to) };
  };
  let i = start;
  while (i < end) {
    const c = src.charCodeAt(i);
    if (c === 92 && quoted) {
      out += src.slice(lit, i);
      const sel = src.charCodeAt(i + 1);
      if (i + 1 >= end) {
        diags.push(
          errorDiag(
            'Invalid escape sequence',
            'Backslash must be followed by an escape sequence selector character.',
            sliceRange(i, i + 1),
          ),
        );
        out += '\\';
        lit = i = i + 1;
        continue;
      }
      const simple =
        sel === 110 ? '\n' : sel === 114 ? '\r' : sel === 116 ? '\t' : sel === 34 ? '"' : sel === 92 ? '\\' : undefined;
      if (simple !== undefined) {
        out += simple;
        lit = i = i + 2;
        continue;
      }
      if (sel === 117 || sel === 85) {
        const want = sel === 117 ? 4 : 8;
        let j = i + 2;
        while (j < end && j < i + 2 + want && isHex(src.charCodeAt(j))) j++;
        const text = src.slice(i, j);
        const cp = parseInt(src.slice(i + 2, j), 16);
        if (j - i - 2 !== want) {
          diags.push(
            errorDiag(
              'Invalid escape sequence',
              sel === 117
                ? 'The \\u escape sequence must be followed by four hexadecimal digits.'
                : 'The \\U escape sequence must be followed by eight hexadecimal digits.',
              sliceRange(i, j),
            ),
          );
          out += text;
        } else if ((cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff) {
          diags.push(
            errorDiag(
              'Invalid escape sequence',
              `Cannot encode character U+${cp.toString(16).padStart(4, '0')} in UTF-8.`,
              sliceRange(i, j),
            ),
          );
          out += text;
        } else {
          out += String.fromCodePoint(cp);
        }
        lit = i = j;
        continue;
      }
      const selLen = sel >= 0xd800 && sel <= 0xdbff ? 2 : 1;
      const selText = src.slice(i + 1, i + 1 + selLen);
      diags.push(
        errorDiag(
          'Invalid escape sequence',
          `The symbol ${goQuote(selText)} is not a valid escape sequence selector.`,
          sliceRange(i, i + 1 + selLen),
        ),
      );
      out += selText;
      lit = i = i + 1 + selLen;
      continue;
    }
    if ((c === 36 || c === 37) && src.charCodeAt(i + 1) === c && src.charCodeAt(i + 2) === 123 && i + 2 < end) {
      out += src.slice(lit, i) + (c === 36 ? '${' : '%{');
      lit = i = i + 3;
      continue;
    }
    i++;
  }
  return { value: lit === start ? src.slice(start, end) : out + src.slice(lit, end), diags };
}
