import type { KeyObject } from 'node:crypto';
import { NumberType, StringType } from '../types.js';
import { Value } from '../value.js';
import { FunctionCallError, type FunctionSpec } from './function.js';
import { decodeBase64 } from './gobase64.js';
import { WHOLE_NUMBER_ERROR, goInt, goQuote } from './gocty.js';
import { bcrypt, nodeCrypto } from './deferred.js';

/*
 * Hashes, bcrypt, RSA decryption and UUIDs, as go-cty-funcs implements them.
 */

const str = (name: string) => ({ name, type: StringType });
const staticString = () => StringType;

const hashFunction = (algorithm: string, description: string): FunctionSpec => ({
  description,
  params: [str('str')],
  returnType: staticString,
  impl: (args) => Value.string(nodeCrypto().createHash(algorithm).update(args[0]!.asString(), 'utf8').digest('hex')),
});

const MaxBcryptCost = 31;
const MinBcryptCost = 4;
const DefaultBcryptCost = 10;

function costArg(v: Value): number {
  const cost = goInt(v.asNumber());
  if (cost === undefined) throw new FunctionCallError(WHOLE_NUMBER_ERROR);
  return cost;
}

function bcryptHash(password: string, costArg: number | undefined): string {
  // golang.org/x/crypto/bcrypt: a cost below the minimum means the default.
  let cost = costArg ?? DefaultBcryptCost;
  if (cost < MinBcryptCost) cost = DefaultBcryptCost;
  if (cost > MaxBcryptCost) {
    throw new FunctionCallError(
      `error occured generating password crypto/bcrypt: cost ${cost} is outside allowed range (${MinBcryptCost},${MaxBcryptCost})`,
    );
  }
  if (Buffer.byteLength(password, 'utf8') > 72) {
    throw new FunctionCallError('error occured generating password bcrypt: password length exceeds 72 bytes');
  }
  // bcryptjs writes the "$2b$" prefix; Go writes "$2a$" for the same algorithm.
  const { genSaltSync, hashSync } = bcrypt();
  const salt = genSaltSync(cost).replace(/^\$2b\$/, '$2a$');
  return hashSync(password, salt);
}

function rsaDecrypt(ciphertext: string, pem: string): string {
  const decoded = decodeBase64(ciphertext);
  if (!('bytes' in decoded)) {
    throw new FunctionCallError(`failed to decode input ${goQuote(ciphertext)}: cipher text must be base64-encoded`);
  }
  const block = /-----BEGIN ([^-\n]+)-----\r?\n([\s\S]*?)-----END \1-----/.exec(pem);
  if (!block) throw new FunctionCallError('failed to parse key: no key found');
  if (/^Proc-Type:\s*4,ENCRYPTED\s*$/m.test(block[2]!)) {
    throw new FunctionCallError(
      'failed to parse key: password protected keys are not supported. Please decrypt the key prior to use',
    );
  }
  // x509.ParsePKCS1PrivateKey: only PKCS #1 ("RSA PRIVATE KEY") DER is accepted.
  const der = Buffer.from(block[2]!.replace(/^[A-Za-z-]+:.*$/gm, '').replace(/\s+/g, ''), 'base64');
  const kind = derKeyKind(der);
  const key = kind === 'pkcs1' ? parseDer(der) : undefined;
  if (!key) {
    const hint = kind === 'sec1' ? 'ParseECPrivateKey' : kind === 'pkcs8' ? 'ParsePKCS8PrivateKey' : undefined;
    throw new FunctionCallError(
      hint
        ? `x509: failed to parse private key (use ${hint} instead for this key format)`
        : "asn1: structure error: tags don't match",
    );
  }
  return unpadPkcs1v15(key, decoded.bytes);
}

/**
 * RSAES-PKCS1-v1_5 decryption. Node refuses PKCS #1 v1.5 padding in
 * privateDecrypt (CVE-2023-46809), so the raw RSA operation runs unpadded and
 * the padding is checked here, with Go's single error for any failure.
 */
function parseDer(der: Buffer): KeyObject | undefined {
  try {
    return nodeCrypto().createPrivateKey({ key: der, format: 'der', type: 'pkcs1' });
  } catch {
    return undefined;
  }
}

/**
 * Which private key structure DER holds, by the element after the leading
 * version INTEGER: an INTEGER (the modulus, PKCS #1), a SEQUENCE (the
 * algorithm, PKCS #8) or an OCTET STRING (the EC private key, SEC 1).
 * OpenSSL itself accepts all of them where Go's ParsePKCS1PrivateKey does not.
 */
function derKeyKind(der: Buffer): 'pkcs1' | 'pkcs8' | 'sec1' | undefined {
  let at = 0;
  const header = (): number | undefined => {
    const first = der[at + 1];
    if (first === undefined) return undefined;
    if (first < 0x80) {
      at += 2;
      return first;
    }
    const n = first & 0x7f;
    let len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + (der[at + 2 + i] ?? 0);
    at += 2 + n;
    return len;
  };
  if (der[at] !== 0x30 || header() === undefined) return undefined;
  if (der[at] !== 0x02) return undefined;
  const versionLength = header();
  if (versionLength === undefined) return undefined;
  at += versionLength;
  return ({ 0x02: 'pkcs1', 0x30: 'pkcs8', 0x04: 'sec1' } as const)[der[at] ?? -1];
}

function unpadPkcs1v15(key: KeyObject, ciphertext: Buffer): string {
  const fail = (): FunctionCallError => new FunctionCallError('crypto/rsa: decryption error');
  const k = Math.ceil((key.asymmetricKeyDetails?.modulusLength ?? 0) / 8);
  if (ciphertext.length > k || k < 11) throw fail();
  let em: Buffer;
  try {
    const padded = Buffer.concat([Buffer.alloc(k - ciphertext.length), ciphertext]);
    const { privateDecrypt, constants } = nodeCrypto();
    em = privateDecrypt({ key, padding: constants.RSA_NO_PADDING }, padded);
  } catch {
    throw fail();
  }
  const separator = em.indexOf(0, 2);
  if (em[0] !== 0 || em[1] !== 2 || separator < 10) throw fail();
  return em.subarray(separator + 1).toString('utf8');
}

const Namespaces: Readonly<Record<string, string>> = {
  dns: '6ba7b810-9dad-11d1-80b4-00c04fd430c8',
  url: '6ba7b811-9dad-11d1-80b4-00c04fd430c8',
  oid: '6ba7b812-9dad-11d1-80b4-00c04fd430c8',
  x500: '6ba7b814-9dad-11d1-80b4-00c04fd430c8',
};

/** github.com/google/uuid Parse: the forms it accepts, as 16 bytes, or its error. */
function parseUUID(s: string): Buffer | string {
  let hex: string;
  const byteLength = Buffer.byteLength(s);
  if (byteLength !== s.length) {
    return [32, 36, 38, 45].includes(byteLength) ? 'invalid UUID format' : `invalid UUID length: ${byteLength}`;
  }
  if (s.length === 36) {
    if (!/^.{8}-.{4}-.{4}-.{4}-.{12}$/.test(s)) return 'invalid UUID format';
    hex = s.replace(/-/g, '');
  } else if (s.length === 45) {
    if (!s.toLowerCase().startsWith('urn:uuid:')) return `invalid urn prefix: ${goQuote(s.slice(0, 9))}`;
    return parseUUID(s.slice(9));
  } else if (s.length === 38) {
    return parseUUID(s.slice(1, 37)); // the braces themselves are not checked
  } else if (s.length === 32) hex = s;
  else return `invalid UUID length: ${s.length}`;
  if (!/^[0-9a-fA-F]{32}$/.test(hex)) return 'invalid UUID format';
  return Buffer.from(hex, 'hex');
}

function formatUUID(b: Buffer): string {
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

function uuidV5(namespace: string, name: string): string {
  const ns = parseUUID(Namespaces[namespace] ?? namespace);
  if (typeof ns === 'string') throw new FunctionCallError(`uuidv5() doesn't support namespace ${namespace} (${ns})`);
  const hash = nodeCrypto().createHash('sha1').update(ns).update(name, 'utf8').digest().subarray(0, 16);
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  return formatUUID(hash);
}

export const cryptoFunctions: Record<string, FunctionSpec> = {
  md5: hashFunction('md5', 'Computes the MD5 hash of a given string and encodes it with hexadecimal digits.'),
  sha1: hashFunction('sha1', 'Computes the SHA1 hash of a given string and encodes it with hexadecimal digits.'),
  sha256: hashFunction('sha256', 'Computes the SHA256 hash of a given string and encodes it with hexadecimal digits.'),
  sha512: hashFunction('sha512', 'Computes the SHA512 hash of a given string and encodes it with hexadecimal digits.'),
  bcrypt: {
    description: 'Computes a hash of the given string using the Blowfish cipher.',
    params: [str('str')],
    varParam: { name: 'cost', type: NumberType },
    returnType: staticString,
    impl: (args) => {
      const cost = args.length > 1 ? costArg(args[1]!) : undefined;
      if (args.length > 2) throw new FunctionCallError('bcrypt() takes no more than two arguments');
      return Value.string(bcryptHash(args[0]!.asString(), cost));
    },
  },
  rsadecrypt: {
    description: 'Decrypts an RSA-encrypted ciphertext, returning the corresponding cleartext.',
    params: [str('ciphertext'), str('privatekey')],
    returnType: staticString,
    impl: (args) => Value.string(rsaDecrypt(args[0]!.asString(), args[1]!.asString())),
  },
  uuidv4: {
    description: 'Generates a unique identifier string.',
    params: [],
    returnType: staticString,
    impl: () => Value.string(nodeCrypto().randomUUID()),
  },
  uuidv5: {
    description: 'Generates a name-based UUID, as described in RFC 4122 section 4.3.',
    params: [str('namespace'), str('name')],
    returnType: staticString,
    impl: (args) => Value.string(uuidV5(args[0]!.asString(), args[1]!.asString())),
  },
};
