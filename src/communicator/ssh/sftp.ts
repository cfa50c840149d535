import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { finished, pipeline } from 'node:stream/promises';
import type { SFTPWrapper } from 'ssh2';
import type { UploadFileInfo } from '../communicator.js';
import { walkUpload } from '../local-tree.js';
import type { SshConnection } from './connect.js';

/** Bytes per SFTP write request and how many may be unanswered at once (ssh2's fastPut uses the same idea). */
const CHUNK = 32 * 1024;
const IN_FLIGHT = 64;

export async function withSftp<T>(conn: SshConnection, body: (sftp: SFTPWrapper) => Promise<T>): Promise<T> {
  const sftp = await new Promise<SFTPWrapper>((resolve, reject) =>
    conn.client.sftp((err, session) => (err ? reject(err) : resolve(session))),
  );
  try {
    return await body(sftp);
  } finally {
    sftp.end();
  }
}

/** Writes input to remotePath with pipelined requests; chmods it when the source's mode is known, as Packer does. */
export async function sftpUpload(
  sftp: SFTPWrapper,
  remotePath: string,
  input: Readable,
  info: UploadFileInfo | undefined,
): Promise<void> {
  const handle = await call<Buffer>((cb) => sftp.open(remotePath, 'w', cb));
  try {
    const inFlight = new Set<Promise<void>>();
    let position = 0;
    for await (const chunk of input as AsyncIterable<Buffer>) {
      for (let offset = 0; offset < chunk.length; offset += CHUNK) {
        const piece = chunk.subarray(offset, offset + CHUNK);
        const write = call<void>((cb) => sftp.write(handle, piece, 0, piece.length, position, (err) => cb(err)));
        position += piece.length;
        inFlight.add(write);
        write.then(
          () => inFlight.delete(write),
          () => undefined,
        );
        if (inFlight.size >= IN_FLIGHT) await Promise.race(inFlight);
      }
    }
    await Promise.all(inFlight);
  } finally {
    await call<void>((cb) => sftp.close(handle, (err) => cb(err)));
  }
  if (info) await call<void>((cb) => sftp.chmod(remotePath, info.mode & 0o7777, (err) => cb(err)));
}

export async function sftpDownload(sftp: SFTPWrapper, remotePath: string, output: Writable): Promise<void> {
  await pipeline(sftp.createReadStream(remotePath), output, { end: false });
}

/** Packer's sftpUploadDirSession: walk src, mkdir + chmod directories, upload files; dst is created when missing. */
export async function sftpUploadDir(
  sftp: SFTPWrapper,
  dst: string,
  src: string,
  exclude: readonly string[],
): Promise<void> {
  await sftpMkdirAll(sftp, dst);
  for await (const event of walkUpload(src, exclude)) {
    const remote = path.posix.join(dst, event.relPath);
    if (event.kind === 'enter') {
      await sftpMkdirAll(sftp, remote);
      await call<void>((cb) => sftp.chmod(remote, event.mode, (err) => cb(err)));
    } else if (event.kind === 'file') {
      await sftpUpload(sftp, remote, createReadStream(event.absPath), event);
    }
  }
}

/** Downloads src into dst/<basename of src>, like the scp download does. */
export async function sftpDownloadDir(
  sftp: SFTPWrapper,
  src: string,
  dst: string,
  exclude: readonly string[],
): Promise<void> {
  const excluded = new Set(exclude.map((p) => p.replace(/^\.?\/+|\/+$/g, '')));
  const root = path.join(dst, path.posix.basename(src.replace(/\/+$/, '')));
  const visit = async (remoteDir: string, localDir: string, rel: string, depth: number): Promise<void> => {
    if (depth > 64) throw new Error(`${remoteDir}: directories nested too deep`);
    const attrs = await call<{ mode: number }>((cb) => sftp.stat(remoteDir, cb));
    await mkdir(localDir, { recursive: true, mode: attrs.mode & 0o7777 });
    const entries = await call<{ filename: string; attrs: { mode: number } }[]>((cb) => sftp.readdir(remoteDir, cb));
    for (const entry of entries.sort((a, b) => a.filename.localeCompare(b.filename))) {
      const childRel = rel ? `${rel}/${entry.filename}` : entry.filename;
      if (excluded.has(childRel)) continue;
      const remote = path.posix.join(remoteDir, entry.filename);
      const local = path.join(localDir, entry.filename);
      if ((entry.attrs.mode & 0o170000) === 0o040000) {
        await visit(remote, local, childRel, depth + 1);
      } else {
        const out = createWriteStream(local, { mode: entry.attrs.mode & 0o7777 });
        await pipeline(sftp.createReadStream(remote), out);
        await finished(out);
      }
    }
  };
  await visit(src, root, '', 0);
}

async function sftpMkdirAll(sftp: SFTPWrapper, dir: string): Promise<void> {
  const parts = dir.split('/').filter(Boolean);
  let current = dir.startsWith('/') ? '' : '.';
  for (const part of parts) {
    current = `${current}/${part}`;
    const exists = await call<{ isDirectory(): boolean }>((cb) => sftp.stat(current, cb)).then(
      (s) => s.isDirectory(),
      () => false,
    );
    if (!exists) await call<void>((cb) => sftp.mkdir(current, (err) => cb(err)));
  }
}

/** Adapts one ssh2 callback-style call to a promise. */
function call<T>(start: (cb: (err: Error | null | undefined, value: T) => void) => void): Promise<T> {
  return new Promise((resolve, reject) => start((err, value) => (err ? reject(err) : resolve(value))));
}
