import { createReadStream } from 'node:fs';
import { lstat, opendir, readlink } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { pack, type Pack } from 'tar-stream';

/*
 * A local directory as a tar stream, the way `docker cp` archives it (Packer's
 * docker communicator uploads directories with `docker cp`): entries from
 * lstat, symbolic links kept as links, the directory itself first under
 * `root`. Files are read as they are packed, one at a time.
 */

export function packDirectory(src: string, root: string, exclude: readonly string[] = []): Pack {
  const archive = pack();
  const excluded = new Set(exclude.map((p) => p.replace(/^\.?\/+|\/+$/g, '')));
  addTree(archive, path.resolve(src), root, '', excluded).then(
    () => archive.finalize(),
    (error: unknown) => archive.destroy(error instanceof Error ? error : new Error(String(error))),
  );
  return archive;
}

async function addTree(archive: Pack, dir: string, name: string, rel: string, excluded: ReadonlySet<string>) {
  const info = await lstat(dir);
  await addEntry(archive, dir, name, info);
  if (!info.isDirectory()) return;
  const names: string[] = [];
  for await (const entry of await opendir(dir)) names.push(entry.name);
  names.sort();
  for (const child of names) {
    const childRel = rel ? `${rel}/${child}` : child;
    if (excluded.has(childRel)) continue;
    await addTree(archive, path.join(dir, child), joinName(name, child), childRel, excluded);
  }
}

async function addEntry(
  archive: Pack,
  absPath: string,
  name: string,
  info: Awaited<ReturnType<typeof lstat>>,
): Promise<void> {
  const common = { mode: Number(info.mode) & 0o7777, mtime: info.mtime, uid: Number(info.uid), gid: Number(info.gid) };
  if (info.isDirectory()) {
    await entryDone(archive, { ...common, name: `${name}/`, type: 'directory' });
  } else if (info.isSymbolicLink()) {
    await entryDone(archive, { ...common, name, type: 'symlink', linkname: await readlink(absPath) });
  } else if (info.isFile()) {
    const entry = archive.entry({ ...common, name, type: 'file', size: Number(info.size) });
    await pipeline(createReadStream(absPath), entry);
  }
  // Sockets, fifos and devices are left out, as docker cp leaves sockets out.
}

function entryDone(archive: Pack, header: Parameters<Pack['entry']>[0]): Promise<void> {
  return new Promise((resolve, reject) => {
    archive.entry(header, (error) => (error ? reject(error) : resolve()));
  });
}

function joinName(parent: string, child: string): string {
  return parent === '.' ? `./${child}` : `${parent}/${child}`;
}
