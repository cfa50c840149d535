import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { pack } from 'tar-stream';
import { walkUpload } from '../local-tree.js';
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
 * (same layout as the scp upload; dst is created when missing). Files are
 * read as they are packed, one at a time.
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
    const sent = pipeline(archive, channel);
    try {
      for await (const event of walkUpload(src, exclude)) {
        if (event.kind === 'enter') {
          archive.entry({ name: `${event.relPath}/`, type: 'directory', mode: event.mode, mtime: event.mtime });
        } else if (event.kind === 'file') {
          const entry = archive.entry({ name: event.relPath, size: event.size, mode: event.mode, mtime: event.mtime });
          await pipeline(createReadStream(event.absPath), entry);
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
