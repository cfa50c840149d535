import { describe, expect, it } from 'vitest';
import { isBadGlobPattern } from '../../../src/components/common/go-glob.js';

/* Which patterns Go's filepath.Glob rejects with ErrBadPattern, following its filepath.Match; packer 1.6.6 gives the same answers for floppy_files. */

describe('isBadGlobPattern', () => {
  it.each<[string, boolean]>([
    ['*.cfg', false],
    ['a?b', false],
    ['[abc].txt', false],
    ['[^a-z]x', false],
    ['[\\]]', false],
    ['\\*', false],
    ['[]]', true],
    ['[', true],
    ['a[.txt', true],
    ['[a-]', true],
    ['[-a]', true],
    ['[a', true],
    ['x\\', true],
    ['[^]', true],
  ])('%s -> %s', (pattern, bad) => {
    expect(isBadGlobPattern(pattern)).toBe(bad);
  });
});
