import { opendir, stat } from 'node:fs/promises';
import path from 'node:path';

/** One step of a depth-first walk of a local directory, in the order scp sends them. */
export type TreeEvent =
  | { kind: 'enter'; name: string; relPath: string; mode: number; mtime: Date }
  | { kind: 'file'; name: string; relPath: string; absPath: string; mode: number; size: number; mtime: Date }
  | { kind: 'leave'; relPath: string };

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
  for (const name of names) {
    const rel = srcRel ? `${srcRel}/${name}` : name;
    if (excluded.has(rel)) continue;
    const absPath = path.join(dir, name);
    const relPath = prefix ? `${prefix}/${name}` : name;
    const info = await stat(absPath);
    const mode = info.mode & 0o7777;
    if (info.isDirectory()) {
      // A followed link back to an ancestor would make the walk endless.
      if (ancestors.includes(dirKey(info))) throw new Error(`symbolic link loop at ${absPath}`);
      yield { kind: 'enter', name, relPath, mode, mtime: info.mtime };
      yield* walkContents(absPath, relPath, rel, excluded, [...ancestors, dirKey(info)]);
      yield { kind: 'leave', relPath };
    } else {
      yield { kind: 'file', name, relPath, absPath, mode, size: info.size, mtime: info.mtime };
    }
  }
}

function dirKey(info: { dev: number; ino: number }): string {
  return `${info.dev}:${info.ino}`;
}
