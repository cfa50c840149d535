import { spawn, type ChildProcess } from 'node:child_process';
import type { Readable, Writable } from 'node:stream';
import { setTimeout as delay } from 'node:timers/promises';
import type { CommandResult, Communicator, RemoteCommand } from '../../communicator/communicator.js';

/*
 * The SDK's shell-local Communicator: Start runs execute_command (program and
 * arguments, already rendered) on this machine and ignores the command text;
 * the transfers are not supported. Where Go's exec.CommandContext kills only
 * the direct child on cancellation, Kiln starts the command as the leader of
 * its own process group and ends the whole group (SIGTERM, then SIGKILL after
 * a grace period), so nothing a script started outlives the build.
 */

/** How long a cancelled command's process group has to exit after SIGTERM before it gets SIGKILL. */
export const KILL_GRACE_MS = 2000;

const POLL_MS = 25;

/** Windows has no process groups to signal; there the direct child is killed, as Go does. */
const POSIX = process.platform !== 'win32';

export class LocalCommunicator implements Communicator {
  constructor(
    private readonly executeCommand: readonly string[],
    private readonly cwd: string,
  ) {}

  async start(cmd: RemoteCommand, signal?: AbortSignal): Promise<CommandResult> {
    const [file, ...args] = this.executeCommand;
    if (file === undefined) {
      throw new Error('Error launching command via shell-local communicator: No ExecuteCommand provided');
    }
    signal?.throwIfAborted();
    const child = spawn(file, args, {
      cwd: this.cwd,
      detached: POSIX,
      stdio: [cmd.stdin ? 'pipe' : 'ignore', 'pipe', 'pipe'],
    });
    if (cmd.stdin && child.stdin) {
      // The command may exit before reading all of its input.
      child.stdin.on('error', () => undefined);
      cmd.stdin.pipe(child.stdin);
    }
    forward(child.stdout, cmd.stdout);
    forward(child.stderr, cmd.stderr);
    const closed = new Promise<CommandResult>((resolve, reject) => {
      child.once('error', reject);
      child.once('close', (code, killedBy) =>
        resolve(killedBy !== null ? { exitStatus: -1, signal: killedBy } : { exitStatus: code ?? -1 }),
      );
    });
    if (!signal) return closed;

    let onAbort = (): void => undefined;
    const aborted = new Promise<'aborted'>((resolve) => {
      onAbort = () => resolve('aborted');
      signal.addEventListener('abort', onAbort, { once: true });
    });
    const outcome = await Promise.race([closed, aborted]).finally(() => signal.removeEventListener('abort', onAbort));
    if (outcome !== 'aborted') return outcome;
    closed.catch(() => undefined);
    await terminate(child);
    // A process outside the group may still hold the pipes; stop reading them.
    child.stdout?.destroy();
    child.stderr?.destroy();
    throw new Error('context canceled');
  }

  upload(): Promise<void> {
    return Promise.reject(new Error('upload not supported'));
  }

  uploadDir(): Promise<void> {
    return Promise.reject(new Error('uploadDir not supported'));
  }

  download(): Promise<void> {
    return Promise.reject(new Error('download not supported'));
  }

  downloadDir(): Promise<void> {
    return Promise.reject(new Error('downloadDir not supported'));
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}

function forward(from: Readable | null, to: Writable | undefined): void {
  if (!from) return;
  if (to) from.pipe(to, { end: false });
  else from.resume();
}

/**
 * SIGTERM to the command's process group, then SIGKILL to whatever of it is
 * left after the grace period. Orphans' zombies stay members until init reaps
 * them, so a slow init makes this wait out the grace period.
 */
async function terminate(child: ChildProcess): Promise<void> {
  const pid = child.pid;
  if (pid === undefined) return;
  if (!POSIX) {
    child.kill();
    return;
  }
  signalGroup(pid, 'SIGTERM');
  for (let waited = 0; waited < KILL_GRACE_MS && signalGroup(pid, 0); waited += POLL_MS) await delay(POLL_MS);
  // No waiting after SIGKILL: zombies are never reaped when Kiln itself is PID 1.
  signalGroup(pid, 'SIGKILL');
}

/** Signals every process of the group led by `pid`; false once the group has no process left. */
function signalGroup(pid: number, signal: NodeJS.Signals | 0): boolean {
  try {
    process.kill(-pid, signal);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // EPERM: what is left runs as another user (a setuid program such as sudo).
    if (code === 'ESRCH' || code === 'EPERM') return code === 'EPERM';
    throw error;
  }
}
