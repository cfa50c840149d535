import type { Readable, Writable } from 'node:stream';

/** A command to run on the machine (packersdk.RemoteCmd). */
export interface RemoteCommand {
  command: string;
  /** Sent to the command's stdin; stdin is closed at once when absent. */
  stdin?: Readable;
  /** Receive the command's output as it arrives; never ended by the communicator. */
  stdout?: Writable;
  stderr?: Writable;
}

export interface CommandResult {
  /** The command's exit status; -1 when a signal ended it, CMD_DISCONNECT when neither was reported. */
  exitStatus: number;
  /** Name of the signal that ended the command ("SIGKILL", "SIGTERM" ...), if one did. */
  signal?: string;
}

/** packersdk.CmdDisconnect: the command ended without an exit status or signal. */
export const CMD_DISCONNECT = 2300218;

/** What an upload knows about its source (os.FileInfo in Packer): permission bits and byte count. */
export interface UploadFileInfo {
  mode: number;
  size: number;
}

/**
 * How provisioners reach a machine (packersdk.Communicator). Directory paths
 * follow Packer: `uploadDir(dst, "src")` creates dst/src, `uploadDir(dst, "src/")`
 * puts the contents of src into dst. `exclude` lists paths relative to the
 * source directory, slash-separated, to leave out.
 */
export interface Communicator {
  /** Where commands run ("user@host:port", a container ID ...), for messages; absent for "none". */
  readonly target?: string;
  start(cmd: RemoteCommand, signal?: AbortSignal): Promise<CommandResult>;
  upload(path: string, input: Readable, fileInfo?: UploadFileInfo, signal?: AbortSignal): Promise<void>;
  uploadDir(dst: string, src: string, exclude?: readonly string[], signal?: AbortSignal): Promise<void>;
  download(path: string, output: Writable, signal?: AbortSignal): Promise<void>;
  downloadDir(src: string, dst: string, exclude?: readonly string[], signal?: AbortSignal): Promise<void>;
  close(): Promise<void>;
}

/** A failure a user can cause or fix (unreachable host, bad credentials, missing file), naming the host. */
export class CommunicatorError extends Error {
  override readonly name = 'CommunicatorError';
  constructor(
    /** "user@host:port" (or the host alone) the communicator talks to. */
    readonly host: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(`${host}: ${message}`, options);
  }
}
