// CommonJS typed as an ES module: the factory is also its own `default`, which is what the types reach.
import dockerignore from '@balena/dockerignore';
import { randomBytes } from 'node:crypto';
import { createReadStream, type Stats } from 'node:fs';
import { lstat, readFile, readdir, readlink, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { PassThrough, Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { pack as tarPack, type Header, type Pack } from 'tar-stream';

type HeaderArgument = Partial<Header> & Pick<Header, 'name'>;

/*
 * The build context `docker build -f <Dockerfile> <dir>` sends (the legacy
 * builder path of the docker CLI): the directory as one tar stream, owned by
 * root, without what .dockerignore excludes, except the Dockerfile and
 * .dockerignore themselves. A Dockerfile outside the directory is added under
 * a random name that .dockerignore then lists. Files are streamed from disk
 * one after the other; the context is never held in memory.
 */

export interface BuildContext {
  /** The tar stream (gzip when compressed); it fails with the walk's error. */
  readonly stream: Readable;
  /** The Dockerfile's name inside the context: the build's `dockerfile` parameter. */
  readonly dockerfile: string;
  /** Bytes of the stream read so far. */
  readonly sent: () => number;
}

export async function buildContext(dir: string, dockerfilePath: string, compress: boolean): Promise<BuildContext> {
  const root = await contextRoot(dir);
  const dockerfile = await realpath(path.resolve(dockerfilePath)).catch((error: unknown) => {
    throw new Error(`unable to evaluate symlinks in Dockerfile path: ${message(error)}`, { cause: error });
  });
  const relative = path.relative(root, dockerfile).split(path.sep).join('/');
  const outside = relative.startsWith('../');
  const ignoreFile = await readDockerignore(root);
  const excludes = [...(ignoreFile?.patterns ?? [])];
  const matches = dockerignore.default({ ignorecase: false }).add(excludes);
  // TrimBuildFilesFromExcludes: the daemon needs both files even when .dockerignore names them.
  if (matches.ignores('.dockerignore')) excludes.push('!.dockerignore');
  if (!outside && matches.ignores(relative)) excludes.push(`!${relative}`);
  const walker = new ContextWalker(root, excludes);
  const tar = tarPack();
  let added: { name: string; file: string } | undefined;
  if (outside) added = { name: `.dockerfile.${randomBytes(10).toString('hex')}`, file: dockerfile };
  void (async () => {
    await walker.walk(tar, '', added !== undefined);
    if (added) {
      await addFile(tar, added.file, {
        name: added.name,
        mode: 0o600,
        mtime: new Date(),
        uid: 0,
        gid: 0,
        type: 'file',
      });
      const listed = ignoreFile?.text ?? '.dockerignore';
      await addBuffer(tar, '.dockerignore', Buffer.from(`${listed}\n${added.name}\n`));
    }
    tar.finalize();
  })().catch((error: unknown) => tar.destroy(error instanceof Error ? error : new Error(String(error))));
  let count = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      count += chunk.length;
      done(null, chunk);
    },
  });
  const out = new PassThrough();
  const stages: NodeJS.ReadWriteStream[] = compress ? [createGzip(), counter] : [counter];
  pipeline(tar, ...stages, out).catch((error: unknown) => out.destroy(error as Error));
  return { stream: out, dockerfile: added?.name ?? relative, sent: () => count };
}

/** resolveAndValidateContextPath: the directory, symlinks resolved. */
async function contextRoot(dir: string): Promise<string> {
  const absolute = path.resolve(dir);
  let root: string;
  try {
    root = await realpath(absolute);
  } catch (error) {
    throw new Error(`unable to prepare context: path ${JSON.stringify(dir)} not found`, { cause: error });
  }
  if (!(await stat(root)).isDirectory()) {
    throw new Error(`unable to prepare context: context must be a directory: ${absolute}`);
  }
  return root;
}

/** ReadDockerignore + ignorefile.ReadAll: patterns trimmed and cleaned, comments and blank lines dropped. */
async function readDockerignore(root: string): Promise<{ text: string; patterns: string[] } | undefined> {
  let text: string;
  try {
    text = await readFile(path.join(root, '.dockerignore'), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const patterns: string[] = [];
  for (const [index, raw] of text.split(/\r?\n/).entries()) {
    const line = index === 0 ? raw.replace(/^\uFEFF/, '') : raw;
    if (line.startsWith('#')) continue;
    let pattern = line.trim();
    if (pattern === '') continue;
    const invert = pattern.startsWith('!');
    if (invert) pattern = pattern.slice(1).trim();
    if (pattern !== '') {
      pattern = path.posix.normalize(pattern).replace(/\/$/, '');
      if (pattern.length > 1 && pattern.startsWith('/')) pattern = pattern.slice(1);
    }
    patterns.push(invert ? `!${pattern}` : pattern);
  }
  return { text: text.replace(/\n$/, ''), patterns };
}

/** archive.TarWithOptions with ExcludePatterns and root ownership, in the lexical order of filepath.Walk. */
class ContextWalker {
  private readonly matcher;
  private readonly exceptions: string[];
  /** dev:inode of files with several links, to their first name (archived as hard links after). */
  private readonly links = new Map<string, string>();

  constructor(
    private readonly root: string,
    excludes: readonly string[],
  ) {
    this.matcher = dockerignore.default({ ignorecase: false }).add([...excludes]);
    this.exceptions = excludes.filter((p) => p.startsWith('!')).map((p) => p.slice(1));
  }

  async walk(tar: Pack, dir: string, skipDockerignore: boolean): Promise<void> {
    const names = (await readdir(path.join(this.root, dir))).sort();
    for (const name of names) {
      const relative = dir === '' ? name : `${dir}/${name}`;
      if (skipDockerignore && relative === '.dockerignore') continue;
      const file = path.join(this.root, relative);
      const info = await lstat(file);
      if (this.matcher.ignores(relative)) {
        // An excluded directory is still walked when an exception names something inside it.
        if (info.isDirectory() && this.exceptions.some((p) => `${p}/`.startsWith(`${relative}/`))) {
          await this.walk(tar, relative, false);
        }
        continue;
      }
      await this.add(tar, file, relative, info);
      if (info.isDirectory()) await this.walk(tar, relative, false);
    }
  }

  private async add(tar: Pack, file: string, name: string, info: Stats): Promise<void> {
    const header = { name, mode: info.mode & 0o7777, mtime: info.mtime, uid: 0, gid: 0 };
    if (info.isDirectory()) return addEntry(tar, { ...header, name: `${name}/`, type: 'directory' });
    if (info.isSymbolicLink()) {
      return addEntry(tar, { ...header, type: 'symlink', linkname: await readlink(file) });
    }
    // Sockets are skipped as the CLI skips them; devices and FIFOs are not sent either (a FIFO would block).
    if (!info.isFile()) return;
    if (info.nlink > 1) {
      const key = `${info.dev}:${info.ino}`;
      const first = this.links.get(key);
      if (first !== undefined) return addEntry(tar, { ...header, type: 'link', linkname: first });
      this.links.set(key, name);
    }
    return addFile(tar, file, { ...header, type: 'file', size: info.size });
  }
}

function addEntry(tar: Pack, header: HeaderArgument): Promise<void> {
  return new Promise((resolve, reject) => tar.entry(header, (error) => (error ? reject(error) : resolve())));
}

function addBuffer(tar: Pack, name: string, content: Buffer): Promise<void> {
  return new Promise((resolve, reject) =>
    tar.entry({ name, mode: 0o600, mtime: new Date(), uid: 0, gid: 0 }, content, (error) =>
      error ? reject(error) : resolve(),
    ),
  );
}

/** Streams a file into the archive; its size is taken when the header is written. */
async function addFile(tar: Pack, file: string, header: HeaderArgument): Promise<void> {
  const size = header.size ?? (await stat(file)).size;
  const full = { ...header, size };
  if (size === 0) return addEntry(tar, full);
  // Read no more than the header announced, should the file grow meanwhile.
  await pipeline(createReadStream(file, { start: 0, end: size - 1 }), tar.entry(full));
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
