import type { Readable } from 'node:stream';
import type Docker from 'dockerode';
import { hasStatus } from './engine.js';

/*
 * The Engine's archive endpoints: HEAD stats a path, PUT unpacks a tar stream
 * into a directory, GET packs a path. Bodies stream both ways.
 */

export interface PathStat {
  name: string;
  size: number;
  /** Go's os.FileMode bits: the directory bit is 1 << 31, the symlink bit 1 << 27. */
  mode: number;
  linkTarget: string;
}

const MODE_DIR = 2 ** 31;

/** Stats a path in the container; undefined when it does not exist. */
export async function statPath(container: Docker.Container, path: string): Promise<PathStat | undefined> {
  try {
    const res = (await container.infoArchive({ path })) as Readable & { headers: Record<string, string> };
    res.resume();
    const header = res.headers['x-docker-container-path-stat'];
    if (!header) throw new Error(`the engine sent no stat for ${path}`);
    return JSON.parse(Buffer.from(header, 'base64').toString('utf8')) as PathStat;
  } catch (error) {
    if (hasStatus(error, 404)) return undefined;
    throw error;
  }
}

export function isDirectory(stat: PathStat): boolean {
  // Go's uint32 mode arrives as a JSON number; the top bit marks a directory.
  return Math.floor(stat.mode / MODE_DIR) % 2 === 1;
}

/** Unpacks `archive` into the existing directory `dir`; a directory is never replaced by a file. */
export async function putArchive(
  container: Docker.Container,
  dir: string,
  archive: Readable,
  signal?: AbortSignal,
): Promise<void> {
  await container.putArchive(archive, { path: dir, noOverwriteDirNonDir: true, ...abortable(signal) });
}

export async function getArchive(container: Docker.Container, path: string, signal?: AbortSignal): Promise<Readable> {
  return (await container.getArchive({ path, ...abortable(signal) })) as Readable;
}

function abortable(signal: AbortSignal | undefined): { abortSignal?: AbortSignal } {
  return signal ? { abortSignal: signal } : {};
}
