import { describe, expect, it } from 'vitest';
import { parseConfig, parseExpression, parseTemplate } from '../../src/hcl/parse.js';
import { formatRange } from '../../src/hcl/range.js';

/* Error summaries and subject ranges; every case was checked against `packer validate` (Packer 1.6.6). */

function summaries(diags: readonly { summary: string; subject?: Parameters<typeof formatRange>[0] }[]): string[] {
  return diags.map((d) => `${d.summary} @ ${d.subject ? formatRange(d.subject) : '-'}`);
}

describe('parseConfig diagnostics', () => {
  it.each<[string, string[]]>([
    ['a = 1,\nb = 2 3\nc = \n', ['Unexpected comma after argument @ f.pkr.hcl:1,6-7']],
    ['block "x" {\n  a = 1\n', ['Unclosed configuration block @ f.pkr.hcl:1,11-12']],
    [
      'a { b = 1, c = 2 }\nd { e = 1\n}\nf { g {} }\n',
      [
        'Invalid single-argument block definition @ f.pkr.hcl:1,10-11',
        'Invalid single-argument block definition @ f.pkr.hcl:2,10-3,1',
        'Argument definition required @ f.pkr.hcl:4,5-8',
      ],
    ],
    [
      'a = "\\q \\u12 \\U0000D800 ok"\n',
      [
        'Invalid escape sequence @ f.pkr.hcl:1,6-8',
        'Invalid escape sequence @ f.pkr.hcl:1,9-13',
        'Invalid escape sequence @ f.pkr.hcl:1,14-24',
      ],
    ],
    [
      'a = "%{ if x }yes%{ endif"\nb = "%{ iff x }%{ endif }"\nc = "%{ for x y }"\n',
      [
        'Invalid multi-line string @ f.pkr.hcl:1,27-2,1',
        'Invalid multi-line string @ f.pkr.hcl:2,27-3,1',
        'Invalid multi-line string @ f.pkr.hcl:3,19-4,1',
        'Extra characters in endif marker @ f.pkr.hcl:1,26-27',
      ],
    ],
    [
      'a = foo.0.1\nb = a.*.*\nc = f(1 2)\nd = f(1...,2)\n',
      [
        'Invalid legacy index syntax @ f.pkr.hcl:1,9-12',
        'Nested splat expression not allowed @ f.pkr.hcl:2,9-10',
        'Missing argument separator @ f.pkr.hcl:3,9-10',
      ],
    ],
    [
      'a = {a = 1 b = 2}\nc = {d}\ne = [1 2]\nf = [for x in y: x => x]\ng = {for x in y: x}\n',
      [
        'Missing attribute separator @ f.pkr.hcl:1,12-13',
        "Invalid 'for' expression @ f.pkr.hcl:4,18-19",
        "Invalid 'for' expression @ f.pkr.hcl:5,18-19",
      ],
    ],
    [
      'a = 1 ? 2\nb = (1 + 2\nc = "${a:b}"\nd = "${a b}"\n',
      ['Missing false expression in conditional @ f.pkr.hcl:1,10-2,1', 'Unbalanced parentheses @ f.pkr.hcl:3,1-2'],
    ],
    [
      "a = `x`\nb = 'x'\nc = 1; d = 2\ne = 1 & 2\nf = “x”\n",
      [
        'Invalid character @ f.pkr.hcl:1,5-6',
        'Invalid character @ f.pkr.hcl:2,5-6',
        'Invalid character @ f.pkr.hcl:3,6-7',
        'Unsupported operator @ f.pkr.hcl:4,7-8',
        'Invalid character @ f.pkr.hcl:5,5-6',
        'Invalid character @ f.pkr.hcl:5,7-8',
        'Invalid expression @ f.pkr.hcl:1,5-6',
      ],
    ],
    ['"a" = 1\n= 2\nx "y" = 3\nz\n', ['Invalid argument name @ f.pkr.hcl:1,1-2']],
    ['a = <<EOT\nfoo\nEOT', ['Unterminated template string @ f.pkr.hcl:3,4-4']],
    [
      'a = 1.2.3\nb = x[*\nc = x.\n',
      ['Invalid number literal @ f.pkr.hcl:1,5-10', 'Missing close bracket on splat index @ f.pkr.hcl:4,1-1'],
    ],
    [
      'a = "${x} %{ else } %{ endfor }"\nb = "%{ if a }%{ else }%{ else }%{ endif }"\nc = "%{ for a in b }%{ endif }"\n',
      [
        'Unexpected else directive @ f.pkr.hcl:1,11-20',
        'Unexpected endfor directive @ f.pkr.hcl:1,21-32',
        'Unexpected else directive @ f.pkr.hcl:2,24-33',
        'Unexpected endif directive @ f.pkr.hcl:2,33-43',
        'Unexpected endif directive @ f.pkr.hcl:3,21-31',
      ],
    ],
    ['a "b" {\n  c = 1\n} x\nd {\n}\n', ['Missing newline after block definition @ f.pkr.hcl:3,3-4']],
    [
      'locals {\n  x = "a\\\n  y = 1\n}\n',
      [
        'Invalid character @ f.pkr.hcl:2,9-10',
        'Invalid multi-line string @ f.pkr.hcl:2,10-3,1',
        'Invalid multi-line string @ f.pkr.hcl:3,8-4,1',
        'Invalid multi-line string @ f.pkr.hcl:4,2-5,1',
        'Unterminated template string @ f.pkr.hcl:2,9-10',
      ],
    ],
    ['a = {\n  "x" = 1,\n  y = 2\n  z = 3,\n}\nb = {(x) = 1, foo.bar = 2}\n', []],
    [
      'a { b = 1\n}\nc { d "e" }\n',
      [
        'Invalid single-argument block definition @ f.pkr.hcl:1,10-2,1',
        'Argument definition required @ f.pkr.hcl:3,5-8',
      ],
    ],
    [
      'a = "${"\n',
      ['Invalid multi-line string @ f.pkr.hcl:1,9-2,1', 'Unterminated template string @ f.pkr.hcl:1,9-2,1'],
    ],
    [
      'a = [for k, in x: k]\nb = {for k, v x: k => v}\nc = [for x in y: x if]\n',
      ["Invalid 'for' expression @ f.pkr.hcl:1,16-17"],
    ],
    ['a = x[1\nb = 2\n', ['Missing close bracket on index @ f.pkr.hcl:3,1-1']],
  ])('%j', (src, want) => {
    expect(summaries(parseConfig(src, 'f.pkr.hcl').diags)).toEqual(want);
  });

  it('reports a redefined attribute with the first definition', () => {
    const { diags, file } = parseConfig('a = 1\na = 2\n', 'f.pkr.hcl');
    expect(diags).toEqual([
      {
        severity: 'error',
        summary: 'Attribute redefined',
        detail: 'The argument "a" was already set at f.pkr.hcl:1,1-2. Each argument may be set only once.',
        subject: {
          filename: 'f.pkr.hcl',
          start: { line: 2, column: 1, byte: 6 },
          end: { line: 2, column: 2, byte: 7 },
        },
        context: undefined,
      },
    ]);
    expect(file.body.attributes).toHaveLength(1);
  });

  it('gives hclsyntax detail sentences', () => {
    const details = (src: string) => parseConfig(src, 'f.pkr.hcl').diags.map((d) => d.detail);
    expect(details('a = 1 2\n')).toEqual(['An argument definition must end with a newline.']);
    expect(details('a\n')).toEqual([
      'An argument or block definition is required here. To set an argument, use the equals sign "=" to introduce the argument value.',
    ]);
    expect(details('a = "%{ iff x }%{ endif }"\n')).toEqual([
      '"iff" is not a valid template control keyword. Did you mean "if"?',
      'The control directives within this template are unbalanced.',
    ]);
    expect(details('a = "\\q"\n')).toEqual(['The symbol "q" is not a valid escape sequence selector.']);
    expect(details('a = "\\uD800"\n')).toEqual(['Cannot encode character U+d800 in UTF-8.']);
    expect(details('a "b" = {}\n')).toEqual([
      'The equals sign "=" indicates an argument definition, and must not be used when defining a block.',
    ]);
  });

  it('reports invalid UTF-8 once', () => {
    const { diags } = parseConfig(Buffer.from([0x61, 0x20, 0x3d, 0x20, 0xff, 0xfe, 0x0a]), 'f.pkr.hcl');
    expect(diags.map((d) => d.summary)).toEqual(['Invalid character encoding', 'Invalid expression']);
  });
});

describe('parseExpression diagnostics', () => {
  it.each<[string, string[]]>([
    ['1 2', ['Extra characters after expression @ e:1,3-4']],
    ['', ['Missing expression @ e:1,1-1']],
    ['a +', ['Missing expression @ e:1,4-4']],
    ['f(1', ['Unterminated function call @ e:1,1-3']],
    ['[1', ['Unterminated tuple constructor expression @ e:1,1-2']],
    ['{a = 1', ['Unterminated object constructor expression @ e:1,1-2']],
    ['"${a', ['Unclosed template interpolation sequence @ e:1,2-4']],
    ['"abc', ['Unterminated template string @ e:1,5-5']],
    ['a.', ['Invalid attribute name @ e:1,3-3']],
    ['f(a..., b)', ['Missing closing parenthesis @ e:1,4-7']],
    ['"${a}" ? 1', ['Missing false expression in conditional @ e:1,11-11']],
  ])('%j', (src, want) => {
    expect(summaries(parseExpression(src, 'e').diags)).toEqual(want);
  });
});

describe('parseTemplate diagnostics', () => {
  it.each<[string, string[]]>([
    ['%{ if a }x', ['Unexpected end of template @ t:1,11-11']],
    ['%{ endif }', ['Unexpected endif directive @ t:1,1-11']],
    ['${ a b }', ['Extra characters after interpolation expression @ t:1,6-7']],
  ])('%j', (src, want) => {
    expect(summaries(parseTemplate(src, 't').diags)).toEqual(want);
  });
});
