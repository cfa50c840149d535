import type { Readable, Writable } from 'node:stream';
import {
  CMD_DISCONNECT,
  CommunicatorError,
  type CommandResult,
  type Communicator,
  type RemoteCommand,
  type UploadFileInfo,
} from '../communicator.js';
import { messageOf } from '../waiter.js';
import type { SshConfig } from './config.js';
import { connectSsh, type SshConnection } from './connect.js';
import { openExec } from './exec.js';
import { scpDownload, scpDownloadDir, scpUpload, scpUploadDir } from './scp.js';
import { sftpDownload, sftpDownloadDir, sftpUpload, sftpUploadDir, withSftp } from './sftp.js';
import { remoteHasTar, tarUploadDir } from './tar.js';

export interface SshCommunicatorOptions {
  /** Send directories as one tar stream when the remote has tar (default); false always copies file by file. */
  tarDirectories?: boolean;
}

class AbortError extends Error {
  override readonly name = 'AbortError';
  constructor(message: string, reason: unknown) {
    super(message, { cause: reason });
  }
}

/** Packer's SSH communicator over ssh2: commands on exec channels, files over scp (default) or sftp. */
export class SshCommunicator implements Communicator {
  private hasTar: boolean | undefined;

  private constructor(
    private readonly conn: SshConnection,
    private readonly config: SshConfig,
    private readonly options: SshCommunicatorOptions,
  ) {}

  /** Connects, retrying until ssh_timeout or the signal; see connectSsh. */
  static async connect(config: SshConfig, signal?: AbortSignal, options: SshCommunicatorOptions = {}) {
    const method = config.ssh_file_transfer_method ?? 'scp';
    if (method !== 'scp' && method !== 'sftp') {
      throw new CommunicatorError(config.ssh_host, `ssh_file_transfer_method must be "scp" or "sftp", got "${method}"`);
    }
    return new SshCommunicator(await connectSsh(config, signal), config, options);
  }

  get target(): string {
    return this.conn.target;
  }

  private get sftp(): boolean {
    return this.config.ssh_file_transfer_method === 'sftp';
  }

  async start(cmd: RemoteCommand, signal?: AbortSignal): Promise<CommandResult> {
    signal?.throwIfAborted();
    const { channel, exit } = await this.guard(`start "${cmd.command}"`, () =>
      openExec(this.conn, cmd.command, this.config.ssh_pty),
    );
    // On abort, ask for the command to be killed and stop waiting for it: sshd may not end it at once.
    let onAbort = () => undefined as void;
    const aborted = new Promise<never>((_resolve, reject) => {
      onAbort = () => {
        channel.signal('KILL');
        channel.close();
        reject(new AbortError(`Cancelled "${cmd.command}" on ${this.conn.target}`, signal?.reason));
      };
    });
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      if (cmd.stdout) channel.pipe(cmd.stdout, { end: false });
      else channel.resume();
      if (cmd.stderr) channel.stderr.pipe(cmd.stderr, { end: false });
      else channel.stderr.resume();
      if (cmd.stdin) cmd.stdin.pipe(channel);
      else channel.end();
      const result = await Promise.race([exit, aborted]);
      if (result.signal) return { exitStatus: -1, signal: result.signal };
      return { exitStatus: result.code ?? CMD_DISCONNECT };
    } finally {
      signal?.removeEventListener('abort', onAbort);
      if (cmd.stdin) cmd.stdin.unpipe(channel);
    }
  }

  upload(path: string, input: Readable, fileInfo?: UploadFileInfo, signal?: AbortSignal): Promise<void> {
    return this.guard(`upload to ${path}`, () =>
      this.sftp
        ? withSftp(this.conn, (sftp) => sftpUpload(sftp, path, input, fileInfo))
        : scpUpload(this.conn, path, input, fileInfo, signal),
    );
  }

  uploadDir(dst: string, src: string, exclude: readonly string[] = [], signal?: AbortSignal): Promise<void> {
    return this.guard(`upload of directory ${src} to ${dst}`, async () => {
      if (this.options.tarDirectories !== false) {
        this.hasTar ??= await remoteHasTar(this.conn);
        if (this.hasTar) return tarUploadDir(this.conn, dst, src, exclude, signal);
      }
      return this.sftp
        ? withSftp(this.conn, (sftp) => sftpUploadDir(sftp, dst, src, exclude))
        : scpUploadDir(this.conn, dst, src, exclude, signal);
    });
  }

  download(path: string, output: Writable, signal?: AbortSignal): Promise<void> {
    return this.guard(`download of ${path}`, () =>
      this.sftp
        ? withSftp(this.conn, (sftp) => sftpDownload(sftp, path, output))
        : scpDownload(this.conn, path, output, signal),
    );
  }

  downloadDir(src: string, dst: string, exclude: readonly string[] = [], signal?: AbortSignal): Promise<void> {
    return this.guard(`download of directory ${src} to ${dst}`, () =>
      this.sftp
        ? withSftp(this.conn, (sftp) => sftpDownloadDir(sftp, src, dst, exclude))
        : scpDownloadDir(this.conn, src, dst, exclude, signal),
    );
  }

  async close(): Promise<void> {
    this.conn.close();
  }

  /** Runs an operation, turning its failure into a CommunicatorError that names the host and the operation. */
  private async guard<T>(what: string, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      if (error instanceof CommunicatorError || (error instanceof Error && error.name === 'AbortError')) throw error;
      throw new CommunicatorError(this.conn.target, `${what} failed: ${messageOf(error)}`, { cause: error });
    }
  }
}
