import { describe, expect, it } from 'vitest';
import { parseExpression } from '../../src/hcl/parse.js';
import type { Range } from '../../src/hcl/range.js';
import { show } from './ast-print.js';

/** A range in file "e" from 1-based line/column and 0-based byte triples. */
function r(sl: number, sc: number, sb: number, el: number, ec: number, eb: number): Range {
  return { filename: 'e', start: { line: sl, column: sc, byte: sb }, end: { line: el, column: ec, byte: eb } };
}

function parse(src: string) {
  const { expr, diags } = parseExpression(src, 'e');
  expect(diags).toEqual([]);
  return expr;
}

describe('parseExpression trees', () => {
  it.each([
    // literals and variables
    ['1', 'n:1'],
    ['1.5e+3', 'n:1.5e+3'],
    ['12345678901234567890123', 'n:12345678901234567890123'],
    ['true', 'true'],
    ['false', 'false'],
    ['null', 'null'],
    ['foo-bar_baz', 'foo-bar_baz'],
    ['héllo', 'héllo'],
    // operators: one precedence table, left-associative
    ['1 + 2 * 3 - 4 / 5 % 6', '(- (+ n:1 (* n:2 n:3)) (% (/ n:4 n:5) n:6))'],
    ['a || b && c', '(|| a (&& b c))'],
    ['a < b == c >= d', '(== (< a b) (>= c d))'],
    ['a != b <= c > d', '(!= a (> (<= b c) d))'],
    ['-1 + 2', '(+ (- n:1) n:2)'],
    ['!a && !b', '(&& (! a) (! b))'],
    ['-a.b', '(- (. a b))'],
    ['(1 + 2) * 3', '(* (paren (+ n:1 n:2)) n:3)'],
    ['a ? b : c ? d : e', '(? a b (? c d e))'],
    ['a == 1 ? "x" : "y"', '(? (== a n:1) (tmpl "x") (tmpl "y"))'],
    // traversals
    ['a.b[0].c', '(. (index (. a b) n:0) c)'],
    ['a["k"]', '(index a (tmpl "k"))'],
    ['a[b + 1]', '(index a (+ b n:1))'],
    ['foo.0', '(.# foo 0)'],
    ['foo.0.bar', '(. (.# foo 0) bar)'],
    ['f(1).x', '(. (call f n:1) x)'],
    ['a[\n0\n]', '(index a n:0)'],
    // splats
    ['a.*.b', '(splat-attr a (. @ b))'],
    ['a.*.b.0[1]', '(index (splat-attr a (.# (. @ b) 0)) n:1)'],
    ['a.*', '(splat-attr a @)'],
    ['a[*].b[0].c', '(splat-full a (. (index (. @ b) n:0) c))'],
    ['a[*]', '(splat-full a @)'],
    ['a.b[*].c', '(splat-full (. a b) (. @ c))'],
    // function calls
    ['f()', '(call f)'],
    ['f(1, "a", x)', '(call f n:1 (tmpl "a") x)'],
    ['f(1,)', '(call f n:1)'],
    ['f(a, b...)', '(call f a b ...)'],
    ['f(\n  1,\n  2\n)', '(call f n:1 n:2)'],
    ['ns::f(1)', '(call ns::f n:1)'],
    // collections
    ['[]', '[]'],
    ['[1, 2, 3,]', '[n:1 n:2 n:3]'],
    ['[\n  1,\n  2\n]', '[n:1 n:2]'],
    ['{}', '{}'],
    ['{a = 1, b: 2}', '{a=n:1 b=n:2}'],
    ['{\n  a = 1\n  "b" = 2,\n  (c) = 3\n}', '{a=n:1 (tmpl "b")=n:2 !(paren c)=n:3}'],
    ['{a = {b = [1]}}', '{a={b=[n:1]}}'],
    ['{ # comment\n  a = 1 // another\n  /* block */ b = 2\n}', '{a=n:1 b=n:2}'],
    // for expressions
    ['[for x in y: x]', '(for _ x y x)'],
    ['[for i, x in y: x if i > 0]', '(for i x y x if (> i n:0))'],
    ['{for k, v in m: v => k...}', '(for k v m v => k ...)'],
    ['{for k, v in m: k => v if v != null}', '(for k v m k => v if (!= v null))'],
    ['[\n  for x in y:\n  x\n]', '(for _ x y x)'],
    ['{\n  for x in y:\n  x => x\n}', '(for _ x y x => x)'],
    // templates as terms
    ['"${x}"', '(wrap x)'],
    ['"a${x}b"', '(tmpl "a" x "b")'],
    ['""', '(tmpl "")'],
    ['"${a}${b}"', '(tmpl a b)'],
  ])('%j', (src, want) => {
    expect(show(parse(src))).toBe(want);
  });
});

describe('parseExpression ranges', () => {
  it('gives every node of a traversal chain its range, with dot-inclusive name ranges', () => {
    expect(parse('a.b[0]')).toEqual({
      kind: 'Index',
      collection: {
        kind: 'GetAttr',
        source: { kind: 'Variable', name: 'a', range: r(1, 1, 0, 1, 2, 1) },
        name: 'b',
        nameRange: r(1, 2, 1, 1, 4, 3),
        range: r(1, 1, 0, 1, 4, 3),
      },
      key: { kind: 'Literal', type: 'number', text: '0', range: r(1, 5, 4, 1, 6, 5) },
      bracketRange: r(1, 4, 3, 1, 7, 6),
      range: r(1, 1, 0, 1, 7, 6),
    });
  });

  it('marks legacy numeric attributes', () => {
    expect(parse('x.1')).toEqual({
      kind: 'GetAttr',
      source: { kind: 'Variable', name: 'x', range: r(1, 1, 0, 1, 2, 1) },
      name: '1',
      nameRange: r(1, 2, 1, 1, 4, 3),
      legacyIndex: true,
      range: r(1, 1, 0, 1, 4, 3),
    });
  });

  it('builds an attribute-only splat over an anonymous symbol', () => {
    expect(parse('a.*.b')).toEqual({
      kind: 'Splat',
      splat: 'attr',
      source: { kind: 'Variable', name: 'a', range: r(1, 1, 0, 1, 2, 1) },
      each: {
        kind: 'GetAttr',
        source: { kind: 'AnonSymbol', range: r(1, 2, 1, 1, 4, 3) },
        name: 'b',
        nameRange: r(1, 4, 3, 1, 6, 5),
        range: r(1, 4, 3, 1, 6, 5),
      },
      markerRange: r(1, 2, 1, 1, 4, 3),
      range: r(1, 1, 0, 1, 6, 5),
    });
  });

  it('builds a full splat whose each-chain starts at the marker', () => {
    expect(parse('a[*].b')).toEqual({
      kind: 'Splat',
      splat: 'full',
      source: { kind: 'Variable', name: 'a', range: r(1, 1, 0, 1, 2, 1) },
      each: {
        kind: 'GetAttr',
        source: { kind: 'AnonSymbol', range: r(1, 2, 1, 1, 5, 4) },
        name: 'b',
        nameRange: r(1, 5, 4, 1, 7, 6),
        range: r(1, 2, 1, 1, 7, 6),
      },
      markerRange: r(1, 2, 1, 1, 5, 4),
      range: r(1, 1, 0, 1, 7, 6),
    });
  });

  it('ranges function calls from the name to the closing parenthesis', () => {
    expect(parse('f(a...)')).toEqual({
      kind: 'FunctionCall',
      name: 'f',
      nameRange: r(1, 1, 0, 1, 2, 1),
      args: [{ kind: 'Variable', name: 'a', range: r(1, 3, 2, 1, 4, 3) }],
      expandFinal: true,
      openParenRange: r(1, 2, 1, 1, 3, 2),
      closeParenRange: r(1, 7, 6, 1, 8, 7),
      range: r(1, 1, 0, 1, 8, 7),
    });
  });

  it('ranges operators, unary symbols, conditionals and parentheses', () => {
    expect(parse('-x * (y)')).toEqual({
      kind: 'BinaryOp',
      op: '*',
      lhs: {
        kind: 'UnaryOp',
        op: '-',
        operand: { kind: 'Variable', name: 'x', range: r(1, 2, 1, 1, 3, 2) },
        symbolRange: r(1, 1, 0, 1, 2, 1),
        range: r(1, 1, 0, 1, 3, 2),
      },
      rhs: {
        kind: 'Parentheses',
        expression: { kind: 'Variable', name: 'y', range: r(1, 7, 6, 1, 8, 7) },
        range: r(1, 6, 5, 1, 9, 8),
      },
      range: r(1, 1, 0, 1, 9, 8),
    });
    expect(parse('a ? 1 : 2')).toMatchObject({ kind: 'Conditional', range: r(1, 1, 0, 1, 10, 9) });
  });

  it('ranges tuples, objects and object keys', () => {
    expect(parse('[1]')).toEqual({
      kind: 'Tuple',
      items: [{ kind: 'Literal', type: 'number', text: '1', range: r(1, 2, 1, 1, 3, 2) }],
      openRange: r(1, 1, 0, 1, 2, 1),
      range: r(1, 1, 0, 1, 4, 3),
    });
    expect(parse('{(k) = v}')).toEqual({
      kind: 'Object',
      items: [
        {
          key: {
            kind: 'ObjectKey',
            wrapped: {
              kind: 'Parentheses',
              expression: { kind: 'Variable', name: 'k', range: r(1, 3, 2, 1, 4, 3) },
              range: r(1, 2, 1, 1, 5, 4),
            },
            forceNonLiteral: true,
            range: r(1, 2, 1, 1, 5, 4),
          },
          value: { kind: 'Variable', name: 'v', range: r(1, 8, 7, 1, 9, 8) },
        },
      ],
      openRange: r(1, 1, 0, 1, 2, 1),
      range: r(1, 1, 0, 1, 10, 9),
    });
  });

  it('ranges for expressions', () => {
    expect(parse('[for x in y: x]')).toEqual({
      kind: 'For',
      keyVar: undefined,
      valueVar: 'x',
      collection: { kind: 'Variable', name: 'y', range: r(1, 11, 10, 1, 12, 11) },
      keyExpr: undefined,
      valueExpr: { kind: 'Variable', name: 'x', range: r(1, 14, 13, 1, 15, 14) },
      condition: undefined,
      group: false,
      openRange: r(1, 1, 0, 1, 2, 1),
      closeRange: r(1, 15, 14, 1, 16, 15),
      range: r(1, 1, 0, 1, 16, 15),
    });
  });

  it('counts columns in code points and offsets in UTF-8 bytes', () => {
    expect(parse('"é😀" + x').range).toEqual(r(1, 1, 0, 1, 9, 12));
    expect(parse('"é😀" + x')).toMatchObject({ rhs: { range: r(1, 8, 11, 1, 9, 12) } });
  });

  it('starts ranges at a given position', () => {
    const { expr } = parseExpression('a', 'e', { line: 3, column: 5, byte: 20 });
    expect(expr.range).toEqual(r(3, 5, 20, 3, 6, 21));
  });
});
