import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { childContext } from '../../../src/eval/context.js';
import { StringType, listOf, mapOf, NumberType, objectOf, typeEquals } from '../../../src/eval/types.js';
import { Value, rawEquals } from '../../../src/eval/value.js';
import { pluginCommand } from '../../../src/plugins/bridge/command.js';
import { evaluatePluginDatasource, startPluginDatasource } from '../../../src/plugins/bridge/datasource.js';
import type { PluginCommand } from '../../../src/plugins/bridge/plugin-process.js';
import { at, brief, hclBlock } from '../../components/helpers.js';
import { modernPluginBinary } from '../../support/modern-plugin.js';
import { childProcesses } from './support.js';

/*
 * The data source of packer-plugin-kilntest (a plugin built from the SDK's
 * own sources, __tests__/support/modern-plugin/datasource): `values`
 * configured with greeting, numbers and labels returns
 * {message: greeting + "!", words, sum, labels upper-cased}.
 */

let binary: string;

beforeAll(async () => {
  binary = await modernPluginBinary();
}, 900_000);

afterEach(async () => {
  expect(await childProcesses()).toEqual([]);
});

const valuesCommand = (protobuf: boolean): PluginCommand =>
  pluginCommand(binary, { kind: 'datasource', name: 'values', protobuf });

const OUTPUT_TYPE = objectOf({
  labels: mapOf(StringType),
  message: StringType,
  sum: NumberType,
  words: listOf(StringType),
});

const TEMPLATE = `data "kilntest-values" "greet" {
  greeting = "hello big world"
  numbers  = [1, 2, 39]
  labels   = { team = "kiln", tier = "ci" }
}
`;

const s = Value.string;

describe.each([
  ['protobuf', true],
  ['gob', false],
])('a data source over %s', (_, protobuf) => {
  it('executes with the block decoded by its ConfigSpec', async () => {
    const block = hclBlock(TEMPLATE);
    const { value, diags } = await evaluatePluginDatasource(valuesCommand(protobuf), block, undefined, {
      execute: true,
    });
    expect(diags).toEqual([]);
    const expected = Value.object({
      labels: Value.map({ team: s('KILN'), tier: s('CI') }),
      message: s('hello big world!'),
      sum: Value.number(42),
      words: Value.list([s('hello'), s('big'), s('world')]),
    });
    expect(rawEquals(value, expected), value.toString()).toBe(true);
  });

  it('is unknown of its OutputSpec type when not executed (validate)', async () => {
    const block = hclBlock(TEMPLATE);
    const { value, diags } = await evaluatePluginDatasource(valuesCommand(protobuf), block, undefined, {
      execute: false,
    });
    expect(diags).toEqual([]);
    expect(value.isKnown()).toBe(false);
    expect(typeEquals(value.type, OUTPUT_TYPE)).toBe(true);
  });

  it('reports a config the plugin rejects at the block', async () => {
    const block = hclBlock('data "kilntest-values" "greet" {\n  numbers = [1]\n}\n');
    const { value, diags } = await evaluatePluginDatasource(valuesCommand(protobuf), block, undefined, {
      execute: true,
    });
    expect(diags.map(brief)).toEqual([
      ['error', '1 error(s) occurred:\n\n* the `greeting` must be specified', '', at(block.defRange)],
    ]);
    expect(value.isNull()).toBe(true);
  });

  it('reports a failing Execute as Packer words it', async () => {
    const block = hclBlock('data "kilntest-values" "greet" {\n  greeting = "hi"\n  fail_with = "no such image"\n}\n');
    const { diags } = await evaluatePluginDatasource(valuesCommand(protobuf), block, undefined, { execute: true });
    expect(diags.map(brief)).toEqual([['error', 'Datasource.Execute failed: no such image', '', at(block.defRange)]]);
  });
});

describe('evaluatePluginDatasource', () => {
  it('stops at the decoding diagnostics, before Configure', async () => {
    const block = hclBlock('data "kilntest-values" "greet" {\n  greeting = "hi"\n  greting = "typo"\n}\n');
    const { value, diags } = await evaluatePluginDatasource(valuesCommand(true), block, undefined, { execute: true });
    expect(diags.map(brief)).toEqual([
      ['error', 'Unsupported argument', 'An argument named "greting" is not expected here.', '3:3:53-3:10:60'],
    ]);
    expect(value.isNull()).toBe(true);
  });

  it('configures with placeholders for unknowns (validate), so the plugin accepts it', async () => {
    const block = hclBlock('data "kilntest-values" "greet" {\n  greeting = local.greeting\n}\n');
    const ctx = childContext(undefined, new Map([['local', Value.object({ greeting: Value.unknown(StringType) })]]));
    const { value, diags } = await evaluatePluginDatasource(valuesCommand(true), block, ctx, { execute: false });
    expect(diags).toEqual([]);
    expect(rawEquals(value, Value.unknown(OUTPUT_TYPE))).toBe(true);
  });

  it('reports a plugin that cannot start at the block', async () => {
    const block = hclBlock(TEMPLATE);
    const command = pluginCommand('/nonexistent/packer-plugin-gone', { kind: 'datasource', name: 'values' });
    const { diags } = await evaluatePluginDatasource(command, block, undefined, { execute: true });
    expect(diags).toHaveLength(1);
    expect(diags[0]!.summary).toMatch(
      /^Failed to start plugin packer-plugin-gone datasource values: plugin exited before we could connect \(it could not be started: spawn \/nonexistent\/packer-plugin-gone ENOENT\)/,
    );
    expect(at(diags[0]!.subject)).toBe(at(block.defRange));
  });
});

describe('startPluginDatasource', () => {
  it('answers ConfigSpec, Configure, OutputSpec and Execute one by one', async () => {
    const datasource = await startPluginDatasource(valuesCommand(true));
    try {
      const spec = await datasource.configSpec();
      expect(spec.properties.get('greeting')).toEqual({
        kind: 'attr',
        name: 'greeting',
        type: StringType,
        required: false,
      });
      await datasource.configure(Value.object({ greeting: s('hi'), numbers: Value.list([], NumberType) }));
      expect([...(await datasource.outputSpec()).properties.keys()]).toEqual(['labels', 'message', 'sum', 'words']);
      const value = await datasource.execute();
      expect(value.attr('message')?.asString()).toBe('hi!');
      expect(value.attr('sum')?.asNumber().toNumber()).toBe(0);
    } finally {
      await datasource.close();
    }
  });
});
