import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/*
 * SHA-256 checksums as Packer's plugin getter keeps them (plugin-getter/
 * checksum.go, github/getter.go): a release's `_SHA256SUMS` file lists
 * "<hex>  <file>" lines; an installed binary has its hex digest, alone, in a
 * `_SHA256SUM` file beside it, and is trusted only while the two agree.
 */

export const CHECKSUM_FILE_SUFFIX = '_SHA256SUM';

export interface ChecksumEntry {
  readonly checksum: string;
  readonly filename: string;
}

/**
 * TransformChecksumStream: each line of exactly two fields is an entry. Like
 * Packer, a last line without its newline is not read.
 */
export function parseChecksumFile(text: string): ChecksumEntry[] {
  const lines = text.split('\n').slice(0, -1);
  return lines.flatMap((line) => {
    const fields = line.trim().split(/\s+/);
    return fields.length === 2 ? [{ checksum: fields[0]!, filename: fields[1]! }] : [];
  });
}

/** Checksummer.ParseChecksum: the leading 64 hex digits. */
export function parseHexChecksum(text: string): Buffer {
  const hex = /^[0-9a-fA-F]{64}/.exec(text.trimStart());
  if (!hex) throw new Error(`encoding/hex: invalid byte or length in ${JSON.stringify(text.slice(0, 64))}`);
  return Buffer.from(hex[0], 'hex');
}

/** ChecksumError's text. */
export function checksumMismatch(expected: Buffer, actual: Buffer): string {
  return `Checksums (*sha256.digest) did not match.\nExpected: ${expected.toString('hex')}\nGot     : ${actual.toString('hex')}\n`;
}

export async function sha256OfFile(path: string): Promise<Buffer> {
  const hash = createHash('sha256');
  await pipeline(createReadStream(path), hash);
  return hash.digest();
}

/** True when `path` has a `_SHA256SUM` file and the file's digest matches it. */
export async function matchesChecksumFile(path: string): Promise<boolean> {
  let expected: Buffer;
  try {
    expected = parseHexChecksum(await readFile(path + CHECKSUM_FILE_SUFFIX, 'utf8'));
  } catch {
    return false;
  }
  try {
    return expected.equals(await sha256OfFile(path));
  } catch {
    return false;
  }
}

/** Writes `source` to `path` (created with `mode`) and gives the SHA-256 of what was written. */
export async function writeHashed(source: Readable, path: string, mode: number): Promise<Buffer> {
  const hash = createHash('sha256');
  const tee = new Transform({
    transform(chunk: Buffer, _enc, done) {
      hash.update(chunk);
      done(null, chunk);
    },
  });
  await pipeline(source, tee, createWriteStream(path, { mode }));
  return hash.digest();
}
