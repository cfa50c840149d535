import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { pack, type Header, type Pack } from 'tar-stream';
import { fileContent, walkUploadLoaded, type TreeEvent } from '../local-tree.js';
import type { SshConnection } from './connect.js';
import { openExec, shellQuote } from './exec.js';
import { sftpRootMode } from './sftp.js';

/** The remote's GNU tar, the one tar whose options give the semantics of Packer's transfers, and its umask. */
export interface RemoteTar {
  umask: number;
}

/** Probes for GNU tar; undefined when the remote has another tar or none. */
export async function probeRemoteTar(conn: SshConnection): Promise<RemoteTar | undefined> {
  const { channel, exit } = await openExec(conn, 'tar --version 2>/dev/null | head -n 1; umask');
  let stdout = '';
  channel.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  channel.stderr.resume();
  channel.end();
  await exit;
  const [version = '', umask = ''] = stdout.trim().split('\n');
  return version.startsWith('tar (GNU tar)') && /^[0-7]{1,4}$/.test(umask) ? { umask: parseInt(umask, 8) } : undefined;
}

/**
 * Whether the tar stream gives what Packer's transfer would: dst must be an
 * existing directory (where it is missing, scp and sftp each do something of
 * their own), and for scp none of the upload's top-level names may exist in
 * it, since scp's sink keeps an existing file's mode and writes through a
 * link, which no tar option combines with keeping directories as they are.
 */
export async function tarFits(conn: SshConnection, dst: string, src: string, method: 'scp' | 'sftp'): Promise<boolean> {
  const { channel, exit } = await openExec(conn, `cd ${shellQuote(dst)} && ls -A`);
  let listing = '';
  channel.on('data', (chunk: Buffer) => (listing += chunk.toString('utf8')));
  channel.stderr.resume();
  channel.end();
  if ((await exit).code !== 0) return false;
  if (method === 'sftp') return true;
  // One name a line: a name with a newline shows as several, which can only make this answer no.
  const existing = new Set(listing.split('\n'));
  const names = src.endsWith('/') ? await readdir(src) : [path.basename(path.resolve(src))];
  return !names.some((n) => existing.has(n) || n.includes('\n'));
}

/**
 * Extraction flags: modes exactly as sent (Kiln applies the umask where
 * Packer's transfer would), owned by the login user, mtimes of the upload.
 * scp's sink leaves an existing directory's mode and a link to a directory
 * alone (see tarFits for files); Packer's sftp upload chmods existing
 * directories and files and writes through links.
 */
const TAR_FLAGS = {
  scp: '-x -m -p --no-same-owner --no-overwrite-dir --keep-directory-symlink',
  sftp: '-x -m -p --no-same-owner --overwrite --dereference',
};

/**
 * Uploads a local directory as one tar stream unpacked by the remote's GNU
 * tar into dst (where tarFits) with the layout and modes Packer's upload
 * over `method` gives (see entryMode). Small files are read ahead,
 * large ones streamed in their turn.
 */
export async function tarUploadDir(
  conn: SshConnection,
  dst: string,
  src: string,
  exclude: readonly string[],
  method: 'scp' | 'sftp',
  remote: RemoteTar,
  signal?: AbortSignal,
): Promise<void> {
  signal?.throwIfAborted();
  const { channel, exit } = await openExec(conn, `tar -C ${shellQuote(dst)} ${TAR_FLAGS[method]} -f -`);
  let stderr = '';
  channel.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString('utf8')).slice(-4096)));
  channel.resume();
  const onAbort = () => channel.close();
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    const archive = pack();
    const sent = pipeline(archive, coalesce(), channel);
    try {
      const root = method === 'sftp' ? await sftpRootMode(dst, src) : undefined;
      if (root !== undefined) archive.entry({ name: './', type: 'directory', mode: root });
      for await (const { event, data } of walkUploadLoaded(src, exclude)) {
        if (event.kind === 'leave') continue;
        const mode = entryMode(event, method, remote.umask);
        if (event.kind === 'enter') {
          archive.entry({ name: `${event.relPath}/`, type: 'directory', mode, mtime: event.mtime });
        } else {
          const header = { name: event.relPath, size: event.size, mode, mtime: event.mtime };
          const content = fileContent(event, data);
          if (Buffer.isBuffer(content)) await addEntry(archive, header, content);
          else await pipeline(content, archive.entry(header));
        }
      }
      archive.finalize();
    } catch (error) {
      archive.destroy(error instanceof Error ? error : new Error(String(error)));
      throw error;
    } finally {
      await sent.catch(() => undefined);
    }
    const result = await exit;
    signal?.throwIfAborted();
    if (result.code !== 0) {
      const detail = stderr.trim() ? `: ${stderr.trim()}` : '';
      throw new Error(
        `tar upload to ${dst} exited with ${result.signal ? `signal ${result.signal}` : `status ${result.code}`}${detail}`,
      );
    }
  } finally {
    signal?.removeEventListener('abort', onAbort);
  }
}

/**
 * The mode an entry ends up with after Packer's upload: scp's sink creates
 * everything with the sent mode less the umask; Packer's sftp upload chmods
 * regular files and directories to their own modes and leaves the rest (what
 * a link leads to) as the sftp server creates them, under the umask.
 */
function entryMode(event: Exclude<TreeEvent, { kind: 'leave' }>, method: 'scp' | 'sftp', umask: number): number {
  if (method === 'scp') return event.mode & ~umask;
  if (event.kind === 'enter') return event.link ? 0o777 & ~umask : event.mode;
  return event.regular ? event.mode : 0o666 & ~umask;
}

/** Adds a file held in memory; resolves once the archive has taken it, so packing keeps to the channel's pace. */
function addEntry(archive: Pack, header: Partial<Header> & { name: string }, content: Buffer): Promise<void> {
  return new Promise((resolve, reject) =>
    archive.entry(header, content, (err?: Error | null) => (err ? reject(err) : resolve())),
  );
}

/** Bytes gathered before a write to the channel. */
const WRITE_CHUNK = 256 * 1024;

/**
 * Joins the archive's small pieces (a 512-byte header, a 4 KiB file, its
 * padding ...) into large writes: ssh2 sends every channel write as at least
 * one SSH packet, so a tree of small files would otherwise cost thousands of
 * tiny packets, each encrypted and written to the socket on its own.
 */
function coalesce(): Transform {
  let parts: Buffer[] = [];
  let bytes = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      parts.push(chunk);
      bytes += chunk.length;
      if (bytes >= WRITE_CHUNK) {
        this.push(Buffer.concat(parts, bytes));
        parts = [];
        bytes = 0;
      }
      done();
    },
    flush(done) {
      if (bytes > 0) this.push(Buffer.concat(parts, bytes));
      done();
    },
  });
}
