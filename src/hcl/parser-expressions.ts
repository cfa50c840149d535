import type {
  AnonSymbolExpr,
  BinaryOperator,
  Expression,
  FunctionCallExpr,
  LiteralExpr,
  ObjectItem,
  SplatExpr,
} from './ast.js';
import { errorDiag } from './diagnostics.js';
import { parseForExpr } from './parser-for.js';
import { parseQuotedTemplate } from './parser-templates.js';
import type { Parser } from './parser.js';
import { rangeBetween, type Range } from './range.js';
import { T, type Token } from './scanner-tokens.js';

/* Expressions: hclsyntax's parser.go from ParseExpression down to terms and traversals. */

/** Binary operators by precedence, loosest first: the one table the parser climbs. */
const PRECEDENCE: readonly (readonly (readonly [T, BinaryOperator])[])[] = [
  [[T.Or, '||']],
  [[T.And, '&&']],
  [
    [T.EqualOp, '=='],
    [T.NotEqual, '!='],
  ],
  [
    [T.GreaterThan, '>'],
    [T.GreaterThanEq, '>='],
    [T.LessThan, '<'],
    [T.LessThanEq, '<='],
  ],
  [
    [T.Plus, '+'],
    [T.Minus, '-'],
  ],
  [
    [T.Star, '*'],
    [T.Slash, '/'],
    [T.Percent, '%'],
  ],
];

const LEVELS: readonly ReadonlyMap<T, BinaryOperator>[] = PRECEDENCE.map((level) => new Map(level));

const NUMBER = /^[0-9]+(\.[0-9]*)?([eE][+-]?[0-9]+)?$/;

/** A stand-in where an expression failed to parse, so the tree stays whole. */
export function placeholder(range: Range): LiteralExpr {
  return { kind: 'Literal', type: 'null', range };
}

export function parseExpression(p: Parser): Expression {
  return parseConditional(p);
}

function failedSince(p: Parser, mark: number): boolean {
  return p.diags.length > mark;
}

function parseConditional(p: Parser): Expression {
  const startRange = p.nextRange();
  let mark = p.diags.length;
  const condition = parseBinary(p, 0);
  if (p.recovery && failedSince(p, mark)) return condition;
  if (p.peek().type !== T.Question) return condition;
  p.read();

  mark = p.diags.length;
  const trueResult = parseExpression(p);
  if (p.recovery && failedSince(p, mark)) return condition;

  const colon = p.peek();
  if (colon.type !== T.Colon) {
    p.diags.push(
      errorDiag(
        'Missing false expression in conditional',
        'The conditional operator (...?...:...) requires a false expression, delimited by a colon.',
        colon.range,
        rangeBetween(startRange, colon.range),
      ),
    );
    return condition;
  }
  p.read();

  mark = p.diags.length;
  const falseResult = parseExpression(p);
  if (p.recovery && failedSince(p, mark)) return condition;
  return {
    kind: 'Conditional',
    condition,
    trueResult,
    falseResult,
    range: rangeBetween(startRange, falseResult.range),
  };
}

/** Left-associative operators of one precedence level, operands from the tighter levels. */
function parseBinary(p: Parser, level: number): Expression {
  const ops = LEVELS[level];
  if (ops === undefined) return parseTermWithTraversals(p);
  let mark = p.diags.length;
  let lhs = parseBinary(p, level + 1);
  if (p.recovery && failedSince(p, mark)) return lhs;
  for (;;) {
    const op = ops.get(p.peek().type);
    if (op === undefined) return lhs;
    p.read();
    mark = p.diags.length;
    const rhs = parseBinary(p, level + 1);
    // hclsyntax drops the pending operation when its right operand fails in recovery.
    if (p.recovery && failedSince(p, mark)) return lhs;
    lhs = { kind: 'BinaryOp', op, lhs, rhs, range: rangeBetween(lhs.range, rhs.range) };
  }
}

export function parseTermWithTraversals(p: Parser): Expression {
  const at = p.nextRange();
  if (!p.enter(at)) return placeholder(at);
  try {
    return parseTraversals(p, parseTerm(p));
  } finally {
    p.leave();
  }
}

/** Attribute access, indexing and splats after `from`; the built nodes' ranges start at `from`. */
function parseTraversals(p: Parser, from: Expression): Expression {
  let ret = from;
  const startOf = from.range;
  for (;;) {
    const next = p.peek();
    if (next.type === T.Dot) {
      const dot = p.read();
      const attr = p.peek();
      if (attr.type === T.Ident) {
        p.read();
        const nameRange = rangeBetween(dot.range, attr.range);
        ret = { kind: 'GetAttr', source: ret, name: p.text(attr), nameRange, range: rangeBetween(startOf, nameRange) };
      } else if (attr.type === T.NumberLit) {
        p.read();
        ret = legacyIndex(p, ret, dot, attr, startOf, false);
      } else if (attr.type === T.Star) {
        ret = parseAttrSplat(p, ret, from, dot);
      } else {
        p.diags.push(errorDiag('Invalid attribute name', 'An attribute name is required after a dot.', attr.range));
        p.recovery = true;
        // hclsyntax returns an error placeholder covering the source and the dot.
        return placeholder(rangeBetween(from.range, dot.range));
      }
    } else if (next.type === T.OBrack) {
      const open = p.read();
      if (p.peek().type === T.Star) {
        ret = parseFullSplat(p, ret, from, open);
        continue;
      }
      p.pushNewlines(false);
      const mark = p.diags.length;
      const key = parseExpression(p);
      let close: Token;
      if (p.recovery && failedSince(p, mark)) {
        close = p.recover(T.CBrack);
      } else {
        close = p.read();
        if (close.type !== T.CBrack && !p.recovery) {
          close = p.recover(T.CBrack);
          // hclsyntax's subject points at its `close` variable, which recovery has since moved on.
          p.diags.push(
            errorDiag(
              'Missing close bracket on index',
              'The index operator must end with a closing bracket ("]").',
              close.range,
            ),
          );
        }
      }
      p.popNewlines();
      const bracketRange = rangeBetween(open.range, close.range);
      ret = { kind: 'Index', collection: ret, key, bracketRange, range: rangeBetween(startOf, bracketRange) };
    } else {
      return ret;
    }
  }
}

/** The legacy `list.0` index, kept as an attribute step marked `legacyIndex`. */
function legacyIndex(
  p: Parser,
  source: Expression,
  dot: Token,
  num: Token,
  startOf: Range,
  inSplat: boolean,
): Expression {
  const text = p.text(num);
  const dotAt = text.indexOf('.');
  if (dotAt >= 0) {
    const pair = `[${text.slice(0, dotAt)}][${text.slice(dotAt + 1)}]`;
    p.diags.push(
      errorDiag(
        'Invalid legacy index syntax',
        inSplat
          ? `When using the legacy index syntax, chaining two indexes together is not permitted. Use the proper index syntax with a full splat expression [*] instead, like ${pair}.`
          : `When using the legacy index syntax, chaining two indexes together is not permitted. Use the proper index syntax instead, like ${pair}.`,
        num.range,
      ),
    );
  } else {
    checkNumber(p, num);
  }
  const nameRange = rangeBetween(dot.range, num.range);
  return { kind: 'GetAttr', source, name: text, nameRange, legacyIndex: true, range: rangeBetween(startOf, nameRange) };
}

/** `source.*.a.b`: only attribute (and legacy index) steps belong to the splat. */
function parseAttrSplat(p: Parser, source: Expression, from: Expression, dot: Token): Expression {
  const marker = p.read();
  const markerRange = rangeBetween(dot.range, marker.range);
  const item: AnonSymbolExpr = { kind: 'AnonSymbol', range: markerRange };
  const firstRange = p.nextRange();
  let lastRange = marker.range;
  let each: Expression = item;
  while (p.peek().type === T.Dot) {
    const stepDot = p.read();
    const tok = p.peek();
    if (tok.type === T.NumberLit) {
      p.read();
      each = legacyIndex(p, each, stepDot, tok, firstRange, true);
      lastRange = tok.range;
      continue;
    }
    if (tok.type !== T.Ident) {
      if (!p.recovery) {
        p.diags.push(
          tok.type === T.Star
            ? errorDiag(
                'Nested splat expression not allowed',
                'A splat expression (*) cannot be used inside another attribute-only splat expression.',
                tok.range,
              )
            : errorDiag('Invalid attribute name', 'An attribute name is required after a dot.', tok.range),
        );
      }
      p.recovery = true;
      break;
    }
    p.read();
    const nameRange = rangeBetween(stepDot.range, tok.range);
    each = { kind: 'GetAttr', source: each, name: p.text(tok), nameRange, range: rangeBetween(firstRange, nameRange) };
    lastRange = tok.range;
  }
  const splat: SplatExpr = {
    kind: 'Splat',
    splat: 'attr',
    source,
    each,
    markerRange,
    range: rangeBetween(from.range, lastRange),
  };
  return splat;
}

/** `source[*].rest`: every following traversal step applies to each element. */
function parseFullSplat(p: Parser, source: Expression, from: Expression, open: Token): Expression {
  p.read(); // the star
  let close = p.read();
  if (close.type !== T.CBrack && !p.recovery) {
    close = p.recover(T.CBrack);
    // As for a plain index, the subject ends up at the token recovery stopped on.
    p.diags.push(
      errorDiag(
        'Missing close bracket on splat index',
        'The star for a full splat operator must be immediately followed by a closing bracket ("]").',
        close.range,
      ),
    );
  }
  const markerRange = rangeBetween(open.range, close.range);
  const item: AnonSymbolExpr = { kind: 'AnonSymbol', range: markerRange };
  if (!p.enter(markerRange)) return placeholder(markerRange);
  let each: Expression;
  try {
    each = parseTraversals(p, item);
  } finally {
    p.leave();
  }
  return { kind: 'Splat', splat: 'full', source, each, markerRange, range: rangeBetween(from.range, each.range) };
}

function checkNumber(p: Parser, tok: Token): void {
  if (!NUMBER.test(p.text(tok))) {
    p.diags.push(
      errorDiag('Invalid number literal', 'Failed to recognize the value of this number literal.', tok.range),
    );
  }
}

function parseTerm(p: Parser): Expression {
  const start = p.peek();
  switch (start.type) {
    case T.OParen:
      return parseParentheses(p);
    case T.NumberLit: {
      p.read();
      checkNumber(p, start);
      return { kind: 'Literal', type: 'number', text: p.text(start), range: start.range };
    }
    case T.Ident: {
      p.read();
      const afterName = p.peek().type;
      if (afterName === T.OParen || afterName === T.DoubleColon) return parseFunctionCall(p, start);
      const name = p.text(start);
      if (name === 'true' || name === 'false') {
        return { kind: 'Literal', type: 'bool', value: name === 'true', range: start.range };
      }
      if (name === 'null') return { kind: 'Literal', type: 'null', range: start.range };
      return { kind: 'Variable', name, range: start.range };
    }
    case T.OQuote:
    case T.OHeredoc:
      return parseQuotedTemplate(p);
    case T.Minus:
    case T.Bang: {
      p.read();
      // Only a term with its traversals: -46+5 is (-46)+5.
      const operand = parseTermWithTraversals(p);
      return {
        kind: 'UnaryOp',
        op: start.type === T.Minus ? '-' : '!',
        operand,
        symbolRange: start.range,
        range: rangeBetween(start.range, operand.range),
      };
    }
    case T.OBrack:
      return parseTuple(p);
    case T.OBrace:
      return parseObject(p);
    default:
      if (!p.recovery) {
        p.diags.push(
          start.type === T.EOF
            ? errorDiag(
                'Missing expression',
                'Expected the start of an expression, but found the end of the file.',
                start.range,
              )
            : errorDiag(
                'Invalid expression',
                'Expected the start of an expression, but found an invalid expression token.',
                start.range,
              ),
        );
      }
      p.recovery = true;
      return placeholder(start.range);
  }
}

function parseParentheses(p: Parser): Expression {
  const open = p.read();
  p.pushNewlines(false);
  const mark = p.diags.length;
  const expression = parseExpression(p);
  if (failedSince(p, mark)) {
    p.recover(T.CParen);
    p.popNewlines();
    return expression;
  }
  const close = p.peek();
  if (close.type !== T.CParen) {
    p.diags.push(
      errorDiag(
        'Unbalanced parentheses',
        'Expected a closing parenthesis to terminate the expression.',
        close.range,
        rangeBetween(open.range, close.range),
      ),
    );
    p.recovery = true;
  }
  const cParen = p.read();
  p.popNewlines();
  return { kind: 'Parentheses', expression, range: rangeBetween(open.range, cParen.range) };
}

function parseFunctionCall(p: Parser, name: Token): Expression {
  let open = p.read();
  let nameText = p.text(name);
  let nameEnd = name.range.end;
  while (open.type === T.DoubleColon) {
    const part = p.read();
    if (part.type !== T.Ident) {
      p.diags.push(
        errorDiag(
          'Missing function name',
          'Function scope resolution symbol :: must be followed by a function name in this scope.',
          part.range,
          rangeBetween(name.range, part.range),
        ),
      );
      p.recoverOver(T.OParen);
      return placeholder(rangeBetween(name.range, part.range));
    }
    nameText += `::${p.text(part)}`;
    nameEnd = part.range.end;
    open = p.read();
  }
  const nameRange: Range = { filename: name.range.filename, start: name.range.start, end: nameEnd };
  if (open.type !== T.OParen) {
    p.diags.push(
      errorDiag(
        'Missing open parenthesis',
        'Function selector must be followed by an open parenthesis to begin the function call.',
        open.range,
        rangeBetween(name.range, open.range),
      ),
    );
    p.recoverOver(T.OParen);
    return placeholder(rangeBetween(name.range, open.range));
  }

  const args: Expression[] = [];
  let expandFinal = false;
  // Without a closing parenthesis the call ends at its opening one, as hclsyntax's zero-value token would not.
  let close: Token = open;
  p.pushNewlines(false);
  for (;;) {
    if (p.peek().type === T.CParen) {
      close = p.read();
      break;
    }
    const mark = p.diags.length;
    args.push(parseExpression(p));
    if (p.recovery && failedSince(p, mark)) {
      const recovered = p.recover(T.CParen);
      if (recovered.type === T.CParen) close = recovered;
      break;
    }
    const sep = p.read();
    if (sep.type === T.CParen) {
      close = sep;
      break;
    }
    if (sep.type === T.Ellipsis) {
      expandFinal = true;
      if (p.peek().type !== T.CParen) {
        if (!p.recovery) {
          p.diags.push(
            errorDiag(
              'Missing closing parenthesis',
              'An expanded function argument (with ...) must be immediately followed by closing parentheses.',
              sep.range,
              rangeBetween(name.range, sep.range),
            ),
          );
        }
        close = p.recover(T.CParen);
      } else {
        close = p.read();
      }
      break;
    }
    if (sep.type !== T.Comma) {
      p.diags.push(
        sep.type === T.EOF
          ? errorDiag(
              'Unterminated function call',
              'There is no closing parenthesis for this function call before the end of the file. This may be caused by incorrect parenthesis nesting elsewhere in this file.',
              rangeBetween(name.range, open.range),
            )
          : errorDiag(
              'Missing argument separator',
              'A comma is required to separate each function argument from the next.',
              sep.range,
              rangeBetween(name.range, sep.range),
            ),
      );
      close = p.recover(T.CParen);
      break;
    }
    if (p.peek().type === T.CParen) {
      close = p.read();
      break;
    }
  }
  p.popNewlines();
  const call: FunctionCallExpr = {
    kind: 'FunctionCall',
    name: nameText,
    nameRange,
    args,
    expandFinal,
    openParenRange: open.range,
    closeParenRange: close.range,
    range: rangeBetween(nameRange, close.range),
  };
  return call;
}

export function isKeyword(p: Parser, tok: Token, word: string): boolean {
  return tok.type === T.Ident && tok.end - tok.start === word.length && p.text(tok) === word;
}

function parseTuple(p: Parser): Expression {
  const open = p.read();
  p.pushNewlines(false);
  try {
    if (isKeyword(p, p.peek(), 'for')) return parseForExpr(p, open);
    const items: Expression[] = [];
    let close: Token;
    for (;;) {
      if (p.peek().type === T.CBrack) {
        close = p.read();
        break;
      }
      const mark = p.diags.length;
      items.push(parseExpression(p));
      if (p.recovery && failedSince(p, mark)) {
        close = p.recover(T.CBrack);
        break;
      }
      const next = p.peek();
      if (next.type === T.CBrack) {
        close = p.read();
        break;
      }
      if (next.type !== T.Comma) {
        if (!p.recovery) {
          p.diags.push(
            next.type === T.EOF
              ? errorDiag(
                  'Unterminated tuple constructor expression',
                  'There is no corresponding closing bracket before the end of the file. This may be caused by incorrect bracket nesting elsewhere in this file.',
                  open.range,
                )
              : errorDiag(
                  'Missing item separator',
                  'Expected a comma to mark the beginning of the next item.',
                  next.range,
                  rangeBetween(open.range, next.range),
                ),
          );
        }
        close = p.recover(T.CBrack);
        break;
      }
      p.read();
    }
    return { kind: 'Tuple', items, openRange: open.range, range: rangeBetween(open.range, close.range) };
  } finally {
    p.popNewlines();
  }
}

function parseObject(p: Parser): Expression {
  const open = p.read();
  // `for` is looked for ignoring newlines: for expressions are not newline-sensitive.
  p.pushNewlines(false);
  const isFor = isKeyword(p, p.peek(), 'for');
  p.popNewlines();
  if (isFor) return parseForExpr(p, open);

  p.pushNewlines(true);
  const items: ObjectItem[] = [];
  let close: Token;
  for (;;) {
    const next = p.peek();
    if (next.type === T.Newline) {
      p.read();
      continue;
    }
    if (next.type === T.CBrace) {
      close = p.read();
      break;
    }
    const forceNonLiteral = next.type === T.OParen;
    let mark = p.diags.length;
    const keyExpr = parseExpression(p);
    if (p.recovery && failedSince(p, mark)) {
      close = p.recover(T.CBrace);
      break;
    }
    const key = { kind: 'ObjectKey', wrapped: keyExpr, forceNonLiteral, range: keyExpr.range } as const;
    const sep = p.peek();
    if (sep.type !== T.Equal && sep.type !== T.Colon) {
      if (!p.recovery) p.diags.push(missingKeySeparator(sep, open));
      close = p.recover(T.CBrace);
      break;
    }
    p.read();
    mark = p.diags.length;
    const value = parseExpression(p);
    if (p.recovery && failedSince(p, mark)) {
      close = p.recover(T.CBrace);
      break;
    }
    items.push({ key, value });
    const after = p.peek();
    if (after.type === T.CBrace) {
      close = p.read();
      break;
    }
    if (after.type !== T.Comma && after.type !== T.Newline) {
      if (!p.recovery) {
        p.diags.push(
          after.type === T.EOF
            ? unterminatedObject(open)
            : errorDiag(
                'Missing attribute separator',
                'Expected a newline or comma to mark the beginning of the next attribute.',
                after.range,
                rangeBetween(open.range, after.range),
              ),
        );
      }
      close = p.recover(T.CBrace);
      break;
    }
    p.read();
  }
  p.popNewlines();
  return { kind: 'Object', items, openRange: open.range, range: rangeBetween(open.range, close.range) };
}

function unterminatedObject(open: Token) {
  return errorDiag(
    'Unterminated object constructor expression',
    'There is no corresponding closing brace before the end of the file. This may be caused by incorrect brace nesting elsewhere in this file.',
    open.range,
  );
}

function missingKeySeparator(next: Token, open: Token) {
  const context = rangeBetween(open.range, next.range);
  switch (next.type) {
    case T.Newline:
    case T.Comma:
      return errorDiag(
        'Missing attribute value',
        'Expected an attribute value, introduced by an equals sign ("=").',
        next.range,
        context,
      );
    case T.Ident:
      // Perhaps an HCL1-style name with a period and digits, like foo1.2_bar.
      return errorDiag(
        'Missing key/value separator',
        'Expected an equals sign ("=") to mark the beginning of the attribute value. If you intended to given an attribute name containing periods or spaces, write the name in quotes to create a string literal.',
        next.range,
        context,
      );
    case T.EOF:
      return unterminatedObject(open);
    default:
      return errorDiag(
        'Missing key/value separator',
        'Expected an equals sign ("=") to mark the beginning of the attribute value.',
        next.range,
        context,
      );
  }
}
