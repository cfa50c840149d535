import { createWriteStream } from 'node:fs';
import { chmod, lstat, mkdir, rm, symlink, utimes } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { extract } from 'tar-stream';

/*
 * Unpacks a tar stream from the Engine's archive endpoint into a local
 * directory, one entry at a time. Entry names are checked to stay inside
 * `dst`, and nothing is written through a symbolic link the archive made.
 * Directory modes are applied last, so a read-only directory still receives
 * its files.
 */

export async function unpackInto(source: Readable, dst: string, exclude: readonly string[] = []): Promise<void> {
  const root = path.resolve(dst);
  const excluded = new Set(exclude.map((p) => p.replace(/^\.?\/+|\/+$/g, '')));
  await mkdir(root, { recursive: true });
  const directories: { target: string; mode: number; mtime: Date }[] = [];
  const links = new Set<string>();
  const archive = extract();
  const feeding = pipeline(source, archive);
  try {
    for await (const entry of archive) {
      const { header } = entry;
      const name = safeName(header.name);
      // The first component is the downloaded directory itself; exclude names paths below it.
      const below = name.split('/').slice(1).join('/');
      const target = path.join(root, name);
      if (name === '' || (below && isExcluded(below, excluded)) || insideLink(target, links)) {
        entry.resume();
        continue;
      }
      await mkdir(path.dirname(target), { recursive: true });
      if (header.type === 'directory') {
        await mkdir(target, { recursive: true, mode: 0o700 });
        directories.push({ target, mode: header.mode, mtime: header.mtime });
        entry.resume();
      } else if (header.type === 'symlink') {
        await rm(target, { force: true });
        await symlink(header.linkname, target);
        links.add(target);
        entry.resume();
      } else if (header.type === 'file' || header.type === 'contiguous-file') {
        await removeIfLink(target);
        await pipeline(entry, createWriteStream(target, { mode: header.mode & 0o7777 }));
        await chmod(target, header.mode & 0o7777);
        await utimes(target, header.mtime, header.mtime);
      } else {
        entry.resume(); // devices, fifos and hard links are not written
      }
    }
  } finally {
    await feeding.catch(() => undefined);
  }
  await feeding;
  for (const dir of directories.reverse()) {
    await chmod(dir.target, dir.mode & 0o7777);
    await utimes(dir.target, dir.mtime, dir.mtime);
  }
}

/** The entry's name without "./" and trailing slashes; rejects absolute names and "..". */
function safeName(name: string): string {
  const parts = name.split('/').filter((p) => p !== '' && p !== '.');
  if (name.startsWith('/') || parts.includes('..')) throw new Error(`unsafe path in archive: ${name}`);
  return parts.join('/');
}

function isExcluded(rel: string, excluded: ReadonlySet<string>): boolean {
  const parts = rel.split('/');
  return parts.some((_, i) => excluded.has(parts.slice(0, i + 1).join('/')));
}

function insideLink(target: string, links: ReadonlySet<string>): boolean {
  for (let dir = path.dirname(target); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    if (links.has(dir)) return true;
  }
  return false;
}

async function removeIfLink(target: string): Promise<void> {
  const info = await lstat(target).catch(() => undefined);
  if (info?.isSymbolicLink()) await rm(target);
}
