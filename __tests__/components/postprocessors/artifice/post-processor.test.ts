import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { goGlob } from '../../../../src/components/postprocessors/artifice/glob.js';
import { runArtifice } from '../../../../src/components/postprocessors/artifice/post-processor.js';

let dir: string;
let said: string[];
const ctx = () => ({
  buildName: 'tiny',
  builderType: 'file',
  runUuid: 'u',
  signal: new AbortController().signal,
  ui: { say: (t: string) => said.push(t), message: () => undefined, error: () => undefined },
});

beforeEach(() => {
  said = [];
  dir = mkdtempSync(join(tmpdir(), 'kiln-artifice-'));
  for (const d of ['x', 'y']) mkdirSync(join(dir, d));
  for (const f of ['x/b.img', 'x/a.img', 'x/.h.img', 'x/c.txt', 'y/a.img', 'y/[k].img']) writeFileSync(join(dir, f), f);
});

describe('goGlob', () => {
  it.each([
    ['x/*.img', ['x/.h.img', 'x/a.img', 'x/b.img']],
    ['*/a.img', ['x/a.img', 'y/a.img']],
    ['x/[ab].im?', ['x/a.img', 'x/b.img']],
    ['x/[^a-b].*', ['x/c.txt']],
    ['y/\\[k\\].img', ['y/[k].img']],
    ['x/c.txt', ['x/c.txt']],
    ['x/missing', []],
    ['z/*', []],
  ])('%s', async (pattern, expected) => {
    expect(await goGlob(join(dir, pattern))).toEqual(expected.map((f) => join(dir, f)));
  });

  it('rejects a malformed pattern with Go’s message', async () => {
    await expect(goGlob(join(dir, 'x/[a'))).rejects.toThrow('syntax error in pattern');
  });
});

describe('runArtifice', () => {
  it('replaces the artifact files with the matches, in pattern order', async () => {
    const input = { builderId: 'packer.file', id: 'File', files: ['in1', 'in2'], description: 'd' };
    const result = await runArtifice({ files: [join(dir, 'y/a.img'), join(dir, 'x/[ab].img')] }, input, ctx());
    const files = [join(dir, 'y/a.img'), join(dir, 'x/a.img'), join(dir, 'x/b.img')];
    expect(result).toEqual({
      artifact: {
        builderId: 'packer.post-processor.artifice',
        id: '',
        files,
        description: `Created artifact from files: ${files.join(', ')}`,
        destroy: expect.any(Function),
      },
      keepInputArtifact: true,
    });
    expect(said).toEqual([
      'Discarding files from artifact: in1, in2',
      `Using these artifact files: ${files.join(', ')}`,
    ]);
  });

  it('says nothing about discarding when the input has no files; missing names match nothing', async () => {
    const input = { builderId: 'b', id: '', files: [], description: '' };
    const result = await runArtifice({ files: [join(dir, 'gone')] }, input, ctx());
    expect(result.artifact.files).toEqual([]);
    expect(said).toEqual(['Using these artifact files: ']);
  });

  it('fails when a match cannot be stat-ed (a dangling symlink)', async () => {
    symlinkSync(join(dir, 'nowhere'), join(dir, 'x', 'dangling'));
    const input = { builderId: 'b', id: '', files: [], description: '' };
    await expect(runArtifice({ files: [join(dir, 'x/dangling')] }, input, ctx())).rejects.toThrow('ENOENT');
  });
});
