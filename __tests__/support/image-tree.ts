import { createHash } from 'node:crypto';
import { extract } from 'tar-stream';
import { engine } from './docker.js';

/*
 * An image's file system through the Engine API, for comparing two images: a
 * created (never started) container, exported as tar, one entry per path.
 */

/** One entry of an image's file system, as its export tar lists it. */
export interface TreeEntry {
  readonly type: string;
  /** Permission bits with setuid, setgid and sticky, octal; the type is its own field. */
  readonly mode: string;
  readonly size: number;
  readonly uid: number;
  readonly gid: number;
  readonly linkname: string | null;
  /** Of a regular file's contents, when asked for. */
  readonly sha256?: string;
}

/** Differ between any two containers by nature: the engine's per-container files. */
const PER_CONTAINER = [/^etc\/(hostname|hosts|resolv\.conf)$/, /^\.dockerenv$/];

export interface TreeOptions {
  /** Further paths (no leading slash) to leave out. */
  readonly ignore?: readonly RegExp[];
  /** Hash every regular file's contents. */
  readonly contents?: boolean;
}

export async function imageFileTree(image: string, options: TreeOptions = {}): Promise<Map<string, TreeEntry>> {
  const ignore = [...PER_CONTAINER, ...(options.ignore ?? [])];
  const container = await engine.createContainer({ Image: image, Entrypoint: ['/bin/true'], Cmd: [] });
  try {
    const tree = new Map<string, TreeEntry>();
    const tar = extract();
    tar.on('entry', (header, stream, next) => {
      const name = header.name.replace(/\/$/, '');
      const type = header.type ?? 'file';
      const hash = options.contents && type === 'file' ? createHash('sha256') : undefined;
      if (hash) stream.on('data', (chunk: unknown) => void hash.update(chunk as Buffer));
      stream.on('end', () => {
        if (!ignore.some((re) => re.test(name))) {
          tree.set(name, {
            type,
            mode: ((header.mode ?? 0) & 0o7777).toString(8),
            size: header.size ?? 0,
            uid: header.uid ?? 0,
            gid: header.gid ?? 0,
            linkname: header.linkname ?? null,
            ...(hash ? { sha256: hash.digest('hex') } : {}),
          });
        }
        next();
      });
      stream.resume();
    });
    const done = new Promise<void>((resolve, reject) => {
      tar.on('finish', resolve);
      tar.on('error', reject);
    });
    (await container.export()).pipe(tar);
    await done;
    return tree;
  } finally {
    await container.remove({ force: true });
  }
}
