import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { memoryIO } from '../support/cli.js';

const entry = (name: string, uuid: string) => ({
  name,
  builder_type: 'null',
  build_time: 1700000000,
  files: null,
  artifact_id: `id-<${name}>`,
  packer_run_uuid: uuid,
  custom_data: { k: 'v' },
});

function files(manifests: Record<string, string>): string {
  const d = mkdtempSync(join(tmpdir(), 'kiln-merge-'));
  for (const [name, text] of Object.entries(manifests)) writeFileSync(join(d, name), text);
  return d;
}

describe('kiln merge-manifests', () => {
  it('joins the builds in argument order; last_run_uuid is the last one given', async () => {
    const d = files({
      'a.json': JSON.stringify({ builds: [entry('a', 'u1'), entry('b', 'u1')], last_run_uuid: 'u1' }),
      'b.json': JSON.stringify({ builds: [entry('c', 'u2')], last_run_uuid: 'u2' }),
      'empty.json': '',
      'nulls.json': '{"builds":null,"last_run_uuid":""}',
    });
    const { io, stdout } = memoryIO({ cwd: d });
    expect(await main(['merge-manifests', 'out.json', 'a.json', 'b.json', 'empty.json', 'nulls.json'], io)).toBe(0);
    expect(stdout()).toBe('Merged 3 build(s) from 4 manifest(s) into out.json\n');
    const text = readFileSync(join(d, 'out.json'), 'utf8');
    expect(JSON.parse(text)).toEqual({
      builds: [entry('a', 'u1'), entry('b', 'u1'), entry('c', 'u2')],
      last_run_uuid: 'u2',
    });
    // As Packer writes it: two-space indent, HTML-safe escapes, no final newline.
    expect(text.startsWith('{\n  "builds": [\n    {\n      "name": "a",')).toBe(true);
    expect(text).toContain('"artifact_id": "id-\\u003ca\\u003e"');
    expect(text.endsWith('"last_run_uuid": "u2"\n}')).toBe(true);
  });

  it('may write over one of its inputs', async () => {
    const d = files({
      'm.json': JSON.stringify({ builds: [entry('a', 'u1')], last_run_uuid: 'u1' }),
      'n.json': JSON.stringify({ builds: [entry('b', 'u2')], last_run_uuid: 'u2' }),
    });
    const { io } = memoryIO({ cwd: d });
    expect(await main(['merge-manifests', 'm.json', 'm.json', 'n.json'], io)).toBe(0);
    expect(JSON.parse(readFileSync(join(d, 'm.json'), 'utf8')).builds.map((b: { name: string }) => b.name)).toEqual([
      'a',
      'b',
    ]);
  });

  it.each([
    [{}, ['missing.json'], 'Error: Unable to open missing.json for reading: ENOENT: no such file or directory, open'],
    [{ 'x.json': '{' }, ['x.json'], 'Error: Unable to parse content from x.json: '],
    [{ 'x.json': '[]' }, ['x.json'], 'Error: Unable to parse content from x.json: not a manifest object\n'],
    [{ 'x.json': '{"builds":{}}' }, ['x.json'], 'Error: Unable to parse content from x.json: "builds" is not a list\n'],
  ])('%j %j fails', async (manifests, inputs, message) => {
    const { io, stdout } = memoryIO({ cwd: files(manifests) });
    expect(await main(['merge-manifests', 'out.json', ...inputs], io)).toBe(1);
    expect(stdout().startsWith(message)).toBe(true);
  });

  it('needs OUT and at least one IN', async () => {
    const { io, stdout } = memoryIO({ cwd: files({}) });
    expect(await main(['merge-manifests', 'out.json'], io)).toBe(1);
    expect(stdout()).toMatch(/^Usage: kiln merge-manifests OUT IN\.\.\.\n/);
  });
});
