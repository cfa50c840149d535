import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeGob } from '../../../../src/plugins/gob/decode.js';
import { encodeCommandFinished } from '../../../../src/plugins/bridge/services/command-finished.js';

/* Bytes written by Go's encoding/gob: see fixtures/gen.go (go run gen.go). */
const goBytes = JSON.parse(readFileSync(join(__dirname, 'fixtures', 'command-finished.json'), 'utf8')) as Record<
  string,
  string
>;

const STATUSES = [0, 1, 2, 127, 255, -1, 2300218];

describe('encodeCommandFinished', () => {
  it('covers every status the Go generator wrote', () => {
    expect(
      Object.keys(goBytes)
        .map(Number)
        .sort((a, b) => a - b),
    ).toEqual([...STATUSES].sort((a, b) => a - b));
  });

  it.each(STATUSES)('encodes CommandFinished{%i} byte for byte as Go', (status) => {
    expect(Buffer.from(encodeCommandFinished(status)).toString('hex')).toBe(goBytes[String(status)]);
  });

  it.each([...STATUSES, -129, 65536, 2 ** 40])('decodes back to CommandFinished{%i}', (status) => {
    expect(decodeGob(encodeCommandFinished(status))).toEqual([{ ExitStatus: status }]);
  });

  it('refuses a status that is not an integer', () => {
    expect(() => encodeCommandFinished(1.5)).toThrow(new RangeError('exit status 1.5 is not an integer'));
  });
});
