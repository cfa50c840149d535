import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable, type Readable } from 'node:stream';
import { finished, pipeline } from 'node:stream/promises';
import type { ClientChannel } from 'ssh2';
import type { UploadFileInfo } from '../communicator.js';
import { fileContent, walkUploadLoaded } from '../local-tree.js';
import { ByteReader } from './byte-reader.js';
import type { SshConnection } from './connect.js';
import { openExec, shellQuote } from './exec.js';

/* The scp protocol as Packer speaks it: `scp -t` (sink) for uploads, `scp -f` (source) for downloads. */

/** Read size for the spool file: fewer, larger reads cost far less CPU than fs's 64 KiB default. */
const SPOOL_CHUNK = 1024 * 1024;

export async function scpUpload(
  conn: SshConnection,
  remotePath: string,
  input: Readable,
  info: UploadFileInfo | undefined,
  signal?: AbortSignal,
): Promise<void> {
  const dir = path.posix.dirname(remotePath);
  const name = path.posix.basename(remotePath);
  if (info) {
    await scpSession(conn, `scp -vt ${shellQuote(dir)}`, signal, async (channel, reader) => {
      await checkStatus(reader);
      await sendFile(channel, reader, name, input, info);
    });
    return;
  }
  // scp announces the size before the bytes, so an input of unknown length is spooled to disk first.
  const spoolDir = await mkdtemp(path.join(tmpdir(), 'kiln-upload-'));
  try {
    const spool = path.join(spoolDir, 'data');
    await pipeline(input, createWriteStream(spool));
    const { size } = await stat(spool);
    await scpSession(conn, `scp -vt ${shellQuote(dir)}`, signal, async (channel, reader) => {
      await checkStatus(reader);
      await sendFile(channel, reader, name, createReadStream(spool, { highWaterMark: SPOOL_CHUNK }), {
        mode: 0o644,
        size,
      });
    });
  } finally {
    await rm(spoolDir, { recursive: true, force: true });
  }
}

/**
 * Uploads a local directory with `scp -rvt dst`, as Packer does: dst is not
 * created first, so for a missing dst the sink makes "dir" into dst itself and
 * fails on the entries of "dir/".
 */
export async function scpUploadDir(
  conn: SshConnection,
  dst: string,
  src: string,
  exclude: readonly string[],
  signal?: AbortSignal,
): Promise<void> {
  await scpSession(conn, `scp -rvt ${shellQuote(dst)}`, signal, async (channel, reader) => {
    await checkStatus(reader); // the sink's "ready"
    for await (const { event, data } of walkUploadLoaded(src, exclude)) {
      if (event.kind === 'enter') {
        await send(channel, `D${octal(event.mode)} 0 ${event.name}\n`);
        await checkStatus(reader);
      } else if (event.kind === 'leave') {
        await send(channel, 'E\n');
        await checkStatus(reader);
      } else {
        // A file read ahead announces the size it was read with, in case it changed since the walk saw it.
        const info = { mode: event.mode, size: data?.length ?? event.size };
        await sendFile(channel, reader, event.name, fileContent(event, data), info);
      }
    }
  });
}

export async function scpDownload(
  conn: SshConnection,
  remotePath: string,
  output: Writable,
  signal?: AbortSignal,
): Promise<void> {
  await scpSession(conn, `scp -vf ${shellQuote(remotePath)}`, signal, async (channel, reader) => {
    await send(channel, '\0');
    const line = await readHeader(reader);
    if (line.startsWith('D')) throw new Error('remote file is directory');
    const { size } = parseEntry(line, 'C');
    await send(channel, '\0');
    await reader.copyTo(output, size);
    await checkStatus(reader);
    await send(channel, '\0');
  });
}

/**
 * Downloads a remote directory with `scp -vrf`; as in Packer, the directory
 * itself arrives first, so `src` lands in `dst/<basename of src>`.
 */
export async function scpDownloadDir(
  conn: SshConnection,
  src: string,
  dst: string,
  exclude: readonly string[],
  signal?: AbortSignal,
): Promise<void> {
  const excluded = new Set(exclude.map((p) => p.replace(/^\.?\/+|\/+$/g, '')));
  await scpSession(conn, `scp -vrf ${globQuote(src)}`, signal, async (channel, reader) => {
    const stack: string[] = [];
    let skipDepth = 0; // inside an excluded directory: read entries, write nothing
    await send(channel, '\0');
    for (;;) {
      const line = await reader.readLine();
      if (line === null) return;
      if (line.startsWith('\x01') || line.startsWith('\x02')) throw new Error(line.slice(1));
      if (line === 'E') {
        stack.pop();
        if (skipDepth > 0) skipDepth--;
        await send(channel, '\0');
        continue;
      }
      const entry = parseEntry(line, line.startsWith('D') ? 'D' : 'C');
      // Below src itself: the path an exclude entry names.
      const rel = [...stack.slice(1), entry.name].join('/');
      const skip = skipDepth > 0 || (stack.length > 0 && excluded.has(rel));
      const local = path.join(dst, ...stack, entry.name);
      if (line.startsWith('D')) {
        if (skip) skipDepth++;
        else await mkdir(local, { recursive: true, mode: entry.mode });
        stack.push(entry.name);
        await send(channel, '\0');
        continue;
      }
      await send(channel, '\0');
      const out = skip ? discard() : createWriteStream(local, { mode: entry.mode });
      // A file that cannot be created fails here; later, copyTo would wait for a 'drain' that never comes.
      if (!skip) await once(out, 'open');
      await reader.copyTo(out, entry.size);
      out.end();
      await finished(out);
      await checkStatus(reader);
      await send(channel, '\0');
    }
  });
}

/** Drives an scp session; a sink session (-t) opens with a "ready" status byte the body reads first. */
type ScpBody = (channel: ClientChannel, reader: ByteReader) => Promise<void>;

/** Runs one scp command, drives it with body, and turns a failed exit into an error with scp's stderr. */
async function scpSession(conn: SshConnection, command: string, signal: AbortSignal | undefined, body: ScpBody) {
  signal?.throwIfAborted();
  const { channel, exit } = await openExec(conn, command);
  let stderr = '';
  channel.stderr.on('data', (chunk: Buffer) => {
    // scp -v is chatty; keep the tail, where the reason for a failure is.
    stderr = (stderr + chunk.toString('utf8')).slice(-4096);
  });
  const onAbort = () => channel.close();
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    const reader = new ByteReader(channel);
    try {
      await body(channel, reader);
    } catch (error) {
      channel.close();
      // The sink's own messages already start with "scp: ".
      const message = error instanceof Error ? error.message : String(error);
      throw new Error(`${message.startsWith('scp: ') ? '' : 'scp: '}${message}${stderrNote(stderr)}`, {
        cause: error,
      });
    }
    channel.end();
    await reader.drain();
    const result = await exit;
    signal?.throwIfAborted();
    if (result.code === 127) {
      throw new Error(
        'SCP failed to start. This usually means that SCP is not\nproperly installed on the remote system.',
      );
    }
    if (result.code !== 0) {
      throw new Error(
        `scp exited with ${result.signal ? `signal ${result.signal}` : `status ${result.code}`}${stderrNote(stderr)}`,
      );
    }
  } finally {
    signal?.removeEventListener('abort', onAbort);
  }
}

function stderrNote(stderr: string): string {
  const lines = stderr
    .split('\n')
    .filter((l) => l.trim() && !l.startsWith('Executing:') && !l.startsWith('Sink:') && !l.startsWith('Sending'));
  return lines.length ? ` (${lines.slice(-3).join('; ')})` : '';
}

async function sendFile(
  channel: ClientChannel,
  reader: ByteReader,
  name: string,
  input: Readable | Buffer,
  info: UploadFileInfo,
): Promise<void> {
  await send(channel, `C${octal(info.mode)} ${info.size} ${name}\n`);
  await checkStatus(reader);
  let sent = 0;
  const chunks = Buffer.isBuffer(input) ? [input] : (input as AsyncIterable<Buffer>);
  for await (const chunk of chunks) {
    sent += chunk.length;
    if (sent > info.size) throw new Error(`${name}: input is longer than its announced ${info.size} bytes`);
    await send(channel, chunk);
  }
  if (sent < info.size) throw new Error(`${name}: input ended after ${sent} of ${info.size} bytes`);
  await send(channel, '\0');
  await checkStatus(reader);
}

async function send(channel: ClientChannel, data: string | Buffer): Promise<void> {
  if (!channel.write(data)) await once(channel, 'drain');
}

/** Reads scp's one-byte reply: 0 is success, 1 and 2 are followed by a message line. */
async function checkStatus(reader: ByteReader): Promise<void> {
  const code = await reader.readByte();
  if (code === null) throw new Error('connection closed before scp replied');
  if (code !== 0) throw new Error((await reader.readLine()) ?? `scp replied with status ${code}`);
}

async function readHeader(reader: ByteReader): Promise<string> {
  const line = await reader.readLine();
  if (line === null || line === '') throw new Error('empty response from server');
  if (line.startsWith('\x01') || line.startsWith('\x02')) throw new Error(line.slice(1));
  return line;
}

function parseEntry(line: string, kind: 'C' | 'D'): { mode: number; size: number; name: string } {
  const match = /^[CD]([0-7]{4}) (\d+) (.+)$/.exec(line);
  if (!match || line[0] !== kind) throw new Error(`unexpected server response (${JSON.stringify(line)})`);
  const name = match[3] ?? '';
  if (name.includes('/') || name === '.' || name === '..') throw new Error(`unsafe name in server response: ${name}`);
  return { mode: parseInt(match[1] ?? '0', 8), size: Number(match[2]), name };
}

/** Quotes a path for the remote shell but leaves glob characters active: Packer downloads `dir/*` this way. */
function globQuote(text: string): string {
  return text
    .split(/([*?[\]])/)
    .map((part, i) => (i % 2 === 1 || part === '' ? part : shellQuote(part)))
    .join('');
}

/** The permission bits only, as Go's FileMode.Perm() that Packer sends. */
function octal(mode: number): string {
  return (mode & 0o777).toString(8).padStart(4, '0');
}

function discard(): Writable {
  return new Writable({ write: (_chunk, _enc, done) => done() });
}
