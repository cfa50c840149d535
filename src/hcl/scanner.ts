import type { Pos, Range } from './range.js';
import { T, type Token } from './scanner-tokens.js';

/*
 * The native-syntax scanner: one pass over the string with char codes, a mode
 * stack in place of hclsyntax's Ragel fcall/fret. Token boundaries follow
 * scan_tokens.rl where the parser can observe them (heredoc lines, template
 * sequence ends, comments that absorb their newline).
 */

export type ScanMode = 'normal' | 'template';

const enum Mode {
  Main,
  String,
  Heredoc,
  Bare,
}

interface Heredoc {
  readonly marker: string;
  startOfLine: boolean;
}

const ID_START = /\p{ID_Start}/u;
const ID_CONTINUE = /\p{ID_Continue}/u;

function isAsciiIdStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
}

function isAsciiIdContinue(c: number): boolean {
  return isAsciiIdStart(c) || (c >= 48 && c <= 57) || c === 45;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Length in UTF-16 units of the code point at i (2 for a surrogate pair). */
function cpLen(src: string, i: number): number {
  const c = src.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff) {
    const d = src.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return 2;
  }
  return 1;
}

/** Converts UTF-16 offsets to positions; offsets must be asked for in non-decreasing order. */
class PosTracker {
  private idx = 0;
  private line: number;
  private column: number;
  private byte: number;
  private last: Pos;

  constructor(
    private readonly src: string,
    start: Pos,
    idx: number,
  ) {
    this.idx = idx;
    this.line = start.line;
    this.column = start.column;
    this.byte = start.byte;
    this.last = start;
  }

  at(target: number): Pos {
    if (target === this.idx) return this.last;
    const src = this.src;
    let { line, column, byte } = this;
    let i = this.idx;
    while (i < target) {
      const c = src.charCodeAt(i);
      if (c < 0x80) {
        byte++;
        if (c === 10) {
          line++;
          column = 1;
        } else if (c !== 13 || src.charCodeAt(i + 1) !== 10) {
          // "\r\n" is one grapheme: the "\n" counts it.
          column++;
        }
        i++;
      } else if (c < 0x800) {
        byte += 2;
        column++;
        i++;
      } else if (c >= 0xd800 && c <= 0xdbff && i + 1 < src.length) {
        const d = src.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) {
          byte += 4;
          i += 2;
        } else {
          byte += 3;
          i++;
        }
        column++;
      } else {
        byte += 3;
        column++;
        i++;
      }
    }
    this.idx = i;
    this.line = line;
    this.column = column;
    this.byte = byte;
    this.last = { line, column, byte };
    return this.last;
  }
}

class Scanner {
  readonly tokens: Token[] = [];
  private readonly pos: PosTracker;
  private readonly modes: Mode[] = [];
  private braces = 0;
  private readonly retBraces: number[] = [];
  private readonly heredocs: Heredoc[] = [];
  /** The cursor: a UTF-16 offset into src. */
  private i: number;

  constructor(
    private readonly src: string,
    private readonly filename: string,
    start: Pos,
    private readonly badUtf8: boolean,
  ) {
    let i = 0;
    let begin = start;
    if (src.charCodeAt(0) === 0xfeff) {
      i = 1;
      begin = { line: start.line, column: start.column, byte: start.byte + 3 };
    }
    this.pos = new PosTracker(src, begin, i);
    this.i = i;
  }

  private emit(type: T, start: number, end: number): void {
    const range: Range = { filename: this.filename, start: this.pos.at(start), end: this.pos.at(end) };
    this.tokens.push({ type, start, end, range });
  }

  run(mode: ScanMode): Token[] {
    const base = mode === 'template' ? Mode.Bare : Mode.Main;
    const n = this.src.length;
    while (this.i < n) {
      const m = this.modes.length > 0 ? (this.modes[this.modes.length - 1] as Mode) : base;
      if (m === Mode.Main) this.scanMain();
      else if (m === Mode.String) this.scanString();
      else if (m === Mode.Heredoc) this.scanHeredoc();
      else this.scanBare();
    }
    this.emit(T.EOF, n, n);
    return this.tokens;
  }

  private push(m: Mode): void {
    this.modes.push(m);
  }

  private pop(): void {
    this.modes.pop();
  }

  /** `${` or `%{`, optionally followed by `~`: enter an expression. */
  private beginSequence(type: T): void {
    const start = this.i;
    this.i += this.src.charCodeAt(start + 2) === 126 ? 3 : 2;
    this.emit(type, start, this.i);
    this.braces++;
    this.retBraces.push(this.braces);
    const doc = this.heredocs[this.heredocs.length - 1];
    if (doc) doc.startOfLine = false;
    this.push(Mode.Main);
  }

  /** `}` or `~}`: ends a template sequence when the brace depth matches one. */
  private closeBrace(len: number): void {
    const start = this.i;
    this.i += len;
    const top = this.retBraces[this.retBraces.length - 1];
    if (top !== undefined && top === this.braces) {
      this.emit(T.TemplateSeqEnd, start, this.i);
      this.braces--;
      this.retBraces.pop();
      this.pop();
    } else {
      // hclsyntax yields a sequence end for a stray `~}` too, so the parser reports it.
      this.emit(len === 2 ? T.TemplateSeqEnd : T.CBrace, start, this.i);
      this.braces--;
    }
  }

  private single(type: T, len = 1): void {
    const start = this.i;
    this.i += len;
    this.emit(type, start, this.i);
  }

  private scanMain(): void {
    const src = this.src;
    const c = src.charCodeAt(this.i);
    const next = src.charCodeAt(this.i + 1);
    if (c === 32 || c === 9) {
      let i = this.i + 1;
      for (let d = src.charCodeAt(i); d === 32 || d === 9; d = src.charCodeAt(++i));
      this.i = i;
      return;
    }
    if (isDigit(c)) return this.scanNumber();
    if (isAsciiIdStart(c) || (c >= 0x80 && ID_START.test(String.fromCodePoint(src.codePointAt(this.i) ?? c)))) {
      const start = this.i;
      this.i = this.identEnd(start);
      this.emit(T.Ident, start, this.i);
      return;
    }
    switch (c) {
      case 10:
        return this.single(T.Newline);
      case 13:
        return next === 10 ? this.single(T.Newline, 2) : this.single(T.Invalid);
      case 35: // #
        return this.lineComment();
      case 47: // /
        if (next === 47) return this.lineComment();
        if (next === 42) return this.blockComment();
        return this.single(T.Slash);
      case 61: // =
        return next === 61
          ? this.single(T.EqualOp, 2)
          : next === 62
            ? this.single(T.FatArrow, 2)
            : this.single(T.Equal);
      case 33: // !
        return next === 61 ? this.single(T.NotEqual, 2) : this.single(T.Bang);
      case 62: // >
        return next === 61 ? this.single(T.GreaterThanEq, 2) : this.single(T.GreaterThan);
      case 60: // <
        if (next === 61) return this.single(T.LessThanEq, 2);
        if (next === 60 && this.heredocIntro()) return;
        return this.single(T.LessThan);
      case 38: // &
        return next === 38 ? this.single(T.And, 2) : this.single(T.BitwiseAnd);
      case 124: // |
        return next === 124 ? this.single(T.Or, 2) : this.single(T.BitwiseOr);
      case 58: // :
        return next === 58 ? this.single(T.DoubleColon, 2) : this.single(T.Colon);
      case 46: // .
        return next === 46 && src.charCodeAt(this.i + 2) === 46 ? this.single(T.Ellipsis, 3) : this.single(T.Dot);
      case 123: // {
        this.braces++;
        return this.single(T.OBrace);
      case 125: // }
        return this.closeBrace(1);
      case 126: // ~
        return next === 125 ? this.closeBrace(2) : this.single(T.BitwiseNot);
      case 34: // "
        this.single(T.OQuote);
        return this.push(Mode.String);
      case 91:
        return this.single(T.OBrack);
      case 93:
        return this.single(T.CBrack);
      case 40:
        return this.single(T.OParen);
      case 41:
        return this.single(T.CParen);
      case 44:
        return this.single(T.Comma);
      case 42:
        return this.single(T.Star);
      case 37:
        return this.single(T.Percent);
      case 43:
        return this.single(T.Plus);
      case 45:
        return this.single(T.Minus);
      case 63:
        return this.single(T.Question);
      case 94:
        return this.single(T.BitwiseXor);
      case 59:
        return this.single(T.Semicolon);
      case 96:
        return this.single(T.Backtick);
      case 39:
        return this.single(T.Apostrophe);
      default:
        return this.single(c === 0xfffd && this.badUtf8 ? T.BadUTF8 : T.Invalid, cpLen(src, this.i));
    }
  }

  private identEnd(start: number): number {
    const src = this.src;
    let i = start + cpLen(src, start);
    for (;;) {
      const c = src.charCodeAt(i);
      if (isAsciiIdContinue(c)) {
        i++;
      } else if (c >= 0x80 && ID_CONTINUE.test(String.fromCodePoint(src.codePointAt(i) ?? c))) {
        i += cpLen(src, i);
      } else {
        return i;
      }
    }
  }

  /** digit (digit | '.' | [eE][+-]?digit)*, not ending in '.', as scan_tokens.rl's NumberLit. */
  private scanNumber(): void {
    const src = this.src;
    const start = this.i;
    let i = start + 1;
    let end = i;
    for (;;) {
      const c = src.charCodeAt(i);
      if (isDigit(c)) {
        end = ++i;
      } else if (c === 46) {
        i++;
      } else if (c === 101 || c === 69) {
        const s = src.charCodeAt(i + 1);
        if (isDigit(s)) end = i += 2;
        else if ((s === 43 || s === 45) && isDigit(src.charCodeAt(i + 2))) end = i += 3;
        else break;
      } else {
        break;
      }
    }
    this.i = end;
    this.emit(T.NumberLit, start, end);
  }

  /** `#` or `//` comments take their terminating newline with them. */
  private lineComment(): void {
    const start = this.i;
    const nl = this.src.indexOf('\n', start);
    this.i = nl < 0 ? this.src.length : nl + 1;
    this.emit(T.Comment, start, this.i);
  }

  private blockComment(): void {
    const close = this.src.indexOf('*/', this.i + 2);
    if (close < 0) return this.single(T.Slash);
    const start = this.i;
    this.i = close + 2;
    this.emit(T.Comment, start, this.i);
  }

  /** `<<EOT` or `<<-EOT` directly followed by a newline; false if this is not one. */
  private heredocIntro(): boolean {
    const src = this.src;
    const start = this.i;
    let i = start + 2;
    if (src.charCodeAt(i) === 45) i++;
    const c = src.charCodeAt(i);
    if (!(isAsciiIdStart(c) || (c >= 0x80 && ID_START.test(String.fromCodePoint(src.codePointAt(i) ?? c))))) {
      return false;
    }
    const markerStart = i;
    i = this.identEnd(i);
    const markerEnd = i;
    if (src.charCodeAt(i) === 13) i++;
    if (src.charCodeAt(i) !== 10) return false;
    this.i = i + 1;
    this.emit(T.OHeredoc, start, this.i);
    this.heredocs.push({ marker: src.slice(markerStart, markerEnd), startOfLine: true });
    this.push(Mode.Heredoc);
    return true;
  }

  /** True at `${` or `%{` (an unescaped template sequence). */
  private atSequence(i: number): boolean {
    const c = this.src.charCodeAt(i);
    return (c === 36 || c === 37) && this.src.charCodeAt(i + 1) === 123;
  }

  /** Handles `${`/`%{` at the cursor; true if one was found. */
  private sequence(): boolean {
    const c = this.src.charCodeAt(this.i);
    if (this.src.charCodeAt(this.i + 1) !== 123) return false;
    if (c === 36) this.beginSequence(T.TemplateInterp);
    else if (c === 37) this.beginSequence(T.TemplateControl);
    else return false;
    return true;
  }

  /** Skips a `$${` or `%%{` escape at i, returning the index after it, or i. */
  private escapeEnd(i: number): number {
    const src = this.src;
    const c = src.charCodeAt(i);
    if ((c === 36 || c === 37) && src.charCodeAt(i + 1) === c && src.charCodeAt(i + 2) === 123) return i + 3;
    return i;
  }

  private scanString(): void {
    const src = this.src;
    const c = src.charCodeAt(this.i);
    if (this.sequence()) return;
    if (c === 34) {
      this.single(T.CQuote);
      return this.pop();
    }
    if (c === 10 || c === 13) {
      const start = this.i;
      let i = start + 1;
      for (let d = src.charCodeAt(i); d === 10 || d === 13; d = src.charCodeAt(++i));
      this.i = i;
      return this.emit(T.QuotedNewline, start, i);
    }
    const start = this.i;
    let i = start;
    const n = src.length;
    while (i < n) {
      const d = src.charCodeAt(i);
      if (d === 34 || d === 10 || d === 13) break;
      if (d === 92) {
        const e = src.charCodeAt(i + 1);
        if (i + 1 >= n || e === 10 || e === 13) break;
        i += 1 + cpLen(src, i + 1);
        continue;
      }
      if (d === 36 || d === 37) {
        const after = this.escapeEnd(i);
        if (after > i) {
          i = after;
          continue;
        }
        if (src.charCodeAt(i + 1) === 123) break;
      }
      i++;
    }
    if (i === start) {
      // A backslash before a newline or the end: not a valid string character.
      return this.single(T.Invalid);
    }
    this.i = i;
    this.emit(T.QuotedLit, start, i);
  }

  /** Literal text up to and including a newline, or up to a template sequence. */
  private literalRunEnd(): number {
    const src = this.src;
    const n = src.length;
    let i = this.i;
    while (i < n) {
      const d = src.charCodeAt(i);
      if (d === 10) return i + 1;
      if (d === 36 || d === 37) {
        const after = this.escapeEnd(i);
        if (after > i) {
          i = after;
          continue;
        }
        if (this.atSequence(i)) return i;
      }
      i++;
    }
    return i;
  }

  private scanHeredoc(): void {
    if (this.sequence()) return;
    const doc = this.heredocs[this.heredocs.length - 1] as Heredoc;
    const start = this.i;
    const end = this.literalRunEnd();
    this.i = end;
    if (this.src.charCodeAt(end - 1) !== 10) {
      doc.startOfLine = false;
      return this.emit(T.StringLit, start, end);
    }
    if (doc.startOfLine && this.src.slice(start, end).trim() === doc.marker) {
      // The closing marker and its newline are separate tokens, so the newline still ends the attribute.
      const nl = this.src.charCodeAt(end - 2) === 13 ? end - 2 : end - 1;
      this.emit(T.CHeredoc, start, nl);
      this.emit(T.Newline, nl, end);
      this.heredocs.pop();
      return this.pop();
    }
    doc.startOfLine = true;
    this.emit(T.StringLit, start, end);
  }

  private scanBare(): void {
    if (this.sequence()) return;
    const start = this.i;
    this.i = this.literalRunEnd();
    this.emit(T.StringLit, start, this.i);
  }
}

/**
 * Scans src into tokens, always ending with an EOF token. `badUtf8` marks that
 * U+FFFD characters stand for undecodable bytes of the original file.
 */
export function scanTokens(src: string, filename: string, start: Pos, mode: ScanMode, badUtf8 = false): Token[] {
  return new Scanner(src, filename, start, badUtf8).run(mode);
}
