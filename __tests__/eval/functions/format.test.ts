import { describe, expect, test } from 'vitest';
import { listOf, StringType } from '../../../src/eval/types.js';
import { Value } from '../../../src/eval/value.js';
import { callFailed, errorOf, expectValue, invalidArg, s, strings } from './library-helpers.js';

describe('format and formatlist: Packer documentation examples', () => {
  test.each([
    ['format("Hello, %s!", "Ander")', s('Hello, Ander!')],
    ['format("There are %d lights", 4)', s('There are 4 lights')],
    [
      'formatlist("Hello, %s!", ["Valentina", "Ander", "Olivia", "Sam"])',
      strings('Hello, Valentina!', 'Hello, Ander!', 'Hello, Olivia!', 'Hello, Sam!'),
    ],
    [
      'formatlist("%s, %s!", "Salutations", ["Valentina", "Ander", "Olivia", "Sam"])',
      strings('Salutations, Valentina!', 'Salutations, Ander!', 'Salutations, Olivia!', 'Salutations, Sam!'),
    ],
    ['format("%s%02d", "foo", 1)', s('foo01')],
  ])('%s', (src, want) => expectValue(src, want));
});

describe('format verbs, as Packer 1.6.6 prints them', () => {
  test.each([
    [
      'format("%5.2f|%-8.3e|%+d|% d|%08.3f|%x|%X|%o|%b|%g", 3.14159, 1234.5678, 5, 5, -3.14159, 255, 255, 8, 5, 0.00001234)',
      ' 3.14|1.235e+03|+5| 5|-003.142|ff|FF|10|101|1.234e-05',
    ],
    // Rounding follows the 512-bit binary value: 0.15 is stored above, 1.005 below.
    ['format("%.1f|%.2f|%.0f|%.1f|%.0f", 0.15, 1.005, 2.5, 0.25, 0.5)', '0.2|1.00|2|0.2|0'],
    ['format("%v|%v|%v|%v", 1234567, 123456, 0.0001, 0.00001)', '1.234567e+06|123456|0.0001|1e-05'],
    ['format("%05v|%-05s|%-8.3f|%08.3f", -5, "ab", 1.5, -1.5)', '000-5|ab000|1.500   |-001.500'],
    ['format("%e|%g|%g|%.3g|%g", 0, 100000, 1e21, 1234.5, 0.1)', '0.000000e+00|100000|1e+21|1.23e+03|0.1'],
    ['format("%x|%#x|%+.3e|%.0d|%5.3d|%-5d|", -255, 255, -0.0001234, 0, 7, 3)', '-ff|0xff|-1.234e-04||  007|3    |'],
    ['format("%s|%q|%t", 1.50, 2, "true")', '1.5|"2"|true'],
    ['format("%.2s|%5s|%-5s|", "héllo", "ab", "ab")', 'hé|   ab|ab   |'],
    ['format("%v|%v|%5v|%-5v|%v", true, [1,"a"], "ab", 1, {b=null})', 'true|[1,"a"]|   ab|1    |{"b":null}'],
    ['format("%#v", {a=[1,"<"]})', '{"a":[1,"\\u003c"]}'],
    ['format("%q", "a\\"<b\\n")', '"a\\"\\u003cb\\n"'],
    ['format("%[2]d %d", 1, 2, 3)', '2 3'],
    ['format("%v", null)', 'null'],
    ['format("%d%%", 50)', '50%'],
  ])('%s', (src, want) => expectValue(src, s(want)));

  test.each([
    ['format("%E|%G|%.3G", 123456.789, 1e-7, 0.000012345)', '1.234568E+05|1E-07|1.23E-05'],
    ['format("%#o|%#b|%#X|%+x", 8, 5, 255, 255)', '010|0b101|0XFF|+ff'],
    ['format("%d", 123456789012345678901234567890)', '123456789012345678901234567890'],
    ['format("%x", 18446744073709551616)', '10000000000000000'],
    ['format("%.3f|%.1e", 2.0005, 9.96)', '2.001|1.0e+01'],
    [
      'format("%f|%8.2f|%+f|% f|%v", pow(2, 2000), 1.005, 0, pow(2, 2000), pow(2, 2000))',
      '+Inf|    1.00|+0.000000| Inf|+Inf',
    ],
    ['format("%6.2v|%.0s|%3s", "abc", "abc", "🤔🤷")', '   abc|abc| 🤔🤷'],
    ['format("%s", true)', 'true'],
    ['format("%t", true)', 'true'],
    ['format("%v", [])', '[]'],
    ['format("%v", "\\u2028")', '\u2028'],
    ['format("%#v", "\\u2028&")', '"\\u2028\\u0026"'],
  ])('%s', (src, want) => expectValue(src, s(want)));

  test('unknown arguments give an unknown string', () => {
    expectValue('format("%s", v.us)', Value.unknown(StringType));
    expectValue('format("%v", [v.us])', Value.unknown(StringType));
  });
});

describe('format errors', () => {
  test.each([
    ['format("abc%")', callFailed('format', 'invalid format string starting at offset 4')],
    ['format("ab%5")', callFailed('format', 'invalid format string starting at offset 4')],
    ['format("%!")', callFailed('format', "unrecognized format character '!' at offset 1")],
    ['format("é%ü")', callFailed('format', "unrecognized format character 'ü' at offset 3")],
    ['format("%[a]d", 1)', callFailed('format', "unrecognized format character 'a' at offset 2")],
    ['format("%[0]d", 1)', callFailed('format', "unrecognized format character '0' at offset 2")],
    ['format("%[1]5d", 1)', callFailed('format', "unrecognized format character '5' at offset 4")],
    ['format("%-%")', callFailed('format', "unrecognized format character '%' at offset 2")],
    ['format("%s %s", "a")', callFailed('format', 'not enough arguments for "%s" at 3: need index 2 but have 1 total')],
    ['format("%s", "a", "b")', invalidArg('args', 'too many arguments; only 1 used by format string')],
    ['format("a", "b")', invalidArg('args', 'too many arguments; no verbs in format string')],
    ['format("%y", 1)', callFailed('format', 'unsupported format verb \'y\' in "%y" at offset 0')],
    ['format("%F", 1)', callFailed('format', 'unsupported format verb \'F\' in "%F" at offset 0')],
    ['format("%d", 1.5)', callFailed('format', 'unsupported value for "%d" at 0: an integer is required')],
    ['format("%d", null)', callFailed('format', 'unsupported value for "%d" at 0: null value cannot be formatted')],
    ['format("%d", "x")', callFailed('format', 'unsupported value for "%d" at 0: a number is required')],
  ])('%s', (src, want) => expect(errorOf(src)).toBe(want));

  // The conversion message itself is convert.ts's ("bool required" in Packer's cty).
  test.each([
    [
      'format("%t", 1)',
      'Error in function call: Call to function "format" failed: unsupported value for "%t" at 0: bool required',
    ],
    [
      'format("%s", [1])',
      'Error in function call: Call to function "format" failed: unsupported value for "%s" at 0: string required',
    ],
  ])('%s', (src, prefix) => expect(errorOf(src).startsWith(prefix), errorOf(src)).toBe(true));
});

describe('formatlist', () => {
  test.each([
    ['formatlist("%s-%s", "x", [])', Value.list([], StringType)],
    ['formatlist("x")', strings('x')],
    ['formatlist("%s=%d", ["a", "b"], [1, 2])', strings('a=1', 'b=2')],
    ['formatlist("%s", v.set)', strings('a', 'b', 'c')],
    ['formatlist("%v", v.nls)', strings('null')],
    ['formatlist("%s", v.uls)', Value.unknown(listOf(StringType))],
    ['formatlist("%s", v.strs_unknown)', Value.list([s('b'), Value.unknown(StringType)])],
  ])('%s', (src, want) => expectValue(src, want));

  test.each([
    [
      'formatlist("%s=%d", ["a","b"], [1])',
      invalidArg('args', 'argument 2 has length 1, which is inconsistent with argument 1 of length 2'),
    ],
    [
      'formatlist("%d", ["a"])',
      callFailed('formatlist', 'error on format iteration 0: unsupported value for "%d" at 0: a number is required'),
    ],
    [
      'formatlist("%s", ["a"], "b")',
      callFailed('formatlist', 'error on format iteration 0: too many arguments; only 1 used by format string'),
    ],
  ])('%s fails', (src, want) => expect(errorOf(src)).toBe(want));
});
