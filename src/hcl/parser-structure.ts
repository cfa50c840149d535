import type { Attribute, Block, Body } from './ast.js';
import { errorDiag, type Diagnostic } from './diagnostics.js';
import { parseExpression } from './parser-expressions.js';
import { decodeStringLiteral } from './parser-string-literal.js';
import type { Parser } from './parser.js';
import { formatRange, rangeBetween, type Range } from './range.js';
import { T, type Token } from './scanner-tokens.js';

/* Bodies, attributes and blocks: the structural half of hclsyntax's parser.go. */

const ITEM_REQUIRED = 'An argument or block definition is required here.';

function zeroWidthAt(r: Range): Range {
  return { filename: r.filename, start: r.end, end: r.end };
}

/** Parses body items up to the token `end` (`}` for a block, EOF for a file). */
export function parseBody(p: Parser, end: T): Body {
  const attributes: Attribute[] = [];
  const blocks: Block[] = [];
  const byName = new Map<string, Attribute>();
  const startRange = p.prevRange();
  let endRange: Range;
  for (;;) {
    const next = p.peek();
    if (next.type === end) {
      endRange = next.range;
      p.read();
      break;
    }
    if (next.type === T.Newline) {
      p.read();
      continue;
    }
    if (next.type === T.Ident) {
      const item = parseBodyItem(p);
      if (item?.kind === 'Block') {
        blocks.push(item);
      } else if (item) {
        const existing = byName.get(item.name);
        if (existing) {
          p.diags.push(
            errorDiag(
              'Attribute redefined',
              `The argument "${item.name}" was already set at ${formatRange(existing.nameRange)}. Each argument may be set only once.`,
              item.nameRange,
            ),
          );
        } else {
          byName.set(item.name, item);
          attributes.push(item);
        }
      }
      continue;
    }
    const bad = p.read();
    if (!p.recovery) p.diags.push(unexpectedInBody(bad, end, startRange));
    endRange = p.prevRange(); // somewhere inside the body, for better diagnostics
    p.recover(end);
    break;
  }
  return {
    kind: 'Body',
    attributes,
    blocks,
    range: rangeBetween(startRange, endRange),
    endRange: zeroWidthAt(endRange),
  };
}

function unexpectedInBody(bad: Token, end: T, startRange: Range): Diagnostic {
  if (bad.type === T.OQuote) return errorDiag('Invalid argument name', 'Argument names must not be quoted.', bad.range);
  if (bad.type !== T.EOF) return errorDiag('Argument or block definition required', ITEM_REQUIRED, bad.range);
  return end === T.CBrace
    ? errorDiag(
        'Unclosed configuration block',
        'There is no closing brace for this block before the end of the file. This may be caused by incorrect brace nesting elsewhere in this file.',
        startRange,
      )
    : errorDiag(
        'Unclosed configuration body',
        'Found end of file before the end of this configuration body.',
        startRange,
      );
}

function parseBodyItem(p: Parser): Attribute | Block | undefined {
  const ident = p.read();
  const next = p.peek();
  if (next.type === T.Equal) return finishAttribute(p, ident, false);
  if (next.type === T.OQuote || next.type === T.OBrace || next.type === T.Ident) {
    if (!p.enter(ident.range)) {
      p.recoverAfterBodyItem();
      return undefined;
    }
    try {
      return finishBlock(p, ident);
    } finally {
      p.leave();
    }
  }
  p.recoverAfterBodyItem();
  p.diags.push(
    errorDiag(
      'Argument or block definition required',
      `${ITEM_REQUIRED} To set an argument, use the equals sign "=" to introduce the argument value.`,
      ident.range,
    ),
  );
  return undefined;
}

function finishAttribute(p: Parser, ident: Token, singleLine: boolean): Attribute {
  const equals = p.read();
  const mark = p.diags.length;
  const expr = parseExpression(p);
  let endRange = p.prevRange();
  if (p.recovery && p.diags.length > mark) {
    // Recovery inside expressions can land anywhere: resynchronise on the next item.
    p.recoverAfterBodyItem();
  } else if (!singleLine) {
    const end = p.peek();
    if (end.type !== T.Newline && end.type !== T.EOF) {
      if (!p.recovery) {
        const comma = end.type === T.Comma;
        p.diags.push(
          errorDiag(
            comma ? 'Unexpected comma after argument' : 'Missing newline after argument',
            comma
              ? 'Argument definitions must be separated by newlines, not commas. An argument definition must end with a newline.'
              : 'An argument definition must end with a newline.',
            end.range,
            rangeBetween(ident.range, end.range),
          ),
        );
      }
      endRange = p.prevRange();
      p.recoverAfterBodyItem();
    } else {
      endRange = p.prevRange();
      p.read();
    }
  }
  return {
    kind: 'Attribute',
    name: p.text(ident),
    expr,
    nameRange: ident.range,
    equalsRange: equals.range,
    range: rangeBetween(ident.range, endRange),
  };
}

function finishBlock(p: Parser, ident: Token): Block {
  const type = p.text(ident);
  const labels: string[] = [];
  const labelRanges: Range[] = [];
  let open: Token | undefined;
  while (open === undefined) {
    const tok = p.peek();
    if (tok.type === T.OBrace) {
      open = p.read();
    } else if (tok.type === T.OQuote) {
      const label = parseQuotedStringLiteral(p);
      labels.push(label.value);
      labelRanges.push(label.range);
    } else if (tok.type === T.Ident) {
      p.read();
      labels.push(p.text(tok));
      labelRanges.push(tok.range);
    } else {
      const context = rangeBetween(ident.range, tok.range);
      if (tok.type === T.Equal) {
        p.diags.push(
          errorDiag(
            'Invalid block definition',
            'The equals sign "=" indicates an argument definition, and must not be used when defining a block.',
            tok.range,
            context,
          ),
        );
      } else if (tok.type === T.Newline) {
        p.diags.push(
          errorDiag(
            'Invalid block definition',
            'A block definition must have block content delimited by "{" and "}", starting on the same line as the block header.',
            tok.range,
            context,
          ),
        );
      } else if (!p.recovery) {
        p.diags.push(
          errorDiag(
            'Invalid block definition',
            'Either a quoted string block label or an opening brace ("{") is expected here.',
            tok.range,
            context,
          ),
        );
      }
      p.recoverAfterBodyItem();
      const r = ident.range;
      return {
        kind: 'Block',
        type,
        labels,
        labelRanges,
        body: { kind: 'Body', attributes: [], blocks: [], range: r, endRange: r },
        typeRange: r,
        openBraceRange: r,
        closeBraceRange: r,
        range: r,
      };
    }
  }

  let body: Body | undefined;
  const first = p.peek().type;
  if (first === T.Newline || first === T.EOF || first === T.CBrace) {
    body = parseBody(p, T.CBrace);
  } else {
    body = parseSingleAttrBody(p);
    finishSingleLineBlock(p, ident, open);
  }
  const closeBraceRange = p.prevRange();

  const eol = p.peek();
  if (eol.type === T.Newline || eol.type === T.EOF) {
    p.read();
  } else {
    if (!p.recovery) {
      p.diags.push(
        errorDiag(
          'Missing newline after block definition',
          'A block definition must end with a newline.',
          eol.range,
          rangeBetween(ident.range, eol.range),
        ),
      );
    }
    p.recoverAfterBodyItem();
  }

  if (body === undefined) {
    const r = rangeBetween(open.range, closeBraceRange);
    body = { kind: 'Body', attributes: [], blocks: [], range: r, endRange: closeBraceRange };
  }
  return {
    kind: 'Block',
    type,
    labels,
    labelRanges,
    body,
    typeRange: ident.range,
    openBraceRange: open.range,
    closeBraceRange,
    range: rangeBetween(ident.range, closeBraceRange),
  };
}

/** After a one-line block's attribute: the closing brace must follow directly. */
function finishSingleLineBlock(p: Parser, ident: Token, open: Token): void {
  const next = p.peek();
  switch (next.type) {
    case T.CBrace:
      p.read();
      return;
    case T.Comma:
      p.diags.push(
        errorDiag(
          'Invalid single-argument block definition',
          'Single-line block syntax can include only one argument definition. To define multiple arguments, use the multi-line block syntax with one argument definition per line.',
          next.range,
        ),
      );
      break;
    case T.Newline:
      p.diags.push(
        errorDiag(
          'Invalid single-argument block definition',
          "An argument definition on the same line as its containing block creates a single-line block definition, which must also be closed on the same line. Place the block's closing brace immediately after the argument definition.",
          next.range,
        ),
      );
      break;
    default:
      if (!p.recovery) {
        p.diags.push(
          next.type === T.EOF
            ? errorDiag(
                'Unclosed configuration block',
                'There is no closing brace for this block before the end of the file. This may be caused by incorrect brace nesting elsewhere in this file.',
                open.range,
                rangeBetween(ident.range, open.range),
              )
            : errorDiag(
                'Invalid single-argument block definition',
                'A single-line block definition must end with a closing brace immediately after its single argument definition.',
                next.range,
              ),
        );
      }
  }
  p.recover(T.CBrace);
}

/** `block { name = value }`: exactly one attribute on the block's line. */
function parseSingleAttrBody(p: Parser): Body | undefined {
  const ident = p.read();
  if (ident.type !== T.Ident) {
    p.recoverAfterBodyItem();
    p.diags.push(errorDiag('Argument or block definition required', ITEM_REQUIRED, ident.range));
    return undefined;
  }
  const next = p.peek();
  if (next.type === T.Equal) {
    const attr = finishAttribute(p, ident, true);
    return { kind: 'Body', attributes: [attr], blocks: [], range: attr.range, endRange: zeroWidthAt(attr.range) };
  }
  p.recoverAfterBodyItem();
  p.diags.push(
    next.type === T.OQuote || next.type === T.OBrace || next.type === T.Ident
      ? errorDiag(
          'Argument definition required',
          `A single-line block definition can contain only a single argument. If you meant to define argument "${p.text(ident)}", use an equals sign to assign it a value. To define a nested block, place it on a line of its own within its parent block.`,
          rangeBetween(ident.range, next.range),
        )
      : errorDiag(
          'Argument or block definition required',
          `${ITEM_REQUIRED} To set an argument, use the equals sign "=" to introduce the argument value.`,
          ident.range,
        ),
  );
  return undefined;
}

/** A quoted string with no template sequences, such as a block label. */
function parseQuotedStringLiteral(p: Parser): { value: string; range: Range } {
  const open = p.read();
  let value = '';
  let endRange: Range;
  for (;;) {
    const tok = p.read();
    if (tok.type === T.CQuote) {
      endRange = tok.range;
      break;
    }
    if (tok.type === T.QuotedLit) {
      const lit = decodeStringLiteral(p.src, tok, true);
      p.diags.push(...lit.diags);
      value += lit.value;
      continue;
    }
    if (tok.type === T.TemplateInterp || tok.type === T.TemplateControl) {
      const which = tok.type === T.TemplateControl ? '%' : '$';
      p.diags.push(
        errorDiag(
          'Invalid string literal',
          `Template sequences are not allowed in this string. To include a literal "${which}", double it (as "${which}${which}") to escape it.`,
          tok.range,
          rangeBetween(open.range, tok.range),
        ),
      );
      // Marks the partial result as not what was written.
      value += `${which}{ ... }`;
      p.recover(T.TemplateSeqEnd);
      continue;
    }
    if (tok.type === T.EOF) {
      p.diags.push(
        errorDiag(
          'Unterminated string literal',
          'Unable to find the closing quote mark before the end of the file.',
          tok.range,
          rangeBetween(open.range, tok.range),
        ),
      );
      endRange = tok.range;
      break;
    }
    p.diags.push(
      errorDiag(
        'Invalid string literal',
        'This item is not valid in a string literal.',
        tok.range,
        rangeBetween(open.range, tok.range),
      ),
    );
    p.recover(T.CQuote);
    endRange = tok.range;
    break;
  }
  return { value, range: rangeBetween(open.range, endRange) };
}
