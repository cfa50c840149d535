import type { Client, ParsedKey } from 'ssh2';
import protocolUtils from 'ssh2/lib/protocol/utils.js';
import { messageOf } from '../waiter.js';

/*
 * OpenSSH user certificates (PROTOCOL.certkeys) for ssh_certificate_file.
 *
 * ssh2 1.17 cannot log in with a certificate (mscdex/ssh2#551; PRs #808, #1486
 * and #1495 are unmerged): Protocol.authPK writes one algorithm name both as
 * the request's public key algorithm and inside the signature blob, while sshd
 * wants the certificate algorithm ("ssh-ed25519-cert-v01@openssh.com") in the
 * request and the plain one ("ssh-ed25519") in the signature. So for a key
 * paired here with certifyKey, enableCertificateLogin has that client's own
 * protocol instance write the request itself; every other key goes through
 * ssh2's authPK unchanged.
 */

const { sendPacket, convertSignature } = protocolUtils;

const CERT_SUFFIX = '-cert-v01@openssh.com';
/** How many fields the certified public key has in a certificate, by key type (PROTOCOL.certkeys). */
const KEY_FIELDS: Readonly<Record<string, number>> = {
  'ssh-rsa': 2,
  'ssh-dss': 4,
  'ecdsa-sha2-nistp256': 2,
  'ecdsa-sha2-nistp384': 2,
  'ecdsa-sha2-nistp521': 2,
  'ssh-ed25519': 1,
};
const VALID_FOREVER = 2n ** 64n - 1n;
const MSG_USERAUTH_REQUEST = 50;

export interface UserCertificate {
  file: string;
  /** The certificate's key type, e.g. "ssh-rsa-cert-v01@openssh.com". */
  type: string;
  /** The certified key's type, e.g. "ssh-rsa". */
  keyType: string;
  /** The certificate as sent in place of the public key. */
  blob: Buffer;
  /** The certified public key in SSH wire form: the key the private key must match. */
  publicKey: Buffer;
  keyId: string;
  principals: string[];
  /** Seconds since the epoch. */
  validAfter: bigint;
  validBefore: bigint;
}

/**
 * Reads an OpenSSH certificate file's text ("type base64 [comment]"). Throws
 * with Packer's wording (communicator/ssh.ReadCertificate).
 */
export function parseCertificate(file: string, text: string): UserCertificate {
  // As in authorized_keys files, blank lines and # comments are skipped.
  const line = text.split('\n').find((l) => l.trim() !== '' && !l.trim().startsWith('#')) ?? '';
  const [type = '', base64 = ''] = line.trim().split(/\s+/);
  const blob = Buffer.from(base64, 'base64');
  if (!type || blob.length === 0) throw new Error('unable to parse public key: ssh: no key found');
  const keyType = type.endsWith(CERT_SUFFIX) ? type.slice(0, -CERT_SUFFIX.length) : type;
  const fields = KEY_FIELDS[keyType];
  if (fields === undefined) throw new Error(`unable to parse public key: ssh: unknown key algorithm: ${type}`);
  if (keyType === type) throw new Error('Error loading certificate');
  try {
    const reader = new WireReader(blob);
    if (reader.string().toString('latin1') !== type) throw new Error('ssh: key type does not match the file');
    reader.string(); // nonce
    const keyStart = reader.offset;
    for (let i = 0; i < fields; i++) reader.string();
    const publicKey = Buffer.concat([sshString(keyType), blob.subarray(keyStart, reader.offset)]);
    reader.uint64(); // serial
    reader.uint32(); // certificate type: user or host
    const keyId = reader.string().toString('utf8');
    const principalList = new WireReader(reader.string());
    const principals: string[] = [];
    while (!principalList.done) principals.push(principalList.string().toString('utf8'));
    return {
      file,
      type,
      keyType,
      blob,
      publicKey,
      keyId,
      principals,
      validAfter: reader.uint64(),
      validBefore: reader.uint64(),
    };
  } catch (error) {
    throw new Error(`unable to parse public key: ${messageOf(error)}`, { cause: error });
  }
}

/** Certificates by the private key (as parsed by ssh2) they go with. */
const certificates = new WeakMap<ParsedKey, UserCertificate>();

/**
 * Makes key log in with cert, after Packer's checks: the certificate must be
 * valid now and certify key's public key (x/crypto/ssh.NewCertSigner).
 */
export function certifyKey(key: ParsedKey, cert: UserCertificate, nowMs = Date.now()): void {
  const problem = validityProblem(cert, BigInt(Math.floor(nowMs / 1000)));
  if (problem) throw new Error(`${cert.file} not a valid cert: ${problem}`);
  if (!cert.publicKey.equals(key.getPublicSSH())) {
    throw new Error('failed to create cert signer: ssh: signer and cert have different public key');
  }
  certificates.set(key, cert);
}

/** Packer's checkValidCert: Go compares as int64, so times past 2^63 count as invalid. */
function validityProblem(cert: UserCertificate, now: bigint): string | undefined {
  const int64Max = 2n ** 63n - 1n;
  if (cert.validAfter > int64Max || now < cert.validAfter) return 'ssh: cert is not yet valid';
  if (cert.validBefore !== VALID_FOREVER && (now >= cert.validBefore || cert.validBefore > int64Max)) {
    return 'ssh: cert has expired';
  }
  return undefined;
}

/** Why sshd may have refused cert for username, when the certificate itself tells. */
export function refusalHint(cert: UserCertificate, username: string): string {
  if (cert.principals.length === 0 || cert.principals.includes(username)) return '';
  return ` (certificate ${cert.file} is for ${cert.principals.map((p) => `"${p}"`).join(', ')}, not "${username}")`;
}

type SignCallback = (data: Buffer, done: (signature: Buffer) => void) => void;

/** The parts of ssh2's Protocol (lib/protocol/Protocol.js) the certificate request uses. */
interface Protocol {
  authPK(username: string, key: unknown, keyAlgo?: string, cbSign?: SignCallback): void;
  _kex: { sessionID: Buffer };
  _authsQueue: string[];
  _packetRW: { write: { allocStart: number; alloc(size: number): Buffer; finalize(packet: Buffer): Buffer } };
}

/**
 * Has client's protocol instance send certified keys' publickey requests with
 * the certificate. Call right after client.connect(), before authentication.
 */
export function enableCertificateLogin(client: Client): void {
  const protocol = (client as unknown as { _protocol?: Protocol })._protocol;
  if (!protocol) throw new Error('enableCertificateLogin needs a connecting ssh2 client');
  const authPK = protocol.authPK.bind(protocol);
  protocol.authPK = (username, key, keyAlgo, cbSign) => {
    const cert = typeof key === 'object' && key !== null ? certificates.get(key as ParsedKey) : undefined;
    if (!cert) return authPK(username, key, keyAlgo, cbSign);
    // ssh2 passes the signature algorithm it chose (rsa-sha2-256 for RSA), or none for one-algorithm keys.
    sendCertificateRequest(protocol, username, cert, keyAlgo ?? cert.keyType, cbSign);
  };
}

/** SSH_MSG_USERAUTH_REQUEST for "publickey" (RFC 4252 section 7), without the signature. */
export function publickeyRequest(username: string, algorithm: string, publicKey: Buffer, signed: boolean): Buffer {
  return Buffer.concat([
    Buffer.of(MSG_USERAUTH_REQUEST),
    sshString(username),
    sshString('ssh-connection'),
    sshString('publickey'),
    Buffer.of(signed ? 1 : 0),
    sshString(algorithm),
    sshString(publicKey),
  ]);
}

function sendCertificateRequest(
  protocol: Protocol,
  username: string,
  cert: UserCertificate,
  algorithm: string,
  cbSign: SignCallback | undefined,
): void {
  const request = publickeyRequest(username, `${algorithm}${CERT_SUFFIX}`, cert.blob, cbSign !== undefined);
  if (!cbSign) return send(protocol, request);
  cbSign(Buffer.concat([sshString(protocol._kex.sessionID), request]), (signature) => {
    const wire = convertSignature(signature, cert.keyType);
    if (wire === false) throw new Error('Error while converting handshake signature');
    // The signature blob names the plain algorithm: sshd checks it against the certified key's type.
    send(protocol, Buffer.concat([request, sshString(Buffer.concat([sshString(algorithm), sshString(wire)]))]));
  });
}

/** Sends payload as ssh2's own authPK does. */
function send(protocol: Protocol, payload: Buffer): void {
  const writer = protocol._packetRW.write;
  const packet = writer.alloc(payload.length);
  packet.set(payload, writer.allocStart);
  // Replies to user-auth requests are told apart by what was asked.
  protocol._authsQueue.push('publickey');
  sendPacket(protocol, writer.finalize(packet));
}

function sshString(value: string | Buffer): Buffer {
  const bytes = typeof value === 'string' ? Buffer.from(value, 'utf8') : value;
  const length = Buffer.alloc(4);
  length.writeUInt32BE(bytes.length);
  return Buffer.concat([length, bytes]);
}

/** Reads SSH wire types (RFC 4251 section 5) from a buffer. */
class WireReader {
  offset = 0;
  constructor(private readonly bytes: Buffer) {}

  get done(): boolean {
    return this.offset >= this.bytes.length;
  }

  uint32(): number {
    return this.take(4).readUInt32BE();
  }

  uint64(): bigint {
    return this.take(8).readBigUInt64BE();
  }

  string(): Buffer {
    return this.take(this.uint32());
  }

  private take(size: number): Buffer {
    if (this.offset + size > this.bytes.length) throw new Error('ssh: short read');
    const slice = this.bytes.subarray(this.offset, this.offset + size);
    this.offset += size;
    return slice;
  }
}
