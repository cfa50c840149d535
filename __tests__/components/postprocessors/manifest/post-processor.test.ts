import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { runManifest } from '../../../../src/components/postprocessors/manifest/post-processor.js';

let dir: string;
const ctx = (runUuid: string, signal = new AbortController().signal) => ({
  buildName: 'tiny',
  builderType: 'file',
  runUuid,
  signal,
  ui: { say: () => undefined, message: () => undefined, error: () => undefined },
});

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kiln-manifest-'));
  writeFileSync(join(dir, 'out.txt'), 'hello');
});

const input = () => ({
  builderId: 'packer.file',
  id: 'File',
  files: [join(dir, 'out.txt')],
  description: 'Stored file',
});
const read = (name: string): unknown => JSON.parse(readFileSync(join(dir, name), 'utf8'));

describe('runManifest', () => {
  it('writes what packer build 1.6.6 writes, byte for byte apart from build_time', async () => {
    const template = {
      builders: [{ type: 'file', name: 'tiny', content: 'hello', target: 'out.txt' }],
      'post-processors': [{ type: 'manifest', output: 'packer.json', custom_data: { b: 'x<y&', a: '{{build_name}}' } }],
    };
    writeFileSync(join(dir, 't.json'), JSON.stringify(template));
    execFileSync('packer', ['build', 't.json'], { cwd: dir, env: { ...process.env, CHECKPOINT_DISABLE: '1' } });
    const packer = readFileSync(join(dir, 'packer.json'), 'utf8');
    const uuid = (JSON.parse(packer) as { last_run_uuid: string }).last_run_uuid;

    const config = {
      output: join(dir, 'kiln.json'),
      strip_path: true,
      custom_data: { b: 'x<y&', a: '{{build_name}}' },
    };
    const result = await runManifest(config, input(), ctx(uuid));
    expect(result).toEqual({ artifact: input(), keepInputArtifact: true, forceKeep: true });
    const ours = readFileSync(join(dir, 'kiln.json'), 'utf8');
    const time = /"build_time": (\d+)/;
    expect(ours.replace(time, '"build_time": 0')).toBe(packer.replace(time, '"build_time": 0'));
    expect(ours).toContain('"b": "x\\u003cy\\u0026"');
  });

  it('appends across runs; leaves out build_time with strip_time; records full paths without strip_path', async () => {
    const config = { output: join(dir, 'm.json'), strip_time: true };
    await runManifest(config, input(), ctx('run-1'));
    await runManifest(config, { ...input(), id: 'two', files: [] }, ctx('run-2'));
    expect(read('m.json')).toEqual({
      builds: [
        {
          name: 'tiny',
          builder_type: 'file',
          files: [{ name: join(dir, 'out.txt'), size: 5 }],
          artifact_id: 'File',
          packer_run_uuid: 'run-1',
          custom_data: null,
        },
        {
          name: 'tiny',
          builder_type: 'file',
          files: null,
          artifact_id: 'two',
          packer_run_uuid: 'run-2',
          custom_data: null,
        },
      ],
      last_run_uuid: 'run-2',
    });
    expect(readdirSync(dir).sort()).toEqual(['m.json', 'out.txt']);
  });

  it('under -force starts afresh when the file was written by another run, appends within the same run', async () => {
    const config = { output: join(dir, 'm.json'), strip_time: true, strip_path: true, packer_force: true };
    await runManifest(config, input(), ctx('old'));
    await runManifest(config, { ...input(), id: 'a' }, ctx('new'));
    await runManifest(config, { ...input(), id: 'b' }, ctx('new'));
    const m = read('m.json') as { builds: { artifact_id: string; packer_run_uuid: string }[]; last_run_uuid: string };
    expect(m.builds.map((b) => [b.artifact_id, b.packer_run_uuid])).toEqual([
      ['a', 'new'],
      ['b', 'new'],
    ]);
    expect(m.last_run_uuid).toBe('new');
  });

  it('keeps only the known fields of existing entries, as Go decodes them', async () => {
    const existing = {
      builds: [{ name: 'old', extra: 1, build_time: 7, artifact_id: 'x' }],
      last_run_uuid: 'r',
      other: true,
    };
    writeFileSync(join(dir, 'm.json'), JSON.stringify(existing));
    await runManifest({ output: join(dir, 'm.json'), strip_time: true }, { ...input(), files: [] }, ctx('r2'));
    expect(read('m.json')).toEqual({
      builds: [
        {
          name: 'old',
          builder_type: '',
          build_time: 7,
          files: null,
          artifact_id: 'x',
          packer_run_uuid: '',
          custom_data: null,
        },
        {
          name: 'tiny',
          builder_type: 'file',
          files: null,
          artifact_id: 'File',
          packer_run_uuid: 'r2',
          custom_data: null,
        },
      ],
      last_run_uuid: 'r2',
    });
  });

  it('refuses a manifest it cannot parse and leaves it untouched', async () => {
    writeFileSync(join(dir, 'm.json'), '{nope');
    await expect(runManifest({ output: join(dir, 'm.json') }, input(), ctx('r'))).rejects.toThrow(
      `Unable to parse content from ${join(dir, 'm.json')}: `,
    );
    expect(readFileSync(join(dir, 'm.json'), 'utf8')).toBe('{nope');
    expect(readdirSync(dir).sort()).toEqual(['m.json', 'out.txt']);
  });

  it('an abort writes nothing', async () => {
    const ac = new AbortController();
    ac.abort();
    await expect(runManifest({ output: join(dir, 'm.json') }, input(), ctx('r', ac.signal))).rejects.toThrow();
    expect(readdirSync(dir)).toEqual(['out.txt']);
  });
});
