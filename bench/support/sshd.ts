import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { makeKey, SSHD, type Sshd } from '../../__tests__/support/sshd.js';
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
 * The tests' sshd (__tests__/support/sshd.ts) with one change: sessions get
 * an empty HOME. bash run by sshd reads ~/.bashrc, and a developer's (root's
 * here starts pyenv) can add a few hundred milliseconds to every remote
 * command, for Kiln and Packer alike, drowning what the tools themselves cost.
 */
export async function startBenchSshd(host: string): Promise<BenchSshd> {
  const dir = mkdtempSync(path.join(tmpdir(), 'kiln-bench-sshd-'));
  const home = path.join(dir, 'home');
  mkdirSync(home);
  mkdirSync('/run/sshd', { recursive: true, mode: 0o755 });
  const hostKey = makeKey(dir, 'host_key');
  const user = makeKey(dir, 'user_key');
  writeFileSync(path.join(dir, 'authorized_keys'), `${user.publicKey}\n`, { mode: 0o600 });
  const port = await freePort(host);
  const config = path.join(dir, 'sshd_config');
  writeFileSync(
    config,
    [
      `ListenAddress ${host}`,
      `HostKey ${hostKey.privateKeyFile}`,
      `AuthorizedKeysFile ${path.join(dir, 'authorized_keys')}`,
      'PidFile none',
      'UsePAM no',
      'StrictModes no',
      'PermitRootLogin yes',
      'PasswordAuthentication no',
      'KbdInteractiveAuthentication no',
      'Subsystem sftp internal-sftp',
      `SetEnv HOME=${home}`,
      'LogLevel ERROR',
      '',
    ].join('\n'),
  );
  const child = spawn(SSHD, ['-D', '-e', '-f', config, '-p', String(port)], { stdio: ['ignore', 'ignore', 'pipe'] });
  child.stderr.resume();
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitFor({ what: `sshd on ${host}:${port}`, timeoutMs: 10_000 }, () => probe(host, port));
  } catch (error) {
    await stop();
    throw error;
  }
  const pid = child.pid ?? 0;
  const cpuMs = async () => {
    const ended = {
      what: `sshd sessions on ${host}:${port} to end`,
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
  return { host, port, dir, userKeyFile: user.privateKeyFile, stop, cpuMs };
}

function freePort(host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, host, () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

function probe(host: string, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const sock = net.connect({ host, port }, () => {
      sock.destroy();
      resolve();
    });
    sock.once('error', reject);
  });
}
