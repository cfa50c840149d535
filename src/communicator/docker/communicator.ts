import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type Docker from 'dockerode';
import { extract, pack } from 'tar-stream';
import {
  CommunicatorError,
  type CommandResult,
  type Communicator,
  type RemoteCommand,
  type UploadFileInfo,
} from '../communicator.js';
import { getArchive, isDirectory, putArchive, statPath } from './archive.js';
import { engineMessage } from './engine.js';
import { runExec } from './exec.js';
import { packDirectory } from './pack-dir.js';
import { unpackInto } from './unpack-dir.js';

/*
 * Packer's docker communicator over the Engine API: commands run as
 * `/bin/sh -c "(command)"` execs; files travel as tar streams through the
 * container's archive endpoint. Uploads are then given to the container's
 * user (fix_upload_owner), as the plugin does.
 */

export interface DockerCommunicatorOptions {
  readonly engine: Docker;
  readonly containerId: string;
  /** exec_user: who runs the commands; empty for the container's user. */
  readonly execUser?: string;
  /** Packer's `Pty` option: allocate a TTY for each command. */
  readonly pty?: boolean;
  /** The container's configured user (Config.User), who receives uploads; root when empty. */
  readonly containerUser?: string;
  /** fix_upload_owner (Packer's default true). */
  readonly fixUploadOwner?: boolean;
  /** Where uploads of unknown size are spooled to learn their size (Packer uses the build's temp dir). */
  readonly spoolDir?: string;
}

export class DockerCommunicator implements Communicator {
  private readonly container: Docker.Container;

  constructor(private readonly options: DockerCommunicatorOptions) {
    this.container = options.engine.getContainer(options.containerId);
  }

  get target(): string {
    return `container ${this.options.containerId.slice(0, 12)}`;
  }

  async start(cmd: RemoteCommand, signal?: AbortSignal): Promise<CommandResult> {
    const exitStatus = await this.guard(`start "${cmd.command}"`, () =>
      runExec(
        this.container,
        {
          cmd: ['/bin/sh', '-c', `(${cmd.command})`],
          tty: this.options.pty ?? false,
          ...(this.options.execUser ? { user: this.options.execUser } : {}),
          ...(cmd.stdin ? { stdin: cmd.stdin } : {}),
          ...(cmd.stdout ? { stdout: cmd.stdout } : {}),
          ...(cmd.stderr ? { stderr: cmd.stderr } : {}),
        },
        signal,
      ),
    );
    return { exitStatus };
  }

  async upload(dst: string, input: Readable, fileInfo?: UploadFileInfo, signal?: AbortSignal): Promise<void> {
    if (!fileInfo) {
      await this.uploadSpooled(dst, input, signal);
      return;
    }
    await this.guard(`upload to ${dst}`, async () => {
      const archive = pack();
      const entry = archive.entry({ name: path.posix.basename(dst), size: fileInfo.size, mode: fileInfo.mode });
      const packing = pipeline(input, entry).then(() => archive.finalize());
      try {
        await Promise.all([this.put(path.posix.dirname(dst), Readable.from(archive), signal), packing]);
      } catch (error) {
        archive.destroy();
        input.destroy();
        throw error;
      }
    });
    await this.fixOwner(dst, signal);
  }

  /**
   * Packer's docker cp rules: an existing directory dst receives src (or, for
   * "src/", its contents); a missing dst is created from src's contents; an
   * existing file cannot be overwritten by a directory.
   */
  async uploadDir(dst: string, src: string, exclude: readonly string[] = [], signal?: AbortSignal): Promise<void> {
    await this.guard(`upload of directory ${src} to ${dst}`, async () => {
      const existing = await statPath(this.container, dst);
      if (existing && !isDirectory(existing)) throw new Error('cannot copy directory');
      const into = existing ? dst : path.posix.dirname(dst);
      const root = existing ? (src.endsWith('/') ? '.' : path.basename(src)) : path.posix.basename(dst);
      const archive = Readable.from(packDirectory(src, root, exclude));
      try {
        await this.put(into, archive, signal);
      } finally {
        archive.destroy();
      }
    });
    await this.fixOwner(dst, signal);
  }

  async download(src: string, output: Writable, signal?: AbortSignal): Promise<void> {
    await this.guard(`download of ${src}`, async () => {
      const archive = await this.get(src, signal);
      const entries = extract();
      const feeding = pipeline(archive, entries);
      try {
        for await (const entry of entries) {
          if (entry.header.type === 'directory') throw new Error(`${src} is a directory`);
          if (entry.header.type === 'symlink') {
            entry.resume();
            const target = path.posix.resolve(path.posix.dirname(src), entry.header.linkname);
            // The archive holds the link itself; follow it as `docker cp` to a stream does not, but cat would.
            return this.download(target, output, signal);
          }
          await pipeline(entry, output, { end: false });
          entry.resume();
          return;
        }
        throw new Error(`the engine sent an empty archive for ${src}`);
      } finally {
        entries.destroy();
        await feeding.catch(() => undefined);
      }
    });
  }

  /** Downloads the container directory src into dst/<basename of src>, as the ssh communicator does. */
  async downloadDir(src: string, dst: string, exclude: readonly string[] = [], signal?: AbortSignal): Promise<void> {
    await this.guard(`download of directory ${src} to ${dst}`, async () => {
      const existing = await statPath(this.container, src);
      if (!existing) throw new Error(`${src}: no such file or directory`);
      if (!isDirectory(existing)) throw new Error(`${src} is not a directory`);
      await unpackInto(await this.get(src.replace(/\/+$/, '') || '/', signal), dst, exclude);
    });
  }

  async close(): Promise<void> {
    // Each call is its own HTTP request; there is no connection to close.
  }

  /** An upload of unknown length goes through a temporary file first, as Packer's does (mode 0600). */
  private async uploadSpooled(dst: string, input: Readable, signal?: AbortSignal): Promise<void> {
    const dir = await mkdtemp(path.join(this.options.spoolDir ?? tmpdir(), 'upload'));
    try {
      const spool = path.join(dir, 'data');
      await pipeline(input, createWriteStream(spool, { mode: 0o600 }));
      const { size } = await stat(spool);
      await this.upload(dst, createReadStream(spool), { mode: 0o600, size }, signal);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  private async put(dir: string, archive: Readable, signal?: AbortSignal): Promise<void> {
    signal?.throwIfAborted();
    await putArchive(this.container, dir, archive, signal);
  }

  private async get(src: string, signal?: AbortSignal): Promise<Readable> {
    signal?.throwIfAborted();
    return getArchive(this.container, src, signal);
  }

  /** fixDestinationOwner: `chown -R` the upload to the container's user, as root. */
  private async fixOwner(dst: string, signal?: AbortSignal): Promise<void> {
    if (this.options.fixUploadOwner === false) return;
    const owner = this.options.containerUser || 'root';
    let output = '';
    const collect = new Writable({
      write(chunk: Buffer, _enc, done) {
        output = (output + chunk.toString('utf8')).slice(-4096);
        done();
      },
    });
    const code = await this.guard(`chown of ${dst}`, () =>
      runExec(
        this.container,
        {
          cmd: ['/bin/sh', '-c', `chown -R ${owner} ${shellQuote(dst)}`],
          user: 'root',
          stdout: collect,
          stderr: collect,
        },
        signal,
      ),
    );
    if (code !== 0) {
      throw new CommunicatorError(
        this.target,
        `Failed to set owner of the uploaded file: exit status ${code}, ${output.trim()}`,
      );
    }
  }

  /** Runs an operation, turning its failure into a CommunicatorError naming the container and the operation. */
  private async guard<T>(what: string, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      if (error instanceof CommunicatorError || (error instanceof Error && error.name === 'AbortError')) throw error;
      throw new CommunicatorError(this.target, `${what} failed: ${engineMessage(error)}`, { cause: error });
    }
  }
}

function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}
