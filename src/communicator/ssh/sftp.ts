import { stat } from 'node:fs/promises';
import path from 'node:path';
import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { SFTPWrapper, Stats } from 'ssh2';
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
  if (info) await call<void>((cb) => sftp.chmod(remotePath, info.mode & 0o777, (err) => cb(err)));
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

/**
 * Packer's sftpUploadDirSession: walk src, mkdir + chmod directories, upload
 * files (chmod when regular). dst is not created: "dir" goes to dst/dir,
 * whose parent must exist, "dir/" into dst, which must exist unless dst is
 * not in Go's clean form (e.g. "new/"): then it is made and chmodded like a
 * directory of the walk. Linked directories are followed (Packer's upload
 * fails on them) and made without chmod.
 */
export async function sftpUploadDir(
  sftp: SFTPWrapper,
  dst: string,
  src: string,
  exclude: readonly string[],
): Promise<void> {
  const root = await sftpRootMode(dst, src);
  if (root !== undefined) await sftpMkdir(sftp, goClean(dst), root);
  for await (const { event, data } of walkUploadLoaded(src, exclude, 'name')) {
    const remote = path.posix.join(dst, event.relPath);
    if (event.kind === 'enter') {
      await sftpMkdir(sftp, remote, event.link ? undefined : event.mode);
    } else if (event.kind === 'file') {
      const content = fileContent(event, data);
      const input = Buffer.isBuffer(content) ? Readable.from([content]) : content;
      await sftpUpload(sftp, remote, input, event.regular ? event : undefined);
    }
  }
}

/**
 * The mode Packer's sftp upload of "dir/" gives dst itself, when it does: its
 * walk maps src to Go's path.Clean(dst) and skips that only when it equals dst.
 */
export async function sftpRootMode(dst: string, src: string): Promise<number | undefined> {
  if (!src.endsWith('/') || goClean(dst) === dst) return undefined;
  return (await stat(src)).mode & 0o777;
}

/** Go's path.Clean: normalized, without a trailing slash. */
function goClean(p: string): string {
  const normal = path.posix.normalize(p);
  return normal.length > 1 && normal.endsWith('/') ? normal.slice(0, -1) : normal;
}

/** Packer's sftpMkdir: one level, an existing directory is fine; then chmod when a mode is given. */
async function sftpMkdir(sftp: SFTPWrapper, dir: string, mode: number | undefined): Promise<void> {
  try {
    await call<void>((cb) => sftp.mkdir(dir, (err) => cb(err)));
  } catch (error) {
    const existing = await call<Stats>((cb) => sftp.lstat(dir, cb)).catch(() => undefined);
    if (!existing?.isDirectory()) throw error;
  }
  if (mode !== undefined) await call<void>((cb) => sftp.chmod(dir, mode, (err) => cb(err)));
}

/** Adapts one ssh2 callback-style call to a promise. */
function call<T>(start: (cb: (err: Error | null | undefined, value: T) => void) => void): Promise<T> {
  return new Promise((resolve, reject) => start((err, value) => (err ? reject(err) : resolve(value))));
}
