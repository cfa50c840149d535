import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { runChecksum } from '../../../../src/components/postprocessors/checksum/post-processor.js';

let dir: string;
const said: string[] = [];
const ctx = (signal = new AbortController().signal) => ({
  buildName: 'tiny',
  builderType: 'file',
  runUuid: 'u',
  signal,
  ui: { say: (t: string) => said.push(t), message: () => undefined, error: () => undefined },
});
const artifact = (files: string[]) => ({ builderId: 'packer.file', id: 'File', files, description: 'd' });

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kiln-checksum-'));
  writeFileSync(join(dir, 'a.txt'), 'hello\n');
  writeFileSync(join(dir, 'b.bin'), Buffer.alloc(300_000, 7));
});

describe('runChecksum', () => {
  it.each(['md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512'])(
    '%s: "<hex>\\t<base name>" lines as %ssum prints them',
    async (type) => {
      const files = [join(dir, 'a.txt'), join(dir, 'b.bin')];
      const output = join(dir, 'sums', '{{.BuildName}}_{{.BuilderType}}.{{.ChecksumType}}');
      const result = await runChecksum({ checksum_types: [type], output }, artifact(files), ctx());
      const path = join(dir, 'sums', `tiny_file.${type}`);
      // sha256sum prints "<hex>  <name>"; Packer separates with a tab.
      const expected = execFileSync(`${type}sum`, ['a.txt', 'b.bin'], { cwd: dir, encoding: 'utf8' }).replaceAll(
        '  ',
        '\t',
      );
      expect(readFileSync(path, 'utf8')).toBe(expected);
      expect(result).toEqual({
        artifact: {
          builderId: 'packer.post-processor.checksum',
          id: '',
          files: [...files, path],
          description: `Created artifact from files: ${[...files, path].join(', ')}`,
          destroy: expect.any(Function),
        },
        keepInputArtifact: true,
        forceKeep: true,
      });
    },
  );

  it('defaults to md5 and packer_<build>_<builder>_<type>.checksum, appending to an existing file', async () => {
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      writeFileSync('packer_tiny_file_md5.checksum', 'old\tline\n');
      const result = await runChecksum({}, artifact(['a.txt']), ctx());
      expect(readFileSync('packer_tiny_file_md5.checksum', 'utf8')).toBe(
        'old\tline\nb1946ac92492d2347c6235b4d2611184\ta.txt\n',
      );
      // An existing checksum file is not added to the artifact.
      expect(result.artifact.files).toEqual(['a.txt']);
    } finally {
      process.chdir(cwd);
    }
  });

  it('writes one file per type when the output names the type', async () => {
    const output = join(dir, '{{.ChecksumType}}.sum');
    const result = await runChecksum(
      { checksum_types: ['sha1', 'md5'], output },
      artifact([join(dir, 'a.txt')]),
      ctx(),
    );
    expect(result.artifact.files).toEqual([join(dir, 'a.txt'), join(dir, 'sha1.sum'), join(dir, 'md5.sum')]);
    expect(readFileSync(join(dir, 'sha1.sum'), 'utf8')).toBe('f572d396fae9206628714fb2ce00f72e94f2258f\ta.txt\n');
  });

  it('fails on a missing file and leaves no output behind', async () => {
    const output = join(dir, 'out.sum');
    await expect(runChecksum({ output }, artifact([join(dir, 'nope')]), ctx())).rejects.toThrow(
      `unable to open file ${join(dir, 'nope')}: ENOENT`,
    );
    expect(readdirSync(dir).sort()).toEqual(['a.txt', 'b.bin']);
  });

  it('stops when aborted, writing nothing', async () => {
    const ac = new AbortController();
    ac.abort();
    await expect(
      runChecksum({ output: join(dir, 'x') }, artifact([join(dir, 'b.bin')]), ctx(ac.signal)),
    ).rejects.toThrow();
    expect(readdirSync(dir).sort()).toEqual(['a.txt', 'b.bin']);
  });
});
