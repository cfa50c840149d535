import { describe, expect, it } from 'vitest';
import { parseExpression, parseTemplate } from '../../src/hcl/parse.js';
import type { Range } from '../../src/hcl/range.js';
import { show } from './ast-print.js';

function r(sl: number, sc: number, sb: number, el: number, ec: number, eb: number): Range {
  return { filename: 't', start: { line: sl, column: sc, byte: sb }, end: { line: el, column: ec, byte: eb } };
}

function expr(src: string): string {
  const { expr: e, diags } = parseExpression(src, 't');
  expect(diags).toEqual([]);
  return show(e);
}

describe('quoted templates', () => {
  it.each([
    ['"plain"', '(tmpl "plain")'],
    ['"a\\nb\\rc\\td\\"e\\\\f"', '(tmpl "a\\nb\\rc\\td\\"e\\\\f")'],
    ['"\\u00e9\\U0001F600"', '(tmpl "é😀")'],
    ['"$${x} %%{y} $x %y $ %"', '(tmpl "${x} %{y} $x %y $ %")'],
    ['"a ${x} b"', '(tmpl "a " x " b")'],
    ['"a ${~x~} b"', '(tmpl "a" x "b")'],
    ['"a ${~x} b"', '(tmpl "a" x " b")'],
    ['"a \\n ${~x}"', '(tmpl "a" x)'],
    ['"${x}"', '(wrap x)'],
    ['"${ {a = 1} }"', '(wrap {a=n:1})'],
    ['"${"nested ${y}"}"', '(wrap (tmpl "nested " y))'],
    ['"%{if a}yes%{endif}"', '(tmpl (if a (tmpl "yes")))'],
    ['"%{ if a ~} yes %{~ else ~} no %{~ endif }"', '(tmpl (if a (tmpl "yes") (tmpl "no")))'],
    ['"%{if a}%{else}%{endif}"', '(tmpl (if a (tmpl "") (tmpl "")))'],
    ['"%{for x in xs}${x},%{endfor}"', '(tmpl (tfor _ x xs (tmpl x ",")))'],
    ['"%{for k, v in m}${k}=${v} %{endfor}"', '(tmpl (tfor k v m (tmpl k "=" v " ")))'],
    ['"%{if a}%{for x in b}${x}%{endfor}%{endif}"', '(tmpl (if a (tmpl (tfor _ x b (tmpl x)))))'],
  ])('%j', (src, want) => {
    expect(expr(src)).toBe(want);
  });

  it('ranges a directive from its opener to the end of its closing marker', () => {
    const { expr: e } = parseExpression('"%{if a}x%{endif}"', 't');
    expect(e).toEqual({
      kind: 'Template',
      heredoc: false,
      range: r(1, 1, 0, 1, 19, 18),
      parts: [
        {
          kind: 'TemplateIf',
          condition: { kind: 'Variable', name: 'a', range: r(1, 7, 6, 1, 8, 7) },
          then: {
            kind: 'Template',
            heredoc: false,
            parts: [{ kind: 'Literal', type: 'string', value: 'x', range: r(1, 9, 8, 1, 10, 9) }],
            range: r(1, 9, 8, 1, 10, 9),
          },
          range: r(1, 2, 1, 1, 18, 17),
        },
      ],
    });
  });
});

describe('heredocs', () => {
  it.each([
    ['<<EOT\nhello\nworld\nEOT\n', '(heredoc "hello\\nworld\\n")'],
    ['<<EOT\n  indented ${x}\n  EOT\n', '(heredoc "  indented " x "\\n")'],
    ['<<-EOT\n    a\n      b\n\n    c\n    EOT\n', '(heredoc "a\\n  b\\n\\nc\\n")'],
    ['<<-EOT\n    a\n  ${x}\n    EOT\n', '(heredoc "  a\\n" x "\\n")'],
    ['<<-EOT\n  a ${x}\n    b\n  EOT\n', '(heredoc "a " x "\\n  b\\n")'],
    ['<<EOT\nEOTX\nEOT\n', '(heredoc "EOTX\\n")'],
    ['<<EOT\n%{ for x in xs ~}\n  ${x}\n%{ endfor ~}\nEOT\n', '(heredoc (tfor _ x xs (heredoc "  " x "\\n")) "")'],
    ['<<EOT\nline \\n $${x}\nEOT\n', '(heredoc "line \\\\n ${x}\\n")'],
    ['<<EOT\r\na\r\nEOT\r\n', '(heredoc "a\\r\\n")'],
  ])('%j', (src, want) => {
    expect(expr(src)).toBe(want);
  });

  it('ranges a heredoc from its opener to its closing marker', () => {
    const { expr: e } = parseExpression('<<EOT\nab\nEOT\n', 't');
    expect(e).toEqual({
      kind: 'Template',
      heredoc: true,
      parts: [{ kind: 'Literal', type: 'string', value: 'ab\n', range: r(2, 1, 6, 3, 1, 9) }],
      range: r(1, 1, 0, 3, 4, 12),
    });
  });

  it('moves the start of a flush heredoc line past the removed indentation', () => {
    const { expr: e } = parseExpression('<<-EOT\n  ab\nEOT\n', 't');
    expect(e).toMatchObject({ parts: [{ value: 'ab\n', range: r(2, 3, 9, 3, 1, 12) }] });
  });
});

describe('parseTemplate (bare templates, as JSON strings use)', () => {
  it.each([
    ['', '(tmpl "")'],
    ['plain text', '(tmpl "plain text")'],
    ['${x}', '(wrap x)'],
    ['a ${x} b', '(tmpl "a " x " b")'],
    ['no \\n escapes "quotes" ok', '(tmpl "no \\\\n escapes \\"quotes\\" ok")'],
    ['$${x} and %%{y}', '(tmpl "${x} and %{y}")'],
    ['ends with $', '(tmpl "ends with $")'],
    ['line1\nline2 ${x}', '(tmpl "line1\\nline2 " x)'],
    ['%{ if a }y%{ endif }', '(tmpl (if a (tmpl "y")))'],
    ['{ "json": "braces" }', '(tmpl "{ \\"json\\": \\"braces\\" }")'],
  ])('%j', (src, want) => {
    const { expr: e, diags } = parseTemplate(src, 't');
    expect(diags).toEqual([]);
    expect(show(e)).toBe(want);
  });

  it('starts ranges at the given position', () => {
    const { expr: e } = parseTemplate('a${b}', 't', { line: 4, column: 10, byte: 50 });
    expect(e).toEqual({
      kind: 'Template',
      heredoc: false,
      parts: [
        { kind: 'Literal', type: 'string', value: 'a', range: r(4, 10, 50, 4, 11, 51) },
        { kind: 'Variable', name: 'b', range: r(4, 13, 53, 4, 14, 54) },
      ],
      range: r(4, 10, 50, 4, 15, 55),
    });
  });
});
