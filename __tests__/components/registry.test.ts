import { describe, expect, it } from 'vitest';
import { knownTypes, lookupComponent } from '../../src/components/registry.js';
import { decodeComponent, type ComponentKind } from '../../src/components/schema/index.js';
import { brief, hclBlock, jsonBlock } from './helpers.js';

const BLOCK: Record<ComponentKind, (type: string) => string> = {
  builder: (t) => `source "${t}" "x"`,
  provisioner: (t) => `provisioner "${t}"`,
  'post-processor': (t) => `post-processor "${t}"`,
  data: (t) => `data "${t}" "x"`,
};

const ALL = (['builder', 'provisioner', 'post-processor', 'data'] as const).flatMap((kind) =>
  knownTypes(kind).map((type) => [kind, type] as const),
);

describe('registry', () => {
  it('knows the component types of each kind, sorted', () => {
    expect(knownTypes('builder')).toEqual(['amazon-ebs', 'docker', 'file', 'null', 'qemu']);
    expect(knownTypes('provisioner')).toEqual([
      'breakpoint',
      'file',
      'powershell',
      'shell',
      'shell-local',
      'sleep',
      'windows-restart',
      'windows-shell',
    ]);
    expect(knownTypes('post-processor')).toEqual([
      'amazon-import',
      'artifice',
      'checksum',
      'compress',
      'docker-import',
      'docker-push',
      'docker-save',
      'docker-tag',
      'manifest',
      'shell-local',
    ]);
    expect(knownTypes('data')).toEqual([
      'amazon-ami',
      'amazon-parameterstore',
      'amazon-secretsmanager',
      'http',
      'null',
    ]);
    expect(lookupComponent('builder', 'docker')?.implemented).toBe(true);
    expect(lookupComponent('builder', 'qemu')?.implemented).toBe(false);
    expect(lookupComponent('builder', 'nope')).toBeUndefined();
  });

  it.each(ALL)('%s %s: decodes an empty body; rejects an unknown argument and a wrong type', (kind, type) => {
    const spec = lookupComponent(kind, type)?.spec;
    if (!spec) throw new Error('missing');
    expect(decodeComponent(spec, hclBlock(`${BLOCK[kind](type)} {}`).body, undefined).diags).toEqual([]);
    const header = BLOCK[kind](type);
    const col = header.length + 4; // after `{ `
    const unknown = decodeComponent(spec, hclBlock(`${header} { bogus_argument = 1 }`).body, undefined);
    expect(unknown.diags.map(brief)).toEqual([
      [
        'error',
        'Unsupported argument',
        'An argument named "bogus_argument" is not expected here.',
        `1:${col}:${col - 1}-1:${col + 14}:${col + 13}`,
      ],
    ]);
    const boolField = spec.object.fields.find((f) => f.role === 'attribute' && f.type.kind === 'bool');
    const field = boolField ?? spec.object.fields.find((f) => f.role === 'attribute' && f.type.kind === 'number');
    if (!field) return; // sleep has only a duration
    const wrong = decodeComponent(spec, jsonBlock(jsonOf(kind, type, `{"${field.name}": [1]}`)).body, undefined);
    const want = boolField ? 'bool' : 'number';
    expect(wrong.diags.map((d) => [d.summary, d.detail])).toEqual([
      ['Incorrect attribute value type', `Inappropriate value for attribute "${field.name}": ${want} required.`],
    ]);
  });
});

function jsonOf(kind: ComponentKind, type: string, body: string): string {
  const key = kind === 'builder' ? 'source' : kind;
  return kind === 'builder' || kind === 'data'
    ? `{"${key}": {"${type}": {"x": ${body}}}}`
    : `{"${key}": {"${type}": ${body}}}`;
}
