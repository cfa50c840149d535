import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../../src/hcl/diagnostics.js';
import { parseJSON } from '../../../src/hcl/json/parse.js';
import type { Range } from '../../../src/hcl/range.js';
import type { BodySchema, ContentBlock } from '../../../src/hcl/schema.js';

const at = (r: Range | undefined) =>
  r && `${r.start.line}:${r.start.column}:${r.start.byte}-${r.end.line}:${r.end.column}:${r.end.byte}`;
const brief = (d: Diagnostic) => [d.summary, d.detail, at(d.subject), at(d.context)];
const blockBrief = (b: ContentBlock) => [b.type, b.labels, b.labelRanges.map(at), at(b.typeRange), at(b.defRange)];

function body(src: string) {
  const parsed = parseJSON(src, 't.pkr.json');
  expect(parsed.diags).toEqual([]);
  return parsed.body;
}

const TEMPLATE: BodySchema = {
  attributes: [],
  blocks: [
    { type: 'variable', labelNames: ['name'] },
    { type: 'source', labelNames: ['type', 'name'] },
    { type: 'build', labelNames: [] },
  ],
};

describe('JSON body', () => {
  it('decides attributes and blocks by the schema and keeps written order', () => {
    const b = body(
      [
        '{',
        '  "source": {"docker": {"a": {"image": "x"}, "b": {"image": "y"}}},',
        '  "//": "a comment",',
        '  "variable": {"v": {}},',
        '  "source": {"null": {"c": {}}}',
        '}',
      ].join('\n'),
    );
    const { content, diags } = b.content(TEMPLATE);
    expect(diags).toEqual([]);
    expect(content.blocks.map(blockBrief)).toEqual([
      ['source', ['docker', 'a'], ['2:14:15-2:22:23', '2:25:26-2:28:29'], '2:3:4-2:11:12', '2:30:31-2:31:32'],
      ['source', ['docker', 'b'], ['2:14:15-2:22:23', '2:46:47-2:49:50'], '2:3:4-2:11:12', '2:51:52-2:52:53'],
      ['variable', ['v'], ['4:16:106-4:19:109'], '4:3:93-4:13:103', '4:21:111-4:22:112'],
      ['source', ['null', 'c'], ['5:14:129-5:20:135', '5:23:138-5:26:141'], '5:3:118-5:11:126', '5:28:143-5:29:144'],
    ]);
    expect(at(content.missingItemRange)).toBe('6:1:148-6:2:149');
  });

  it('reads arrays at the label and body levels, as in the spec', () => {
    const b = body(
      JSON.stringify({
        foo: [{ bar: { baz: { n: 1 }, boz: { n: 2 } } }, { bar: { baz: [{ n: 3 }, { n: 4 }] } }],
      }),
    );
    const { content } = b.content({ attributes: [], blocks: [{ type: 'foo', labelNames: ['l1', 'l2'] }] });
    const ns = content.blocks.map((blk) => {
      const n = blk.body.justAttributes().attributes.get('n')?.expr;
      return [blk.labels.join('.'), n?.kind === 'Literal' && n.type === 'number' ? n.text : undefined];
    });
    expect(ns).toEqual([
      ['bar.baz', '1'],
      ['bar.boz', '2'],
      ['bar.baz', '3'],
      ['bar.baz', '4'],
    ]);
  });

  it('treats a body given as an array of objects as one body', () => {
    const b = body('[{"a": 1}, {"b": 2}, {"//": "x"}]');
    const { content, diags } = b.content({ attributes: [{ name: 'a' }, { name: 'b' }], blocks: [] });
    expect(diags).toEqual([]);
    expect([...content.attributes.keys()]).toEqual(['a', 'b']);
    expect(at(content.missingItemRange)).toBe('1:1:0-1:2:1');
  });

  it('gives no blocks for null', () => {
    const { content, diags } = body('{"build": null, "source": {"docker": null}}').content(TEMPLATE);
    expect(diags.map(brief)).toEqual([
      [
        'Missing block label',
        "At least one object property is required, whose name represents the source block's name.",
        '1:38:37-1:42:41',
        undefined,
      ],
    ]);
    expect(content.blocks).toEqual([]);
  });

  it('reports extraneous properties with a suggestion', () => {
    const { diags } = body('{"sorce": {}, "region": "x", "zzz": 1}').content({
      attributes: [{ name: 'region' }],
      blocks: [{ type: 'source', labelNames: [] }],
    });
    expect(diags.map(brief)).toEqual([
      [
        'Extraneous JSON object property',
        'No argument or block type is named "sorce". Did you mean "source"?',
        '1:2:1-1:9:8',
        '1:2:1-1:9:8',
      ],
      [
        'Extraneous JSON object property',
        'No argument or block type is named "zzz".',
        '1:30:29-1:35:34',
        '1:30:29-1:35:34',
      ],
    ]);
  });

  it('reports duplicate and missing arguments', () => {
    const { content, diags } = body('{\n"a": 1,\n"a": 2\n}').content({
      attributes: [{ name: 'a' }, { name: 'b', required: true }],
      blocks: [],
    });
    expect(diags.map(brief)).toEqual([
      ['Duplicate argument', 'The argument "a" was already set at t.pkr.json:2,1-7.', '3:1:10-3:4:13', '3:1:10-3:4:13'],
      [
        'Missing required argument',
        'The argument "b" is required, but no definition was found.',
        '4:1:17-4:2:18',
        undefined,
      ],
    ]);
    expect(at(content.attributes.get('a')?.range)).toBe('2:1:2-2:7:8');
  });

  it.each([
    [
      '{"build": "x"}',
      'Either a JSON object or a JSON array is required, representing the contents of one or more "build" blocks.',
      '1:11:10-1:14:13',
    ],
    [
      '{"variable": 1}',
      'Either a JSON object or JSON array of objects is required here, to specify name labels for this block.',
      '1:14:13-1:15:14',
    ],
    ['{"variable": [1]}', 'A JSON object is required here, to specify name labels for this block.', '1:15:14-1:16:15'],
  ])('reports the wrong JSON shape for blocks: %s', (src, detail, subject) => {
    const { diags } = body(src).partialContent(TEMPLATE);
    expect(diags.map(brief)[0]).toEqual(['Incorrect JSON value type', detail, subject, undefined]);
  });

  it('repeats shape errors of the body itself from Content, as hcl does', () => {
    const { diags } = body('[{"a": 1}, 2]').content({ attributes: [{ name: 'a' }], blocks: [] });
    const shape = [
      'Incorrect JSON value type',
      'A JSON object is required here, to define arguments and child blocks.',
      '1:12:11-1:13:12',
      undefined,
    ];
    expect(diags.map(brief)).toEqual([shape, shape]);
  });

  it('hands the rest to the next decoder through partialContent', () => {
    const b = body('{"name": "x", "only": ["a"], "inline": ["echo"], "timeout": "5m"}');
    const first = b.partialContent({ attributes: [{ name: 'name' }, { name: 'only' }], blocks: [] });
    expect(first.diags).toEqual([]);
    expect([...first.content.attributes.keys()]).toEqual(['name', 'only']);
    const second = first.remain.content({ attributes: [{ name: 'inline' }], blocks: [] });
    expect([...second.content.attributes.keys()]).toEqual(['inline']);
    expect(second.diags.map((d) => d.detail)).toEqual(['No argument or block type is named "timeout".']);
    expect([...first.remain.justAttributes().attributes.keys()]).toEqual(['inline', 'timeout']);
  });

  it('reads every property as an attribute with justAttributes', () => {
    const { attributes, diags } = body('{"//": "c", "a": 1, "b": "x", "a": 3}').justAttributes();
    expect([...attributes.keys()]).toEqual(['a', 'b']);
    expect(diags.map(brief)).toEqual([
      [
        'Duplicate attribute definition',
        'The argument "a" was already set at t.pkr.json:1,13-19.',
        '1:31:30-1:34:33',
        undefined,
      ],
    ]);
    const arrayBody = body('[{"a": 1}]').justAttributes();
    expect(arrayBody.diags.map(brief)).toEqual([
      [
        'Incorrect JSON value type',
        'A JSON object is required here, setting the arguments for this block.',
        '1:1:0-1:2:1',
        undefined,
      ],
    ]);
  });

  it('surfaces template errors in strings when the attribute is decoded', () => {
    const { diags } = body('{"a": "${"}').justAttributes();
    expect(diags).toHaveLength(1);
    expect(diags[0]?.severity).toBe('error');
    // Positions inside the string count from just after its opening quote.
    expect(diags[0]?.subject?.start).toEqual({ line: 1, column: 10, byte: 9 });
  });
});

describe('parseJSON', () => {
  it('requires an object or array at the root', () => {
    const { body: b, diags } = parseJSON('"just a string"', 'v.pkrvars.json');
    expect(diags.map(brief)).toEqual([
      [
        'Root value must be object',
        'The root value in a JSON-based configuration must be either a JSON object or a JSON array of objects.',
        '1:1:0-1:16:15',
        undefined,
      ],
    ]);
    expect(b.justAttributes()).toEqual({ attributes: new Map(), diags: [] });
  });

  it('reports parse errors and then that the root is not an object', () => {
    expect(parseJSON('{"a": tru, }', 'x.pkr.json').diags.map((d) => d.summary)).toEqual([
      'Invalid JSON keyword',
      'Trailing comma in object',
      'Root value must be object',
    ]);
  });
});
