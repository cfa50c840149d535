import { describe, expect, it } from 'vitest';
import type { EvalContext } from '../../../src/eval/context.js';
import {
  BoolType,
  DynamicPseudoType,
  listOf,
  mapOf,
  NumberType,
  StringType,
  type Type,
} from '../../../src/eval/types.js';
import { Value } from '../../../src/eval/value.js';
import { marshalCtyJson } from '../../../src/plugins/spec/cty-json.js';
import { decodePluginBody, impliedType, pluginBodySchema } from '../../../src/plugins/spec/decode-body.js';
import type { ObjectPluginSpec, PluginSpec } from '../../../src/plugins/spec/model.js';
import { expandDynamicBlocks } from '../../../src/template/dynamic-blocks.js';
import { brief, hclBlock } from '../../components/helpers.js';

/* A hand-built spec shaped as a real plugin's (attributes, a block, a block list, block attrs). */

const object = (properties: Record<string, PluginSpec>): ObjectPluginSpec => ({
  kind: 'object',
  properties: new Map(Object.entries(properties)),
});
const attr = (name: string, type: Type = StringType, required = false): PluginSpec => ({
  kind: 'attr',
  name,
  type,
  required,
});

const spec = object({
  location: attr('location'),
  image_sku: attr('image_sku', StringType, true),
  count: attr('count', NumberType),
  tags: attr('azure_tags', mapOf(StringType)),
  ports: attr('ports', listOf(NumberType)),
  extra: attr('extra', DynamicPseudoType),
  disk: { kind: 'block', name: 'disk', required: false, nested: object({ size: attr('size', NumberType) }) },
  tag: {
    kind: 'block-list',
    name: 'tag',
    minItems: 0,
    maxItems: 2,
    nested: object({ key: attr('key', StringType, true), on: attr('on', BoolType) }),
  },
  labels: { kind: 'block-attrs', name: 'labels', elementType: StringType, required: false },
});

const ctx: EvalContext = { variables: new Map([['n', Value.number(7)]]), functions: new Map() };

function decode(src: string, s: ObjectPluginSpec = spec) {
  const block = hclBlock(src);
  return decodePluginBody(s, expandDynamicBlocks(block.body, ctx), ctx);
}

describe('pluginBodySchema / impliedType (hcldec.ImpliedSchema / ImpliedType)', () => {
  it('asks for the attributes and blocks of the spec', () => {
    expect(pluginBodySchema(spec)).toEqual({
      attributes: [
        { name: 'location', required: false },
        { name: 'image_sku', required: true },
        { name: 'count', required: false },
        { name: 'azure_tags', required: false },
        { name: 'ports', required: false },
        { name: 'extra', required: false },
      ],
      blocks: [
        { type: 'disk', labelNames: [] },
        { type: 'tag', labelNames: [] },
        { type: 'labels', labelNames: [] },
      ],
    });
  });

  it('types the result object by the spec keys', () => {
    const value = Value.null(impliedType(spec));
    expect(Buffer.from(marshalCtyJson(value)).toString()).toBe(
      '{"value":null,"type":["object",{"count":"number","disk":["object",{"size":"number"}],"extra":"dynamic",' +
        '"image_sku":"string","labels":["map","string"],"location":"string","ports":["list","number"],' +
        '"tag":["list",["object",{"key":"string","on":"bool"}]],"tags":["map","string"]}]}',
    );
  });
});

describe('decodePluginBody (hcldec.Decode)', () => {
  // A dynamic attribute's value keeps its own type in the result's type (cty.ObjectVal of the decoded values).
  it('decodes every key of the spec: set ones converted, others null, absent block lists empty', () => {
    const { value, diags } = decode(`source "x" "y" {
  image_sku = "22_04"
  count     = "3"
  extra     = { a = 1 }
  dynamic "tag" {
    for_each = ["a", "b"]
    content {
      key = tag.value
    }
  }
  labels {
    team = n
  }
}`);
    expect(diags).toEqual([]);
    expect(Buffer.from(marshalCtyJson(value)).toString()).toBe(
      '{"value":{"count":3,"disk":null,"extra":{"a":1},"image_sku":"22_04",' +
        '"labels":{"team":"7"},"location":null,"ports":null,"tag":[{"key":"a","on":null},{"key":"b","on":null}],"tags":null},' +
        '"type":["object",{"count":"number","disk":["object",{"size":"number"}],"extra":["object",{"a":"number"}],' +
        '"image_sku":"string","labels":["map","string"],"location":"string","ports":["list","number"],' +
        '"tag":["list",["object",{"key":"string","on":"bool"}]],"tags":["map","string"]}]}',
    );
  });

  it.each<[string, string, unknown[][]]>([
    [
      'an unknown argument',
      'source "x" "y" {\n  image_sku = "a"\n  colour = 1\n}',
      [['error', 'Unsupported argument', 'An argument named "colour" is not expected here.', '3:3:37-3:9:43']],
    ],
    [
      'a missing required argument',
      'source "x" "y" {\n  location = "a"\n}',
      [
        [
          'error',
          'Missing required argument',
          'The argument "image_sku" is required, but no definition was found.',
          '1:16:15-1:16:15',
        ],
      ],
    ],
    [
      'a value of the wrong type',
      'source "x" "y" {\n  image_sku = "a"\n  ports = "80"\n}',
      [
        [
          'error',
          'Incorrect attribute value type',
          'Inappropriate value for attribute "ports": list of number required.',
          '3:11:45-3:15:49',
        ],
      ],
    ],
    [
      'a nested block problem',
      'source "x" "y" {\n  image_sku = "a"\n  disk {\n    size = "big"\n  }\n}',
      [
        [
          'error',
          'Incorrect attribute value type',
          'Inappropriate value for attribute "size": a number is required.',
          '4:12:55-4:17:60',
        ],
      ],
    ],
    [
      'a second disk block',
      'source "x" "y" {\n  image_sku = "a"\n  disk {}\n  disk {}\n}',
      [
        [
          'error',
          'Duplicate disk block',
          'Only one block of type "disk" is allowed. Previous definition was at t.pkr.hcl:3,3-7.',
          '4:3:47-4:7:51',
        ],
      ],
    ],
    [
      'too many tag blocks',
      'source "x" "y" {\n  image_sku = "a"\n  tag { key = "1" }\n  tag { key = "2" }\n  tag { key = "3" }\n}',
      [['error', 'Too many tag blocks', 'No more than 2 "tag" blocks are allowed', '5:9:83-5:9:83']],
    ],
    [
      'a tag block without its key',
      'source "x" "y" {\n  image_sku = "a"\n  tag {}\n}',
      [
        [
          'error',
          'Missing required argument',
          'The argument "key" is required, but no definition was found.',
          '3:7:41-3:7:41',
        ],
      ],
    ],
    [
      'a label of the wrong type',
      'source "x" "y" {\n  image_sku = "a"\n  labels {\n    team = ["a"]\n  }\n}',
      [
        [
          'error',
          'Invalid attribute value',
          'Invalid value for attribute of "labels" block: string required.',
          '4:12:57-4:17:62',
        ],
      ],
    ],
  ])('reports %s as hcldec does', (_, src, expected) => {
    expect(decode(src).diags.map(brief)).toEqual(expected);
  });

  it('reports type errors in the order they are written', () => {
    const { diags } = decode('source "x" "y" {\n  ports = "a"\n  image_sku = "a"\n  count = "x"\n}');
    expect(diags.map((d) => d.detail)).toEqual([
      'Inappropriate value for attribute "ports": list of number required.',
      'Inappropriate value for attribute "count": a number is required.',
    ]);
  });

  it('reports a missing required block and too few blocks', () => {
    const strict = object({
      disk: { kind: 'block', name: 'disk', required: true, nested: object({}) },
      tag: { kind: 'block-list', name: 'tag', minItems: 1, maxItems: 0, nested: object({}) },
    });
    expect(decode('source "x" "y" {\n}', strict).diags.map(brief)).toEqual([
      ['error', 'Missing disk block', 'A block of type "disk" is required here.', '1:16:15-1:16:15'],
      ['error', 'Insufficient tag blocks', 'At least 1 "tag" blocks are required.', '1:16:15-1:16:15'],
    ]);
  });
});
