import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../../src/hcl/diagnostics.js';
import { parseJsonValue } from '../../../src/hcl/json/parser.js';
import type { Range } from '../../../src/hcl/range.js';

const at = (r: Range | undefined) =>
  r && `${r.start.line}:${r.start.column}:${r.start.byte}-${r.end.line}:${r.end.column}:${r.end.byte}`;
const brief = (d: Diagnostic) => [d.summary, d.detail, at(d.subject), at(d.context)];
const parse = (src: string) => parseJsonValue(Buffer.from(src, 'utf8'), 'f.json');

const VALUE_START = 'A JSON value must start with a brace, a bracket, a number, a string, or a keyword.';

describe('JSON parser', () => {
  it('keeps property order, duplicate names, number text and ranges', () => {
    const { value, diags } = parse('{"b": 1.50, "a": [true, null], "b": "x\\ny"}');
    expect(diags).toEqual([]);
    if (value.kind !== 'object') throw new Error('not an object');
    expect(value.properties.map((p) => [p.name, at(p.nameRange)])).toEqual([
      ['b', '1:2:1-1:5:4'],
      ['a', '1:13:12-1:16:15'],
      ['b', '1:32:31-1:35:34'],
    ]);
    expect(value.properties[0]?.value).toEqual({
      kind: 'number',
      text: '1.50',
      range: { filename: 'f.json', start: { line: 1, column: 7, byte: 6 }, end: { line: 1, column: 11, byte: 10 } },
    });
    expect(value.properties[2]?.value).toMatchObject({ kind: 'string', value: 'x\ny' });
    expect(at(value.range)).toBe('1:1:0-1:44:43');
    expect(at(value.closeRange)).toBe('1:43:42-1:44:43');
  });

  it('decodes every escape, surrogate pairs included', () => {
    const { value } = parse('"\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u00e9 \\ud83d\\ude80 \\ud800"');
    expect(value).toMatchObject({ kind: 'string', value: '" \\ / \b \f \n \r \t é 🚀 \uFFFD' });
  });

  it.each([
    [
      '{"a": tru}',
      [['Invalid JSON keyword', '"tru" is not a valid JSON keyword. Did you mean "true"?', '1:7:6-1:10:9', undefined]],
    ],
    [
      '{"a": NaN}',
      [['Invalid JSON keyword', 'The JavaScript identifier "NaN" cannot be used in JSON.', '1:7:6-1:10:9', undefined]],
    ],
    [
      '{"a": nothing}',
      [['Invalid JSON keyword', '"nothing" is not a valid JSON keyword.', '1:7:6-1:14:13', undefined]],
    ],
    [
      '{"a" = 1}',
      [
        [
          'Missing property value colon',
          'JSON uses a colon as its name/value delimiter, not an equals sign.',
          '1:6:5-1:7:6',
          undefined,
        ],
      ],
    ],
    [
      '{"a" 1}',
      [
        [
          'Missing property value colon',
          "A colon must appear between an object property's name and its value.",
          '1:6:5-1:7:6',
          undefined,
        ],
      ],
    ],
    [
      '{"a"}',
      [
        [
          'Missing object value',
          'A JSON object attribute must have a value, introduced by a colon.',
          '1:5:4-1:6:5',
          undefined,
        ],
      ],
    ],
    [
      '{"a": 1,}',
      [
        [
          'Trailing comma in object',
          'JSON does not permit a trailing comma after the final property in an object.',
          '1:8:7-1:9:8',
          undefined,
        ],
      ],
    ],
    [
      '[1, 2,]',
      [
        [
          'Trailing comma in array',
          'JSON does not permit a trailing comma after the final value in an array.',
          '1:6:5-1:7:6',
          undefined,
        ],
      ],
    ],
    ['{"a": 1', [['Unclosed object', 'No closing brace was found for this JSON object.', '1:1:0-1:2:1', undefined]]],
    ['[1', [['Unclosed object', 'No closing bracket was found for this JSON array.', '1:1:0-1:2:1', undefined]]],
    [
      '{"a": 1] ',
      [['Mismatched braces', 'A JSON object must be closed with a brace, not a bracket.', '1:10:9-1:10:9', undefined]],
    ],
    [
      '[1} 2',
      [['Mismatched brackets', 'A JSON array must be closed with a bracket, not a brace.', '1:6:5-1:6:5', undefined]],
    ],
    [
      '{"a": 1 "b": 2}',
      [
        [
          'Missing attribute seperator comma',
          'A comma must appear between each property definition in an object.',
          '1:16:15-1:16:15',
          undefined,
        ],
      ],
    ],
    [
      '[1 2]',
      [
        [
          'Missing attribute seperator comma',
          'A comma must appear between each value in an array.',
          '1:6:5-1:6:5',
          undefined,
        ],
      ],
    ],
    [
      '[1: 2]',
      [['Invalid array value', 'A colon is not used to introduce values in a JSON array.', '1:7:6-1:7:6', undefined]],
    ],
    [
      '{1: 2}',
      [['Invalid object property name', 'A JSON object property name must be a string', '1:2:1-1:3:2', undefined]],
    ],
    ['', [['Missing value', 'The JSON data ends prematurely.', '1:1:0-1:1:0', undefined]]],
    ['}', [['Missing JSON value', VALUE_START, '1:1:0-1:2:1', undefined]]],
    [
      '[]]',
      [['Extraneous data after value', 'Extra characters appear after the JSON value.', '1:3:2-1:4:3', undefined]],
    ],
    [
      '{,}',
      [
        ['Invalid start of value', VALUE_START, '1:2:1-1:3:2', undefined],
        ['Invalid object property name', 'A JSON object property name must be a string', '1:2:1-1:3:2', undefined],
      ],
    ],
    ['@', [['Invalid start of value', VALUE_START, '1:1:0-1:2:1', undefined]]],
    ['01', [['Invalid JSON number', 'There is a syntax error in the given JSON number.', '1:1:0-1:3:2', undefined]]],
    ['1.', [['Invalid JSON number', 'There is a syntax error in the given JSON number.', '1:1:0-1:3:2', undefined]]],
    ['+1', [['Invalid JSON number', 'There is a syntax error in the given JSON number.', '1:1:0-1:3:2', undefined]]],
    // hcl places string errors one past the offending byte, counted from the opening quote.
    [
      '"a\\qb"',
      [['Invalid JSON string', 'There is a syntax error in the given JSON string.', '1:5:4-1:6:5', '1:1:0-1:7:6']],
    ],
    [
      '"\\u12x4"',
      [['Invalid JSON string', 'There is a syntax error in the given JSON string.', '1:7:6-1:8:7', '1:1:0-1:9:8']],
    ],
    [
      '"open',
      [['Invalid JSON string', 'There is a syntax error in the given JSON string.', '1:6:5-1:7:6', '1:1:0-1:6:5']],
    ],
  ])('%s', (src, expected) => {
    expect(parse(src).diags.map(brief)).toEqual(expected);
  });

  it('recovers after an error inside a nested value and goes on with the enclosing object', () => {
    const { value, diags } = parse('{"a": {"b" = 1}, "c": 2}');
    expect(diags.map(brief)).toEqual([
      [
        'Missing property value colon',
        'JSON uses a colon as its name/value delimiter, not an equals sign.',
        '1:12:11-1:13:12',
        undefined,
      ],
    ]);
    if (value.kind !== 'object') throw new Error('not an object');
    expect(value.properties.map((p) => [p.name, p.value.kind])).toEqual([
      ['a', 'invalid'],
      ['c', 'number'],
    ]);
    // Recovery skipped to the inner closing brace; the invalid value stands at the inner opening brace.
    expect(at(value.properties[0]?.value.range)).toBe('1:7:6-1:8:7');
  });

  it('reports multiple problems in one pass', () => {
    const { diags } = parse('[tru, NaN]');
    expect(diags.map((d) => d.detail)).toEqual([
      '"tru" is not a valid JSON keyword. Did you mean "true"?',
      'The JavaScript identifier "NaN" cannot be used in JSON.',
    ]);
  });
});
