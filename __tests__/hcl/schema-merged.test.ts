import { describe, expect, it } from 'vitest';
import { parseJSON } from '../../src/hcl/json/parse.js';
import { mergeBodies } from '../../src/hcl/merged.js';
import { NativeBody } from '../../src/hcl/native-body.js';
import { parseConfig } from '../../src/hcl/parse.js';
import type { HclBody } from '../../src/hcl/schema.js';

function hcl(src: string, filename: string): HclBody {
  const { file, diags } = parseConfig(src, filename);
  expect(diags).toEqual([]);
  return new NativeBody(file.body);
}

const SCHEMA = {
  attributes: [{ name: 'name' }, { name: 'region', required: true }],
  blocks: [{ type: 'source', labelNames: ['type', 'name'] }],
};

describe('mergeBodies', () => {
  it('returns blocks in file order across native and JSON files', () => {
    const merged = mergeBodies([
      hcl('source "docker" "a" {}\nname = "x"\n', 'a.pkr.hcl'),
      parseJSON('{"source": {"null": {"b": {}}}, "region": "r"}', 'b.pkr.json').body,
      hcl('source "qemu" "c" {}\n', 'c.pkr.hcl'),
    ]);
    const { content, diags } = merged.content(SCHEMA);
    expect(diags).toEqual([]);
    expect(content.blocks.map((b) => b.labels.join('.'))).toEqual(['docker.a', 'null.b', 'qemu.c']);
    expect([...content.attributes.keys()]).toEqual(['name', 'region']);
  });

  it('reports an argument set in two files and a required one set in none', () => {
    const merged = mergeBodies([hcl('name = "x"\n', 'a.pkr.hcl'), hcl('\nname = "y"\n', 'b.pkr.hcl')]);
    const { diags } = merged.content(SCHEMA);
    expect(diags).toEqual([
      {
        severity: 'error',
        summary: 'Duplicate argument',
        detail: 'Argument "name" was already set at a.pkr.hcl:1,1-5',
        subject: {
          filename: 'b.pkr.hcl',
          start: { line: 2, column: 1, byte: 1 },
          end: { line: 2, column: 5, byte: 5 },
        },
        context: undefined,
      },
      {
        severity: 'error',
        summary: 'Missing required argument',
        detail: 'The argument "region" is required, but was not set.',
      },
    ]);
  });

  it('merges the remainders of partialContent and flattens nested merges', () => {
    const merged = mergeBodies([mergeBodies([hcl('a = 1\nb = 2\n', 'a.pkr.hcl')]), hcl('c = 3\n', 'c.pkr.hcl')]);
    const { remain } = merged.partialContent({ attributes: [{ name: 'a' }], blocks: [] });
    expect([...remain.justAttributes().attributes.keys()]).toEqual(['b', 'c']);
    expect(remain.missingItemRange().filename).toBe('a.pkr.hcl');
  });

  it('reports duplicates from justAttributes', () => {
    const merged = mergeBodies([hcl('a = 1\n', 'a.pkrvars.hcl'), parseJSON('{"a": 2}', 'b.pkrvars.json').body]);
    expect(merged.justAttributes().diags.map((d) => [d.summary, d.detail])).toEqual([
      ['Duplicate argument', 'Argument "a" was already set at a.pkrvars.hcl:1,1-2'],
    ]);
  });

  it('has an empty placeholder range when there is no body', () => {
    expect(mergeBodies([]).missingItemRange()).toEqual({
      filename: '<empty>',
      start: { line: 0, column: 0, byte: 0 },
      end: { line: 0, column: 0, byte: 0 },
    });
  });
});
