import { describe, expect, it } from 'vitest';
import { checksumMismatch, parseChecksumFile, parseHexChecksum } from '../../src/plugins/checksums.js';

describe('checksums', () => {
  it('reads the two-field, newline-ended lines of a SHA256SUMS file', () => {
    const text =
      'aa11  packer-plugin-x_v1.0.0_x5.0_linux_amd64.zip\n' +
      'a line with more fields\n' +
      '\n' +
      'bb22 packer-plugin-x_v1.0.0_x5.0_darwin_arm64.zip\n' +
      'cc33  unterminated.zip';
    expect(parseChecksumFile(text)).toEqual([
      { checksum: 'aa11', filename: 'packer-plugin-x_v1.0.0_x5.0_linux_amd64.zip' },
      { checksum: 'bb22', filename: 'packer-plugin-x_v1.0.0_x5.0_darwin_arm64.zip' },
    ]);
  });

  it('parses the leading 64 hex digits of a checksum', () => {
    const hex = 'ab'.repeat(32);
    expect(parseHexChecksum(`${hex}\n`).toString('hex')).toBe(hex);
    expect(() => parseHexChecksum('xyz')).toThrow('encoding/hex');
  });

  it('words a mismatch as Packer', () => {
    expect(checksumMismatch(Buffer.alloc(2, 1), Buffer.alloc(2, 2))).toBe(
      'Checksums (*sha256.digest) did not match.\nExpected: 0101\nGot     : 0202\n',
    );
  });
});
