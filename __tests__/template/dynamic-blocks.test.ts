import { describe, expect, test } from 'vitest';
import { runValidate } from '../../src/cli/validate.js';
import { childContext, type EvalContext } from '../../src/eval/context.js';
import { evaluate } from '../../src/eval/evaluate.js';
import { Value } from '../../src/eval/value.js';
import { NativeBody } from '../../src/hcl/native-body.js';
import { parseConfig } from '../../src/hcl/parse.js';
import type { BodySchema, ContentBlock, HclBody } from '../../src/hcl/schema.js';
import { expandDynamicBlocks } from '../../src/template/dynamic-blocks.js';
import { memoryIO } from '../support/cli.js';

function body(src: string): HclBody {
  const { file, diags } = parseConfig(src, 'test.pkr.hcl');
  expect(diags).toEqual([]);
  return new NativeBody(file.body);
}

const ctx: EvalContext = childContext(
  undefined,
  new Map([
    ['prefix', Value.string('p')],
    ['names', Value.set([Value.string('y'), Value.string('x')])],
  ]),
);

/** Each block as [type, labels, { attribute: value as text }], attributes evaluated as a decoder would. */
function describeBlocks(blocks: readonly ContentBlock[], attrs: readonly string[]): unknown[] {
  return blocks.map((b) => {
    const { content } = b.body.content({ attributes: attrs.map((name) => ({ name })), blocks: [] });
    const values = Object.fromEntries(
      [...content.attributes].map(([name, a]) => {
        const scoped = a.scope ? childContext(ctx, a.scope) : ctx;
        return [name, evaluate(a.expr, scoped).value.toString()];
      }),
    );
    return [b.type, b.labels, values];
  });
}

const disks: BodySchema = { attributes: [], blocks: [{ type: 'disk', labelNames: [] }] };

describe('expandDynamicBlocks', () => {
  test('written and generated blocks come in written order; the iterator defaults to the block type', () => {
    const src = `
disk { name = "first" }
dynamic "disk" {
  for_each = [{ n = "a", s = 1 }, { n = "b", s = 2 }]
  content {
    name = "\${prefix}-\${disk.value.n}"
    size = disk.value.s
    index = disk.key
  }
}
disk { name = "last" }
`;
    const { content, diags } = expandDynamicBlocks(body(src), ctx).content(disks);
    expect(diags).toEqual([]);
    expect(describeBlocks(content.blocks, ['name', 'size', 'index'])).toEqual([
      ['disk', [], { name: '"first"' }],
      ['disk', [], { name: '"p-a"', size: '1', index: '0' }],
      ['disk', [], { name: '"p-b"', size: '2', index: '1' }],
      ['disk', [], { name: '"last"' }],
    ]);
    // A generated block points at its dynamic block: type range at the label, def range the header.
    const generated = content.blocks[1];
    expect(generated?.typeRange.start).toEqual({ line: 3, column: 9, byte: 33 });
    expect(generated?.defRange.start).toEqual({ line: 3, column: 1, byte: 25 });
    expect(generated?.defRange.end).toEqual({ line: 3, column: 15, byte: 39 });
  });

  test('an iterator name, a map (sorted keys) and a set (element as key)', () => {
    const src = `
dynamic "disk" {
  for_each = { b = 2, a = 1 }
  iterator = d
  content { name = "\${d.key}=\${d.value}" }
}
dynamic "disk" {
  for_each = names
  content { name = "\${disk.key}/\${disk.value}" }
}
`;
    const { content, diags } = expandDynamicBlocks(body(src), ctx).content(disks);
    expect(diags).toEqual([]);
    expect(describeBlocks(content.blocks, ['name'])).toEqual([
      ['disk', [], { name: '"a=1"' }],
      ['disk', [], { name: '"b=2"' }],
      ['disk', [], { name: '"x/x"' }],
      ['disk', [], { name: '"y/y"' }],
    ]);
  });

  test('labels of a labelled block type, evaluated per element', () => {
    const src = `
dynamic "volume" {
  for_each = ["a", "b"]
  labels   = ["\${prefix}\${volume.value}"]
  content { size = volume.key }
}
`;
    const schema: BodySchema = { attributes: [], blocks: [{ type: 'volume', labelNames: ['name'] }] };
    const { content, diags } = expandDynamicBlocks(body(src), ctx).content(schema);
    expect(diags).toEqual([]);
    expect(describeBlocks(content.blocks, ['size'])).toEqual([
      ['volume', ['pa'], { size: '0' }],
      ['volume', ['pb'], { size: '1' }],
    ]);
    expect(content.blocks.map((b) => b.labelRanges[0]?.start.column)).toEqual([15, 15]);
  });

  test('nested dynamic blocks see the outer iterator', () => {
    const src = `
dynamic "outer" {
  for_each = { x = [1, 2], y = [3] }
  content {
    name = outer.key
    dynamic "inner" {
      for_each = outer.value
      content { v = "\${outer.key}\${inner.value}" }
    }
  }
}
`;
    const schema: BodySchema = { attributes: [], blocks: [{ type: 'outer', labelNames: [] }] };
    const { content, diags } = expandDynamicBlocks(body(src), ctx).content(schema);
    expect(diags).toEqual([]);
    const inner = content.blocks.map((b) => {
      const got = b.body.content({ attributes: [{ name: 'name' }], blocks: [{ type: 'inner', labelNames: [] }] });
      expect(got.diags).toEqual([]);
      return describeBlocks(got.content.blocks, ['v']);
    });
    expect(inner).toEqual([
      [
        ['inner', [], { v: '"x1"' }],
        ['inner', [], { v: '"x2"' }],
      ],
      [['inner', [], { v: '"y3"' }]],
    ]);
  });

  test('partialContent leaves dynamic blocks of other types for the remaining body', () => {
    const src = `
dynamic "a" {
  for_each = [1]
  content { v = a.value }
}
dynamic "b" {
  for_each = [2, 3]
  content { v = b.value }
}
`;
    const first = expandDynamicBlocks(body(src), ctx).partialContent({
      attributes: [],
      blocks: [{ type: 'a', labelNames: [] }],
    });
    expect(first.diags).toEqual([]);
    expect(describeBlocks(first.content.blocks, ['v'])).toEqual([['a', [], { v: '1' }]]);
    const rest = first.remain.content({ attributes: [], blocks: [{ type: 'b', labelNames: [] }] });
    expect(rest.diags).toEqual([]);
    expect(describeBlocks(rest.content.blocks, ['v'])).toEqual([
      ['b', [], { v: '2' }],
      ['b', [], { v: '3' }],
    ]);
  });

  test('an unknown for_each gives one block whose iterator values are unknown', () => {
    const unknown = childContext(undefined, new Map([['xs', Value.unknown({ kind: 'dynamic' })]]));
    const src = `
dynamic "disk" {
  for_each = xs
  content {
    name = disk.value
    fixed = "k"
  }
}
`;
    const { content, diags } = expandDynamicBlocks(body(src), unknown).content(disks);
    expect(diags).toEqual([]);
    expect(describeBlocks(content.blocks, ['name', 'fixed'])).toEqual([
      ['disk', [], { name: 'unknown(dynamic)', fixed: '"k"' }],
    ]);
  });

  test('a sensitive for_each makes the iterator values sensitive', () => {
    const secret = childContext(ctx, new Map([['xs', Value.list([Value.string('s')]).mark('sensitive')]]));
    const src = `dynamic "disk" {\n  for_each = xs\n  content { name = disk.value }\n}\n`;
    const { content, diags } = expandDynamicBlocks(body(src), secret).content(disks);
    expect(diags).toEqual([]);
    const attr = content.blocks[0]?.body
      .content({ attributes: [{ name: 'name' }], blocks: [] })
      .content.attributes.get('name');
    const value = attr?.scope && evaluate(attr.expr, childContext(secret, attr.scope)).value;
    expect(value?.hasMark('sensitive')).toBe(true);
    expect(value?.unmark()[0].asString()).toBe('s');
  });

  test.each([
    [
      'a string for_each',
      'for_each = "nope"\n  content {}',
      'Invalid dynamic for_each value',
      'Cannot use a string value in for_each. An iterable collection is required.',
      { line: 3, column: 14 },
    ],
    [
      'a null for_each',
      'for_each = null\n  content {}',
      'Invalid dynamic for_each value',
      'Cannot use a null value in for_each.',
      { line: 3, column: 14 },
    ],
    [
      'no content block',
      'for_each = [1]',
      'Missing dynamic content block',
      'A dynamic block must have a nested block of type "content" to describe the body of each generated block.',
      { line: 2, column: 16 },
    ],
    [
      'two content blocks',
      'for_each = [1]\n  content {}\n  content {}',
      'Extraneous dynamic content block',
      'Only one nested content block is allowed for each dynamic block.',
      { line: 5, column: 3 },
    ],
    [
      'an iterator with attributes',
      'for_each = [1]\n  iterator = a.b\n  content {}',
      'Invalid dynamic iterator name',
      'Dynamic iterator must be a single variable name.',
      { line: 4, column: 14 },
    ],
    [
      'a missing for_each',
      'content {}',
      'Missing required argument',
      'The argument "for_each" is required, but no definition was found.',
      { line: 2, column: 16 },
    ],
  ])('%s is reported', (_, inner, summary, detail, start) => {
    const src = `\ndynamic "disk" {\n  ${inner}\n}\n`;
    const { content, diags } = expandDynamicBlocks(body(src), ctx).content(disks);
    expect(content.blocks).toEqual([]);
    expect(diags.map((d) => [d.severity, d.summary, d.detail, d.subject?.start.line, d.subject?.start.column])).toEqual(
      [['error', summary, detail, start.line, start.column]],
    );
  });

  test('a dynamic block of a type the schema does not have is an unsupported block type at its label', () => {
    const src = `dynamic "other" {\n  for_each = [1]\n  content {}\n}\n`;
    const { diags } = expandDynamicBlocks(body(src), ctx).content(disks);
    expect(diags.map((d) => [d.summary, d.detail, d.subject?.start.column])).toEqual([
      ['Unsupported block type', 'Blocks of type "other" are not expected here.', 9],
    ]);
  });

  test('label count and label value errors', () => {
    const schema: BodySchema = { attributes: [], blocks: [{ type: 'volume', labelNames: ['name'] }] };
    const run = (inner: string) => {
      const src = `dynamic "volume" {\n  for_each = [null]\n  ${inner}\n  content {}\n}\n`;
      return expandDynamicBlocks(body(src), ctx)
        .content(schema)
        .diags.map((d) => [d.summary, d.detail]);
    };
    expect(run('labels = ["a", "b"]')).toEqual([
      ['Extraneous dynamic block label', 'Blocks of type "volume" require 1 label(s).'],
    ]);
    expect(run('labels = []')).toEqual([
      ['Insufficient dynamic block labels', 'Blocks of type "volume" require 1 label(s).'],
    ]);
    expect(run('labels = [volume.value]')).toEqual([
      ['Invalid dynamic block label', 'Cannot use a null value as a dynamic block label.'],
    ]);
  });
});

describe('kiln validate with dynamic blocks, as packer validate 1.6.6', () => {
  const dir = new URL('../fixtures/templates/dynamic-blocks/', import.meta.url).pathname;
  async function validate(file: string) {
    const m = memoryIO({ cwd: dir, env: { AWS_ACCESS_KEY_ID: 'x', AWS_SECRET_ACCESS_KEY: 'y' } });
    const code = await runValidate([file], m.io);
    return { code, stdout: m.stdout(), stderr: m.stderr() };
  }

  test('amazon-ebs launch_block_device_mappings over a list of objects with an iterator is valid', async () => {
    expect(await validate('ok.pkr.hcl')).toEqual({ code: 0, stdout: 'The configuration is valid.\n', stderr: '' });
  });

  // packer validate 1.6.6 output: summary, line and detail of each error, exit 1.
  test.each([
    ['bad-for-each.pkr.hcl', [['Invalid dynamic for_each value', 16]]],
    ['no-content.pkr.hcl', [['Missing dynamic content block', 15]]],
    [
      'bad-attribute.pkr.hcl',
      [
        ['Incorrect attribute value type', 20],
        ['Incorrect attribute value type', 20],
      ],
    ],
  ])('%s fails as in Packer', async (file, expected) => {
    const { code, stdout } = await validate(file);
    expect(code).toBe(1);
    const errors = [...stdout.matchAll(/Error: (.+)\n\n {2}on \S+ line (\d+)/g)].map((m) => [m[1], Number(m[2])]);
    expect(errors).toEqual(expected);
  });
});
