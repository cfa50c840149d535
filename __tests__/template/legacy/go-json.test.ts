import { describe, expect, it } from 'vitest';
import { highlightPosition, parseGoJson } from '../../../src/template/legacy/go-json.js';
import { formatFloatG } from '../../../src/template/legacy/go-values.js';

/* encoding/json's syntax errors (message and Offset) and the SDK's highlight, byte for byte. */

describe('parseGoJson', () => {
  it.each([
    ['{"a": tru}', "invalid character '}' in literal true (expecting 'e')", 10],
    ['{"a": tru', "invalid character ' ' in literal true (expecting 'e')", 9],
    ['{"a" 1}', "invalid character '1' after object key", 6],
    ['{"a": 1 "b"}', "invalid character '\"' after object key:value pair", 9],
    ['[1 2]', "invalid character '2' after array element", 4],
    ['[1,]', "invalid character ']' looking for beginning of value", 4],
    ['{} x', "invalid character 'x' after top-level value", 4],
    ['{"a": 1.}', "invalid character '}' after decimal point in numeric literal", 9],
    ['{"a": -}', "invalid character '}' in numeric literal", 8],
    ['{"a": 1e}', "invalid character '}' in exponent of numeric literal", 9],
    ['"\\x"', "invalid character 'x' in string escape code", 3],
    ['"\\u12g4"', "invalid character 'g' in \\u hexadecimal character escape", 6],
    ['"a\tb"', "invalid character '\\t' in string literal", 3],
    ["{'a': 1}", "invalid character '\\'' looking for beginning of object key string", 2],
    ['{"a": 1', 'unexpected end of JSON input', 7],
    ['  ', 'unexpected end of JSON input', 2],
  ])('%j', (text, message, offset) => {
    expect(parseGoJson(Buffer.from(text))).toEqual({ error: { kind: 'syntax', message, offset } });
  });

  it('decodes values with keys in document order and Go string escapes', () => {
    const r = parseGoJson(Buffer.from('{"b": [1, 2.5e3, true, null], "a": "x\\u00e9\\ud800\\n"}'));
    expect(r).toEqual({
      value: new Map<string, unknown>([
        ['b', [1, 2500, true, null]],
        ['a', 'xé\ufffd\n'],
      ]),
    });
  });

  it('reports the first duplicate key in document order', () => {
    expect(parseGoJson(Buffer.from('{"a": {"x": 1, "x": 2}, "a": 3}'))).toMatchObject({ duplicate: 'x' });
  });

  it('reads only the first value for a var file', () => {
    expect(parseGoJson(Buffer.from('{"a": "b"} trailing'), true)).toEqual({ value: new Map([['a', 'b']]) });
  });
});

describe('highlightPosition', () => {
  it('counts columns as the SDK does (one more on lines after the first)', () => {
    expect(highlightPosition(Buffer.from('{"a":\n  x}'), 9)).toEqual({
      line: 2,
      col: 4,
      highlight: '    1: {"a":\n    2:   x\n         ^\n',
    });
    expect(highlightPosition(Buffer.from('{x}'), 2)).toEqual({ line: 1, col: 2, highlight: '    1: {x\n       ^\n' });
  });
});

describe('formatFloatG', () => {
  it.each([
    [1, '1'],
    [1.5, '1.5'],
    [123456, '123456'],
    [1e6, '1e+06'],
    [1.25e-5, '1.25e-05'],
    [0.0001, '0.0001'],
  ])('%d', (f, text) => expect(formatFloatG(f)).toBe(text));
});
