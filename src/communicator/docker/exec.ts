import { randomUUID } from 'node:crypto';
import type { Duplex, Readable, Writable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import type Docker from 'dockerode';
import { copyStream, demuxStream } from './demux.js';

/*
 * One command in a running container over the Engine's exec endpoints: create,
 * start (hijacked connection: stdin up, output down), then inspect for the
 * exit code. The exec API has no kill, so every exec carries a marker in its
 * environment and an abort kills, from a second exec, each process (and so
 * each child) that has it.
 */

export interface ExecOptions {
  readonly cmd: readonly string[];
  readonly user?: string;
  readonly tty?: boolean;
  readonly stdin?: Readable;
  readonly stdout?: Writable;
  readonly stderr?: Writable;
}

const MARKER = 'KILN_EXEC_ID';

export class ExecAbortError extends Error {
  override readonly name = 'AbortError';
}

/** Runs the command and resolves its exit code; rejects with an AbortError once the signal aborts. */
export async function runExec(container: Docker.Container, options: ExecOptions, signal?: AbortSignal) {
  signal?.throwIfAborted();
  const marker = randomUUID();
  const exec = await container.exec({
    Cmd: [...options.cmd],
    AttachStdin: options.stdin !== undefined,
    AttachStdout: true,
    AttachStderr: true,
    Tty: options.tty ?? false,
    Env: [`${MARKER}=${marker}`],
    ...(options.user ? { User: options.user } : {}),
  });
  const socket = (await exec.start({ hijack: true, stdin: true, Tty: options.tty ?? false })) as Duplex;
  let onAbort = () => undefined as void;
  const aborted = new Promise<never>((_resolve, reject) => {
    onAbort = () => {
      socket.destroy();
      void killMarked(container, marker);
      reject(new ExecAbortError(`Cancelled "${options.cmd.join(' ')}"`, { cause: signal?.reason }));
    };
  });
  aborted.catch(() => undefined);
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    // Ending the write side (when stdin ends) closes the command's stdin; its output keeps coming.
    if (options.stdin) options.stdin.pipe(socket);
    else socket.end();
    const output = options.tty
      ? copyStream(socket, options.stdout)
      : demuxStream(socket, options.stdout, options.stderr);
    await Promise.race([output, aborted]);
    return await Promise.race([exitCode(exec), aborted]);
  } finally {
    signal?.removeEventListener('abort', onAbort);
    if (options.stdin) options.stdin.unpipe(socket);
  }
}

/** The exec's exit code; the output can end a moment before the engine records the exit. */
async function exitCode(exec: Docker.Exec): Promise<number> {
  for (let delay = 5; ; delay = Math.min(delay * 2, 200)) {
    const info = await exec.inspect();
    if (!info.Running && info.ExitCode !== null) return info.ExitCode;
    await sleep(delay);
  }
}

/** Kills every process in the container whose environment carries the marker; best effort. */
async function killMarked(container: Docker.Container, marker: string): Promise<void> {
  const script =
    'for p in /proc/[0-9]*; do grep -qsaF "$1" "$p/environ" && kill -9 "${p#/proc/}" 2>/dev/null; done; true';
  try {
    const exec = await container.exec({ Cmd: ['/bin/sh', '-c', script, 'sh', `${MARKER}=${marker}`], User: 'root' });
    const stream = (await exec.start({ hijack: true, stdin: false })) as Duplex;
    stream.resume();
    stream.end();
  } catch {
    // The container may be gone already; the builder removes it anyway.
  }
}
