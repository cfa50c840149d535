import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { EvalContext } from '../../../src/eval/context.js';
import { DynamicPseudoType } from '../../../src/eval/types.js';
import { Sensitive, Value } from '../../../src/eval/value.js';
import {
  block,
  blocks,
  componentDocs,
  componentJsonSchema,
  decodeComponent,
  defineComponent,
  duration,
  required,
} from '../../../src/components/schema/index.js';
import { at, brief, hclBlock, jsonBlock } from '../helpers.js';

const spec = defineComponent({
  kind: 'builder',
  type: 'demo',
  fields: {
    name: required(z.string()).describe('What to call it.'),
    count: z.number().default(2).describe('How many.'),
    wait: duration().optional(),
    tags: z.record(z.string(), z.string()).optional(),
    ports: z.array(z.number()).optional(),
    extra: z.unknown().optional(),
    disk: block({ size: z.number().optional(), kind: z.string().optional() }).describe('The | disk.'),
    tag: blocks({ key: z.string().optional(), value: z.string().optional() }),
  },
});

const ctx: EvalContext = {
  variables: new Map([
    ['build', Value.unknown(DynamicPseudoType)],
    ['secret', Value.string('hunter2').mark(Sensitive)],
    ['num', Value.number(7)],
  ]),
  functions: new Map(),
};

const decode = (src: string) => decodeComponent(spec, hclBlock(src).body, ctx);

describe('decodeComponent', () => {
  it('decodes attributes, nested blocks and repeated blocks with defaults', () => {
    const r = decode(`source "demo" "x" {
  name  = "a"
  wait  = "1m30s"
  tags  = { a = 1 }
  ports = [22, "23"]
  extra = { k = [true] }
  disk { size = 10 }
  tag {
    key   = "k1"
    value = "v1"
  }
  tag { key = "k2" }
}`);
    expect(r.diags).toEqual([]);
    expect(r.config).toEqual({
      name: 'a',
      count: 2,
      wait: 90_000,
      tags: { a: '1' },
      ports: [22, 23],
      extra: { k: [true] },
      disk: { size: 10 },
      tag: [{ key: 'k1', value: 'v1' }, { key: 'k2' }],
    });
  });

  it('reports an unsupported argument at its name, with a suggestion', () => {
    const r = decode('source "demo" "x" {\n  name = "a"\n  coutn = 1\n}');
    expect(r.diags.map(brief)).toEqual([
      [
        'error',
        'Unsupported argument',
        'An argument named "coutn" is not expected here. Did you mean "count"?',
        '3:3:35-3:8:40',
      ],
    ]);
    expect(r.config).toBeUndefined();
  });

  it('reports a missing required argument at the start of the body', () => {
    const r = decode('source "demo" "x" {\n  count = 1\n}');
    expect(r.diags.map(brief)).toEqual([
      [
        'error',
        'Missing required argument',
        'The argument "name" is required, but no definition was found.',
        '1:19:18-1:19:18',
      ],
    ]);
  });

  it('reports a value of the wrong type as hcldec does, with the values used', () => {
    const r = decode('source "demo" "x" {\n  name = "a"\n  count = "many"\n  ports = [num, {}]\n}');
    expect(r.diags.map(brief)).toEqual([
      [
        'error',
        'Incorrect attribute value type',
        'Inappropriate value for attribute "count": a number is required.',
        '3:11:43-3:17:49',
      ],
      [
        'error',
        'Incorrect attribute value type',
        'Inappropriate value for attribute "ports": element 1: number required.',
        '4:11:60-4:20:69',
      ],
    ]);
    expect(at(r.diags[0]?.context)).toBe('3:3:35-3:17:49');
    expect(r.diags[1]?.valueContext).toEqual(['num as 7']);
  });

  it('reports a second single block as a duplicate', () => {
    const r = decode('source "demo" "x" {\n  name = "a"\n  disk {}\n  disk {}\n}');
    expect(r.diags.map(brief)).toEqual([
      [
        'error',
        'Duplicate disk block',
        'Only one block of type "disk" is allowed. Previous definition was at t.pkr.hcl:3,3-7.',
        '4:3:45-4:7:49',
      ],
    ]);
  });

  it('maps value checks (durations) to the attribute, in mapstructure wording', () => {
    const r = decode('source "demo" "x" {\n  name = "a"\n  wait = "5q"\n}');
    expect(r.diags.map(brief)).toEqual([
      ['error', `error decoding 'wait': time: unknown unit "q" in duration "5q"`, undefined, '3:10:42-3:14:46'],
    ]);
  });

  it('keeps unknown values as Packer placeholders and does not check them', () => {
    const r = decode('source "demo" "x" {\n  name = build.ID\n  wait = build.Wait\n  count = build.N\n}');
    expect(r.diags).toEqual([]);
    expect(r.config).toEqual({ name: '<unknown>', count: 0, tag: [] });
    expect(r.unknown).toEqual([['name'], ['count'], ['wait']]);
  });

  it('records where sensitive values went', () => {
    const r = decode('source "demo" "x" {\n  name = secret\n  tag { value = secret }\n}');
    expect(r.config).toEqual({ name: 'hunter2', count: 2, tag: [{ value: 'hunter2' }] });
    expect(r.sensitive).toEqual([['name'], ['tag', 0, 'value']]);
  });

  it('decodes the JSON syntax alike', () => {
    const ok = decodeComponent(
      spec,
      jsonBlock('{"source": {"demo": {"x": {"name": "a", "wait": "2s", "tag": [{"key": "k"}, {"key": "l"}]}}}}').body,
      ctx,
    );
    expect(ok.diags).toEqual([]);
    expect(ok.config).toEqual({ name: 'a', count: 2, wait: 2000, tag: [{ key: 'k' }, { key: 'l' }] });
    const bad = decodeComponent(spec, jsonBlock('{"source": {"demo": {"x": {"name": "a", "cont": true}}}}').body, ctx);
    expect(bad.diags.map(brief)).toEqual([
      [
        'error',
        'Extraneous JSON object property',
        'No argument or block type is named "cont". Did you mean "count"?',
        '1:41:40-1:47:46',
      ],
    ]);
  });
});

describe('derived documents', () => {
  it('writes the docs table with nested block tables', () => {
    expect(componentDocs(spec)).toBe(
      [
        '## builder "demo"',
        '',
        '| Field | Type | Default | Description |',
        '| --- | --- | --- | --- |',
        '| `name` | string |  | **Required.** What to call it. |',
        '| `count` | number | `2` | How many. |',
        '| `wait` | string |  |  |',
        '| `tags` | map(string) |  |  |',
        '| `ports` | list(number) |  |  |',
        '| `extra` | any |  |  |',
        '| `disk` | block |  | The \\| disk. |',
        '| `tag` | repeated block |  |  |',
        '',
        '### `disk` block',
        '',
        '| Field | Type | Default | Description |',
        '| --- | --- | --- | --- |',
        '| `size` | number |  |  |',
        '| `kind` | string |  |  |',
        '',
        '### `tag` block',
        '',
        '| Field | Type | Default | Description |',
        '| --- | --- | --- | --- |',
        '| `key` | string |  |  |',
        '| `value` | string |  |  |',
        '',
      ].join('\n'),
    );
  });

  it('gives editors a JSON Schema of the input', () => {
    const schema = componentJsonSchema(spec);
    expect(schema.title).toBe('builder "demo"');
    expect(schema.required).toEqual(['name']);
    expect((schema.properties as Record<string, unknown>).wait).toEqual({ type: 'string' });
    expect((schema.properties as Record<string, unknown>).name).toEqual({
      type: 'string',
      description: 'What to call it.',
    });
  });
});
