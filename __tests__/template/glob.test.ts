import { describe, expect, test } from 'vitest';
import { compileGlob } from '../../src/template/glob.js';

describe('compileGlob (gobwas/glob without separators)', () => {
  test.each([
    ['*', 'anything.at.all', true],
    ['null.*', 'null.x', true],
    ['null.*', 'docker.x', false],
    ['*.null.*', 'bn.null.x', true],
    ['null.?', 'null.x', true],
    ['null.?', 'null.xy', false],
    ['null.[a-c]', 'null.b', true],
    ['null.[!a-c]', 'null.b', false],
    ['null.[!a-c]', 'null.d', true],
    ['{docker,null}.x', 'null.x', true],
    ['{docker,null}.x', 'file.x', false],
    ['{a,{b,c}}', 'c', true],
    ['a\\*', 'a*', true],
    ['a\\*', 'ab', false],
    ['a.b', 'axb', false],
  ])('%s matches %s: %s', (pattern, name, want) => {
    expect(compileGlob(pattern)(name)).toBe(want);
  });

  test.each(['[', '{a,b', 'a\\'])('%s does not compile', (pattern) => {
    expect(() => compileGlob(pattern)).toThrow('unexpected end of input');
  });
});
