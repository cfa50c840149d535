import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BoolType, NumberType, StringType, listOf, mapOf, type Type } from '../../../src/eval/types.js';
import type { ObjectPluginSpec, PluginSpec } from '../../../src/plugins/spec/model.js';
import { decodeProtobufSpec } from '../../../src/plugins/spec/protobuf-spec.js';

/* The .bin fixtures are the .txtpb beside them encoded by protoc (fixtures/protobuf/generate.sh). */

function fixture(name: string): Uint8Array {
  return readFileSync(new URL(`fixtures/protobuf/${name}.bin`, import.meta.url));
}

function object(properties: Record<string, PluginSpec>): ObjectPluginSpec {
  return { kind: 'object', properties: new Map(Object.entries(properties)) };
}

function attr(name: string, type: Type, required = false): PluginSpec {
  return { kind: 'attr', name, type, required };
}

describe('decodeProtobufSpec', () => {
  it('decodes a builder spec with every type and nested blocks', () => {
    const spec = decodeProtobufSpec(fixture('builder-config'));
    expect(spec).toEqual(
      object({
        aws_polling: {
          kind: 'block',
          name: 'aws_polling',
          required: false,
          nested: object({
            delay_seconds: attr('delay_seconds', NumberType),
            max_attempts: attr('max_attempts', NumberType),
          }),
        },
        cpu_count: attr('cpu_count', NumberType),
        disk_layout: attr('disk_layout', listOf(mapOf(listOf(NumberType)))),
        image: attr('image', StringType, true),
        launch_block_device_mappings: {
          kind: 'block-list',
          name: 'launch_block_device_mappings',
          minItems: 0,
          maxItems: 0,
          nested: object({
            device_name: attr('device_name', StringType, true),
            tag: {
              kind: 'block-list',
              name: 'tag',
              minItems: 0,
              maxItems: 0,
              nested: object({ key: attr('key', StringType), value: attr('value', StringType) }),
            },
          }),
        },
        privileged: attr('privileged', BoolType),
        required_block: { kind: 'block', name: 'required_block', required: true, nested: object({}) },
        run_command: attr('run_command', listOf(StringType)),
        tags: attr('tags', mapOf(StringType)),
      }),
    );
    // Properties come sorted by key whatever order the plugin's map had on the wire.
    expect([...spec.properties.keys()]).toEqual([
      'aws_polling',
      'cpu_count',
      'disk_layout',
      'image',
      'launch_block_device_mappings',
      'privileged',
      'required_block',
      'run_command',
      'tags',
    ]);
  });

  it.each([
    [
      'datasource-output',
      object({
        creation_date: attr('creation_date', StringType),
        id: attr('id', StringType),
        name: attr('name', StringType),
        tags: attr('tags', mapOf(StringType)),
      }),
    ],
    ['empty-object', object({})],
  ])('decodes %s', (name, expected) => {
    expect(decodeProtobufSpec(fixture(name))).toEqual(expected);
  });

  it('rejects an empty message (a Spec with nothing set)', () => {
    expect(() => decodeProtobufSpec(new Uint8Array())).toThrow(
      'failed to decode HCL spec: "unsupported spec type: empty Spec message"',
    );
  });

  it.each([
    ['root-attr', 'decoded HCL spec is not an object spec: *hcldec.AttrSpec'],
    [
      'empty-spec',
      'failed to decode HCL spec: "failed to decode object attribute \\"broken\\": unsupported spec type: empty Spec message"',
    ],
    [
      'bad-primitive',
      'failed to decode HCL spec: "failed to decode object attribute \\"config\\": failed to convert type of attribute \\"config\\": failed to convert list element type: unsupported cty.Type: primitive typeString \\"cty.DynamicPseudoType\\""',
    ],
    [
      'missing-nested',
      'failed to decode HCL spec: "failed to decode object attribute \\"inner\\": failed to decode block list nested type from proto: missing spec"',
    ],
    [
      'missing-type',
      'failed to decode HCL spec: "failed to decode object attribute \\"name\\": failed to convert type of attribute \\"name\\": missing cty.Type"',
    ],
  ])('rejects %s', (name, message) => {
    expect(() => decodeProtobufSpec(fixture(name))).toThrow(new Error(message));
  });

  it.each([
    ['truncated', fixture('builder-config').subarray(0, 100), 'index out of range'],
    ['a length past the end', Uint8Array.of(0x0a, 0x10, 0x01), 'index out of range'],
    ['an invalid wire type', Uint8Array.of(0x2f, 0x00), 'invalid wire type 7 at offset 1'],
  ])('rejects bytes that are not a Spec message: %s', (_, bytes, reason) => {
    expect(() => decodeProtobufSpec(bytes)).toThrow(/^failed to unmarshal hclspec\.Spec from raw protobuf: "/);
    expect(() => decodeProtobufSpec(bytes)).toThrow(reason);
  });
});
