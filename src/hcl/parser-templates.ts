import type { Expression, TemplateExpr } from './ast.js';
import { errorDiag } from './diagnostics.js';
import { isKeyword, parseExpression, placeholder } from './parser-expressions.js';
import { decodeStringLiteral } from './parser-string-literal.js';
import { opposite, type Parser } from './parser.js';
import { nameSuggestion } from './didyoumean.js';
import { goQuote } from './quote.js';
import { formatRange, rangeBetween, type Range } from './range.js';
import { T, type Token } from './scanner-tokens.js';

/*
 * Templates (quoted strings, heredocs, bare templates) as hclsyntax's
 * parser_template.go: first a flat list of parts (literals with strip markers
 * and flush-heredoc indentation applied, interpolations, directive markers),
 * then a tree built from the directives.
 */

type Part =
  | { kind: 'literal'; value: string; range: Range }
  | { kind: 'interp'; expr: Expression; range: Range }
  | { kind: 'if'; condition: Expression; range: Range }
  | { kind: 'for'; keyVar: string | undefined; valueVar: string; collection: Expression; range: Range }
  | { kind: 'endif' | 'else' | 'endfor'; range: Range }
  | { kind: 'end'; range: Range };

type LiteralPart = Extract<Part, { kind: 'literal' }>;

/* Go's unicode.IsSpace, which hclsyntax trims with (JS trim differs on U+0085 and U+FEFF). */
const LEADING_SPACE = /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/;
const TRAILING_SPACE = /[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+$/;

/** A quoted string or heredoc whose opening token is next. */
export function parseQuotedTemplate(p: Parser): Expression {
  const open = p.read();
  const heredoc = open.type === T.OHeredoc;
  const flush = heredoc && p.src.charCodeAt(open.start + 2) === 45;
  const { exprs, passthru } = parseTemplateInner(p, opposite(open.type), flush, heredoc);
  const range = rangeBetween(open.range, p.prevRange());
  if (passthru && exprs[0]) return { kind: 'TemplateWrap', wrapped: exprs[0], range };
  return { kind: 'Template', parts: exprs, heredoc, range };
}

/** A whole input as a bare template (no quotes), up to EOF. */
export function parseBareTemplate(p: Parser): Expression {
  const { exprs, passthru, range } = parseTemplateInner(p, T.EOF, false, false);
  if (passthru && exprs[0]) return { kind: 'TemplateWrap', wrapped: exprs[0], range };
  return { kind: 'Template', parts: exprs, heredoc: false, range };
}

function parseTemplateInner(
  p: Parser,
  end: T,
  flush: boolean,
  heredoc: boolean,
): { exprs: Expression[]; passthru: boolean; range: Range } {
  const { parts, range } = parseTemplateParts(p, end);
  if (flush) flushHeredoc(parts);
  meldLiterals(parts);
  const exprs = new TreeBuilder(parts, p, heredoc).root();
  const passthru = parts.length === 2 && parts[0]?.kind === 'interp';
  return { exprs, passthru, range };
}

function parseTemplateParts(p: Parser, end: T): { parts: Part[]; range: Range } {
  const parts: Part[] = [];
  const startRange = p.nextRange();
  let endRange: Range;
  let ltrimNext = false;
  let nextCanTrimPrev = false;

  for (;;) {
    const next = p.read();
    if (next.type === end) {
      endRange = next.range;
      break;
    }
    const ltrim = ltrimNext;
    ltrimNext = false;
    const canTrimPrev = nextCanTrimPrev;
    nextCanTrimPrev = false;

    if (next.type === T.StringLit || next.type === T.QuotedLit) {
      const { value, diags } = decodeStringLiteral(p.src, next, next.type === T.QuotedLit);
      p.diags.push(...diags);
      parts.push({ kind: 'literal', value: ltrim ? value.replace(LEADING_SPACE, '') : value, range: next.range });
      nextCanTrimPrev = true;
      continue;
    }
    if (next.type !== T.TemplateInterp && next.type !== T.TemplateControl) {
      if (!p.recovery) {
        p.diags.push(
          errorDiag(
            'Unterminated template string',
            'No closing marker was found for the string.',
            next.range,
            rangeBetween(startRange, next.range),
          ),
        );
      }
      endRange = p.recover(end).range;
      break;
    }

    // `${~` and `%{~` strip trailing whitespace from the literal just before.
    const prev = parts[parts.length - 1];
    if (canTrimPrev && next.end - next.start === 3 && prev?.kind === 'literal') {
      prev.value = prev.value.replace(TRAILING_SPACE, '');
    }
    p.pushNewlines(false);
    const close =
      next.type === T.TemplateInterp
        ? parseInterpolation(p, next, parts, startRange, end)
        : parseDirective(p, next, parts, startRange);
    // `~}` strips leading whitespace from the literal just after.
    if (close !== undefined && close.end - close.start === 2) ltrimNext = true;
    p.popNewlines();
  }

  if (parts.length === 0) {
    // "" means an empty string.
    const at = startRange.end;
    parts.push({ kind: 'literal', value: '', range: { filename: startRange.filename, start: at, end: at } });
  }
  parts.push({ kind: 'end', range: endRange });
  return { parts, range: rangeBetween(startRange, endRange) };
}

/** Parses `${ expr }` after its opener; returns the closing token when well-formed. */
function parseInterpolation(p: Parser, opener: Token, parts: Part[], startRange: Range, end: T): Token | undefined {
  const expr = parseExpression(p);
  const close = p.peek();
  let result: Token | undefined;
  if (close.type !== T.TemplateSeqEnd) {
    if (!p.recovery) {
      if (close.type === T.EOF) {
        p.diags.push(
          errorDiag(
            'Unclosed template interpolation sequence',
            'There is no closing brace for this interpolation sequence before the end of the file. This might be caused by incorrect nesting inside the given expression.',
            startRange,
          ),
        );
      } else if (close.type === T.Colon) {
        p.diags.push(
          errorDiag(
            'Extra characters after interpolation expression',
            'Template interpolation doesn\'t expect a colon at this location. Did you intend this to be a literal sequence to be processed as part of another language? If so, you can escape it by starting with "$${" instead of just "${".',
            close.range,
            rangeBetween(startRange, close.range),
          ),
        );
      } else if ((close.type === T.CQuote || close.type === T.OQuote) && end === T.CQuote) {
        p.diags.push(
          errorDiag(
            'Unclosed template interpolation sequence',
            'There is no closing brace for this interpolation sequence before the end of the quoted template. This might be caused by incorrect nesting inside the given expression.',
            startRange,
          ),
        );
      } else {
        p.diags.push(
          errorDiag(
            'Extra characters after interpolation expression',
            'Expected a closing brace to end the interpolation expression, but found extra characters.\n\nThis can happen when you include interpolation syntax for another language, such as shell scripting, but forget to escape the interpolation start token. If this is an embedded sequence for another language, escape it by starting with "$${" instead of just "${".',
            close.range,
            rangeBetween(startRange, close.range),
          ),
        );
      }
    }
    p.recover(T.TemplateSeqEnd);
  } else {
    result = p.read();
  }
  parts.push({ kind: 'interp', expr, range: rangeBetween(opener.range, close.range) });
  return result;
}

/** Parses `%{ keyword ... }` after its opener; returns the closing token when well-formed. */
function parseDirective(p: Parser, opener: Token, parts: Part[], startRange: Range): Token | undefined {
  const kw = p.peek();
  if (kw.type !== T.Ident) {
    if (!p.recovery) {
      p.diags.push(
        errorDiag(
          'Invalid template directive',
          'A template directive keyword ("if", "for", etc) is expected at the beginning of a %{ sequence.',
          kw.range,
          rangeBetween(opener.range, kw.range),
        ),
      );
    }
    p.recover(T.TemplateSeqEnd);
    return undefined;
  }
  p.read();
  const word = p.text(kw);
  switch (word) {
    case 'if': {
      const condition = parseExpression(p);
      parts.push({ kind: 'if', condition, range: rangeBetween(opener.range, p.nextRange()) });
      break;
    }
    case 'else':
    case 'endif':
    case 'endfor':
      parts.push({ kind: word, range: rangeBetween(opener.range, p.nextRange()) });
      break;
    case 'for': {
      const fail = (detail: string): undefined => {
        if (!p.recovery) p.diags.push(errorDiag("Invalid 'for' directive", detail, p.peek().range));
        p.recover(T.TemplateSeqEnd);
        return undefined;
      };
      if (p.peek().type !== T.Ident) return fail("For directive requires variable name after 'for'.");
      let valueVar = p.text(p.read());
      let keyVar: string | undefined;
      if (p.peek().type === T.Comma) {
        keyVar = valueVar;
        p.read();
        if (p.peek().type !== T.Ident) return fail('For directive requires value variable name after comma.');
        valueVar = p.text(p.read());
      }
      if (!isKeyword(p, p.peek(), 'in')) return fail("For directive requires 'in' keyword after names.");
      p.read();
      const collection = parseExpression(p);
      parts.push({ kind: 'for', keyVar, valueVar, collection, range: rangeBetween(opener.range, p.nextRange()) });
      break;
    }
    default: {
      if (!p.recovery) {
        const suggestion = nameSuggestion(word, ['if', 'for', 'else', 'endif', 'endfor']);
        p.diags.push(
          errorDiag(
            'Invalid template control keyword',
            `${goQuote(word)} is not a valid template control keyword.${suggestion ? ` Did you mean ${goQuote(suggestion)}?` : ''}`,
            kw.range,
            rangeBetween(opener.range, kw.range),
          ),
        );
      }
      p.recover(T.TemplateSeqEnd);
      return undefined;
    }
  }
  const close = p.peek();
  if (close.type !== T.TemplateSeqEnd) {
    if (!p.recovery) {
      p.diags.push(
        errorDiag(
          `Extra characters in ${word} marker`,
          'Expected a closing brace to end the sequence, but found extra characters.',
          close.range,
          rangeBetween(startRange, close.range),
        ),
      );
    }
    p.recover(T.TemplateSeqEnd);
    return undefined;
  }
  return p.read();
}

/** Number of code points of leading whitespace, or Infinity for a blank line. */
function indentOf(lit: LiteralPart): number {
  const m = LEADING_SPACE.exec(lit.value);
  if (m === null) return 0;
  const spaces = m[0];
  if (spaces.length === lit.value.length && lit.value.endsWith('\n')) return Infinity;
  return Array.from(spaces).length;
}

/**
 * `<<-EOT`: removes the smallest indentation of the lines from every line.
 * Works on the literal parts that begin lines, so interpolated values cannot
 * change the indentation chosen.
 */
function flushHeredoc(parts: Part[]): void {
  let min = Infinity;
  let newline = true;
  const adjust: LiteralPart[] = [];
  for (const part of parts) {
    if (newline) {
      newline = false;
      if (part.kind === 'end') break;
      if (part.kind === 'literal') {
        const spaces = indentOf(part);
        if (spaces !== Infinity) adjust.push(part);
        min = Math.min(min, spaces);
      } else {
        min = 0;
      }
    }
    if (part.kind === 'literal' && part.value.endsWith('\n')) newline = true;
  }
  if (min === Infinity || min === 0) return;
  for (const lit of adjust) {
    let units = 0;
    for (let n = 0; n < min; n++) units += (lit.value.codePointAt(units) ?? 0) > 0xffff ? 2 : 1;
    const removed = lit.value.slice(0, units);
    lit.value = lit.value.slice(units);
    const start = lit.range.start;
    lit.range = {
      ...lit.range,
      start: { line: start.line, column: start.column + min, byte: start.byte + Buffer.byteLength(removed) },
    };
  }
}

/** Joins adjacent literal parts (after trimming) into one. */
function meldLiterals(parts: Part[]): void {
  let out = 1;
  for (let i = 1; i < parts.length; i++) {
    const prev = parts[out - 1];
    const cur = parts[i] as Part;
    if (prev?.kind === 'literal' && cur.kind === 'literal') {
      prev.value += cur.value;
      prev.range = { ...prev.range, end: cur.range.end };
    } else {
      parts[out++] = cur;
    }
  }
  parts.length = Math.min(out, parts.length);
}

/** Builds the expression tree from the flat parts, pairing directives. */
class TreeBuilder {
  private pos = 0;

  constructor(
    private readonly parts: readonly Part[],
    private readonly p: Parser,
    private readonly heredoc: boolean,
  ) {}

  private peek(): Part {
    return this.parts[this.pos] as Part;
  }

  private read(): Part {
    const part = this.peek();
    if (part.kind !== 'end') this.pos++;
    return part;
  }

  root(): Expression[] {
    const exprs: Expression[] = [];
    while (this.peek().kind !== 'end') exprs.push(this.expr());
    return exprs;
  }

  private expr(): Expression {
    const part = this.read();
    switch (part.kind) {
      case 'literal':
        return { kind: 'Literal', type: 'string', value: part.value, range: part.range };
      case 'interp':
        return part.expr;
      case 'if':
        return this.ifDirective(part);
      case 'for':
        return this.forDirective(part);
      case 'end':
        this.p.diags.push(
          errorDiag(
            'Unexpected end of template',
            'The control directives within this template are unbalanced.',
            part.range,
          ),
        );
        return placeholder(part.range);
      default:
        this.p.diags.push(
          errorDiag(
            `Unexpected ${part.kind} directive`,
            'The control directives within this template are unbalanced.',
            part.range,
          ),
        );
        return placeholder(part.range);
    }
  }

  private template(exprs: Expression[], emptyAt: Range): TemplateExpr {
    if (exprs.length === 0) exprs.push({ kind: 'Literal', type: 'string', value: '', range: emptyAt });
    const first = exprs[0] as Expression;
    const last = exprs[exprs.length - 1] as Expression;
    return { kind: 'Template', parts: exprs, heredoc: this.heredoc, range: rangeBetween(first.range, last.range) };
  }

  /** A directive the template ends inside of: hcl's "Unexpected end of template". */
  private unclosed(directive: 'if' | 'for', openRange: Range, at: Range): Expression {
    this.p.diags.push(
      errorDiag(
        'Unexpected end of template',
        `The ${directive} directive at ${formatRange(openRange)} is missing its corresponding end${directive} directive.`,
        at,
      ),
    );
    return placeholder(at);
  }

  private ifDirective(open: Extract<Part, { kind: 'if' }>): Expression {
    const thenExprs: Expression[] = [];
    let elseExprs: Expression[] | undefined;
    for (;;) {
      const next = this.peek();
      if (next.kind === 'end') return this.unclosed('if', open.range, next.range);
      if (next.kind === 'else' || next.kind === 'endif' || next.kind === 'endfor') {
        this.read();
        if (next.kind === 'else' && elseExprs === undefined) {
          elseExprs = [];
          continue;
        }
        if (next.kind === 'endif') {
          const thenT = this.template(thenExprs, { ...open.range, start: open.range.end });
          const elseT = elseExprs && this.template(elseExprs, { ...next.range, end: next.range.start });
          return {
            kind: 'TemplateIf',
            condition: open.condition,
            then: thenT,
            ...(elseT ? { else: elseT } : {}),
            range: rangeBetween(open.range, next.range),
          };
        }
        this.p.diags.push(
          next.kind === 'else'
            ? errorDiag(
                'Unexpected else directive',
                `Already in the else clause for the if started at ${formatRange(open.range)}.`,
                next.range,
              )
            : errorDiag(
                `Unexpected ${next.kind} directive`,
                `Expecting an endif directive for the if started at ${formatRange(open.range)}.`,
                next.range,
              ),
        );
        return placeholder(next.range);
      }
      (elseExprs ?? thenExprs).push(this.expr());
    }
  }

  private forDirective(open: Extract<Part, { kind: 'for' }>): Expression {
    const body: Expression[] = [];
    for (;;) {
      const next = this.peek();
      if (next.kind === 'end') return this.unclosed('for', open.range, next.range);
      if (next.kind === 'else' || next.kind === 'endif' || next.kind === 'endfor') {
        this.read();
        if (next.kind === 'endfor') {
          return {
            kind: 'TemplateFor',
            keyVar: open.keyVar,
            valueVar: open.valueVar,
            collection: open.collection,
            body: this.template(body, { ...open.range, start: open.range.end }),
            range: rangeBetween(open.range, next.range),
          };
        }
        this.p.diags.push(
          next.kind === 'else'
            ? errorDiag('Unexpected else directive', 'An else clause is not expected for a for directive.', next.range)
            : errorDiag(
                `Unexpected ${next.kind} directive`,
                `Expecting an endfor directive corresponding to the for directive at ${formatRange(open.range)}.`,
                next.range,
              ),
        );
        return placeholder(next.range);
      }
      body.push(this.expr());
    }
  }
}
