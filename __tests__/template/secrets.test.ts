import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { SecretMasker } from '../../src/template/secrets.js';

describe('SecretMasker', () => {
  it('registers each secret once (and each line of a multi-line one) and masks the longest first', () => {
    const registered: string[] = [];
    const m = new SecretMasker((s) => registered.push(s));
    m.add('abc');
    m.add('abc');
    m.add('');
    m.add('xabcx');
    m.add('line1\nline2');
    expect(registered).toEqual(['abc', 'xabcx', 'line1\nline2', 'line1', 'line2']);
    expect(m.mask('1 xabcx 2 abc 3 line2')).toBe('1 <sensitive> 2 <sensitive> 3 <sensitive>');
  });

  it('masks what is written through its stream, synchronously', () => {
    const m = new SecretMasker(() => undefined);
    m.add('pw');
    const target = new PassThrough();
    let seen = '';
    target.on('data', (c: Buffer) => (seen += c.toString()));
    const stream = m.stream(target);
    stream.write('a pw b\n');
    stream.write('pwpw\n');
    target.end();
    return new Promise<void>((resolve) =>
      target.on('end', () => {
        expect(seen).toBe('a <sensitive> b\n<sensitive><sensitive>\n');
        resolve();
      }),
    );
  });
});
