import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  chmodSync,
  createReadStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough, Readable, Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CommunicatorError } from '../../src/communicator/communicator.js';
import type { SshConfig } from '../../src/communicator/ssh/config.js';
import { SshCommunicator } from '../../src/communicator/ssh/communicator.js';
import { ensurePasswordUser, makeKey, PASSWORD_USER, SSHD, startSshd, type Sshd } from '../support/sshd.js';

const available = existsSync(SSHD) && process.getuid?.() === 0;

function collect(): { stream: Writable; text: () => string } {
  const chunks: Buffer[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      chunks.push(chunk);
      done();
    },
  });
  return { stream, text: () => Buffer.concat(chunks).toString('utf8') };
}

function sha256(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

it('has a real sshd to test against (root, /usr/sbin/sshd from openssh-server)', () => {
  expect(available).toBe(true);
});

describe.runIf(available)('SSH communicator against a real sshd', () => {
  let sshd: Sshd;
  let bastion: Sshd;
  let work: string;
  const comms: SshCommunicator[] = [];

  const config = (overrides: Partial<SshConfig> = {}): SshConfig => ({
    ssh_host: sshd.host,
    ssh_port: sshd.port,
    ssh_username: 'root',
    ssh_private_key_file: sshd.userKeyFile,
    ssh_timeout: 10_000,
    ...overrides,
  });
  const connect = async (overrides: Partial<SshConfig> = {}, tarDirectories = true) => {
    const comm = await SshCommunicator.connect(config(overrides), undefined, { tarDirectories });
    comms.push(comm);
    return comm;
  };

  beforeAll(async () => {
    sshd = await startSshd('127.0.0.2');
    bastion = await startSshd('127.0.0.3');
    work = mkdtempSync(path.join(tmpdir(), 'kiln-ssh-test-'));
    // A source tree with nested directories and distinct modes.
    mkdirSync(path.join(work, 'tree/sub/deeper'), { recursive: true });
    writeFileSync(path.join(work, 'tree/top.txt'), 'top\n');
    writeFileSync(path.join(work, 'tree/sub/run.sh'), '#!/bin/sh\necho hi\n');
    writeFileSync(path.join(work, 'tree/sub/deeper/secret'), 'shh');
    writeFileSync(path.join(work, 'tree/skip.log'), 'excluded');
    chmodSync(path.join(work, 'tree/sub/run.sh'), 0o755);
    chmodSync(path.join(work, 'tree/sub/deeper/secret'), 0o600);
    chmodSync(path.join(work, 'tree/sub/deeper'), 0o700);
  });

  afterAll(async () => {
    for (const comm of comms) await comm.close();
    await sshd?.stop();
    await bastion?.stop();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('runs commands and reports exit status, stdout and stderr', async () => {
    const comm = await connect();
    const table: [string, number, string, string][] = [
      ['echo out; echo err >&2; exit 3', 3, 'out\n', 'err\n'],
      ['true', 0, '', ''],
      ['printf "%s" "$USER"', 0, 'root', ''],
    ];
    for (const [command, exitStatus, stdout, stderr] of table) {
      const out = collect();
      const err = collect();
      const result = await comm.start({ command, stdout: out.stream, stderr: err.stream });
      expect([result.exitStatus, out.text(), err.text()]).toEqual([exitStatus, stdout, stderr]);
    }
  });

  it('passes stdin and reports a signal that ends the command', async () => {
    const comm = await connect();
    const out = collect();
    const result = await comm.start({
      command: 'cat',
      stdin: Readable.from(['line one\n', 'line two\n']),
      stdout: out.stream,
    });
    expect(result).toEqual({ exitStatus: 0 });
    expect(out.text()).toBe('line one\nline two\n');
    expect(await comm.start({ command: 'kill -TERM $$' })).toEqual({ exitStatus: -1, signal: 'SIGTERM' });
  });

  it('stops a running command when the AbortSignal fires', async () => {
    const comm = await connect();
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 200);
    const started = Date.now();
    const error = await comm.start({ command: 'sleep 30' }, controller.signal).catch((e: unknown) => e);
    expect((error as Error).name).toBe('AbortError');
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('logs in with a key from the SSH agent', async () => {
    const sock = path.join(work, 'agent.sock');
    const agent = spawnSync('ssh-agent', ['-a', sock, '-s'], { encoding: 'utf8' });
    const pid = /SSH_AGENT_PID=(\d+)/.exec(agent.stdout)?.[1];
    expect(pid).toBeDefined();
    const saved = process.env['SSH_AUTH_SOCK'];
    try {
      expect(spawnSync('ssh-add', [sshd.userKeyFile], { env: { ...process.env, SSH_AUTH_SOCK: sock } }).status).toBe(0);
      process.env['SSH_AUTH_SOCK'] = sock;
      const comm = await connect({ ssh_private_key_file: undefined, ssh_agent_auth: true });
      const out = collect();
      // Agent forwarding is on unless ssh_disable_agent_forwarding: the remote sees a socket.
      await comm.start({ command: 'test -S "$SSH_AUTH_SOCK" && echo forwarded', stdout: out.stream });
      expect(out.text()).toBe('forwarded\n');
    } finally {
      if (saved === undefined) delete process.env['SSH_AUTH_SOCK'];
      else process.env['SSH_AUTH_SOCK'] = saved;
      process.kill(Number(pid));
    }
  });

  it('asks for a pty when ssh_pty is set', async () => {
    const withPty = await connect({ ssh_pty: true });
    const out = collect();
    expect((await withPty.start({ command: 'tty', stdout: out.stream })).exitStatus).toBe(0);
    expect(out.text()).toMatch(/^\/dev\/pts\/\d+\r?\n$/);
    const without = await connect();
    const out2 = collect();
    expect((await without.start({ command: 'tty', stdout: out2.stream })).exitStatus).toBe(1);
    expect(out2.text()).toBe('not a tty\n');
  });

  it('fails with a clear error naming user and host when the key is wrong', async () => {
    const wrong = makeKey(work, 'wrong_key');
    const error = await SshCommunicator.connect(
      config({ ssh_private_key_file: wrong.privateKeyFile, ssh_handshake_attempts: 2 }),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CommunicatorError);
    expect((error as CommunicatorError).host).toBe(`root@127.0.0.2:${sshd.port}`);
    expect((error as Error).message).toContain(
      `root@127.0.0.2:${sshd.port}: Packer experienced an authentication error`,
    );
    expect((error as Error).message).toContain(`unable to authenticate as "root" on 127.0.0.2:${sshd.port}`);
  });

  describe.each(['scp', 'sftp'])('file transfer over %s', (method) => {
    it('uploads and downloads a file with equal checksums and the source mode', async () => {
      const comm = await connect({ ssh_file_transfer_method: method });
      const local = path.join(work, `${method}-file.bin`);
      writeFileSync(local, Buffer.from(Array.from({ length: 300_000 }, (_, i) => (i * 7) % 251)));
      const remote = path.join(work, `${method}-remote dir`, 'uploaded.bin');
      mkdirSync(path.dirname(remote), { recursive: true });
      await comm.upload(remote, createReadStream(local), { mode: 0o640, size: statSync(local).size });
      expect(sha256(remote)).toBe(sha256(local));
      expect(statSync(remote).mode & 0o777).toBe(0o640);

      const back = path.join(work, `${method}-downloaded.bin`);
      const { createWriteStream } = await import('node:fs');
      const out = createWriteStream(back);
      await comm.download(remote, out);
      await new Promise((resolve) => out.end(resolve));
      expect(sha256(back)).toBe(sha256(local));
    });

    it('uploads a stream of unknown length', async () => {
      const comm = await connect({ ssh_file_transfer_method: method });
      const remote = path.join(work, `${method}-unknown.txt`);
      await comm.upload(remote, Readable.from([Buffer.from('hello '), Buffer.from('world\n')]));
      expect(readFileSync(remote, 'utf8')).toBe('hello world\n');
    });

    it('fails naming the host when the remote file is missing', async () => {
      const comm = await connect({ ssh_file_transfer_method: method });
      const error = await comm.download('/nonexistent/file', new PassThrough()).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(CommunicatorError);
      expect((error as Error).message).toMatch(/^root@127\.0\.0\.2:\d+: download of \/nonexistent\/file failed: /);
    });

    it.each([
      ['tar', true],
      ['per file', false],
    ])('uploads directories with trailing-slash semantics (%s)', async (_how, tar) => {
      const comm = await connect({ ssh_file_transfer_method: method }, tar);
      const base = path.join(work, `up-${method}-${String(tar)}`);
      // Destinations must exist, as in Packer.
      mkdirSync(path.join(base, 'named'), { recursive: true });
      mkdirSync(path.join(base, 'contents'));
      await comm.uploadDir(path.join(base, 'named'), path.join(work, 'tree'), ['skip.log']);
      await comm.uploadDir(path.join(base, 'contents'), `${path.join(work, 'tree')}/`);
      const expectTree = (root: string) => {
        expect(readFileSync(path.join(root, 'top.txt'), 'utf8')).toBe('top\n');
        expect(statSync(path.join(root, 'sub/run.sh')).mode & 0o777).toBe(0o755);
        expect(statSync(path.join(root, 'sub/deeper')).mode & 0o777).toBe(0o700);
        expect(statSync(path.join(root, 'sub/deeper/secret')).mode & 0o777).toBe(0o600);
        expect(readFileSync(path.join(root, 'sub/deeper/secret'), 'utf8')).toBe('shh');
      };
      expectTree(path.join(base, 'named/tree'));
      expect(existsSync(path.join(base, 'named/tree/skip.log'))).toBe(false);
      expectTree(path.join(base, 'contents'));
      expect(existsSync(path.join(base, 'contents/skip.log'))).toBe(true);
      expect(existsSync(path.join(base, 'contents/tree'))).toBe(false);
    });

    it('downloads a directory into dst/<name>', async () => {
      const comm = await connect({ ssh_file_transfer_method: method });
      const dst = path.join(work, `down-${method}`);
      mkdirSync(dst);
      await comm.downloadDir(path.join(work, 'tree'), dst, ['skip.log']);
      expect(readFileSync(path.join(dst, 'tree/sub/deeper/secret'), 'utf8')).toBe('shh');
      expect(statSync(path.join(dst, 'tree/sub/run.sh')).mode & 0o777).toBe(0o755);
      expect(existsSync(path.join(dst, 'tree/skip.log'))).toBe(false);
    });

    it('streams a 64 MiB upload', async () => {
      const comm = await connect({ ssh_file_transfer_method: method });
      const size = 64 * 1024 * 1024;
      const hash = createHash('sha256');
      let sent = 0;
      const source = new Readable({
        read() {
          if (sent >= size) return this.push(null);
          const chunk = Buffer.alloc(1024 * 1024, sent / (1024 * 1024));
          sent += chunk.length;
          hash.update(chunk);
          this.push(chunk);
        },
      });
      const remote = path.join(work, `${method}-big.bin`);
      await comm.upload(remote, source, { mode: 0o644, size });
      expect(statSync(remote).size).toBe(size);
      const remoteHash = createHash('sha256');
      for await (const chunk of createReadStream(remote)) remoteHash.update(chunk as Buffer);
      expect(remoteHash.digest('hex')).toBe(hash.digest('hex'));
      rmSync(remote);
    }, 60_000);
  });

  it('keeps retrying until sshd starts listening', async () => {
    const late = await startSshd('127.0.0.4', { delayMs: 1000 });
    try {
      const started = Date.now();
      const comm = await SshCommunicator.connect({
        ssh_host: late.host,
        ssh_port: late.port,
        ssh_username: 'root',
        ssh_private_key_file: late.userKeyFile,
        ssh_timeout: 15_000,
      });
      expect(Date.now() - started).toBeGreaterThanOrEqual(900);
      expect((await comm.start({ command: 'true' })).exitStatus).toBe(0);
      await comm.close();
    } finally {
      await late.stop();
    }
  });

  it('gives up at ssh_timeout saying what it waited for and why', async () => {
    const error = await SshCommunicator.connect(config({ ssh_host: '127.0.0.5', ssh_port: 9, ssh_timeout: 700 })).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(CommunicatorError);
    expect((error as Error).message).toMatch(
      /^root@127\.0\.0\.5:9: Timeout waiting for SSH on root@127\.0\.0\.5:9 after 0\.\ds \(\d+ attempts\); last attempt failed: connect ECONNREFUSED 127\.0\.0\.5:9$/,
    );
  });

  it('stops connecting when the AbortSignal fires', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 300);
    const started = Date.now();
    const error = await SshCommunicator.connect(
      config({ ssh_host: '127.0.0.6', ssh_port: 9, ssh_timeout: 60_000 }),
      controller.signal,
    ).catch((e: unknown) => e);
    expect((error as Error).name).toBe('AbortError');
    expect((error as Error).message).toBe('Cancelled while waiting for SSH on root@127.0.0.6:9');
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('connects through a bastion host', async () => {
    const through = {
      ssh_bastion_host: bastion.host,
      ssh_bastion_port: bastion.port,
      ssh_bastion_username: 'root',
      ssh_bastion_private_key_file: bastion.userKeyFile,
    };
    const comm = await connect(through);
    const out = collect();
    const result = await comm.start({ command: 'echo "$SSH_CONNECTION"', stdout: out.stream });
    expect(result.exitStatus).toBe(0);
    expect(out.text().split(' ').slice(2)).toEqual([sshd.host, `${sshd.port}\n`]);

    // The bastion's key differs from the target's: reaching the target proves the hop went through it.
    const error = await SshCommunicator.connect(config({ ...through, ssh_bastion_port: 9, ssh_timeout: 500 })).catch(
      (e: unknown) => e,
    );
    expect((error as Error).message).toContain(
      `Timeout waiting for SSH on root@127.0.0.2:${sshd.port} through root@127.0.0.3:9 after`,
    );
  });
});

describe.runIf(available)('SSH password login against a real sshd', () => {
  let sshd: Sshd;
  beforeAll(async () => {
    ensurePasswordUser();
    sshd = await startSshd('127.0.0.7', { passwordAuth: true });
  });
  afterAll(async () => {
    await sshd?.stop();
  });

  const config = (password: string): SshConfig => ({
    ssh_host: sshd.host,
    ssh_port: sshd.port,
    ssh_username: PASSWORD_USER.name,
    ssh_password: password,
    ssh_timeout: 5_000,
    ssh_handshake_attempts: 1,
  });

  it('logs in with ssh_password and runs as that user', async () => {
    const comm = await SshCommunicator.connect(config(PASSWORD_USER.password));
    const out = collect();
    const result = await comm.start({ command: 'id -un', stdout: out.stream });
    await comm.close();
    expect(result.exitStatus).toBe(0);
    expect(out.text()).toBe(`${PASSWORD_USER.name}\n`);
  });

  it('refuses a wrong password, naming user and host', async () => {
    const error = await SshCommunicator.connect(config('wrong')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CommunicatorError);
    expect((error as Error).message).toContain(`${PASSWORD_USER.name}@${sshd.host}:${sshd.port}`);
    expect((error as Error).message).toMatch(/authentication|All configured authentication methods failed/i);
  });
});
