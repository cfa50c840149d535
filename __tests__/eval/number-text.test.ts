import { describe, expect, it } from 'vitest';
import { num } from '../../src/eval/number.js';
import { formatNumber, parseNumber } from '../../src/eval/number-text.js';

describe('formatNumber (big.Float Text f -1 at 512 bits)', () => {
  // Expected strings come from Packer's `upper("${expr}")` in `packer console`.
  it.each([
    ['1/3', num(1).div(3), `0.${'3'.repeat(154)}5`],
    ['2/3', num(2).div(3), `0.${'6'.repeat(153)}7`],
    ['10/3', num(10).div(3), `3.${'3'.repeat(153)}2`],
    ['0.1+0.2', num('0.1').plus('0.2'), '0.3'],
    ['1e30', num('1e30'), '1000000000000000000000000000000'],
    ['1e-7', num('1e-7'), '0.0000001'],
    ['big int', num('12345678901234567890123'), '12345678901234567890123'],
    ['-1.5', num('-1.5'), '-1.5'],
    ['-0', num('-0'), '-0'],
    ['0', num(0), '0'],
    ['+Inf', num(Infinity), '+Inf'],
    ['-Inf', num(-Infinity), '-Inf'],
  ])('%s', (_name, n, want) => {
    expect(formatNumber(n)).toBe(want);
  });

  it('matches Packer for 1/7 exactly', () => {
    expect(formatNumber(num(1).div(7))).toBe(
      '0.14285714285714285714285714285714285714285714285714285714285714285714285714285714285714285714285714285714285714285714285714285714285714285714285714285714285',
    );
    expect(formatNumber(num(123456789).div(7))).toBe(
      '17636684.142857142857142857142857142857142857142857142857142857142857142857142857142857142857142857142857142857142857142857142857142857142857142857142857142',
    );
  });
});

describe('parseNumber (big.ParseFloat base 10)', () => {
  it.each([
    ['1e3', '1000'],
    ['1E3', '1000'],
    ['+1', '1'],
    ['-5', '-5'],
    ['.5', '0.5'],
    ['5.', '5'],
    ['1.5', '1.5'],
    ['1p3', '8'],
    ['Inf', 'Infinity'],
    ['-inf', '-Infinity'],
    ['123456789012345678901234567890', '123456789012345678901234567890'],
  ])('%s', (s, want) => {
    expect(parseNumber(s)?.toFixed()).toBe(num(want).toFixed());
  });

  it.each([' 1', '0x10', '1_000', '', '.', 'e5', '1e', 'abc', 'INF', 'Infinity', 'NaN', '1 '])('rejects %j', (s) => {
    expect(parseNumber(s)).toBeNull();
  });
});
