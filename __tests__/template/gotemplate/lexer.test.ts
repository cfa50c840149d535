import { describe, expect, it } from 'vitest';
import { itemString, lex } from '../../../src/template/gotemplate/lexer.js';

const items = (input: string): [string, string, number, number][] =>
  lex(input).map((i) => [i.type, i.val, i.pos, i.line]);

describe('lex', () => {
  it.each<[string, [string, string, number, number][]]>([
    [
      'a {{ .X | f 1 }}',
      [
        ['text', 'a ', 0, 1],
        ['leftDelim', '{{', 2, 1],
        ['space', ' ', 4, 1],
        ['field', '.X', 5, 1],
        ['space', ' ', 7, 1],
        ['pipe', '|', 8, 1],
        ['space', ' ', 9, 1],
        ['identifier', 'f', 10, 1],
        ['space', ' ', 11, 1],
        ['number', '1', 12, 1],
        ['space', ' ', 13, 1],
        ['rightDelim', '}}', 14, 1],
        ['EOF', '', 16, 1],
      ],
    ],
    [
      'x \n {{- $v := `r` -}} \n y',
      [
        ['text', 'x', 0, 1],
        ['leftDelim', '{{', 4, 2],
        ['variable', '$v', 8, 2],
        ['space', ' ', 10, 2],
        ['declare', ':=', 11, 2],
        ['space', ' ', 13, 2],
        ['rawString', '`r`', 14, 2],
        ['rightDelim', '}}', 19, 2],
        ['text', 'y', 24, 3],
        ['EOF', '', 25, 3],
      ],
    ],
    [
      '{{/* c\n */}}\n{{ if else end }}',
      [
        ['text', '\n', 12, 2],
        ['leftDelim', '{{', 13, 3],
        ['space', ' ', 15, 3],
        ['if', 'if', 16, 3],
        ['space', ' ', 18, 3],
        ['else', 'else', 19, 3],
        ['space', ' ', 23, 3],
        ['end', 'end', 24, 3],
        ['space', ' ', 27, 3],
        ['rightDelim', '}}', 28, 3],
        ['EOF', '', 30, 3],
      ],
    ],
    [
      '{{ (1+2i) }}',
      [
        ['leftDelim', '{{', 0, 1],
        ['space', ' ', 2, 1],
        ['leftParen', '(', 3, 1],
        ['complex', '1+2i', 4, 1],
        ['rightParen', ')', 8, 1],
        ['space', ' ', 9, 1],
        ['rightDelim', '}}', 10, 1],
        ['EOF', '', 12, 1],
      ],
    ],
    [
      '{{ "a" @ }}',
      [
        ['leftDelim', '{{', 0, 1],
        ['space', ' ', 2, 1],
        ['string', '"a"', 3, 1],
        ['space', ' ', 6, 1],
        ['char', '@', 7, 1],
        ['space', ' ', 8, 1],
        ['rightDelim', '}}', 9, 1],
        ['EOF', '', 11, 1],
      ],
    ],
  ])('%j', (input, expected) => {
    expect(items(input)).toEqual(expected);
  });

  it.each([
    ['{{ .x', 'unclosed action'],
    ['{{ 3x }}', 'bad number syntax: "3x"'],
    ['{{ .a! }}', "bad character U+0021 '!'"],
    ['{{ ) }}', "unexpected right paren U+0029 ')'"],
    ['{{ ( }}', 'unclosed left paren'],
    ['{{ \u00a7 }}', "unrecognized character in action: U+00A7 '\u00a7'"],
    ['{{ "a\n" }}', 'unterminated quoted string'],
    ["{{ 'a }}", 'unterminated character constant'],
    ['{{ :x }}', 'expected :='],
  ])('%j stops with %j', (input, message) => {
    const last = lex(input).at(-1)!;
    expect([last.type, last.val]).toEqual(['error', message]);
  });

  it('treats break and continue as identifiers where functions take those names', () => {
    expect(lex('{{break}}', false, true)[1]!.type).toBe('identifier');
    expect(lex('{{break}}')[1]!.type).toBe('break');
  });

  it('quotes items as Go does in messages', () => {
    const [delim, , str] = lex('{{ "abcdefghijklmno" }}');
    expect(itemString(delim!)).toBe('"{{"');
    expect(itemString(str!)).toBe('"\\"abcdefghi"...');
    expect(itemString(lex('{{ if }}')[2]!)).toBe('<if>');
  });
});
