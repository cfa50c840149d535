import { existsSync, readFileSync } from 'node:fs';
import { startSshd, type Sshd } from '../../__tests__/support/sshd.js';
import { waitFor } from '../../src/communicator/waiter.js';

export interface BenchSshd extends Sshd {
  /**
   * CPU time, in ms, that sshd and the sessions it has reaped (their scp,
   * tar, sftp ...) have used so far; waits for running sessions to end first.
   */
  cpuMs(): Promise<number>;
}

const TICK_MS = 10; // /proc counts CPU time in clock ticks, USER_HZ = 100 on Linux

/**
 * The tests' sshd with an empty HOME for sessions (a developer's ~/.bashrc
 * would add to every remote command, for Kiln and Packer alike) and a CPU
 * meter for sshd and its reaped sessions.
 */
export async function startBenchSshd(host: string): Promise<BenchSshd> {
  const sshd = await startSshd(host, { emptyHome: true });
  const cpuMs = async () => {
    const pid = sshd.pid();
    const ended = {
      what: `sshd sessions on ${host}:${sshd.port} to end`,
      timeoutMs: 10_000,
      initialDelayMs: 5,
      maxDelayMs: 50,
    };
    await waitFor(ended, async () => {
      const children = `/proc/${pid}/task/${pid}/children`;
      if (existsSync(children) && readFileSync(children, 'utf8').trim()) throw new Error('sessions still running');
    });
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name: utime, stime, cutime, cstime are the 12th to 15th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return fields.slice(11, 15).reduce((sum, f) => sum + Number(f), 0) * TICK_MS;
  };
  return { ...sshd, cpuMs };
}
