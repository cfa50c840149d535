import type { Expression } from './ast.js';
import { errorDiag } from './diagnostics.js';
import { isKeyword, parseExpression, placeholder } from './parser-expressions.js';
import { opposite, type Parser } from './parser.js';
import { rangeBetween } from './range.js';
import { T, type Token } from './scanner-tokens.js';

/* `[for v in coll : expr if cond]` and `{for k, v in coll : key => value... if cond}`. */

/** Parses a for expression whose opening bracket or brace `open` was just read. */
export function parseForExpr(p: Parser, open: Token): Expression {
  p.pushNewlines(false);
  try {
    return finishFor(p, open);
  } finally {
    p.popNewlines();
  }
}

function finishFor(p: Parser, open: Token): Expression {
  p.read(); // "for"
  const makeObject = open.type === T.OBrace;
  const closeType = opposite(open.type);

  const fail = (detail: string): Expression => {
    if (!p.recovery) {
      const at = p.peek().range;
      p.diags.push(errorDiag("Invalid 'for' expression", detail, at, rangeBetween(open.range, at)));
    }
    const close = p.recover(closeType);
    return placeholder(rangeBetween(open.range, close.range));
  };
  const bail = (): Expression => placeholder(rangeBetween(open.range, p.recover(closeType).range));

  if (p.peek().type !== T.Ident) return fail("For expression requires variable name after 'for'.");
  let valueVar = p.text(p.read());
  let keyVar: string | undefined;
  if (p.peek().type === T.Comma) {
    keyVar = valueVar;
    p.read();
    if (p.peek().type !== T.Ident) return fail('For expression requires value variable name after comma.');
    valueVar = p.text(p.read());
  }
  if (!isKeyword(p, p.peek(), 'in'))
    return fail("For expression requires the 'in' keyword after its name declarations.");
  p.read();

  let mark = p.diags.length;
  const collection = parseExpression(p);
  if (p.recovery && p.diags.length > mark) return bail();
  if (p.peek().type !== T.Colon) return fail('For expression requires a colon after the collection expression.');
  p.read();

  mark = p.diags.length;
  let keyExpr: Expression | undefined;
  let valueExpr = parseExpression(p);
  if (p.peek().type === T.FatArrow) {
    p.read();
    keyExpr = valueExpr;
    valueExpr = parseExpression(p);
  }
  if (p.recovery && p.diags.length > mark) return bail();

  let ellipsis: Token | undefined;
  if (p.peek().type === T.Ellipsis) ellipsis = p.read();

  let condition: Expression | undefined;
  if (isKeyword(p, p.peek(), 'if')) {
    p.read();
    mark = p.diags.length;
    condition = parseExpression(p);
    if (p.recovery && p.diags.length > mark) return bail();
  }

  let close: Token;
  if (p.peek().type === closeType) {
    close = p.read();
  } else {
    if (!p.recovery) {
      const at = p.peek().range;
      p.diags.push(
        errorDiag(
          "Invalid 'for' expression",
          "Extra characters after the end of the 'for' expression.",
          at,
          rangeBetween(open.range, at),
        ),
      );
    }
    close = p.recover(closeType);
  }
  const whole = rangeBetween(open.range, close.range);
  if (!makeObject) {
    if (keyExpr) {
      p.diags.push(
        errorDiag(
          "Invalid 'for' expression",
          'Key expression is not valid when building a tuple.',
          keyExpr.range,
          whole,
        ),
      );
    }
    if (ellipsis) {
      p.diags.push(
        errorDiag(
          "Invalid 'for' expression",
          'Grouping ellipsis (...) cannot be used when building a tuple.',
          ellipsis.range,
          whole,
        ),
      );
    }
  } else if (!keyExpr) {
    p.diags.push(
      errorDiag(
        "Invalid 'for' expression",
        'Key expression is required when building an object.',
        valueExpr.range,
        whole,
      ),
    );
  }
  return {
    kind: 'For',
    keyVar,
    valueVar,
    collection,
    keyExpr,
    valueExpr,
    condition,
    group: ellipsis !== undefined,
    openRange: open.range,
    closeRange: close.range,
    range: whole,
  };
}
