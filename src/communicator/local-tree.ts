import { createReadStream, readFile as readFileCb, stat as statCb, type Stats } from 'node:fs';
import { opendir } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { promisify } from 'node:util';

// The callback forms, promisified: for thousands of small files they cost a
// fraction of the CPU of node:fs/promises (no FileHandle per file).
const stat = promisify(statCb);
const readFile = promisify(readFileCb);

/** One step of a depth-first walk of a local directory, in the order scp sends them. */
export type TreeEvent =
  | { kind: 'enter'; name: string; relPath: string; mode: number; mtime: Date }
  | { kind: 'file'; name: string; relPath: string; absPath: string; mode: number; size: number; mtime: Date }
  | { kind: 'leave'; relPath: string };

export type FileEvent = Extract<TreeEvent, { kind: 'file' }>;

/** Entries stat'ed at once; one at a time, each would wait a whole trip through libuv's thread pool. */
const STAT_BATCH = 64;
/** Files up to this size are read whole, ahead of their turn; larger ones are streamed in their turn. */
const SMALL_FILE = 1024 * 1024;
/** How much read-ahead may hold: files and bytes. */
const AHEAD_FILES = 64;
const AHEAD_BYTES = 16 * 1024 * 1024;
/** Read size for streamed files: fewer, larger reads cost far less CPU than fs's 64 KiB default. */
const STREAM_CHUNK = 1024 * 1024;

/**
 * Walks the directory `src` for an upload with Packer's trailing-slash rule:
 * "dir" yields the directory itself first (enter "dir" ... leave), "dir/" only
 * its contents. Symbolic links are followed, as Packer's scp upload does.
 * relPath is slash-separated and relative to the upload's destination;
 * entries whose path relative to src is listed in `exclude` are skipped.
 */
export async function* walkUpload(src: string, exclude: readonly string[] = []): AsyncGenerator<TreeEvent> {
  const excluded = new Set(exclude.map((p) => p.replace(/^\.?\/+|\/+$/g, '')));
  const root = path.resolve(src);
  const info = await stat(root);
  if (!info.isDirectory()) throw new Error(`${src} is not a directory`);
  if (src.endsWith('/')) {
    yield* walkContents(root, '', '', excluded, [dirKey(info)]);
    return;
  }
  const name = path.basename(root);
  yield { kind: 'enter', name, relPath: name, mode: info.mode & 0o7777, mtime: info.mtime };
  yield* walkContents(root, name, '', excluded, [dirKey(info)]);
  yield { kind: 'leave', relPath: name };
}

async function* walkContents(
  dir: string,
  prefix: string,
  srcRel: string,
  excluded: ReadonlySet<string>,
  ancestors: readonly string[],
): AsyncGenerator<TreeEvent> {
  const names: string[] = [];
  for await (const entry of await opendir(dir)) names.push(entry.name);
  names.sort();
  const kept = names.filter((name) => !excluded.has(srcRel ? `${srcRel}/${name}` : name));
  for (let start = 0; start < kept.length; start += STAT_BATCH) {
    const batch = kept.slice(start, start + STAT_BATCH);
    const infos = await Promise.all(batch.map((name) => stat(path.join(dir, name))));
    for (const [i, name] of batch.entries()) {
      const info = infos[i] as Stats;
      const absPath = path.join(dir, name);
      const relPath = prefix ? `${prefix}/${name}` : name;
      const mode = info.mode & 0o7777;
      if (info.isDirectory()) {
        // A followed link back to an ancestor would make the walk endless.
        if (ancestors.includes(dirKey(info))) throw new Error(`symbolic link loop at ${absPath}`);
        yield { kind: 'enter', name, relPath, mode, mtime: info.mtime };
        const rel = srcRel ? `${srcRel}/${name}` : name;
        yield* walkContents(absPath, relPath, rel, excluded, [...ancestors, dirKey(info)]);
        yield { kind: 'leave', relPath };
      } else {
        yield { kind: 'file', name, relPath, absPath, mode, size: info.size, mtime: info.mtime };
      }
    }
  }
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
export async function* walkUploadLoaded(src: string, exclude: readonly string[] = []): AsyncGenerator<LoadedEvent> {
  const queue: { event: TreeEvent; data?: Promise<Buffer>; size: number }[] = [];
  let aheadBytes = 0;
  const walk = walkUpload(src, exclude);
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
