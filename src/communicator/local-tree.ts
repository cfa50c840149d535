import { createReadStream, lstat as lstatCb, readFile as readFileCb, stat as statCb, type Stats } from 'node:fs';
import { opendir } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { promisify } from 'node:util';

// The callback forms, promisified: for thousands of small files they cost a
// fraction of the CPU of node:fs/promises (no FileHandle per file).
const stat = promisify(statCb);
const lstat = promisify(lstatCb);
const readFile = promisify(readFileCb);

/**
 * One step of a depth-first walk of a local directory, in the order scp sends
 * them, with the permission bits Packer's scp upload sends: a directory's own
 * (a linked directory's are the link's, 0777), a regular file's own, 0644 for
 * any other file (a link to a file, a FIFO ...). `link` and `regular` tell
 * those apart, for Packer's sftp upload, which chmods only regular files and
 * real directories.
 */
export type TreeEvent =
  | { kind: 'enter'; name: string; relPath: string; mode: number; link: boolean; mtime: Date }
  | FileEvent
  | { kind: 'leave'; relPath: string };

export interface FileEvent {
  kind: 'file';
  name: string;
  relPath: string;
  absPath: string;
  mode: number;
  regular: boolean;
  size: number;
  mtime: Date;
}

/** Entries stat'ed at once; one at a time, each would wait a whole trip through libuv's thread pool. */
const STAT_BATCH = 64;
/** Files up to this size are read whole, ahead of their turn; larger ones are streamed in their turn. */
const SMALL_FILE = 1024 * 1024;
/** How much read-ahead may hold: files and bytes. */
const AHEAD_FILES = 64;
const AHEAD_BYTES = 16 * 1024 * 1024;
/** Read size for streamed files: fewer, larger reads cost far less CPU than fs's 64 KiB default. */
const STREAM_CHUNK = 1024 * 1024;
/** Go's FileMode.Perm(): Packer sends no setuid, setgid or sticky bit. */
const PERM = 0o777;
/** The mode Packer's scp sends a file that is not regular with (it copies it to a temporary file first). */
const OTHER_FILE_MODE = 0o644;

/**
 * The order of a directory's entries: Packer's scp upload sends them as the
 * directory lists them (Go's Readdir; node's opendir reads the same order),
 * its sftp upload sorts them by name (filepath.Walk).
 */
export type WalkOrder = 'directory' | 'name';

/**
 * Walks the directory `src` for an upload with Packer's trailing-slash rule:
 * "dir" yields the directory itself first (enter "dir" ... leave), "dir/" only
 * its contents. Symbolic links are followed, as Packer's scp upload does.
 * relPath is slash-separated and relative to the upload's destination;
 * entries whose path relative to src is listed in `exclude` are skipped.
 */
export async function* walkUpload(
  src: string,
  exclude: readonly string[] = [],
  order: WalkOrder = 'directory',
): AsyncGenerator<TreeEvent> {
  const excluded = new Set(exclude.map((p) => p.replace(/^\.?\/+|\/+$/g, '')));
  const root = path.resolve(src);
  const info = await stat(root);
  if (!info.isDirectory()) throw new Error(`${src} is not a directory`);
  if (src.endsWith('/')) {
    yield* walkContents(root, '', '', excluded, order, [dirKey(info)]);
    return;
  }
  const name = path.basename(root);
  yield { kind: 'enter', name, relPath: name, mode: info.mode & PERM, link: false, mtime: info.mtime };
  yield* walkContents(root, name, '', excluded, order, [dirKey(info)]);
  yield { kind: 'leave', relPath: name };
}

async function* walkContents(
  dir: string,
  prefix: string,
  srcRel: string,
  excluded: ReadonlySet<string>,
  order: WalkOrder,
  ancestors: readonly string[],
): AsyncGenerator<TreeEvent> {
  const names: string[] = [];
  for await (const entry of await opendir(dir)) names.push(entry.name);
  if (order === 'name') names.sort();
  const kept = names.filter((name) => !excluded.has(srcRel ? `${srcRel}/${name}` : name));
  for (let start = 0; start < kept.length; start += STAT_BATCH) {
    const batch = kept.slice(start, start + STAT_BATCH);
    const infos = await Promise.all(batch.map((name) => linkedStat(path.join(dir, name))));
    for (const [i, name] of batch.entries()) {
      const { own, info } = infos[i] as { own: Stats; info: Stats };
      const absPath = path.join(dir, name);
      const relPath = prefix ? `${prefix}/${name}` : name;
      if (info.isDirectory()) {
        // A followed link back to an ancestor would make the walk endless.
        if (ancestors.includes(dirKey(info))) throw new Error(`symbolic link loop at ${absPath}`);
        const link = own.isSymbolicLink();
        yield { kind: 'enter', name, relPath, mode: own.mode & PERM, link, mtime: info.mtime };
        const rel = srcRel ? `${srcRel}/${name}` : name;
        yield* walkContents(absPath, relPath, rel, excluded, order, [...ancestors, dirKey(info)]);
        yield { kind: 'leave', relPath };
      } else {
        const regular = own.isFile();
        const mode = regular ? own.mode & PERM : OTHER_FILE_MODE;
        yield { kind: 'file', name, relPath, absPath, mode, regular, size: info.size, mtime: info.mtime };
      }
    }
  }
}

/** An entry's own lstat and, for a symbolic link, its target's stat (the entry's own otherwise). */
async function linkedStat(file: string): Promise<{ own: Stats; info: Stats }> {
  const own = await lstat(file);
  return { own, info: own.isSymbolicLink() ? await stat(file) : own };
}

function dirKey(info: { dev: number; ino: number }): string {
  return `${info.dev}:${info.ino}`;
}

/** A walk event; a small file comes with its content, read ahead of its turn. */
export interface LoadedEvent {
  event: TreeEvent;
  data?: Buffer;
}

/**
 * The walk of `src` (see walkUpload) with small files read concurrently
 * ahead of the consumer, in order. Reading thousands of small files one at a
 * time is mostly waiting: open, read and close each take a trip through the
 * thread pool.
 */
export async function* walkUploadLoaded(
  src: string,
  exclude: readonly string[] = [],
  order: WalkOrder = 'directory',
): AsyncGenerator<LoadedEvent> {
  const queue: { event: TreeEvent; data?: Promise<Buffer>; size: number }[] = [];
  let aheadBytes = 0;
  const walk = walkUpload(src, exclude, order);
  let done = false;
  try {
    for (;;) {
      while (!done && queue.length < AHEAD_FILES && aheadBytes < AHEAD_BYTES) {
        const next = await walk.next();
        if (next.done) {
          done = true;
          break;
        }
        const event = next.value;
        // Size 0 is also what devices and FIFOs report: those are streamed in their turn, as before.
        if (event.kind === 'file' && event.size > 0 && event.size <= SMALL_FILE) {
          const data = readFile(event.absPath);
          // Awaited in its turn; until then a failure must not count as unhandled.
          data.catch(() => undefined);
          queue.push({ event, data, size: event.size });
          aheadBytes += event.size;
        } else {
          queue.push({ event, size: 0 });
        }
      }
      const head = queue.shift();
      if (!head) return;
      aheadBytes -= head.size;
      yield head.data ? { event: head.event, data: await head.data } : { event: head.event };
    }
  } finally {
    await walk.return(undefined);
  }
}

/** The content of a file of the walk: what was read ahead, or a stream read in large chunks. */
export function fileContent(event: FileEvent, data: Buffer | undefined): Readable | Buffer {
  return data ?? createReadStream(event.absPath, { highWaterMark: STREAM_CHUNK });
}
