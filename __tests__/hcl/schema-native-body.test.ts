import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/hcl/diagnostics.js';
import { NativeBody } from '../../src/hcl/native-body.js';
import { parseConfig } from '../../src/hcl/parse.js';
import type { Range } from '../../src/hcl/range.js';
import type { BodySchema } from '../../src/hcl/schema.js';

const at = (r: Range | undefined) =>
  r && `${r.start.line}:${r.start.column}:${r.start.byte}-${r.end.line}:${r.end.column}:${r.end.byte}`;
const brief = (d: Diagnostic) => [d.summary, d.detail, at(d.subject), at(d.context)];

function body(src: string): NativeBody {
  const { file, diags } = parseConfig(src, 't.pkr.hcl');
  expect(diags).toEqual([]);
  return new NativeBody(file.body);
}

const TEMPLATE: BodySchema = {
  attributes: [],
  blocks: [
    { type: 'variable', labelNames: ['name'] },
    { type: 'source', labelNames: ['type', 'name'] },
    { type: 'build', labelNames: [] },
  ],
};

describe('native body content', () => {
  it('returns blocks of every wanted type in written order, with their ranges', () => {
    const { content, diags } = body(
      'source "docker" "a" {}\nbuild {}\nvariable "v" {}\nsource "null" "b" {}\n',
    ).content(TEMPLATE);
    expect(diags).toEqual([]);
    expect(
      content.blocks.map((b) => [b.type, b.labels, at(b.typeRange), b.labelRanges.map(at), at(b.defRange)]),
    ).toEqual([
      ['source', ['docker', 'a'], '1:1:0-1:7:6', ['1:8:7-1:16:15', '1:17:16-1:20:19'], '1:1:0-1:20:19'],
      ['build', [], '2:1:23-2:6:28', [], '2:1:23-2:6:28'],
      ['variable', ['v'], '3:1:32-3:9:40', ['3:10:41-3:13:44'], '3:1:32-3:13:44'],
      ['source', ['null', 'b'], '4:1:48-4:7:54', ['4:8:55-4:14:61', '4:15:62-4:18:65'], '4:1:48-4:18:65'],
    ]);
  });

  it('reads attributes and points missing ones at the start of the body', () => {
    const b = body('build {\n  name = "x"\n}\n');
    const build = b.content(TEMPLATE).content.blocks[0]?.body;
    if (!build) throw new Error('no build block');
    const { content, diags } = build.content({
      attributes: [{ name: 'name' }, { name: 'sources', required: true }],
      blocks: [],
    });
    expect(at(content.attributes.get('name')?.range)).toBe('2:3:10-2:13:20');
    expect(at(content.attributes.get('name')?.nameRange)).toBe('2:3:10-2:7:14');
    expect(diags.map(brief)).toEqual([
      [
        'Missing required argument',
        'The argument "sources" is required, but no definition was found.',
        '1:7:6-1:7:6',
        undefined,
      ],
    ]);
    expect(at(content.missingItemRange)).toBe('1:7:6-1:7:6');
  });

  it('reports unsupported arguments with hcl suggestions', () => {
    const { diags } = body('nme = 1\nsource = 2\nzzz = 3\n').content({
      attributes: [{ name: 'name' }],
      blocks: [{ type: 'source', labelNames: [] }],
    });
    expect(diags.map(brief)).toEqual([
      [
        'Unsupported argument',
        'An argument named "nme" is not expected here. Did you mean "name"?',
        '1:1:0-1:4:3',
        undefined,
      ],
      [
        'Unsupported argument',
        'An argument named "source" is not expected here. Did you mean to define a block of type "source"?',
        '2:1:8-2:7:14',
        undefined,
      ],
      ['Unsupported argument', 'An argument named "zzz" is not expected here.', '3:1:19-3:4:22', undefined],
    ]);
  });

  it('does not suggest an argument already given', () => {
    const { diags } = body('name = 1\nnames = 2\n').content({ attributes: [{ name: 'name' }], blocks: [] });
    expect(diags.map((d) => d.detail)).toEqual(['An argument named "names" is not expected here.']);
  });

  it('reports unsupported block types with hcl suggestions', () => {
    const { diags } = body('sorce {}\nname {}\nother {}\n').content({
      attributes: [{ name: 'name' }],
      blocks: [{ type: 'source', labelNames: [] }],
    });
    expect(diags.map(brief)).toEqual([
      [
        'Unsupported block type',
        'Blocks of type "sorce" are not expected here. Did you mean "source"?',
        '1:1:0-1:6:5',
        undefined,
      ],
      [
        'Unsupported block type',
        'Blocks of type "name" are not expected here. Did you mean to define argument "name"? If so, use the equals sign to assign it a value.',
        '2:1:9-2:5:13',
        undefined,
      ],
      ['Unsupported block type', 'Blocks of type "other" are not expected here.', '3:1:17-3:6:22', undefined],
    ]);
  });

  it.each([
    [
      'build "x" {}',
      ['Extraneous label for build', 'No labels are expected for build blocks.', '1:7:6-1:10:9', '1:1:0-1:12:11'],
    ],
    [
      'variable "a" "b" {}',
      [
        'Extraneous label for variable',
        'Only 1 labels (name) are expected for variable blocks.',
        '1:14:13-1:17:16',
        '1:1:0-1:19:18',
      ],
    ],
    [
      'source "docker" {}',
      [
        'Missing name for source',
        'All source blocks must have 2 labels (type, name).',
        '1:17:16-1:18:17',
        '1:1:0-1:18:17',
      ],
    ],
    [
      'variable {}',
      [
        'Missing name for variable',
        'All variable blocks must have 1 labels (name).',
        '1:10:9-1:11:10',
        '1:1:0-1:11:10',
      ],
    ],
  ])('checks labels: %s', (src, expected) => {
    const { content, diags } = body(src).content(TEMPLATE);
    expect(diags.map(brief)).toEqual([expected]);
    expect(content.blocks).toEqual([]);
  });

  it('hands the rest to the next decoder through partialContent', () => {
    const b = body('only = ["a"]\ninline = ["x"]\nprovisioner "shell" {}\ntimeout = "5m"\n');
    const first = b.partialContent({ attributes: [{ name: 'only' }, { name: 'except' }], blocks: [] });
    expect(first.diags).toEqual([]);
    expect([...first.content.attributes.keys()]).toEqual(['only']);
    const second = first.remain.content({ attributes: [{ name: 'inline' }], blocks: [] });
    expect(second.diags.map((d) => d.detail)).toEqual([
      'An argument named "timeout" is not expected here.',
      'Blocks of type "provisioner" are not expected here.',
    ]);
    const rest = first.remain.justAttributes();
    expect([...rest.attributes.keys()]).toEqual(['inline', 'timeout']);
    expect(rest.diags.map(brief)).toEqual([
      ['Unexpected "provisioner" block', 'Blocks are not allowed here.', '3:1:28-3:12:39', undefined],
    ]);
  });

  it('hides block types once asked for, even when none were present', () => {
    const first = body('build {}\n').partialContent({ attributes: [], blocks: [{ type: 'build', labelNames: [] }] });
    expect(first.content.blocks).toHaveLength(1);
    expect(first.remain.content({ attributes: [], blocks: [] }).diags).toEqual([]);
  });
});
