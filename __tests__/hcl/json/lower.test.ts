import { describe, expect, it } from 'vitest';
import type { Expression } from '../../../src/hcl/ast.js';
import { jsonValueOf, lowerJsonValue } from '../../../src/hcl/json/lower.js';
import { parseJsonValue } from '../../../src/hcl/json/parser.js';
import type { Range } from '../../../src/hcl/range.js';

const at = (r: Range) =>
  `${r.start.line}:${r.start.column}:${r.start.byte}-${r.end.line}:${r.end.column}:${r.end.byte}`;

function lower(src: string): Expression {
  const { value, diags } = parseJsonValue(Buffer.from(src, 'utf8'), 'l.json');
  expect(diags).toEqual([]);
  const lowered = lowerJsonValue(value);
  expect(lowered.diags).toEqual([]);
  return lowered.expr;
}

/** Kinds and ranges of a tree, to compare shapes without restating every field. */
function outline(e: Expression): unknown {
  switch (e.kind) {
    case 'Literal':
      return [e.type, e.type === 'number' ? e.text : e.type === 'null' ? null : e.value, at(e.range)];
    case 'Template':
      return ['Template', e.parts.map(outline), at(e.range)];
    case 'TemplateWrap':
      return ['TemplateWrap', outline(e.wrapped), at(e.range)];
    case 'Tuple':
      return ['Tuple', e.items.map(outline), at(e.openRange), at(e.range)];
    case 'Object':
      return ['Object', e.items.map((i) => [outline(i.key.wrapped), at(i.key.range), outline(i.value)]), at(e.range)];
    case 'Variable':
      return ['Variable', e.name, at(e.range)];
    case 'GetAttr':
      return ['GetAttr', outline(e.source), e.name, at(e.range)];
    default:
      return e.kind;
  }
}

describe('lowering JSON values to expressions', () => {
  it('keeps number text and literal ranges', () => {
    expect(outline(lower('[1.50, -2e3, true, null]'))).toEqual([
      'Tuple',
      [
        ['number', '1.50', '1:2:1-1:6:5'],
        ['number', '-2e3', '1:8:7-1:12:11'],
        ['bool', true, '1:14:13-1:18:17'],
        ['null', null, '1:20:19-1:24:23'],
      ],
      '1:1:0-1:2:1',
      '1:1:0-1:25:24',
    ]);
  });

  it('parses strings as templates placed inside the JSON text', () => {
    expect(outline(lower('"${var.region}"'))).toEqual([
      'TemplateWrap',
      ['GetAttr', ['Variable', 'var', '1:4:3-1:7:6'], 'region', '1:4:3-1:14:13'],
      '1:1:0-1:16:15',
    ]);
    expect(outline(lower('"ami-${x}"'))).toEqual([
      'Template',
      [
        ['string', 'ami-', '1:2:1-1:6:5'],
        ['Variable', 'x', '1:8:7-1:9:8'],
      ],
      '1:1:0-1:11:10',
    ]);
  });

  it('makes object keys templates too', () => {
    expect(outline(lower('{"Name": "x", "k-${y}": 1}'))).toEqual([
      'Object',
      [
        [
          ['Template', [['string', 'Name', '1:3:2-1:7:6']], '1:2:1-1:8:7'],
          '1:2:1-1:8:7',
          ['Template', [['string', 'x', '1:11:10-1:12:11']], '1:10:9-1:13:12'],
        ],
        [
          [
            'Template',
            [
              ['string', 'k-', '1:16:15-1:18:17'],
              ['Variable', 'y', '1:20:19-1:21:20'],
            ],
            '1:15:14-1:23:22',
          ],
          '1:15:14-1:23:22',
          ['number', '1', '1:25:24-1:26:25'],
        ],
      ],
      '1:1:0-1:27:26',
    ]);
  });

  it('remembers which JSON value each expression came from, and gives the same nodes twice', () => {
    const { value } = parseJsonValue(Buffer.from('{"a": ["x"]}'), 'l.json');
    const first = lowerJsonValue(value).expr;
    expect(lowerJsonValue(value).expr).toBe(first);
    expect(jsonValueOf(first)).toBe(value);
    if (first.kind !== 'Object') throw new Error('not an object');
    const item = first.items[0];
    expect(item && jsonValueOf(item.key)).toMatchObject({ kind: 'string', value: 'a' });
    expect(item && jsonValueOf(item.value)).toMatchObject({ kind: 'array' });
  });
});
