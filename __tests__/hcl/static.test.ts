import { describe, expect, it } from 'vitest';
import type { Expression } from '../../src/hcl/ast.js';
import { parseJSON } from '../../src/hcl/json/parse.js';
import { parseConfig } from '../../src/hcl/parse.js';
import type { Range } from '../../src/hcl/range.js';
import { absTraversalForExpr, exprAsKeyword, exprList, exprMap, type Traversal } from '../../src/hcl/static.js';

const at = (r: Range | undefined) =>
  r && `${r.start.line}:${r.start.column}:${r.start.byte}-${r.end.line}:${r.end.column}:${r.end.byte}`;

function native(src: string): Expression {
  const { file, diags } = parseConfig(`x = ${src}\n`, 's.hcl');
  expect(diags).toEqual([]);
  const attr = file.body.attributes[0];
  if (!attr) throw new Error('no attribute');
  return attr.expr;
}

function json(src: string): Expression {
  const { body, diags } = parseJSON(`{"x": ${src}}`, 's.json');
  expect(diags).toEqual([]);
  const attr = body.justAttributes().attributes.get('x');
  if (!attr) throw new Error('no attribute');
  return attr.expr;
}

const steps = (t: Traversal | undefined) =>
  t?.map((s) =>
    s.kind === 'index'
      ? ['index', s.key.type === 'number' ? s.key.text : s.key.value, at(s.range)]
      : [s.kind, s.name, at(s.range)],
  );

const TRAVERSAL_DETAIL =
  'A single static variable reference is required: only attribute access and indexing with constant keys. No calculations, function calls, template expressions, etc are allowed here.';

describe('absTraversalForExpr', () => {
  it('reads a native reference with attributes and constant indexes', () => {
    expect(steps(absTraversalForExpr(native('var.images[0]["name"].id')).traversal)).toEqual([
      ['root', 'var', '1:5:4-1:8:7'],
      ['attr', 'images', '1:8:7-1:15:14'],
      ['index', '0', '1:15:14-1:18:17'],
      ['index', 'name', '1:18:17-1:26:25'],
      ['attr', 'id', '1:26:25-1:29:28'],
    ]);
    expect(steps(absTraversalForExpr(native('list.0')).traversal)).toEqual([
      ['root', 'list', '1:5:4-1:9:8'],
      ['index', '0', '1:9:8-1:11:10'],
    ]);
  });

  it('rejects anything that is not a static reference', () => {
    for (const src of ['a + b', 'f(x)', 'a[b]', '"a"', '(a)', 'a[*].b']) {
      const { traversal, diags } = absTraversalForExpr(native(src));
      expect(traversal).toBeUndefined();
      expect(diags.map((d) => [d.summary, d.detail, at(d.subject)])).toEqual([
        ['Invalid expression', TRAVERSAL_DETAIL, `1:5:4-1:${5 + src.length}:${4 + src.length}`],
      ]);
    }
  });

  it('parses the contents of a JSON string, positioned from its opening quote as hcl does', () => {
    expect(steps(absTraversalForExpr(json('"data.http.x"')).traversal)).toEqual([
      ['root', 'data', '1:7:6-1:11:10'],
      ['attr', 'http', '1:11:10-1:16:15'],
      ['attr', 'x', '1:16:15-1:18:17'],
    ]);
  });

  it('accepts only strings in JSON', () => {
    for (const src of ['true', '1', '["a"]', '"a +"']) {
      const { traversal, diags } = absTraversalForExpr(json(src));
      expect(traversal).toBeUndefined();
      expect(diags.map((d) => d.summary)).toEqual(['Invalid expression']);
    }
  });
});

describe('exprAsKeyword', () => {
  it.each([
    ['native name', native('string'), 'string'],
    ['native keyword literal', native('null'), 'null'],
    ['native reference', native('var.x'), undefined],
    ['native call', native('list(string)'), undefined],
    ['JSON string', json('"number"'), 'number'],
    ['JSON bool', json('true'), undefined],
  ])('%s', (_name, expr, expected) => {
    expect(exprAsKeyword(expr)).toBe(expected);
  });
});

describe('exprList and exprMap', () => {
  it('give the items of tuples and JSON arrays', () => {
    expect(exprList(native('[a, "b"]')).items?.map((e) => e.kind)).toEqual(['Variable', 'Template']);
    expect(exprList(json('["a", 1]')).items?.map((e) => e.kind)).toEqual(['Template', 'Literal']);
  });

  it('give the pairs of objects and JSON objects', () => {
    const nativePairs = exprMap(native('{ a = 1, "b" = 2 }')).pairs;
    expect(nativePairs?.map((p) => [p.key.kind, p.value.kind])).toEqual([
      ['ObjectKey', 'Literal'],
      ['ObjectKey', 'Literal'],
    ]);
    const jsonPairs = exprMap(json('{"a": "x"}')).pairs ?? [];
    expect(jsonPairs.map((p) => [at(p.key.range), at(p.value.range)])).toEqual([['1:8:7-1:11:10', '1:13:12-1:16:15']]);
    // A JSON object key is a string, and so a traversal.
    const key = jsonPairs[0]?.key;
    expect(key && exprAsKeyword(key)).toBe('a');
  });

  it('report what is required where the value is of another kind', () => {
    expect(exprList(native('f(x)')).diags.map((d) => [d.summary, d.detail, at(d.subject)])).toEqual([
      ['Invalid expression', 'A static list expression is required.', '1:5:4-1:7:6'],
    ]);
    expect(exprMap(json('"x"')).diags.map((d) => [d.summary, d.detail, at(d.subject)])).toEqual([
      ['Invalid expression', 'A static map expression is required.', '1:7:6-1:10:9'],
    ]);
  });
});
