import type { Range } from './range.js';

/**
 * Token kinds of the native syntax, as hclsyntax's TokenType. Operators and
 * punctuation that HCL rejects (`&`, `;`, backtick ...) are still scanned so the
 * parser can explain them.
 */
export const enum T {
  OBrace,
  CBrace,
  OBrack,
  CBrack,
  OParen,
  CParen,
  OQuote,
  CQuote,
  OHeredoc,
  CHeredoc,
  Star,
  Slash,
  Plus,
  Minus,
  Percent,
  Equal,
  EqualOp,
  NotEqual,
  LessThan,
  LessThanEq,
  GreaterThan,
  GreaterThanEq,
  And,
  Or,
  Bang,
  Dot,
  Comma,
  DoubleColon,
  Ellipsis,
  FatArrow,
  Question,
  Colon,
  TemplateInterp,
  TemplateControl,
  TemplateSeqEnd,
  /** Literal text of a quoted string: may contain backslash escapes. */
  QuotedLit,
  /** Literal text of a heredoc or bare template: no backslash escapes. */
  StringLit,
  NumberLit,
  Ident,
  Comment,
  Newline,
  EOF,
  BitwiseAnd,
  BitwiseOr,
  BitwiseNot,
  BitwiseXor,
  Apostrophe,
  Backtick,
  Semicolon,
  Invalid,
  BadUTF8,
  QuotedNewline,
  /** Never scanned: stands for "no token" (e.g. the opposite of a non-bracket). */
  Nil,
}

/** A token: its kind, UTF-16 offsets [start, end) into the scanned string, and its source range. */
export interface Token {
  readonly type: T;
  readonly start: number;
  readonly end: number;
  readonly range: Range;
}
