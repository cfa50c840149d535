import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseConfig, parseExpression, parseTemplate } from '../../src/hcl/parse.js';

/* Property tests: no input makes the parser throw or take long. */

const VALID = `# A Packer template
variable "image" {
  type    = string
  default = "debian:bookworm"
}

locals {
  tags = { for k, v in var.tags : k => upper(v) if v != "" }
  list = [for s in var.list : "\${s}-x"]
  both = local.a ? [1, 2.5e3] : []
}

source "docker" "basic" {
  image  = var.image
  commit = true
  changes = ["ENV A=\${var.a}", "%{ if var.b ~} yes %{~ else }no%{ endif }"]
}

build {
  sources = ["source.docker.basic"]
  provisioner "shell" {
    inline = [
      <<-EOT
        echo \${join(",", var.list...)}
        %{ for x in var.xs }line \${x}
        %{ endfor }
      EOT
    ]
  }
  post-processor "manifest" { output = "m.json" }
  x = a.*.b[0] + c[*].d.e - -f.0 * (g % 2) / 1 || !h && i == j != k < l <= m > n >= o
}
`;

/** Pieces of HCL syntax, so mutations produce near-valid input that reaches deep into the parser. */
const PIECES = [
  '{',
  '}',
  '[',
  ']',
  '(',
  ')',
  '"',
  '${',
  '%{',
  '~}',
  '}',
  '<<EOT\n',
  '<<-EOT\n',
  'EOT',
  '\n',
  '\r\n',
  ' ',
  '\t',
  '=',
  '==',
  '=>',
  ':',
  '?',
  ',',
  '.',
  '...',
  '*',
  '[*]',
  '.*',
  '#',
  '//',
  '/*',
  '*/',
  'for',
  'in',
  'if',
  'endif',
  'else',
  'endfor',
  'x',
  '1',
  '1.5e3',
  '\\',
  '\\u',
  '$${',
  '%%{',
  '!',
  '-',
  '&&',
  '||',
  "'",
  '`',
  ';',
  'é',
  '😀',
  '\ufeff',
  '\u201c',
];

const mutated = fc
  .array(
    fc.record({
      at: fc.nat({ max: VALID.length }),
      del: fc.nat({ max: 4 }),
      ins: fc.constantFrom(...PIECES),
    }),
    { minLength: 1, maxLength: 12 },
  )
  .map((edits) => edits.reduce((s, e) => s.slice(0, e.at) + e.ins + s.slice(e.at + e.del), VALID));

const anyString = fc.string({ unit: 'grapheme', maxLength: 300 });
const pieceSoup = fc.array(fc.constantFrom(...PIECES), { maxLength: 80 }).map((a) => a.join(''));

function timed(fn: () => void): number {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

describe('parser robustness', () => {
  it('the valid corpus parses without diagnostics', () => {
    expect(parseConfig(VALID, 'v.pkr.hcl').diags).toEqual([]);
  });

  it.each([
    ['mutated valid HCL', mutated],
    ['arbitrary strings', anyString],
    ['token soup', pieceSoup],
  ])('%s: parseConfig, parseExpression and parseTemplate never throw and finish within 1s', (_name, arb) => {
    fc.assert(
      fc.property(arb, (src) => {
        expect(timed(() => parseConfig(src, 'f.pkr.hcl'))).toBeLessThan(1000);
        expect(timed(() => parseExpression(src, 'f'))).toBeLessThan(1000);
        expect(timed(() => parseTemplate(src, 'f'))).toBeLessThan(1000);
      }),
      { numRuns: 400 },
    );
  });

  it('survives arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        expect(timed(() => parseConfig(Buffer.from(bytes), 'f.pkr.hcl'))).toBeLessThan(1000);
      }),
      { numRuns: 300 },
    );
  });
});

describe('nesting limit', () => {
  it.each([
    ['parentheses', '('.repeat(5000)],
    ['tuples', '['.repeat(5000)],
    ['templates', '"${'.repeat(2000)],
    ['unary operators', `${'-'.repeat(5000)}1`],
    ['full splats', `a${'[*]'.repeat(5000)}`],
    ['indexes', `a${'[0'.repeat(5000)}`],
  ])('reports deeply nested %s instead of overflowing the stack', (_name, src) => {
    const { diags } = parseExpression(src, 'f');
    expect(diags.map((d) => d.summary)).toContain('Nesting too deep');
  });

  it('reports deeply nested blocks', () => {
    const { diags } = parseConfig('a {\n'.repeat(3000), 'f.pkr.hcl');
    expect(diags.map((d) => d.summary)).toContain('Nesting too deep');
  });

  it('parses nesting up to the limit', () => {
    const { expr, diags } = parseExpression(`${'['.repeat(150)}1${']'.repeat(150)}`, 'f');
    expect(diags).toEqual([]);
    expect(expr.kind).toBe('Tuple');
  });
});
