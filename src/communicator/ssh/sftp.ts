import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { Readable, type Writable } from 'node:stream';
import { finished, pipeline } from 'node:stream/promises';
import type { SFTPWrapper } from 'ssh2';
import type { UploadFileInfo } from '../communicator.js';
import { fileContent, walkUploadLoaded } from '../local-tree.js';
import type { SshConnection } from './connect.js';

/**
 * The SSH packet size SFTP write requests are cut to fit (OpenSSH's channel
 * packet size), the bytes of a WRITE request besides its data and handle, and
 * how many requests may be unanswered at once (2 MiB, the channel window;
 * OpenSSH's sftp and ssh2's fastPut send 64 requests of 32 KiB too).
 */
const PACKET = 32 * 1024;
const WRITE_OVERHEAD = 4 + 1 + 4 + 4 + 8 + 4; // length, type, id, handle length, offset, data length
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
    await writePipelined(sftp, handle, input);
  } finally {
    await call<void>((cb) => sftp.close(handle, (err) => cb(err)));
  }
  if (info) await call<void>((cb) => sftp.chmod(remotePath, info.mode & 0o7777, (err) => cb(err)));
}

/**
 * Sends input as WRITE requests, keeping up to IN_FLIGHT of them unanswered
 * (one counter and one waiter, not a promise per request). Each request is
 * sized to fill one SSH packet exactly: ssh2 sends every request as packets of
 * its own, so a request of 32 KiB of data would cost a full packet and a
 * 29-byte one, and the cost of a packet (encryption, padding, a socket write)
 * hardly depends on its size. Input chunks are joined or cut to that size.
 */
async function writePipelined(sftp: SFTPWrapper, handle: Buffer, input: Readable): Promise<void> {
  const size = PACKET - WRITE_OVERHEAD - handle.length;
  let inFlight = 0;
  let failure: Error | undefined;
  let wake: (() => void) | undefined;
  const answered = (err: Error | null | undefined) => {
    inFlight--;
    failure ??= err ?? undefined;
    wake?.();
  };
  const settle = (limit: number) =>
    new Promise<void>((resolve) => {
      wake = () => {
        if (inFlight <= limit || failure) resolve();
      };
      wake();
    });
  let position = 0;
  const send = async (piece: Buffer) => {
    sftp.write(handle, piece, 0, piece.length, position, answered);
    position += piece.length;
    inFlight++;
    if (inFlight >= IN_FLIGHT) await settle(IN_FLIGHT - 1);
    if (failure) throw failure;
  };
  let partial: Buffer | undefined; // the tail of the last chunk, short of a full request
  try {
    for await (const chunk of input as AsyncIterable<Buffer>) {
      let offset = 0;
      if (partial) {
        offset = Math.min(size - partial.length, chunk.length);
        partial = Buffer.concat([partial, chunk.subarray(0, offset)]);
        if (partial.length < size) continue;
        await send(partial);
        partial = undefined;
      }
      for (; offset + size <= chunk.length; offset += size) await send(chunk.subarray(offset, offset + size));
      if (offset < chunk.length) partial = chunk.subarray(offset);
    }
    if (partial) await send(partial);
  } finally {
    await settle(0);
  }
  if (failure) throw failure;
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
  for await (const { event, data } of walkUploadLoaded(src, exclude)) {
    const remote = path.posix.join(dst, event.relPath);
    if (event.kind === 'enter') {
      await sftpMkdirAll(sftp, remote);
      await call<void>((cb) => sftp.chmod(remote, event.mode, (err) => cb(err)));
    } else if (event.kind === 'file') {
      const content = fileContent(event, data);
      await sftpUpload(sftp, remote, Buffer.isBuffer(content) ? Readable.from([content]) : content, event);
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
