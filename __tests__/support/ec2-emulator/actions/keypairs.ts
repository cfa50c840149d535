import { createHash, generateKeyPairSync } from 'node:crypto';
import ssh2 from 'ssh2';
import { Ec2Error, invalidParameter, missingParameter } from '../errors.js';
import { matchesFilters } from '../filters.js';
import { bool, filters, str, strings, tagSpecifications } from '../params.js';
import { keyPairXml, tagSet } from '../render.js';
import type { Context, Handler } from '../runtime.js';
import { newId } from '../store.js';
import type { KeyPairRecord } from '../types.js';

/* Key pairs: created ones get a fresh private key returned once; imported ones keep their public key. */

const colonHex = (digest: Buffer) => digest.toString('hex').replace(/(..)(?!$)/g, '$1:');

function addKeyPair(
  ctx: Context,
  keyName: string | undefined,
  publicKey: string,
  keyFingerprint: string,
): KeyPairRecord {
  if (!keyName) throw missingParameter('KeyName');
  const key = ctx.store.keyPairKey(ctx.region, keyName);
  if (ctx.store.keyPairs.has(key))
    throw new Ec2Error('InvalidKeyPair.Duplicate', `The keypair '${keyName}' already exists.`);
  const record: KeyPairRecord = {
    keyName,
    keyPairId: newId('key'),
    region: ctx.region,
    keyFingerprint,
    publicKey,
    createTime: new Date().toISOString(),
    tags: tagSpecifications(ctx.params, 'key-pair'),
  };
  ctx.store.keyPairs.set(key, record);
  return record;
}

export const createKeyPair: Handler = (ctx) => {
  const keyType = str(ctx.params, 'KeyType') ?? 'rsa';
  let privateKey: string;
  let publicKey: string;
  let fingerprint: string;
  if (keyType === 'rsa') {
    const pair = generateKeyPairSync('rsa', { modulusLength: 2048 });
    privateKey = pair.privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
    const parsed = ssh2.utils.parseKey(privateKey);
    if (parsed instanceof Error) throw parsed;
    publicKey = `ssh-rsa ${parsed.getPublicSSH().toString('base64')}`;
    // AWS: SHA-1 of the DER-encoded PKCS#8 private key.
    fingerprint = colonHex(
      createHash('sha1')
        .update(pair.privateKey.export({ type: 'pkcs8', format: 'der' }))
        .digest(),
    );
  } else if (keyType === 'ed25519') {
    const pair = ssh2.utils.generateKeyPairSync('ed25519');
    privateKey = pair.private;
    publicKey = pair.public.trim();
    fingerprint = `${createHash('sha256')
      .update(Buffer.from(publicKey.split(' ')[1] ?? '', 'base64'))
      .digest('base64')
      .replace(/=+$/, '')}=`;
  } else {
    throw invalidParameter(`Value (${keyType}) for parameter KeyType is invalid.`);
  }
  const record = addKeyPair(ctx, str(ctx.params, 'KeyName'), publicKey, fingerprint);
  return {
    keyName: record.keyName,
    keyFingerprint: record.keyFingerprint,
    keyMaterial: privateKey,
    keyPairId: record.keyPairId,
    tagSet: tagSet(record.tags),
  };
};

export const importKeyPair: Handler = (ctx) => {
  const material = str(ctx.params, 'PublicKeyMaterial');
  if (!material) throw missingParameter('PublicKeyMaterial');
  const publicKey = Buffer.from(material, 'base64').toString('utf8').trim();
  const parsed = ssh2.utils.parseKey(publicKey);
  if (parsed instanceof Error) throw invalidParameter('Key is not in valid OpenSSH public key format');
  const fingerprint = colonHex(createHash('md5').update(parsed.getPublicSSH()).digest());
  const record = addKeyPair(ctx, str(ctx.params, 'KeyName'), publicKey, fingerprint);
  return {
    keyFingerprint: record.keyFingerprint,
    keyName: record.keyName,
    keyPairId: record.keyPairId,
    tagSet: tagSet(record.tags),
  };
};

export const deleteKeyPair: Handler = (ctx) => {
  const name = str(ctx.params, 'KeyName');
  const id = str(ctx.params, 'KeyPairId');
  if (!name && !id) throw missingParameter('KeyName');
  for (const [key, record] of ctx.store.keyPairs) {
    if (record.region === ctx.region && (record.keyName === name || record.keyPairId === id)) {
      ctx.store.keyPairs.delete(key);
      return { return: true, keyPairId: record.keyPairId };
    }
  }
  // AWS answers success for a key pair that does not exist.
  return { return: true };
};

export const describeKeyPairs: Handler = (ctx) => {
  const inRegion = [...ctx.store.keyPairs.values()].filter((k) => k.region === ctx.region);
  const names = strings(ctx.params, 'KeyName');
  const ids = strings(ctx.params, 'KeyPairId');
  for (const name of names) {
    if (!inRegion.some((k) => k.keyName === name)) {
      throw new Ec2Error('InvalidKeyPair.NotFound', `The key pair '${name}' does not exist`);
    }
  }
  for (const id of ids) {
    if (!inRegion.some((k) => k.keyPairId === id)) {
      throw new Ec2Error('InvalidKeyPair.NotFound', `The key pair '${id}' does not exist`);
    }
  }
  const wanted = filters(ctx.params);
  const includePublicKey = bool(ctx.params, 'IncludePublicKey') ?? false;
  const keys = inRegion.filter(
    (k) =>
      (names.length === 0 || names.includes(k.keyName)) &&
      (ids.length === 0 || ids.includes(k.keyPairId)) &&
      matchesFilters(
        { 'key-name': k.keyName, 'key-pair-id': k.keyPairId, fingerprint: k.keyFingerprint },
        k.tags,
        wanted,
      ),
  );
  return {
    keySet: keys.map((k) => keyPairXml(k, includePublicKey)),
  };
};
