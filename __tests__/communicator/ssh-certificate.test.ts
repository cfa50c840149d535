import { createPublicKey, verify } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import ssh2, { type Client, type ParsedKey } from 'ssh2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBuild } from '../../src/cli/build.js';
import { CommunicatorError } from '../../src/communicator/communicator.js';
import {
  certifyKey,
  enableCertificateLogin,
  parseCertificate,
  type UserCertificate,
} from '../../src/communicator/ssh/certificate.js';
import { SshCommunicator } from '../../src/communicator/ssh/communicator.js';
import type { SshConfig } from '../../src/communicator/ssh/config.js';
import { memoryIO } from '../support/cli.js';
import {
  ensurePasswordUser,
  makeKey,
  PASSWORD_USER,
  signUserKey,
  SSHD,
  startSshd,
  type Sshd,
} from '../support/sshd.js';

const available = existsSync(SSHD) && process.getuid?.() === 0;

let work: string;
let ca: { privateKeyFile: string; publicKey: string };
/** Key pairs with certificates signed by ca, by name. */
const keys: Record<string, { privateKeyFile: string; certFile: string }> = {};

/** A key pair and its certificate; principals root unless said otherwise. */
function certified(name: string, type: 'ed25519' | 'rsa' | 'ecdsa', principals = ['root'], validity = '+1h') {
  const key = makeKey(work, name, type);
  return {
    privateKeyFile: key.privateKeyFile,
    certFile: signUserKey(ca.privateKeyFile, `${key.privateKeyFile}.pub`, { principals, validity, identity: name }),
  };
}

function parsedKey(file: string): ParsedKey {
  const key = ssh2.utils.parseKey(readFileSync(file));
  if (key instanceof Error) throw key;
  return key;
}

function certificate(file: string): UserCertificate {
  return parseCertificate(file, readFileSync(file, 'utf8'));
}

/** An SSH string: uint32 length, then the bytes. */
function str(value: string | Buffer): Buffer {
  const bytes = Buffer.from(value);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(bytes.length);
  return Buffer.concat([length, bytes]);
}

beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), 'kiln-ssh-cert-'));
  ca = makeKey(work, 'ca');
  keys['ed25519'] = certified('ed25519', 'ed25519');
  keys['rsa'] = certified('rsa', 'rsa');
  keys['ecdsa'] = certified('ecdsa', 'ecdsa');
  keys['admin'] = certified('admin', 'ed25519', ['admin', 'ops']);
  keys['expired'] = certified('expired', 'ed25519', ['root'], '20200101:20200102');
  keys['future'] = certified('future', 'ed25519', ['root'], '+1d:+2d');
  keys['bastion'] = certified('bastion', 'ed25519');
  keys['other'] = certified('other', 'ed25519', [PASSWORD_USER.name]);
});
afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

describe('parseCertificate', () => {
  it('reads the type, certified key, key id, principals and validity of an ssh-keygen certificate', () => {
    const cert = certificate(keys['admin']!.certFile);
    expect(parseCertificate('c', `# a comment\n\n${readFileSync(keys['admin']!.certFile, 'utf8')}`)).toEqual({
      ...cert,
      file: 'c',
    });
    const [type, base64] = readFileSync(keys['admin']!.certFile, 'utf8').split(' ');
    expect(cert.type).toBe('ssh-ed25519-cert-v01@openssh.com');
    expect(type).toBe(cert.type);
    expect(cert.keyType).toBe('ssh-ed25519');
    expect(cert.blob).toEqual(Buffer.from(base64!, 'base64'));
    expect(cert.publicKey).toEqual(parsedKey(keys['admin']!.privateKeyFile).getPublicSSH());
    expect(cert.keyId).toBe('admin');
    expect(cert.principals).toEqual(['admin', 'ops']);
    // ssh-keygen -V +1h starts the certificate a minute back.
    const now = BigInt(Math.floor(Date.now() / 1000));
    expect(now - cert.validAfter).toBeGreaterThanOrEqual(59n);
    expect(now - cert.validAfter).toBeLessThan(120n);
    expect(cert.validBefore - now).toBeGreaterThan(3500n);
    expect(cert.validBefore - now).toBeLessThanOrEqual(3600n);
  });

  it.each([
    ['rsa', 'ssh-rsa-cert-v01@openssh.com', 'ssh-rsa'],
    ['ecdsa', 'ecdsa-sha2-nistp256-cert-v01@openssh.com', 'ecdsa-sha2-nistp256'],
  ])('reads a %s certificate and its key', (name, type, keyType) => {
    const cert = certificate(keys[name]!.certFile);
    expect([cert.type, cert.keyType, cert.principals]).toEqual([type, keyType, ['root']]);
    expect(cert.publicKey).toEqual(parsedKey(keys[name]!.privateKeyFile).getPublicSSH());
  });

  it.each([
    ['a public key', () => readFileSync(`${keys['rsa']!.privateKeyFile}.pub`, 'utf8'), 'Error loading certificate'],
    ['comments only', () => '# nothing\n\n', 'unable to parse public key: ssh: no key found'],
    ['an empty file', () => '', 'unable to parse public key: ssh: no key found'],
    [
      'an unknown type',
      () => 'ssh-foo-cert-v01@openssh.com AAAA',
      'unable to parse public key: ssh: unknown key algorithm: ssh-foo-cert-v01@openssh.com',
    ],
    [
      'a truncated certificate',
      () => {
        const [type, base64] = readFileSync(keys['ed25519']!.certFile, 'utf8').split(' ');
        return `${type} ${Buffer.from(base64!, 'base64').subarray(0, 60).toString('base64')}`;
      },
      'unable to parse public key: ssh: short read',
    ],
    [
      'a type other than the blob says',
      () => readFileSync(keys['ed25519']!.certFile, 'utf8').replace(/^ssh-ed25519/, 'ssh-rsa'),
      'unable to parse public key: ssh: key type does not match the file',
    ],
  ])('refuses %s', (_what, text, message) => {
    expect(() => parseCertificate('c', text())).toThrow(new Error(message));
  });
});

describe('certifyKey', () => {
  it.each([
    ['expired', (file: string) => `${file} not a valid cert: ssh: cert has expired`],
    ['future', (file: string) => `${file} not a valid cert: ssh: cert is not yet valid`],
  ])('refuses a certificate that is %s, as Packer checks', (name, message) => {
    const { privateKeyFile, certFile } = keys[name]!;
    expect(() => certifyKey(parsedKey(privateKeyFile), certificate(certFile))).toThrow(new Error(message(certFile)));
  });

  it('refuses a certificate for another key', () => {
    expect(() => certifyKey(parsedKey(keys['rsa']!.privateKeyFile), certificate(keys['ed25519']!.certFile))).toThrow(
      new Error('failed to create cert signer: ssh: signer and cert have different public key'),
    );
  });
});

describe('the publickey request a certified key sends', () => {
  const sessionID = Buffer.from('0123456789abcdef0123456789abcdef', 'hex');

  /** A stand-in for ssh2's Protocol with the fields the request uses; sendPacket hands packets to _cipher. */
  function fakeClient() {
    const sent: Buffer[] = [];
    const delegated: unknown[][] = [];
    const protocol = {
      authPK: (...args: unknown[]) => void delegated.push(args),
      _kex: { sessionID },
      _authsQueue: [] as string[],
      _kexinit: undefined,
      _cipher: { encrypt: (packet: Buffer) => void sent.push(Buffer.from(packet.subarray(5))) },
      _packetRW: {
        write: { allocStart: 5, alloc: (size: number) => Buffer.alloc(5 + size), finalize: (p: Buffer) => p },
      },
    };
    enableCertificateLogin({ _protocol: protocol } as unknown as Client);
    return { protocol, sent, delegated };
  }

  const request = (algorithm: string, blob: Buffer, signed: number) =>
    Buffer.concat([
      Buffer.from([50]),
      str('root'),
      str('ssh-connection'),
      str('publickey'),
      Buffer.from([signed]),
      str(algorithm),
      str(blob),
    ]);

  it.each([
    ['ed25519', undefined, 'ssh-ed25519', null],
    ['rsa', 'rsa-sha2-256', 'rsa-sha2-256', 'sha256'],
    ['rsa', 'rsa-sha2-512', 'rsa-sha2-512', 'sha512'],
  ])(
    '%s (ssh2 chose %s): the certificate algorithm and blob in the request, %s in the signature',
    (name, keyAlgo, signatureAlgo, hash) => {
      const key = parsedKey(keys[name]!.privateKeyFile);
      const cert = certificate(keys[name]!.certFile);
      certifyKey(key, cert);
      const { protocol, sent, delegated } = fakeClient();
      const certAlgo = `${signatureAlgo}-cert-v01@openssh.com`;

      protocol.authPK('root', key, keyAlgo);
      let signed: Buffer = Buffer.alloc(0);
      let signature: Buffer = Buffer.alloc(0);
      protocol.authPK('root', key, keyAlgo, (data: Buffer, done: (signature: Buffer) => void) => {
        signed = data;
        signature = key.sign(data, hash ?? undefined);
        done(signature);
      });

      expect(delegated).toEqual([]);
      expect(protocol._authsQueue).toEqual(['publickey', 'publickey']);
      expect(sent).toEqual([
        request(certAlgo, cert.blob, 0),
        Buffer.concat([request(certAlgo, cert.blob, 1), str(Buffer.concat([str(signatureAlgo), str(signature)]))]),
      ]);
      // What sshd verifies: the session id and the request naming the certificate, signed by the user key.
      expect(signed).toEqual(Buffer.concat([str(sessionID), request(certAlgo, cert.blob, 1)]));
      expect(verify(hash, signed, createPublicKey(key.getPublicPEM()), signature)).toBe(true);
    },
  );

  it('leaves keys without a certificate to ssh2', () => {
    const key = parsedKey(keys['ecdsa']!.privateKeyFile);
    const { protocol, sent, delegated } = fakeClient();
    const sign = () => undefined;
    protocol.authPK('root', key, 'ecdsa-sha2-nistp256', sign);
    protocol.authPK('root', Buffer.from('key'), undefined);
    expect(delegated).toEqual([
      ['root', key, 'ecdsa-sha2-nistp256', sign],
      ['root', Buffer.from('key'), undefined, undefined],
    ]);
    expect(sent).toEqual([]);
  });
});

it('has a real sshd to test against (root, /usr/sbin/sshd from openssh-server)', () => {
  expect(available).toBe(true);
});

describe.runIf(available)('certificate login against a real sshd (TrustedUserCAKeys)', () => {
  let sshd: Sshd;
  let bastion: Sshd;

  beforeAll(async () => {
    sshd = await startSshd('127.0.0.8', { trustedUserCAKeys: [ca.publicKey] });
    bastion = await startSshd('127.0.0.9', { trustedUserCAKeys: [ca.publicKey] });
  });
  afterAll(async () => {
    await sshd?.stop();
    await bastion?.stop();
  });

  const config = (name: string, overrides: Partial<SshConfig> = {}): SshConfig => ({
    ssh_host: sshd.host,
    ssh_port: sshd.port,
    ssh_username: 'root',
    ssh_private_key_file: keys[name]!.privateKeyFile,
    ssh_certificate_file: keys[name]!.certFile,
    ssh_timeout: 10_000,
    ssh_handshake_attempts: 1,
    ...overrides,
  });

  async function run(comm: SshCommunicator, command: string): Promise<string> {
    let text = '';
    const stdout = new Writable({
      write(chunk: Buffer, _encoding, done) {
        text += chunk.toString();
        done();
      },
    });
    const result = await comm.start({ command, stdout });
    expect(result.exitStatus).toBe(0);
    return text;
  }

  it.each(['ed25519', 'rsa', 'ecdsa'])('logs in as root with a %s key and its certificate', async (name) => {
    const comm = await SshCommunicator.connect(config(name));
    try {
      expect(await run(comm, 'id -un')).toBe('root\n');
    } finally {
      await comm.close();
    }
  });

  it('logs in through a bastion that also wants a certificate, each with its own', async () => {
    const comm = await SshCommunicator.connect(
      config('rsa', {
        ssh_bastion_host: bastion.host,
        ssh_bastion_port: bastion.port,
        ssh_bastion_username: 'root',
        ssh_bastion_private_key_file: keys['bastion']!.privateKeyFile,
        ssh_bastion_certificate_file: keys['bastion']!.certFile,
      }),
    );
    try {
      // The target sees the connection come from the bastion's forward, to its own address and port.
      expect((await run(comm, 'echo "$SSH_CONNECTION"')).split(' ').slice(2)).toEqual([sshd.host, `${sshd.port}\n`]);
    } finally {
      await comm.close();
    }
  });

  it("uses the machine's certificate for the bastion when ssh_bastion_certificate_file is unset, as Packer does", async () => {
    const comm = await SshCommunicator.connect(
      config('ed25519', { ssh_bastion_host: bastion.host, ssh_bastion_port: bastion.port }),
    );
    await comm.close();
    const error = await SshCommunicator.connect(
      config('ed25519', {
        ssh_bastion_host: bastion.host,
        ssh_bastion_port: bastion.port,
        ssh_bastion_private_key_file: keys['bastion']!.privateKeyFile,
      }),
    ).catch((e: unknown) => e);
    expect((error as Error).message).toBe(
      `root@127.0.0.9:${bastion.port}: failed to create cert signer: ssh: signer and cert have different public key`,
    );
  });

  it('is refused by sshd for a certificate naming other principals, with the reason', async () => {
    const error = await SshCommunicator.connect(config('admin')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CommunicatorError);
    expect((error as Error).message).toBe(
      `root@127.0.0.8:${sshd.port}: Packer experienced an authentication error when trying to connect via SSH. ` +
        'This can happen if your username/password are wrong. You may want to double-check your credentials as ' +
        `part of your debugging process. original error: ssh: unable to authenticate as "root" on 127.0.0.8:${sshd.port}, ` +
        'attempted methods [none publickey]: All configured authentication methods failed ' +
        `(certificate ${keys['admin']!.certFile} is for "admin", "ops", not "root")`,
    );
  });

  it('logs in as another user the certificate names', async () => {
    ensurePasswordUser();
    const comm = await SshCommunicator.connect(config('other', { ssh_username: PASSWORD_USER.name }));
    try {
      expect(await run(comm, 'id -un')).toBe(`${PASSWORD_USER.name}\n`);
    } finally {
      await comm.close();
    }
  });

  it.each([
    ['expired', (file: string) => `${file} not a valid cert: ssh: cert has expired`],
    ['future', (file: string) => `${file} not a valid cert: ssh: cert is not yet valid`],
  ])('fails at once naming user@host:port for an %s certificate', async (name, message) => {
    const started = Date.now();
    const error = await SshCommunicator.connect(config(name)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CommunicatorError);
    expect((error as Error).message).toBe(`root@127.0.0.8:${sshd.port}: ${message(keys[name]!.certFile)}`);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('fails naming user@host:port for a certificate of another key, or a missing one', async () => {
    const mismatch = await SshCommunicator.connect(
      config('ed25519', { ssh_certificate_file: keys['rsa']!.certFile }),
    ).catch((e: unknown) => e);
    expect((mismatch as Error).message).toBe(
      `root@127.0.0.8:${sshd.port}: failed to create cert signer: ssh: signer and cert have different public key`,
    );
    const missing = path.join(work, 'missing-cert.pub');
    const unread = await SshCommunicator.connect(config('ed25519', { ssh_certificate_file: missing })).catch(
      (e: unknown) => e,
    );
    expect((unread as Error).message).toBe(
      `root@127.0.0.8:${sshd.port}: unable to read certificate file: ENOENT: no such file or directory, open '${missing}'`,
    );
  });

  it('builds with the null builder through `kiln build` with ssh_certificate_file', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'kiln-cert-build-'));
    writeFileSync(
      path.join(dir, 't.pkr.hcl'),
      `
source "null" "n" {
  ssh_host             = "${sshd.host}"
  ssh_port             = ${sshd.port}
  ssh_username         = "root"
  ssh_private_key_file = "${keys['rsa']!.privateKeyFile}"
  ssh_certificate_file = "${keys['rsa']!.certFile}"
}
build {
  sources = ["source.null.n"]
  provisioner "shell" {
    inline = ["echo certified $(id -un)@\${build.Host}"]
  }
}`,
    );
    const { io, stdout } = memoryIO({ cwd: dir });
    const code = await runBuild(['-color=false', 't.pkr.hcl'], io);
    expect(stdout()).toContain('==> null.n: Connected to SSH!');
    expect(stdout()).toContain(`==> null.n: certified root@${sshd.host}\n`);
    expect(code).toBe(0);
    rmSync(dir, { recursive: true, force: true });
  });
});
