import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { pack, type Header, type Pack } from 'tar-stream';
import { fileContent, walkUploadLoaded } from '../local-tree.js';
import type { SshConnection } from './connect.js';
import { openExec, shellQuote } from './exec.js';

/** Whether the remote has a tar to unpack a directory upload with. */
export async function remoteHasTar(conn: SshConnection): Promise<boolean> {
  const { channel, exit } = await openExec(conn, 'command -v tar >/dev/null 2>&1');
  channel.resume();
  channel.stderr.resume();
  channel.end();
  return (await exit).code === 0;
}

/**
 * Uploads a local directory as one tar stream unpacked by the remote's tar
 * (same layout as the scp upload; dst is created when missing). Small files
 * are read ahead, large ones streamed in their turn.
 */
export async function tarUploadDir(
  conn: SshConnection,
  dst: string,
  src: string,
  exclude: readonly string[],
  signal?: AbortSignal,
): Promise<void> {
  signal?.throwIfAborted();
  const { channel, exit } = await openExec(conn, `mkdir -p ${shellQuote(dst)} && tar -C ${shellQuote(dst)} -xf -`);
  let stderr = '';
  channel.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString('utf8')).slice(-4096)));
  channel.resume();
  const onAbort = () => channel.close();
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    const archive = pack();
    const sent = pipeline(archive, coalesce(), channel);
    try {
      for await (const { event, data } of walkUploadLoaded(src, exclude)) {
        if (event.kind === 'enter') {
          archive.entry({ name: `${event.relPath}/`, type: 'directory', mode: event.mode, mtime: event.mtime });
        } else if (event.kind === 'file') {
          const header = { name: event.relPath, size: event.size, mode: event.mode, mtime: event.mtime };
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
