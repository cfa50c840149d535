import { errorDiag, type Diagnostic } from './diagnostics.js';
import type { Range } from './range.js';
import { T, type Token } from './scanner-tokens.js';

/*
 * The parser's cursor over the token list: hclsyntax's peeker (comments
 * skipped, newlines significant or not per a stack of contexts) plus its error
 * recovery helpers. The grammar lives in parser-structure.ts,
 * parser-expressions.ts and parser-templates.ts.
 */

/**
 * How deeply expressions and blocks may nest. hclsyntax has no limit (Go stacks
 * grow); JavaScript's does not, so deeper input is a diagnostic instead of a crash.
 */
export const MAX_NESTING = 200;

export class Parser {
  private next = 0;
  private depth = 0;
  private readonly newlines: boolean[] = [true];
  /**
   * Set once recovery has been attempted. Later "unexpected token" errors are
   * suppressed, since recovery may have left the cursor somewhere odd.
   */
  recovery = false;
  /** Every diagnostic found so far; sub-parsers compare its length to learn whether they failed. */
  readonly diags: Diagnostic[] = [];

  constructor(
    readonly tokens: readonly Token[],
    readonly src: string,
  ) {}

  /** The source text of a token. */
  text(tok: Token): string {
    return this.src.slice(tok.start, tok.end);
  }

  peek(): Token {
    return this.find(false);
  }

  read(): Token {
    return this.find(true);
  }

  nextRange(): Range {
    return this.peek().range;
  }

  prevRange(): Range {
    if (this.next === 0) return this.nextRange();
    return (this.tokens[this.next - 1] as Token).range;
  }

  /**
   * Enters one level of nesting; false (with one diagnostic per parse) when that
   * would exceed MAX_NESTING, in which case the caller must not recurse.
   */
  enter(at: Range): boolean {
    if (this.depth < MAX_NESTING) {
      this.depth++;
      return true;
    }
    if (!this.recovery) {
      this.diags.push(
        errorDiag('Nesting too deep', `Expressions and blocks may be nested at most ${MAX_NESTING} levels deep.`, at),
      );
    }
    this.recovery = true;
    return false;
  }

  leave(): void {
    this.depth--;
  }

  pushNewlines(include: boolean): void {
    this.newlines.push(include);
  }

  popNewlines(): void {
    this.newlines.pop();
  }

  private find(consume: boolean): Token {
    const tokens = this.tokens;
    const includeNewlines = this.newlines[this.newlines.length - 1] === true;
    for (let i = this.next; i < tokens.length; i++) {
      const tok = tokens[i] as Token;
      if (tok.type === T.Comment) {
        // A line comment absorbs its newline; it still ends a body item.
        if (includeNewlines && this.src.charCodeAt(tok.end - 1) === 10) {
          if (consume) this.next = i + 1;
          return { type: T.Newline, start: tok.end - 1, end: tok.end, range: tok.range };
        }
        continue;
      }
      if (tok.type === T.Newline && !includeNewlines) continue;
      if (consume) this.next = i + 1;
      return tok;
    }
    if (consume) this.next = tokens.length;
    return tokens[tokens.length - 1] as Token;
  }

  /**
   * Skips to the token `end` (balancing nested brackets of the same kind) and
   * returns it, leaving the cursor after it; stops at EOF.
   */
  recover(end: T): Token {
    const start = opposite(end);
    this.recovery = true;
    let nest = 0;
    for (;;) {
      const tok = this.read();
      let ty = tok.type;
      // Both kinds of template sequence end with the same token.
      if (end === T.TemplateSeqEnd && ty === T.TemplateControl) ty = T.TemplateInterp;
      if (ty === start) nest++;
      else if (ty === end) {
        if (nest < 1) return tok;
        nest--;
      } else if (ty === T.EOF) return tok;
    }
  }

  /** Skips to the next `start` bracket and then past its matching closer. */
  recoverOver(start: T): void {
    for (;;) {
      const ty = this.read().type;
      if (ty === start || ty === T.EOF) break;
    }
    this.recover(opposite(start));
  }

  /** Skips to the newline that ends the current body item, outside any brackets. */
  recoverAfterBodyItem(): void {
    this.recovery = true;
    const open: T[] = [];
    for (;;) {
      const tok = this.read();
      switch (tok.type) {
        case T.Newline:
          if (open.length === 0) return;
          break;
        case T.EOF:
          return;
        case T.OBrace:
        case T.OBrack:
        case T.OParen:
        case T.OQuote:
        case T.OHeredoc:
        case T.TemplateInterp:
        case T.TemplateControl:
          open.push(tok.type);
          break;
        case T.CBrace:
        case T.CBrack:
        case T.CParen:
        case T.CQuote:
        case T.CHeredoc: {
          const opener = opposite(tok.type);
          while (open.length > 0 && open[open.length - 1] !== opener) open.pop();
          open.pop();
          break;
        }
        case T.TemplateSeqEnd:
          while (
            open.length > 0 &&
            open[open.length - 1] !== T.TemplateInterp &&
            open[open.length - 1] !== T.TemplateControl
          ) {
            open.pop();
          }
          open.pop();
          break;
      }
    }
  }
}

/** The other end of a bracketing token, or Nil for any other token. */
export function opposite(ty: T): T {
  switch (ty) {
    case T.OBrace:
      return T.CBrace;
    case T.OBrack:
      return T.CBrack;
    case T.OParen:
      return T.CParen;
    case T.OQuote:
      return T.CQuote;
    case T.OHeredoc:
      return T.CHeredoc;
    case T.CBrace:
      return T.OBrace;
    case T.CBrack:
      return T.OBrack;
    case T.CParen:
      return T.OParen;
    case T.CQuote:
      return T.OQuote;
    case T.CHeredoc:
      return T.OHeredoc;
    case T.TemplateControl:
    case T.TemplateInterp:
      return T.TemplateSeqEnd;
    case T.TemplateSeqEnd:
      return T.TemplateInterp;
    default:
      return T.Nil;
  }
}
