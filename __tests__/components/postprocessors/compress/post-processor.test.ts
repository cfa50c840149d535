import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { beforeEach, describe, expect, it } from 'vitest';
import { detectFormat } from '../../../../src/components/postprocessors/compress/format.js';
import { runCompress } from '../../../../src/components/postprocessors/compress/post-processor.js';

let dir: string;
let said: string[];
const ctx = (signal = new AbortController().signal) => ({
  buildName: 'tiny',
  builderType: 'file',
  runUuid: 'u',
  signal,
  ui: { say: (t: string) => said.push(t), message: () => undefined, error: () => undefined },
});
const artifact = (files: string[]) => ({ builderId: 'packer.file', id: 'File', files, description: 'd' });
const big = Buffer.from(Array.from({ length: 200_000 }, (_, i) => i % 251));

beforeEach(() => {
  said = [];
  dir = mkdtempSync(join(tmpdir(), 'kiln-compress-'));
  mkdirSync(join(dir, 'in'));
  writeFileSync(join(dir, 'in', 'a.txt'), 'hello\n');
  writeFileSync(join(dir, 'in', 'b.bin'), big);
});

const inputs = () => [join(dir, 'in', 'a.txt'), join(dir, 'in', 'b.bin')];

function extracted(sub: string): Record<string, Buffer> {
  const out: Record<string, Buffer> = {};
  const walk = (d: string, prefix: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(d, e.name), `${prefix}${e.name}/`);
      else out[`${prefix}${e.name}`] = readFileSync(join(d, e.name));
    }
  };
  walk(join(dir, sub), '');
  return out;
}

describe('detectFormat', () => {
  it.each([
    ['packer_{{.BuildName}}_{{.BuilderType}}', undefined, { archive: 'tar', algorithm: 'pgzip' }],
    ['out.tar.gz', undefined, { archive: 'tar', algorithm: 'pgzip' }],
    ['out.tgz', undefined, { archive: 'tar', algorithm: 'pgzip' }],
    ['out.gz', undefined, { archive: undefined, algorithm: 'pgzip' }],
    ['out.tar', undefined, { archive: 'tar' }],
    ['out.zip', undefined, { archive: 'zip' }],
    ['out.tar.lz4', undefined, { archive: 'tar', algorithm: 'lz4' }],
    ['out', 'zip', { archive: 'zip' }],
    ['out.tar', 'gz', { archive: 'tar', algorithm: 'pgzip' }],
    ['out.ZIP', undefined, { archive: 'tar', algorithm: 'pgzip' }],
  ])('%s with format %s', (output, format, expected) => {
    expect(detectFormat(output, format)).toEqual(expected);
  });
});

describe('runCompress', () => {
  it('tar.gz: entries named by base name, extracted by tar -xzf', async () => {
    const target = join(dir, 'out', '{{.BuildName}}-{{.BuilderType}}.tar.gz');
    const result = await runCompress({ output: target }, artifact(inputs()), ctx());
    const path = join(dir, 'out', 'tiny-file.tar.gz');
    expect(result).toEqual({
      artifact: {
        builderId: 'packer.post-processor.compress',
        id: '',
        files: [path],
        description: `compressed artifacts in: ${path}`,
        destroy: expect.any(Function),
      },
      keepInputArtifact: false,
    });
    expect(said).toEqual([`Tarring ${path} with pgzip`, `Archive ${path} completed`]);
    mkdirSync(join(dir, 'x'));
    execFileSync('tar', ['-xzf', path, '-C', join(dir, 'x')]);
    expect(extracted('x')).toEqual({ 'a.txt': Buffer.from('hello\n'), 'b.bin': big });
    expect(readdirSync(join(dir, 'out'))).toEqual(['tiny-file.tar.gz']);
  });

  it('tar: uncompressed, listed by tar -tvf with the files sizes', async () => {
    const path = join(dir, 'out.tar');
    await runCompress({ output: path }, artifact(inputs()), ctx());
    expect(said[0]).toBe(`Tarring ${path} with no compression`);
    expect(readFileSync(path).subarray(257, 262).toString()).toBe('ustar');
    mkdirSync(join(dir, 'x'));
    execFileSync('tar', ['-xf', path, '-C', join(dir, 'x')]);
    expect(extracted('x')).toEqual({ 'a.txt': Buffer.from('hello\n'), 'b.bin': big });
  });

  it('zip: entries named by path without the leading slash, extracted by unzip', async () => {
    const path = join(dir, 'out.zip');
    await runCompress({ output: path }, artifact(inputs()), ctx());
    expect(said).toEqual([`Zipping ${path}`, `Archive ${path} completed`]);
    mkdirSync(join(dir, 'x'));
    execFileSync('unzip', ['-q', path, '-d', join(dir, 'x')]);
    const files = extracted('x');
    const rel = join(dir, 'in').slice(1);
    expect(files).toEqual({ [`${rel}/a.txt`]: Buffer.from('hello\n'), [`${rel}/b.bin`]: big });
  });

  it.each([1, 9, 42, -1, 0])('gz: one file, level %s, decompressed by gzip -d', async (level) => {
    const path = join(dir, 'b.bin.gz');
    await runCompress({ output: path, compression_level: level }, artifact([join(dir, 'in', 'b.bin')]), ctx());
    expect(said[0]).toBe(`Archiving ${join(dir, 'in', 'b.bin')} with pgzip`);
    expect(execFileSync('gzip', ['-dc', path])).toEqual(big);
    expect(gunzipSync(readFileSync(path))).toEqual(big);
  });

  it('gz refuses several files, as Packer', async () => {
    await expect(runCompress({ output: join(dir, 'x.gz') }, artifact(inputs()), ctx())).rejects.toThrow(
      `Can only have 1 input file when not using tar/zip. Found 2 files: [${inputs().join(' ')}]`,
    );
  });

  it('an unsupported algorithm is an error', async () => {
    await expect(runCompress({ output: join(dir, 'x.lz4') }, artifact(inputs().slice(0, 1)), ctx())).rejects.toThrow(
      'Kiln does not support lz4 compression',
    );
  });

  it.each(['out.tar.gz', 'out.zip', 'out.gz'])('%s: a missing input leaves no archive', async (name) => {
    await expect(runCompress({ output: join(dir, name) }, artifact([join(dir, 'nope')]), ctx())).rejects.toThrow(
      /nope/,
    );
    expect(readdirSync(dir)).toEqual(['in']);
  });

  it('an abort leaves no archive', async () => {
    const ac = new AbortController();
    ac.abort();
    await expect(runCompress({ output: join(dir, 'o.tar.gz') }, artifact(inputs()), ctx(ac.signal))).rejects.toThrow();
    expect(readdirSync(dir)).toEqual(['in']);
  });
});
