import { describe, expect, test } from 'vitest';
import { StringType } from '../../../src/eval/types.js';
import { Sensitive, Value } from '../../../src/eval/value.js';
import { b, callFailed, errorOf, expectValue, s, strings } from './library-helpers.js';

const WHOLE = 'value must be a whole number, between -9223372036854775808 and 9223372036854775807';

describe('string functions: Packer documentation examples', () => {
  test.each([
    ['chomp("hello\\n")', s('hello')],
    ['chomp("hello\\r\\n")', s('hello')],
    ['chomp("hello\\n\\n")', s('hello')],
    ['endswith("hello world", "world")', b(true)],
    ['endswith("hello world", "hello")', b(false)],
    // The documentation writes %{indent(...)}; the interpolation is ${...}.
    // The documentation writes %{indent(...)}; in HCL the interpolation is ${...}.
    ['"  items: ${indent(2, "[\\n  foo,\\n  bar,\\n]\\n")}"', s('  items: [\n    foo,\n    bar,\n  ]\n  ')],
    ['join(", ", ["foo", "bar", "baz"])', s('foo, bar, baz')],
    ['join(", ", ["foo"])', s('foo')],
    ['lower("HELLO")', s('hello')],
    ['lower("АЛЛО!")', s('алло!')],
    ['replace("1 + 2 + 3", "+", "-")', s('1 - 2 - 3')],
    ['replace("hello world", "world", "everybody")', s('hello everybody')],
    ['split(",", "foo,bar,baz")', strings('foo', 'bar', 'baz')],
    ['split(",", "foo")', strings('foo')],
    ['split(",", "")', strings('')],
    ['startswith("hello world", "hello")', b(true)],
    ['startswith("hello world", "world")', b(false)],
    ['strcontains("hello world", "wor")', b(true)],
    ['strcontains("hello world", "wod")', b(false)],
    ['strrev("hello")', s('olleh')],
    ['strrev("a ☃")', s('☃ a')],
    ['substr("hello world", 1, 4)', s('ello')],
    ['substr("🤔🤷", 0, 1)', s('🤔')],
    ['title("hello world")', s('Hello World')],
    ['trim("?!hello?!", "!?")', s('hello')],
    ['trimprefix("helloworld", "hello")', s('world')],
    ['trimspace("  hello\\n\\n")', s('hello')],
    ['trimsuffix("helloworld", "world")', s('hello')],
    ['upper("hello")', s('HELLO')],
    ['upper("алло!")', s('АЛЛО!')],
  ])('%s', (src, want) => expectValue(src, want));
});

describe('string functions: Go semantics checked against Packer 1.6.6', () => {
  test.each([
    // Simple (one rune to one rune) case mapping, as Go's unicode package.
    ['upper("ßᾀİ")', s('ßᾈİ')],
    ['lower("İΣ")', s('iσ')],
    ['title("hello_world foo-bar ǆx 3rd éa")', s('Hello_world Foo-Bar ǅx 3rd Éa')],
    ['split("", "")', Value.list([], StringType)],
    ['split("", "abc")', strings('a', 'b', 'c')],
    ['split("", "a😀")', strings('a', '😀')],
    ['replace("abc", "", "-")', s('-a-b-c-')],
    ['replace("a😀", "", "-")', s('-a-😀-')],
    ['replace("aaa", "aa", "b")', s('ba')],
    ['replace("$1", "1", "$&")', s('$$&')],
    // substr: negative offsets count from the end; a zero length after one takes the rest.
    ['substr("abc", -1, 0)', s('c')],
    ['substr("abc", -5, 2)', s('ab')],
    ['substr("abc", 1, 0)', s('')],
    ['substr("abc", 1, -1)', s('bc')],
    ['substr("abc", 3, 1)', s('')],
    ['substr("abc", 7, 1)', s('')],
    ['substr("e\u0301x", 0, 1)', s('e\u0301')],
    ['strrev("ae\u0301😀")', s('😀e\u0301a')],
    ['chomp("a\\r")', s('a')],
    ['chomp("a\\n\\r\\n\\rb\\n")', s('a\n\r\n\rb')],
    ['trim("xxaxx", "x")', s('a')],
    ['trim("😀a😀", "😀")', s('a')],
    ['trimspace("\\u00a0\\t x \\u3000")', s('x')],
    ['trimspace("\\ufeffx")', s('\ufeffx')],
    ['trimprefix("hello", "")', s('hello')],
    ['trimsuffix("hello", "x")', s('hello')],
    ['indent(4, "a\\nb\\n")', s('a\n    b\n    ')],
    ['join("-", ["a"], ["b", "c"])', s('a-b-c')],
    ['join("-", [])', s('')],
    ['join(",", [1, true])', s('1,true')],
    ['startswith("abc", "")', b(true)],
    ['upper(v.us)', Value.unknown(StringType)],
    ['join(",", v.strs_unknown)', Value.unknown(StringType)],
    ['upper(v.secret)', s('HUNTER2').mark(Sensitive)],
  ])('%s', (src, want) => expectValue(src, want));

  test.each([
    ['substr("abc", 0.5, 1)', callFailed('substr', WHOLE)],
    ['indent(1.5, "a")', callFailed('indent', WHOLE)],
    ['indent(-1, "a")', callFailed('indent', 'panic in function implementation: strings: negative Repeat count')],
    ['join(",")', callFailed('join', 'at least one list is required')],
    [
      'join(",", v.strs_null)',
      'Invalid function argument: Invalid value for "lists" parameter: element 1 is null; cannot concatenate null values.',
    ],
    [
      'join(",", ["a"], v.strs_null)',
      'Invalid function argument: Invalid value for "lists" parameter: element 1 of list 2 is null; cannot concatenate null values.',
    ],
    ['upper(v.ns)', 'Invalid function argument: Invalid value for "str" parameter: argument must not be null.'],
  ])('%s fails', (src, want) => expect(errorOf(src)).toBe(want));
});
