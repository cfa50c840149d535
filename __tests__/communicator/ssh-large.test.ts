import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable, Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SshCommunicator } from '../../src/communicator/ssh/communicator.js';
import { SSHD, startSshd, type Sshd } from '../support/sshd.js';

const available = existsSync(SSHD) && process.getuid?.() === 0;

const GIB = 1024 ** 3;
// An odd chunk size, so chunks never line up with the transfer's own request or packet sizes.
const CHUNK = 1_000_003;

/**
 * 1 GiB made as it is read, and its sha256. Every 4 KiB carries its own
 * offset, so a block written at the wrong place changes the remote digest.
 */
function generated(): { input: Readable; digest: () => string } {
  const base = randomBytes(CHUNK);
  const hash = createHash('sha256');
  function* chunks(): Generator<Buffer> {
    for (let offset = 0; offset < GIB; offset += CHUNK) {
      const chunk = Buffer.from(base.subarray(0, Math.min(CHUNK, GIB - offset)));
      for (let at = 0; at + 8 <= chunk.length; at += 4096) chunk.writeDoubleBE(offset + at, at);
      hash.update(chunk);
      yield chunk;
    }
  }
  return { input: Readable.from(chunks()), digest: () => hash.digest('hex') };
}

it('has a real sshd to test against (root, /usr/sbin/sshd from openssh-server)', () => {
  expect(available).toBe(true);
});

describe.runIf(available)('1 GiB upload through SshCommunicator', () => {
  let sshd: Sshd;
  let work: string;

  beforeAll(async () => {
    sshd = await startSshd('127.0.0.41');
    work = mkdtempSync(path.join(tmpdir(), 'kiln-ssh-large-'));
  });
  afterAll(async () => {
    await sshd?.stop();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it.each(['scp', 'sftp'])(
    'streams 1 GiB from a generator over %s; the remote file has its size, mode and sha256',
    async (method) => {
      const comm = await SshCommunicator.connect({
        ssh_host: sshd.host,
        ssh_port: sshd.port,
        ssh_username: 'root',
        ssh_private_key_file: sshd.userKeyFile,
        ssh_file_transfer_method: method,
        ssh_timeout: 10_000,
      });
      const remote = path.join(work, `large-${method}.bin`);
      try {
        const { input, digest } = generated();
        await comm.upload(remote, input, { mode: 0o640, size: GIB });
        let out = '';
        const stdout = new Writable({
          write(chunk: Buffer, _enc, done) {
            out += chunk.toString('utf8');
            done();
          },
        });
        const result = await comm.start({ command: `stat -c '%s %a' ${remote} && sha256sum ${remote}`, stdout });
        expect(result).toEqual({ exitStatus: 0 });
        expect(out).toBe(`${GIB} 640\n${digest()}  ${remote}\n`);
      } finally {
        await comm.close();
        rmSync(remote, { force: true });
      }
    },
    60_000,
  );
});
