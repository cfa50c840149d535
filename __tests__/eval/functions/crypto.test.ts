import { constants, generateKeyPairSync, publicEncrypt } from 'node:crypto';
import bcrypt from 'bcryptjs';
import { describe, expect, test } from 'vitest';
import { cryptoFunctions } from '../../../src/eval/functions/crypto.js';
import { callFailed, evaluator, hclString } from './packer-eval.js';

const { str, errorOf } = evaluator(cryptoFunctions);

describe('hashes', () => {
  test.each([
    // Documentation examples.
    ['md5("hello world")', '5eb63bbbe01eeed093cb22bb8f5acdc3'],
    ['sha1("hello world")', '2aae6c35c94fcfb415dbe95f408b9ce91ee846ed'],
    ['sha256("hello world")', 'b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9'],
    [
      'sha512("hello world")',
      '309ecc489c12d6eb4cc40f50c902f2b4d0ed77ee511a7c7a9bcd3ca86d4cd86f989dd35bc5ff499670da34255b45b0cfd830e81f605dcf7dc5542e93ae9cd76f',
    ],
    // Checked against Packer: empty input and UTF-8 bytes.
    ['md5("")', 'd41d8cd98f00b204e9800998ecf8427e'],
    ['sha1("☃")', '2686137311c038a99622242fdb662b88c221c08d'],
  ])('%s', (src, want) => {
    expect(str(src)).toBe(want);
  });
});

describe('bcrypt', () => {
  test('default cost 10, "$2a$" prefix, verifies', () => {
    const hash = str('bcrypt("hello world")');
    expect(hash).toMatch(/^\$2a\$10\$[./A-Za-z0-9]{53}$/);
    expect(bcrypt.compareSync('hello world', hash)).toBe(true);
    expect(str('bcrypt("hello world")')).not.toBe(hash); // a fresh salt each call
  });

  test('explicit cost; below the minimum means the default', () => {
    expect(str('bcrypt("test", 5)')).toMatch(/^\$2a\$05\$/);
    expect(str('bcrypt("test", 3)')).toMatch(/^\$2a\$10\$/);
  });

  test.each([
    ['bcrypt("x", 32)', 'error occured generating password crypto/bcrypt: cost 32 is outside allowed range (4,31)'],
    ['bcrypt("x", 1.5)', 'value must be a whole number, between -9223372036854775808 and 9223372036854775807'],
    ['bcrypt("x", 4, 5)', 'bcrypt() takes no more than two arguments'],
    [`bcrypt("${'x'.repeat(73)}")`, 'error occured generating password bcrypt: password length exceeds 72 bytes'],
  ])('%s fails', (src, message) => {
    expect(errorOf(src)).toBe(callFailed('bcrypt', message));
  });
});

describe('rsadecrypt', () => {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 1024 });
  const other = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey;
  const pkcs1 = hclString(privateKey.export({ type: 'pkcs1', format: 'pem' }).toString());
  const encrypt = (text: string): string =>
    publicEncrypt({ key: publicKey, padding: constants.RSA_PKCS1_PADDING }, Buffer.from(text)).toString('base64');

  test('decrypts PKCS #1 v1.5 ciphertext with a PKCS #1 PEM key (documentation example text)', () => {
    expect(str(`rsadecrypt("${encrypt('Hello, world!')}", ${pkcs1})`)).toBe('Hello, world!');
    expect(str(`rsadecrypt("${encrypt('')}", ${pkcs1})`)).toBe('');
  });

  test.each([
    [
      () => `rsadecrypt("${encrypt('x')}", ${hclString(other.export({ type: 'pkcs1', format: 'pem' }).toString())})`,
      'crypto/rsa: decryption error',
    ],
    [() => `rsadecrypt("", ${pkcs1})`, 'crypto/rsa: decryption error'],
    [() => `rsadecrypt("${encrypt('x')}", "bad key")`, 'failed to parse key: no key found'],
    [
      () => `rsadecrypt("bad cipher", ${pkcs1})`,
      'failed to decode input "bad cipher": cipher text must be base64-encoded',
    ],
    [
      () =>
        `rsadecrypt("${encrypt('x')}", ${hclString(privateKey.export({ type: 'pkcs8', format: 'pem' }).toString())})`,
      'x509: failed to parse private key (use ParsePKCS8PrivateKey instead for this key format)',
    ],
    [
      () => {
        const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;
        return `rsadecrypt("${encrypt('x')}", ${hclString(ec.export({ type: 'sec1', format: 'pem' }).toString())})`;
      },
      'x509: failed to parse private key (use ParseECPrivateKey instead for this key format)',
    ],
    [
      () =>
        `rsadecrypt("${encrypt('x')}", ${hclString('-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,00\n\nAAAA\n-----END RSA PRIVATE KEY-----\n')})`,
      'failed to parse key: password protected keys are not supported. Please decrypt the key prior to use',
    ],
  ])('error %#', (src, message) => {
    expect(errorOf(src())).toBe(callFailed('rsadecrypt', message));
  });
});

describe('uuidv4 and uuidv5', () => {
  test('uuidv4 is a random version 4 UUID', () => {
    const a = str('uuidv4()');
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(str('uuidv4()')).not.toBe(a);
  });

  test.each([
    // The documentation's dns and url examples print the UUIDs of other names
    // ("www.terraform.io" ...); these are Packer's actual results.
    ['dns', 'developer.hashicorp.com', 'b616cf0d-ea43-5f64-bb24-cba3e34e78c3'],
    ['dns', 'www.terraform.io', 'a5008fae-b28c-5ba5-96cd-82b4c53552d6'],
    ['url', 'https://developer.hashicorp.com/', '0e30e40d-261b-5a9e-86d7-c46b80025ae5'],
    ['oid', '1.3.6.1.4', 'af9d40a5-7a36-5c07-b23a-851cd99fbfa5'],
    ['x500', 'CN=Example,C=GB', '84e09961-4aa4-57f8-95b7-03edb1073253'],
    ['743ac3c0-3bf7-4a5b-9e6c-59360447c757', 'LIBS:diskfont.library', 'ede1a974-df7e-5f17-84b9-76208818b2c8'],
    ['6ba7b810-9dad-11d1-80b4-00c04fd430c8', 'x', '05b16a01-46c6-56dd-bd6e-c6dfb4a1427a'],
    ['{6ba7b810-9dad-11d1-80b4-00c04fd430c8}', 'x', '05b16a01-46c6-56dd-bd6e-c6dfb4a1427a'],
    ['urn:uuid:6ba7b810-9dad-11d1-80b4-00c04fd430c8', 'x', '05b16a01-46c6-56dd-bd6e-c6dfb4a1427a'],
    ['6ba7b8109dad11d180b400c04fd430c8', 'x', '05b16a01-46c6-56dd-bd6e-c6dfb4a1427a'],
  ])('uuidv5(%j, %j)', (namespace, name, want) => {
    expect(str(`uuidv5("${namespace}", "${name}")`)).toBe(want);
  });

  test.each([
    ['bad', 'invalid UUID length: 3'],
    ['DNS', 'invalid UUID length: 3'],
    ['6ba7b810x9dad-11d1-80b4-00c04fd430c8', 'invalid UUID format'],
    ['6ba7b810-9dad-11d1-80b4-00c04fd430cg', 'invalid UUID format'],
    ['urx:uuid:6ba7b810-9dad-11d1-80b4-00c04fd430c8', 'invalid urn prefix: "urx:uuid:"'],
  ])('uuidv5(%j, ...) fails', (namespace, why) => {
    expect(errorOf(`uuidv5("${namespace}", "x")`)).toBe(
      callFailed('uuidv5', `uuidv5() doesn't support namespace ${namespace} (${why})`),
    );
  });
});
