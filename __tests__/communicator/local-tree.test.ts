import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { opendir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fileContent, walkUpload, walkUploadLoaded, type TreeEvent } from '../../src/communicator/local-tree.js';

let work: string;

beforeEach(() => {
  work = mkdtempSync(path.join(tmpdir(), 'kiln-local-tree-'));
  mkdirSync(path.join(work, 'src/b'), { recursive: true });
  writeFileSync(path.join(work, 'src/a.txt'), 'alpha');
  writeFileSync(path.join(work, 'src/b/big.bin'), Buffer.alloc(1024 * 1024 + 1, 7));
  writeFileSync(path.join(work, 'src/b/c.txt'), 'charlie');
  writeFileSync(path.join(work, 'src/b/empty'), '');
  writeFileSync(path.join(work, 'src/skip.log'), 'excluded');
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

/** The events without what depends on the machine (modes, times, absolute paths). */
function shape(event: TreeEvent): string {
  if (event.kind === 'file') return `file ${event.relPath} ${event.size}`;
  return `${event.kind} ${event.relPath}`;
}

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

describe('walkUpload', () => {
  it.each([
    [
      'src',
      [
        'enter src',
        'file src/a.txt 5',
        'enter src/b',
        'file src/b/big.bin 1048577',
        'file src/b/c.txt 7',
        'file src/b/empty 0',
        'leave src/b',
        'leave src',
      ],
    ],
    ['src/', ['file a.txt 5', 'enter b', 'file b/big.bin 1048577', 'file b/c.txt 7', 'file b/empty 0', 'leave b']],
  ])('walks %s in name order, leaving out the excluded path', async (src, expected) => {
    const events = await collect(walkUpload(path.join(work, src), ['skip.log'], 'name'));
    expect(events.map(shape)).toEqual(expected);
  });
});

describe('walkUpload, as Packer’s scp upload sends', () => {
  it('walks entries in the order the directory lists them', async () => {
    const listed: string[] = [];
    for await (const entry of await opendir(path.join(work, 'src'))) listed.push(entry.name);
    const events = await collect(walkUpload(path.join(work, 'src/')));
    const top = events.filter((e) => e.kind !== 'leave' && !e.relPath.includes('/')).map((e) => e.relPath);
    expect(top).toEqual(listed);
  });

  it('sends permission bits only, a linked dir with the link’s mode and a linked file as 0644', async () => {
    chmodSync(path.join(work, 'src'), 0o755);
    chmodSync(path.join(work, 'src/a.txt'), 0o4750);
    chmodSync(path.join(work, 'src/b'), 0o1750);
    symlinkSync('a.txt', path.join(work, 'src/link-file'));
    symlinkSync('b', path.join(work, 'src/link-dir'));
    const events = await collect(walkUpload(path.join(work, 'src'), [], 'name'));
    const modes = events.flatMap((e) =>
      e.kind === 'enter'
        ? [`${e.relPath} ${e.mode.toString(8)} link=${e.link}`]
        : e.kind === 'file' && e.relPath.split('/').length === 2
          ? [`${e.relPath} ${e.mode.toString(8)} regular=${e.regular} ${e.size}`]
          : [],
    );
    expect(modes).toEqual([
      'src 755 link=false',
      'src/a.txt 750 regular=true 5',
      'src/b 750 link=false',
      'src/link-dir 777 link=true',
      'src/link-file 644 regular=false 5',
      'src/skip.log 644 regular=true 8',
    ]);
  });
});

describe('walkUploadLoaded', () => {
  it('yields the walk in order, with the content of files of 1 byte to 1 MiB, none for others', async () => {
    const loaded = await collect(walkUploadLoaded(path.join(work, 'src/'), ['skip.log'], 'name'));
    expect(loaded.map(({ event, data }) => [shape(event), data?.toString('utf8')])).toEqual([
      ['file a.txt 5', 'alpha'],
      ['enter b', undefined],
      ['file b/big.bin 1048577', undefined],
      ['file b/c.txt 7', 'charlie'],
      ['file b/empty 0', undefined],
      ['leave b', undefined],
    ]);
  });

  it('streams a large file through fileContent in 1 MiB reads', async () => {
    const loaded = await collect(walkUploadLoaded(path.join(work, 'src/b/')));
    const big = loaded.find(({ event }) => event.kind === 'file' && event.name === 'big.bin');
    if (big?.event.kind !== 'file') throw new Error('big.bin not walked');
    const content = fileContent(big.event, big.data);
    expect(content).toBeInstanceOf(Readable);
    const sizes = (await collect(content as Readable)).map((chunk: Buffer) => chunk.length);
    expect(sizes).toEqual([1024 * 1024, 1]);
  });
});
