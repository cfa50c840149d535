import { describe, expect, it } from 'vitest';
import { isValidIdentifier } from '../../src/template/names.js';

// hclsyntax.ValidIdentifier's classes, as Go's unicode tables define them.
const unicodeIdentifier = /^[\p{L}\p{Nl}_][\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}_-]*$/u;

describe('isValidIdentifier', () => {
  it.each([
    ['app_name', true],
    ['_x', true],
    ['a-b-1', true],
    ['A9', true],
    ['1x', false],
    ['-x', false],
    ['', false],
    ['a b', false],
    ['a.b', false],
    ['a$', false],
    ['café', true],
    ['ǅx', true],
    ['Ⅻ_roman', true],
    ['x\u0301', true],
    ['x٣', true],
    ['x‿y', true],
    ['\u0301x', false],
    ['٣x', false],
    ['x€', false],
    ['é-', true],
  ])('%j is %s', (name, valid) => {
    expect(isValidIdentifier(name)).toBe(valid);
  });

  it('agrees with the Unicode classes on every one- and two-character ASCII name', () => {
    const ascii = Array.from({ length: 128 }, (_, c) => String.fromCharCode(c));
    const names = [...ascii, ...ascii.flatMap((a) => ascii.map((b) => a + b))];
    const disagreements = names.filter((n) => isValidIdentifier(n) !== unicodeIdentifier.test(n));
    expect(disagreements).toEqual([]);
  });
});
