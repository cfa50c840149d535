import { isUtf8 } from 'node:buffer';
import type { Expression, File } from './ast.js';
import type { Diagnostic } from './diagnostics.js';
import { parseExpression as parseExpr } from './parser-expressions.js';
import { parseBody } from './parser-structure.js';
import { parseBareTemplate } from './parser-templates.js';
import { Parser } from './parser.js';
import type { Pos } from './range.js';
import { checkInvalidTokens } from './scanner-check.js';
import { T } from './scanner-tokens.js';
import { scanTokens, type ScanMode } from './scanner.js';

/*
 * Public entry points of the native-syntax parser, as hclsyntax's ParseConfig,
 * ParseExpression and ParseTemplate. They never throw: every problem is a
 * diagnostic, and the returned tree is whole (with placeholders) even on errors.
 */

const FILE_START: Pos = { line: 1, column: 1, byte: 0 };

function parserFor(src: string, filename: string, start: Pos, mode: ScanMode, badUtf8 = false) {
  const tokens = scanTokens(src, filename, start, mode, badUtf8);
  return { p: new Parser(tokens, src), scanDiags: checkInvalidTokens(tokens, src) };
}

/** Parses a whole .pkr.hcl file. */
export function parseConfig(src: Buffer | string, filename: string): { file: File; diags: Diagnostic[] } {
  const bytes = typeof src === 'string' ? Buffer.from(src, 'utf8') : src;
  const text = typeof src === 'string' ? src : src.toString('utf8');
  const badUtf8 = typeof src !== 'string' && !isUtf8(src);
  const { p, scanDiags } = parserFor(text, filename, FILE_START, 'normal', badUtf8);
  const body = parseBody(p, T.EOF);
  return { file: { filename, body, bytes }, diags: [...scanDiags, ...p.diags] };
}

/** Parses one expression; anything after it is an error. Newlines inside are insignificant. */
export function parseExpression(
  src: string,
  filename: string,
  start: Pos = FILE_START,
): { expr: Expression; diags: Diagnostic[] } {
  const { p, scanDiags } = parserFor(src, filename, start, 'normal');
  p.pushNewlines(false);
  const expr = parseExpr(p);
  const next = p.peek();
  if (next.type !== T.EOF && !p.recovery) {
    p.diags.push({
      severity: 'error',
      summary: 'Extra characters after expression',
      detail: 'An expression was successfully parsed, but extra characters were found after it.',
      subject: next.range,
    });
  }
  p.popNewlines();
  return { expr, diags: [...scanDiags, ...p.diags] };
}

/**
 * Parses a bare template (the content of a JSON string): a template that is only
 * one interpolation gives a TemplateWrap, anything else a Template.
 */
export function parseTemplate(
  src: string,
  filename: string,
  start: Pos = FILE_START,
): { expr: Expression; diags: Diagnostic[] } {
  const { p, scanDiags } = parserFor(src, filename, start, 'template');
  const expr = parseBareTemplate(p);
  return { expr, diags: [...scanDiags, ...p.diags] };
}
