import { once } from 'node:events';
import path from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  CommunicatorError,
  type CommandResult,
  type Communicator,
  type RemoteCommand,
  type UploadFileInfo,
} from '../../communicator/communicator.js';
import { decodeGob } from '../gob/decode.js';
import { isGobStruct } from '../gob/values.js';
import type { PluginProcess } from './plugin-process.js';
import { RemoteError, type RpcClient } from './rpc/client.js';
import type { YamuxStream } from './yamux/stream.js';

/*
 * The communicator a builder plugin serves on a hook's stream (sdk
 * rpc/communicator.go, CommunicatorServer) as a Kiln Communicator. Data never
 * travels in the RPC calls: for each transfer Kiln allocates broker ids, the
 * plugin dials them, and raw bytes are copied over those streams; a command's
 * exit status comes back gob-encoded on its response stream.
 */

export interface RemoteCommunicatorOptions {
  /** The machine, for messages ("container 3f2a1b2c3d4e", "user@host:22"); the plugin is named after it. */
  readonly machine?: string;
}

/** Dials the plugin's RPC server on broker id `streamId` (HookRunArgs.StreamId) and speaks to its Communicator. */
export async function remoteCommunicator(
  plugin: PluginProcess,
  streamId: number,
  options: RemoteCommunicatorOptions = {},
): Promise<Communicator> {
  const target = options.machine === undefined ? `plugin ${plugin.name}` : `${options.machine} (plugin ${plugin.name})`;
  let client: RpcClient;
  try {
    client = await plugin.dialClient(streamId);
  } catch (error) {
    throw new CommunicatorError(target, `could not connect to the plugin's communicator: ${messageOf(error)}`, {
      cause: error,
    });
  }
  return new RemoteCommunicator(plugin, client, target);
}

class RemoteCommunicator implements Communicator {
  readonly target: string;
  readonly #plugin: PluginProcess;
  readonly #client: RpcClient;

  constructor(plugin: PluginProcess, client: RpcClient, target: string) {
    this.#plugin = plugin;
    this.#client = client;
    this.target = target;
  }

  async start(cmd: RemoteCommand, signal?: AbortSignal): Promise<CommandResult> {
    signal?.throwIfAborted();
    const streams = new StreamSet(this.#plugin);
    // All four streams are always served: Kiln's contract closes a missing stdin at once, and
    // output nobody asked for is drained so the command never blocks on a full pipe.
    const stdin = streams.serve((stream) => feed(stream, cmd.stdin));
    const stdout = streams.serve((stream) => copyOut(stream, cmd.stdout));
    const stderr = streams.serve((stream) => copyOut(stream, cmd.stderr));
    const response = streams.serve(readAll);
    const args = {
      Command: cmd.command,
      StdinStreamId: stdin.id,
      StdoutStreamId: stdout.id,
      StderrStreamId: stderr.id,
      ResponseStreamId: response.id,
    };
    try {
      await this.#call('Start', args, `start "${cmd.command}"`, signal);
      // As the Go client: the status is read once both outputs are complete.
      const outputs = Promise.all([stdout.done, stderr.done, response.done]);
      const [, , finished] = await this.#streaming(outputs, `command "${cmd.command}"`, signal);
      return { exitStatus: this.#exitStatus(finished, cmd.command) };
    } finally {
      streams.destroy();
    }
  }

  async upload(dst: string, input: Readable, fileInfo?: UploadFileInfo, signal?: AbortSignal): Promise<void> {
    signal?.throwIfAborted();
    const streams = new StreamSet(this.#plugin);
    const reader = streams.serve((stream) => pipeline(input, stream));
    const args = {
      Path: dst,
      ReaderStreamId: reader.id,
      ...(fileInfo ? { FileInfo: wireFileInfo(dst, fileInfo) } : {}),
    };
    try {
      await this.#call('Upload', args, `upload to ${dst}`, signal);
      await this.#streaming(reader.done, `upload to ${dst}`, signal);
    } finally {
      streams.destroy();
    }
  }

  async uploadDir(dst: string, src: string, exclude: readonly string[] = [], signal?: AbortSignal): Promise<void> {
    const args = { Dst: dst, Src: absolute(src), Exclude: [...exclude] };
    await this.#call('UploadDir', args, `upload of directory ${src} to ${dst}`, signal);
  }

  async download(src: string, output: Writable, signal?: AbortSignal): Promise<void> {
    signal?.throwIfAborted();
    const streams = new StreamSet(this.#plugin);
    const writer = streams.serve((stream) => copyOut(stream, output));
    try {
      await this.#call('Download', { Path: src, WriterStreamId: writer.id }, `download of ${src}`, signal);
      // The reply can overtake the data: the download is complete once the stream has ended.
      await this.#streaming(writer.done, `download of ${src}`, signal);
    } finally {
      streams.destroy();
    }
  }

  async downloadDir(src: string, dst: string, exclude: readonly string[] = [], signal?: AbortSignal): Promise<void> {
    const args = { Dst: absolute(dst), Src: src, Exclude: [...exclude] };
    await this.#call('DownloadDir', args, `download of directory ${src} to ${dst}`, signal);
  }

  async close(): Promise<void> {
    this.#client.close();
  }

  /** Calls Communicator.METHOD; its failure becomes a CommunicatorError naming the machine and operation. */
  async #call(method: string, args: unknown, what: string, signal: AbortSignal | undefined): Promise<void> {
    try {
      await abortable(this.#plugin.callOn(this.#client, `Communicator.${method}`, args), signal);
    } catch (error) {
      if (signal?.aborted && error === signal.reason) throw error;
      const message = error instanceof RemoteError ? `${what} failed: ${error.message}` : messageOf(error);
      throw new CommunicatorError(this.target, message, { cause: error });
    }
  }

  /** Waits for the copies of an operation; a broken stream (a plugin gone) becomes a CommunicatorError. */
  async #streaming<T>(copies: Promise<T>, what: string, signal: AbortSignal | undefined): Promise<T> {
    try {
      return await abortable(copies, signal);
    } catch (error) {
      if (signal?.aborted && error === signal.reason) throw error;
      throw new CommunicatorError(this.target, `${what} failed: ${messageOf(error)}`, { cause: error });
    }
  }

  /** CommandFinished{ExitStatus int}, gob-encoded, is all the response stream carries. */
  #exitStatus(bytes: Buffer, command: string): number {
    const problem = `command "${command}" ended without an exit status`;
    if (bytes.length === 0) throw new CommunicatorError(this.target, `${problem}: the plugin closed its stream`);
    let finished;
    try {
      finished = decodeGob(bytes)[0];
    } catch (error) {
      throw new CommunicatorError(this.target, `${problem}: ${messageOf(error)}`, { cause: error });
    }
    const status = isGobStruct(finished) ? (finished['ExitStatus'] ?? 0) : undefined;
    if (typeof status !== 'number') throw new CommunicatorError(this.target, `${problem}: unexpected response`);
    return status;
  }
}

/**
 * The broker streams of one operation: ids allocated here, each accepted
 * (within the broker's 5 s, as Go's serveSingleCopy) and handed to its copier.
 * destroy() ends whatever is still open, so a failed or cancelled operation
 * leaves no copy waiting on the plugin.
 */
class StreamSet {
  readonly #plugin: PluginProcess;
  readonly #open: YamuxStream[] = [];
  #destroyed = false;

  constructor(plugin: PluginProcess) {
    this.#plugin = plugin;
  }

  serve<T>(copy: (stream: YamuxStream) => Promise<T> | T): { id: number; done: Promise<T> } {
    const id = this.#plugin.broker.nextId();
    const done = this.#plugin.broker.accept(id).then((stream) => {
      if (this.#destroyed) {
        stream.destroy();
        throw new Error('operation ended');
      }
      this.#open.push(stream);
      return copy(stream);
    });
    // Awaited later, or never when the call fails first.
    done.catch(noop);
    return { id, done };
  }

  destroy(): void {
    this.#destroyed = true;
    for (const stream of this.#open) if (!stream.destroyed) stream.destroy();
  }
}

/** Sends `input` as the command's stdin, or closes stdin at once; the caller keeps owning `input` (a destroyed stream unpipes it). */
function feed(stream: YamuxStream, input: Readable | undefined): YamuxStream {
  if (input === undefined) stream.end();
  else input.pipe(stream);
  return stream;
}

/** Copies a stream's bytes into `output` (never ending it), or drains them when there is none. */
async function copyOut(stream: Readable, output: Writable | undefined): Promise<void> {
  for await (const chunk of stream) {
    if (output !== undefined && !output.write(chunk)) await once(output, 'drain');
  }
}

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/**
 * The FileInfo Packer sends (rpc.NewFileInfo): name, size and Go FileMode.
 * Kiln's upload knows no source name or modification time: the name is the
 * destination's (the plugin names the file after it anyway) and a zero time
 * reads as "now" on the plugin's side (fileInfo.ModTime).
 */
function wireFileInfo(dst: string, info: UploadFileInfo): { N: string; S: number; M: number } {
  return { N: path.posix.basename(dst), S: info.size, M: goFileMode(info.mode) };
}

/** Unix permission bits as Go's os.FileMode: setuid, setgid and sticky move to their own bits. */
function goFileMode(mode: number): number {
  let goMode = mode & 0o777;
  if (mode & 0o4000) goMode |= 1 << 23;
  if (mode & 0o2000) goMode |= 1 << 22;
  if (mode & 0o1000) goMode |= 1 << 20;
  return goMode >>> 0;
}

/** Local paths go to the plugin as absolute ones (its working directory may differ), keeping a trailing slash. */
function absolute(local: string): string {
  const resolved = path.resolve(local);
  return local.endsWith('/') && !resolved.endsWith('/') ? `${resolved}/` : resolved;
}

/** `promise`, or the signal's reason once it aborts; a later rejection of `promise` is dropped. */
function abortable<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (signal === undefined) return promise;
  promise.catch(noop);
  if (signal.aborted) return Promise.reject(signal.reason as Error);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason as Error);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error as Error);
      },
    );
  });
}

function noop(): void {}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
