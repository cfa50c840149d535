import { resolve } from 'node:path';
import type { Duplex } from 'node:stream';
import type { Communicator, RemoteCommand, UploadFileInfo } from '../../../communicator/communicator.js';
import type { MuxBroker } from '../broker.js';
import { isRecord } from '../rpc/codec.js';
import type { RpcHandler, RpcResolver } from '../rpc/server.js';
import { asText, asTextList } from '../wire.js';
import { encodeCommandFinished } from './command-finished.js';

/*
 * Kiln's communicator served to a plugin as Packer's "Communicator" service
 * (sdk rpc/communicator.go CommunicatorServer). Data never travels in the RPC
 * messages: the plugin accepts a broker stream for each of a command's stdin,
 * stdout, stderr and exit status and for a file's bytes, and Kiln dials them,
 * so transfers stream with yamux's flow control. Directories are named by path
 * and moved by the communicator itself.
 */

/** The Communicator service; `idle()` settles once no operation the plugin started is running. */
export type CommunicatorService = RpcResolver & { readonly idle: () => Promise<void> };

/**
 * Aborting `signal` kills the plugin's remote commands and stops its transfers.
 * The plugin names local directories relative to its working directory, `cwd`
 * (Kiln's, as Packer's plugins share Packer's).
 */
export function communicatorService(
  communicator: Communicator,
  broker: Pick<MuxBroker, 'dial'>,
  signal?: AbortSignal,
  cwd = process.cwd(),
): CommunicatorService {
  const running = new Set<Promise<unknown>>();
  const track = <T>(operation: Promise<T>): Promise<T> => {
    running.add(operation);
    const forget = () => void running.delete(operation);
    operation.then(forget, forget);
    return operation;
  };
  const handler =
    (run: (args: Record<string, unknown>) => Promise<void>): RpcHandler =>
    async (args) => {
      if (!isRecord(args)) throw new Error('Communicator: malformed arguments');
      await track(run(args));
      return null;
    };
  const methods = new Map<string, RpcHandler>([
    ['Communicator.Start', handler((args) => start(communicator, broker, args, track, signal))],
    [
      'Communicator.Upload',
      handler(async (args) => {
        const input = await broker.dial(streamId(args.ReaderStreamId));
        try {
          await communicator.upload(asText(args.Path), input, fileInfo(args.FileInfo), signal);
        } finally {
          input.destroy(); // Go's Close: a FIN, and whatever the plugin still sends is dropped
        }
      }),
    ],
    [
      'Communicator.UploadDir',
      handler((args) =>
        communicator.uploadDir(asText(args.Dst), localPath(cwd, asText(args.Src)), asTextList(args.Exclude), signal),
      ),
    ],
    [
      'Communicator.Download',
      handler(async (args) => {
        const output = await broker.dial(streamId(args.WriterStreamId));
        try {
          await communicator.download(asText(args.Path), output, signal);
        } finally {
          // The plugin's Download returns once it has read to the end of the stream.
          output.end();
        }
      }),
    ],
    [
      'Communicator.DownloadDir',
      handler((args) =>
        communicator.downloadDir(asText(args.Src), localPath(cwd, asText(args.Dst)), asTextList(args.Exclude), signal),
      ),
    ],
  ]);
  const lookup: RpcResolver = (serviceMethod) => methods.get(serviceMethod);
  return Object.assign(lookup, { idle: async () => void (await Promise.allSettled([...running])) });
}

/**
 * Dials the command's streams and starts it; the call returns while it runs,
 * as Go's returns once the command has started. Its exit status goes back on
 * the response stream as a gob CommandFinished, then every stream closes.
 */
async function start(
  communicator: Communicator,
  broker: Pick<MuxBroker, 'dial'>,
  args: Record<string, unknown>,
  track: (operation: Promise<unknown>) => unknown,
  signal: AbortSignal | undefined,
): Promise<void> {
  const dialled: Duplex[] = [];
  const dial = async (id: unknown) => {
    if (streamId(id) === 0) return undefined;
    const stream = await broker.dial(streamId(id));
    dialled.push(stream);
    return stream;
  };
  let response: Duplex;
  let io: { stdin: Duplex | undefined; stdout: Duplex | undefined; stderr: Duplex | undefined };
  try {
    io = {
      stdin: await dial(args.StdinStreamId),
      stdout: await dial(args.StdoutStreamId),
      stderr: await dial(args.StderrStreamId),
    };
    response = await broker.dial(streamId(args.ResponseStreamId));
  } catch (error) {
    for (const stream of dialled) stream.destroy();
    throw error;
  }
  const command: RemoteCommand = { command: asText(args.Command), ...io };
  track(
    communicator
      .start(command, signal)
      .then(
        (result) => response.end(encodeCommandFinished(result.exitStatus)),
        (error: unknown) => {
          // Kiln's start reports a command that could not be started only now. The
          // user learns why on its stderr; the plugin, finding no CommandFinished,
          // takes exit status 123 as the SDK does for an unreported end.
          if (!signal?.aborted) io.stderr?.write(`${error instanceof Error ? error.message : String(error)}\n`);
          response.end();
        },
      )
      .finally(() => {
        io.stdin?.destroy();
        io.stdout?.end();
        io.stderr?.end();
      }),
  );
}

/** A local path against the working directory, keeping the trailing slash Packer's directory rules read. */
function localPath(cwd: string, path: string): string {
  const resolved = resolve(cwd, path);
  return path.endsWith('/') && !resolved.endsWith('/') ? `${resolved}/` : resolved;
}

function streamId(value: unknown): number {
  return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : 0;
}

/** The SDK's fileInfo {N, S, M, T}: its permission bits and size (os.FileMode.Perm()). */
function fileInfo(value: unknown): UploadFileInfo | undefined {
  if (!isRecord(value)) return undefined;
  const mode = typeof value.M === 'number' ? value.M : 0;
  const size = typeof value.S === 'number' ? value.S : Number(value.S ?? 0);
  return { mode: mode & 0o777, size };
}
