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
import { sftpDownload, sftpUpload, sftpUploadDir, withSftp } from './sftp.js';
import { probeRemoteTar, tarFits, tarUploadDir, type RemoteTar } from './tar.js';

export interface SshCommunicatorOptions {
  /**
   * Send a directory as one tar stream when the remote has GNU tar and the
   * result is the same (see tarFits; default); false always copies file by file.
   */
  tarDirectories?: boolean;
}

/** How long a cancelled command's kill may take before the cancellation is reported anyway. */
const KILL_TIMEOUT_MS = 3000;

/**
 * sshd ignores signal requests on root logins (they run without privilege
 * separation) and leaves a command without a pty running when its channel
 * closes. So a second session on the same connection kills the process group
 * of every other command the connection's sshd process runs (each is a
 * session leader). Matching the cancelled command by its argv is not reliable:
 * the login shell may exec it in place. Best effort: failures are not reported.
 */
async function killCommand(conn: SshConnection): Promise<void> {
  const script = [
    'for d in /proc/[0-9]*; do',
    '  p=${d#/proc/}',
    `  [ "$p" != "$$" ] && [ "$(sed -n 's/^PPid:[[:space:]]*//p' "$d/status" 2>/dev/null)" = "$PPID" ] &&`,
    '    kill -KILL -- "-$p" 2>/dev/null',
    'done',
    'true',
  ].join('\n');
  const timeout = new Promise<void>((resolve) => setTimeout(resolve, KILL_TIMEOUT_MS).unref());
  const kill = (async () => {
    const { channel, exit } = await openExec(conn, script);
    channel.resume();
    channel.stderr.resume();
    channel.end();
    await exit;
  })();
  await Promise.race([kill.catch(() => undefined), timeout]);
}

class AbortError extends Error {
  override readonly name = 'AbortError';
  constructor(message: string, reason: unknown) {
    super(message, { cause: reason });
  }
}

/**
 * Packer's SSH communicator over ssh2: commands on exec channels, files over
 * scp (default) or sftp. Like Packer's, it connects again (one attempt) when a
 * session cannot be opened because the connection died, e.g. across a reboot.
 */
export class SshCommunicator implements Communicator {
  /** The remote's GNU tar once probed; false when it has none. */
  private remoteTar: RemoteTar | false | undefined;
  private reconnecting: Promise<void> | undefined;

  private constructor(
    private conn: SshConnection,
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
    const { conn, channel, exit } = await this.guard(`start "${cmd.command}"`, () =>
      this.openSession(async (conn) => ({ conn, ...(await openExec(conn, cmd.command, this.config.ssh_pty)) }), signal),
    );
    // On abort, have the command killed and stop waiting for it to end.
    let onAbort = () => undefined as void;
    const aborted = new Promise<never>((_resolve, reject) => {
      onAbort = () => {
        channel.signal('KILL');
        channel.close();
        const error = new AbortError(`Cancelled "${cmd.command}" on ${conn.target}`, signal?.reason);
        void killCommand(conn).then(() => reject(error));
      };
    });
    signal?.addEventListener('abort', onAbort, { once: true });
    if (signal?.aborted) onAbort(); // aborted while the session was opening
    try {
      if (cmd.stdout) channel.pipe(cmd.stdout, { end: false });
      else channel.resume();
      if (cmd.stderr) channel.stderr.pipe(cmd.stderr, { end: false });
      else channel.stderr.resume();
      if (cmd.stdin) cmd.stdin.pipe(channel);
      else channel.end();
      const result = await Promise.race([exit, aborted]);
      if (signal?.aborted) await aborted;
      if (result.signal) return { exitStatus: -1, signal: result.signal };
      return { exitStatus: result.code ?? CMD_DISCONNECT };
    } finally {
      signal?.removeEventListener('abort', onAbort);
      if (cmd.stdin) cmd.stdin.unpipe(channel);
    }
  }

  upload(path: string, input: Readable, fileInfo?: UploadFileInfo, signal?: AbortSignal): Promise<void> {
    return this.guard(`upload to ${path}`, async () => {
      const conn = await this.liveConnection(signal);
      return this.sftp
        ? withSftp(conn, (sftp) => sftpUpload(sftp, path, input, fileInfo))
        : scpUpload(conn, path, input, fileInfo, signal);
    });
  }

  uploadDir(dst: string, src: string, exclude: readonly string[] = [], signal?: AbortSignal): Promise<void> {
    return this.guard(`upload of directory ${src} to ${dst}`, async () => {
      const conn = await this.liveConnection(signal);
      if (this.options.tarDirectories !== false) {
        this.remoteTar ??= (await probeRemoteTar(conn)) ?? false;
        const tar = this.remoteTar;
        const method = this.sftp ? 'sftp' : 'scp';
        if (tar && (await tarFits(conn, dst, src, method))) {
          return tarUploadDir(conn, dst, src, exclude, method, tar, signal);
        }
      }
      return this.sftp
        ? withSftp(conn, (sftp) => sftpUploadDir(sftp, dst, src, exclude))
        : scpUploadDir(conn, dst, src, exclude, signal);
    });
  }

  download(path: string, output: Writable, signal?: AbortSignal): Promise<void> {
    return this.guard(`download of ${path}`, async () => {
      const conn = await this.liveConnection(signal);
      return this.sftp
        ? withSftp(conn, (sftp) => sftpDownload(sftp, path, output))
        : scpDownload(conn, path, output, signal);
    });
  }

  /** Always over scp, as Packer's DownloadDir, whatever ssh_file_transfer_method says. */
  downloadDir(src: string, dst: string, exclude: readonly string[] = [], signal?: AbortSignal): Promise<void> {
    return this.guard(`download of directory ${src} to ${dst}`, async () => {
      const conn = await this.liveConnection(signal);
      return scpDownloadDir(conn, src, dst, exclude, signal);
    });
  }

  async close(): Promise<void> {
    this.conn.close();
  }

  /**
   * Packer's newSession: open a session; when that fails, connect again and
   * open it once more. A connection already known dead is replaced first.
   */
  private async openSession<T>(open: (conn: SshConnection) => Promise<T>, signal?: AbortSignal): Promise<T> {
    if (!this.conn.closed) {
      try {
        return await open(this.conn);
      } catch (error) {
        if (signal?.aborted) throw error;
      }
    }
    await this.reconnect(signal);
    return open(this.conn);
  }

  /**
   * The connection file transfers run on: their sessions are opened inside
   * the transfer, after its input is consumed, so a dead connection is
   * replaced before they start rather than on a failed open.
   */
  private async liveConnection(signal?: AbortSignal): Promise<SshConnection> {
    if (this.conn.closed) await this.reconnect(signal);
    return this.conn;
  }

  /** Packer's comm.reconnect: close the old connection and make one new attempt with the same config. */
  private reconnect(signal?: AbortSignal): Promise<void> {
    this.reconnecting ??= (async () => {
      this.conn.close();
      this.conn = await connectSsh(this.config, signal, { once: true });
    })().finally(() => {
      this.reconnecting = undefined;
    });
    return this.reconnecting;
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
