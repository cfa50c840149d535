import { describe, expect, it } from 'vitest';
import type { Block, Body } from '../../src/hcl/ast.js';
import { parseConfig } from '../../src/hcl/parse.js';
import type { Range } from '../../src/hcl/range.js';
import { show } from './ast-print.js';

function r(sl: number, sc: number, sb: number, el: number, ec: number, eb: number): Range {
  return { filename: 'f.pkr.hcl', start: { line: sl, column: sc, byte: sb }, end: { line: el, column: ec, byte: eb } };
}

function parse(src: string | Buffer): Body {
  const { file, diags } = parseConfig(src, 'f.pkr.hcl');
  expect(diags).toEqual([]);
  return file.body;
}

/** Attributes and blocks of a body in the compact form of ast-print. */
function outline(body: Body): string[] {
  return [
    ...body.attributes.map((a) => `${a.name} = ${show(a.expr)}`),
    ...body.blocks.map(
      (b) => `${b.type}${b.labels.map((l) => ` ${JSON.stringify(l)}`).join('')} {${outline(b.body).join('; ')}}`,
    ),
  ];
}

describe('parseConfig structure', () => {
  it.each([
    ['a = 1\nb = "x"\n', ['a = n:1', 'b = (tmpl "x")']],
    ['a = 1', ['a = n:1']],
    ['source "null" "basic" {\n  x = 1\n}\n', ['source "null" "basic" {x = n:1}']],
    ['block bare "quoted" {\n}\n', ['block "bare" "quoted" {}']],
    ['a {\n  b {\n    c = true\n  }\n}\n', ['a {b {c = true}}']],
    ['a { b = 1 }\n', ['a {b = n:1}']],
    ['a "x" { b = [1, 2] }\n', ['a "x" {b = [n:1 n:2]}']],
    ['a {}\n', ['a {}']],
    ['# comment\n// comment\n/* multi\nline */\na = 1 # trailing\n', ['a = n:1']],
    ['a = 1 /* inline */\n', ['a = n:1']],
    ['a = [\n  1,\n  2,\n]\n', ['a = [n:1 n:2]']],
    ['a = f(\n  1\n)\n', ['a = (call f n:1)']],
    ['a = {\n  b = 1\n}\n', ['a = {b=n:1}']],
    ['a = 1\r\nb {\r\n  c = 2\r\n}\r\n', ['a = n:1', 'b {c = n:2}']],
    ['with-dash = 1\n', ['with-dash = n:1']],
    ['label "a\\"b\\u00e9" {\n}\n', ['label "a\\"bé" {}']],
  ])('%j', (src, want) => {
    expect(outline(parse(src))).toEqual(want);
  });

  it('keeps blocks in written order, apart from attributes', () => {
    const body = parse('provisioner "shell" {}\na = 1\nprovisioner "file" {}\nprovisioner "shell" {}\n');
    expect(body.blocks.map((b) => b.labels[0])).toEqual(['shell', 'file', 'shell']);
    expect(body.attributes.map((a) => a.name)).toEqual(['a']);
  });

  it('gives a block, its labels and its body exact ranges', () => {
    const body = parse('source "null" x {\n  a = 1\n}\n');
    const block = body.blocks[0] as Block;
    expect(block).toEqual({
      kind: 'Block',
      type: 'source',
      labels: ['null', 'x'],
      labelRanges: [r(1, 8, 7, 1, 14, 13), r(1, 15, 14, 1, 16, 15)],
      typeRange: r(1, 1, 0, 1, 7, 6),
      openBraceRange: r(1, 17, 16, 1, 18, 17),
      closeBraceRange: r(3, 1, 26, 3, 2, 27),
      range: r(1, 1, 0, 3, 2, 27),
      body: {
        kind: 'Body',
        attributes: [
          {
            kind: 'Attribute',
            name: 'a',
            expr: { kind: 'Literal', type: 'number', text: '1', range: r(2, 7, 24, 2, 8, 25) },
            nameRange: r(2, 3, 20, 2, 4, 21),
            equalsRange: r(2, 5, 22, 2, 6, 23),
            range: r(2, 3, 20, 2, 8, 25),
          },
        ],
        blocks: [],
        range: r(1, 17, 16, 3, 2, 27),
        endRange: r(3, 2, 27, 3, 2, 27),
      },
    });
    expect(body.range).toEqual(r(1, 1, 0, 4, 1, 28));
    expect(body.endRange).toEqual(r(4, 1, 28, 4, 1, 28));
  });

  it('ranges a one-line block body as its single attribute', () => {
    const block = parse('a { b = 1 }\n').blocks[0] as Block;
    expect(block.body.range).toEqual(r(1, 5, 4, 1, 10, 9));
    expect(block.body.endRange).toEqual(r(1, 10, 9, 1, 10, 9));
    expect(block.closeBraceRange).toEqual(r(1, 11, 10, 1, 12, 11));
  });

  it('skips a UTF-8 byte order mark, counting its bytes', () => {
    const body = parse(Buffer.from('\ufeffa = 1\n', 'utf8'));
    expect(body.attributes[0]?.nameRange).toEqual(r(1, 1, 3, 1, 2, 4));
  });

  it('keeps the original bytes on the file', () => {
    const src = Buffer.from('a = 1\n');
    expect(parseConfig(src, 'f.pkr.hcl').file).toMatchObject({ filename: 'f.pkr.hcl', bytes: src });
  });

  it('ends an attribute at its expression, before a trailing comment', () => {
    expect(parse('a = 1 # c\n').attributes[0]?.range).toEqual(r(1, 1, 0, 1, 6, 5));
  });

  it('ends an attribute whose value is a heredoc at the closing marker', () => {
    const attr = parse('a = <<EOT\nx\nEOT\nb = 1\n').attributes[0];
    expect(attr?.range).toEqual(r(1, 1, 0, 3, 4, 15));
  });
});
