import { describe, expect, test } from 'vitest';
import { Value } from '../../../src/eval/value.js';
import { NumberType } from '../../../src/eval/types.js';
import { Sensitive } from '../../../src/eval/value.js';
import { callFailed, errorOf, expectValue, invalidArg, n } from './library-helpers.js';

const WHOLE = 'value must be a whole number, between -9223372036854775808 and 9223372036854775807';

describe('numeric functions: Packer documentation examples', () => {
  test.each([
    ['abs(23)', n(23)],
    ['abs(0)', n(0)],
    ['abs(-12.4)', n(12.4)],
    ['ceil(5)', n(5)],
    ['ceil(5.1)', n(6)],
    ['floor(5)', n(5)],
    ['floor(4.9)', n(4)],
    ['log(50, 10)', n('1.6989700043360185')],
    ['log(16, 2)', n(4)],
    ['ceil(log(15, 2))', n(4)],
    ['ceil(log(16, 2))', n(4)],
    ['ceil(log(17, 2))', n(5)],
    ['max(12, 54, 3)', n(54)],
    ['max([12, 54, 3]...)', n(54)],
    ['min(12, 54, 3)', n(3)],
    ['min([12, 54, 3]...)', n(3)],
    ['parseint("100", 10)', n(100)],
    ['parseint("FF", 16)', n(255)],
    ['parseint("-10", 16)', n(-16)],
    ['parseint("1011111011101111", 2)', n(48879)],
    ['parseint("aA", 62)', n(656)],
    ['pow(3, 2)', n(9)],
    ['pow(4, 0)', n(1)],
    ['signum(-13)', n(-1)],
    ['signum(0)', n(0)],
    ['signum(344)', n(1)],
    // sum is newer than Packer 1.6.6; the documentation is the reference.
    ['sum([10, 13, 6, 4.5])', n(33.5)],
  ])('%s', (src, want) => expectValue(src, want));

  test('parseint rejects digits beyond the base', () => {
    expect(errorOf('parseint("12", 2)')).toBe(invalidArg('number', 'cannot parse "12" as a base 2 integer'));
  });
});

describe('numeric functions: edge cases', () => {
  test.each([
    // Exact decimals: integers beyond 2^53 stay exact.
    ['abs(-123456789012345678901234567890)', n('123456789012345678901234567890')],
    ['max(9007199254740993, 9007199254740992)', n('9007199254740993')],
    ['ceil(-5.1)', n(-5)],
    ['floor(-5.1)', n(-6)],
    ['ceil(1e400)', n('1e400')],
    ['parseint("zz", 62)', n(2205)],
    ['parseint("ZZ", 36)', n(1295)],
    ['parseint("+7", 8)', n(7)],
    ['parseint("123456789012345678901234567890", 10)', n('123456789012345678901234567890')],
    // log and pow work in float64, like cty.
    ['pow(2, 100)', n('1.2676506002282294e30')],
    ['pow(2, -1)', n(0.5)],
    ['log(0, 10)', n(-Infinity)],
    ['sum([1, "2", 3.5])', n(6.5)],
    ['sum(v.nums_set)', n(33.5)],
    ['min(1)', n(1)],
  ])('%s', (src, want) => expectValue(src, want));

  test('abs keeps the marks of its argument', () => {
    expectValue('abs(-v.un)', Value.unknown(NumberType));
    expectValue('abs(length(v.secret) - 10)', n(3).mark(Sensitive));
  });

  test('sum of unknown elements is unknown', () => {
    expectValue('sum([1, v.un])', Value.unknown(NumberType));
  });

  test.each([
    ['signum(0.5)', callFailed('signum', WHOLE)],
    ['max()', callFailed('max', 'must pass at least one number')],
    ['min()', callFailed('min', 'must pass at least one number')],
    ['parseint(10, 10)', invalidArg('number', 'first argument must be a string, not number')],
    ['parseint("10", 1)', invalidArg('base', 'base must be a whole number between 2 and 62 inclusive')],
    ['parseint("10", 63)', invalidArg('base', 'base must be a whole number between 2 and 62 inclusive')],
    ['parseint("10", 2.5)', invalidArg('base', WHOLE)],
    ['parseint("", 10)', invalidArg('number', 'cannot parse "" as a base 10 integer')],
    ['parseint("1_0", 10)', invalidArg('number', 'cannot parse "1_0" as a base 10 integer')],
    ['parseint("a\\n", 16)', invalidArg('number', 'cannot parse "a\\n" as a base 16 integer')],
    ['log(-1, 10)', callFailed('log', 'panic in function implementation: Float.SetFloat64(NaN)')],
    ['sum([])', invalidArg('list', 'cannot sum an empty list')],
    ['sum("a")', invalidArg('list', 'cannot sum noniterable')],
    ['sum({a = 1})', invalidArg('list', 'argument must be list, set, or tuple. Received object')],
    ['sum(["a"])', invalidArg('list', 'argument must be list, set, or tuple of number values')],
    ['sum([1, null])', invalidArg('list', 'argument must be list, set, or tuple of number values')],
    [
      'sum([1e400 * 10, -1e400 * 10, pow(2, 1e6), -pow(2, 1e6)])',
      callFailed('sum', "can't compute sum of opposing infinities"),
    ],
  ])('%s fails', (src, want) => expect(errorOf(src)).toBe(want));
});
