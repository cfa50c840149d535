import { describe, expect, test } from 'vitest';
import { DynamicPseudoType, listOf, StringType } from '../../../src/eval/types.js';
import { Value } from '../../../src/eval/value.js';
import { callFailed, errorOf, expectValue, invalidArg, list, n, s, strings, tuple } from './library-helpers.js';

describe('regex functions: Packer documentation examples', () => {
  test.each([
    ['regex("[a-z]+", "53453453.345345aaabbbccc23454")', s('aaabbbccc')],
    ['regex("(\\\\d\\\\d\\\\d\\\\d)-(\\\\d\\\\d)-(\\\\d\\\\d)", "2019-02-01")', tuple(s('2019'), s('02'), s('01'))],
    [
      // The documentation shows an attribute named "packer"; the group is named "authority".
      'regex("^(?:(?P<scheme>[^:/?#]+):)?(?://(?P<authority>[^/?#]*))?", "https://packer.io/docs/")',
      Value.object({ authority: s('packer.io'), scheme: s('https') }),
    ],
    ['regexall("[a-z]+", "1234abcd5678efgh9")', strings('abcd', 'efgh')],
    ['length(regexall("[a-z]+", "1234abcd5678efgh9"))', n(2)],
    ['length(regexall("[a-z]+", "123456789")) > 0', Value.bool(false)],
    ['regex_replace("hello world", "world", "everybody")', s('hello everybody')],
    ['regex_replace("hello world", "w.*d", "everybody")', s('hello everybody')],
    ['regex_replace("-ab-axxb-", "a(x*)b", "$1W")', s('---')],
    // "${1}" in a quoted HCL string is an interpolation; "$${1}" passes it through.
    ['regex_replace("-ab-axxb-", "a(x*)b", "$${1}W")', s('-W-xxW-')],
  ])('%s', (src, want) => expectValue(src, want));

  test('regex fails when nothing matches', () => {
    expect(errorOf('regex("[a-z]+", "53453453.34534523454")')).toBe(
      callFailed('regex', 'pattern did not match any part of the given string'),
    );
  });
});

describe('regex functions: Go regexp semantics (checked against Packer 1.6.6 where it has them)', () => {
  test.each([
    // Empty matches right after a match are skipped, as in Go's FindAll and ReplaceAll.
    ['regexall("a*", "baaac")', strings('', 'aaa', '')],
    ['regex_replace("abc", "x*", "-")', s('-a-b-c-')],
    ['regex_replace("baaac", "a*", "-")', s('-b-c-')],
    ['regexall("x*", "😀😀")', strings('', '', '')],
    ['regex("(a)|(b)", "b")', tuple(Value.null(StringType), s('b'))],
    ['regex("(?P<x>a)|(?P<y>b)", "b")', Value.object({ x: Value.null(StringType), y: s('b') })],
    ['regexall("(\\\\w)(\\\\d)", "a1 b2")', list(tuple(s('a'), s('1')), tuple(s('b'), s('2')))],
    ['regexall("z", "abc")', Value.list([], StringType)],
    ['regexall("(?i)é", "xÉé")', strings('É', 'é')],
    ['regex("^\\\\pL+\\\\z", "ñandú")', s('ñandú')],
    ['regex("\\\\Qa.b\\\\E", "xa.b")', s('a.b')],
    ['regex("[[:digit:]]+", "ab123")', s('123')],
    // Replacement templates: $name, $$, unknown groups are empty, "$x" without a name is literal.
    ['regex_replace("ab", "(?P<first>a)", "[$first][$$][$2][$x")', s('[a][$][][b')],
    ['regex_replace("ab", "(a)", "$")', s('$b')],
    ['regex_replace("ab", "(a)", "$${1")', s('${1b')],
    ['regex_replace("ab", "(a)", "$01")', s('b')],
    ['regex(v.us, "a")', Value.unknown(DynamicPseudoType)],
    ['regexall(v.us, "a")', Value.unknown(listOf(DynamicPseudoType))],
  ])('%s', (src, want) => expectValue(src, want));

  test.each([
    ['regex("(a", "b")', invalidArg('pattern', 'invalid regexp pattern: missing closing ) in (a')],
    ['regexall("a**", "a")', invalidArg('pattern', 'invalid regexp pattern: invalid nested repetition operator in **')],
    ['regex("\\\\8", "a")', invalidArg('pattern', 'invalid regexp pattern: invalid escape sequence in \\8')],
    [
      'regex("(?P<x>a)(b)", "ab")',
      invalidArg('pattern', 'invalid regexp pattern: cannot mix both named and unnamed capture groups'),
    ],
    ['regex_replace("a", "(", "")', callFailed('regex_replace', 'error parsing regexp: missing closing ): `(`')],
  ])('%s fails', (src, want) => expect(errorOf(src)).toBe(want));
});
