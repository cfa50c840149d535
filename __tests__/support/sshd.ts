import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { waitFor } from '../../src/communicator/waiter.js';

export const SSHD = '/usr/sbin/sshd';

/** A throwaway key pair (ed25519 unless type says otherwise): the private key file and the public key line. */
export function makeKey(
  dir: string,
  name: string,
  type: 'ed25519' | 'rsa' | 'ecdsa' = 'ed25519',
): { privateKeyFile: string; publicKey: string } {
  const privateKeyFile = path.join(dir, name);
  const run = spawnSync('ssh-keygen', ['-q', '-t', type, '-N', '', '-C', name, '-f', privateKeyFile]);
  if (run.status !== 0) throw new Error(`ssh-keygen failed: ${run.stderr.toString()}`);
  return { privateKeyFile, publicKey: readFileSync(`${privateKeyFile}.pub`, 'utf8').trim() };
}

export interface Sshd {
  host: string;
  port: number;
  dir: string;
  /** Private key of a key sshd accepts for root. */
  userKeyFile: string;
  /** The sshd listener's process ID (0 until it is spawned). */
  pid(): number;
  stop(): Promise<void>;
}

/** A free TCP port on host (the listener is closed again before sshd binds it). */
async function freePort(host: string): Promise<number> {
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

/**
 * Signs publicKeyFile (a .pub) with the CA's private key as `ssh-keygen -s`
 * does; returns the certificate file, publicKeyFile with -cert.pub.
 * validity is ssh-keygen's -V (e.g. "+1h", "20200101:20200102").
 */
export function signUserKey(
  caKeyFile: string,
  publicKeyFile: string,
  options: { principals: string[]; validity?: string; identity?: string },
): string {
  const args = ['-q', '-s', caKeyFile, '-I', options.identity ?? 'kiln-test', '-n', options.principals.join(',')];
  const run = spawnSync('ssh-keygen', [...args, '-V', options.validity ?? '+1h', publicKeyFile]);
  if (run.status !== 0) throw new Error(`ssh-keygen -s failed: ${run.stderr.toString()}`);
  return publicKeyFile.replace(/\.pub$/, '-cert.pub');
}

export interface SshdOptions {
  delayMs?: number;
  passwordAuth?: boolean;
  /** CA public key lines; sshd then accepts user certificates they signed (TrustedUserCAKeys). */
  trustedUserCAKeys?: string[];
  /**
   * Sessions get an empty HOME: bash run by sshd reads ~/.bashrc, and a
   * developer's can add hundreds of milliseconds to every remote command.
   */
  emptyHome?: boolean;
}

/**
 * Starts `sshd -D -e` on host (its own 127.0.0.N) with a fresh host key and
 * one authorized user key for root, in a temp dir removed by stop(). With
 * delayMs, sshd is spawned that much later and the function returns at once.
 */
export async function startSshd(host: string, options: SshdOptions = {}): Promise<Sshd> {
  const dir = mkdtempSync(path.join(tmpdir(), 'kiln-sshd-'));
  const port = await freePort(host);
  mkdirSync('/run/sshd', { recursive: true, mode: 0o755 });
  const hostKey = makeKey(dir, 'host_key');
  const user = makeKey(dir, 'user_key');
  writeFileSync(path.join(dir, 'authorized_keys'), `${user.publicKey}\n`, { mode: 0o600 });
  const home = path.join(dir, 'home');
  if (options.emptyHome) mkdirSync(home);
  const trustedCAs = path.join(dir, 'trusted_user_ca_keys');
  if (options.trustedUserCAKeys) writeFileSync(trustedCAs, options.trustedUserCAKeys.map((k) => `${k}\n`).join(''));
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
      `PasswordAuthentication ${options.passwordAuth ? 'yes' : 'no'}`,
      'KbdInteractiveAuthentication no',
      'AllowTcpForwarding yes',
      'AllowAgentForwarding yes',
      'Subsystem sftp internal-sftp',
      ...(options.trustedUserCAKeys ? [`TrustedUserCAKeys ${trustedCAs}`] : []),
      ...(options.emptyHome ? [`SetEnv HOME=${home}`] : []),
      'LogLevel ERROR',
      '',
    ].join('\n'),
  );
  let child: ChildProcess | undefined;
  const spawnIt = () => {
    child = spawn(SSHD, ['-D', '-e', '-f', config, '-p', String(port)], { stdio: ['ignore', 'ignore', 'pipe'] });
    child.stderr?.resume();
  };
  const timer = setTimeout(spawnIt, options.delayMs ?? 0);
  if (!options.delayMs) {
    await waitFor({ what: `sshd on ${host}:${port}`, timeoutMs: 10_000 }, () => probe(host, port));
  }
  return {
    host,
    port,
    dir,
    userKeyFile: user.privateKeyFile,
    pid: () => child?.pid ?? 0,
    stop: async () => {
      clearTimeout(timer);
      // A child ended by a signal has a signalCode and no exitCode.
      if (child && child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((resolve) => child?.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
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

/** A local user that logs in with a password only (root's tests need one; sshd checks /etc/shadow). */
export const PASSWORD_USER = { name: 'kilnpw', password: 'kiln-Pw-0d7e' } as const;

/** Creates PASSWORD_USER once per machine (tests run as root). */
export function ensurePasswordUser(): void {
  const { name, password } = PASSWORD_USER;
  if (spawnSync('id', [name]).status !== 0) {
    const add = spawnSync('useradd', ['--create-home', '--shell', '/bin/sh', name]);
    if (add.status !== 0) throw new Error(`useradd failed: ${add.stderr.toString()}`);
  }
  const set = spawnSync('chpasswd', [], { input: `${name}:${password}\n` });
  if (set.status !== 0) throw new Error(`chpasswd failed: ${set.stderr.toString()}`);
}
