import { describe, it } from 'vitest';
import { StringType } from '../../src/eval/types.js';
import { DynamicVal, Sensitive, Value } from '../../src/eval/value.js';
import { expectDiags, expectValue, secret } from './evaluate-helpers.js';

const str = Value.string;
const n = Value.number;
const err = (summary: string, detail: string, range: string): string =>
  `error: ${summary} | ${detail} | t.hcl:${range}`;

describe('evaluate: for expressions', () => {
  const cases: [string, Value][] = [
    ['[for x in [1, 2, 3]: x * 2 if x > 1]', Value.tuple([n(4), n(6)])],
    ['[for i, v in ["a", "b"]: "${i}${v}"]', Value.tuple([str('0a'), str('1b')])],
    ['{for k, v in {b = 1, a = 2}: v => k}', Value.object({ 1: str('b'), 2: str('a') })],
    ['[for k, v in {b = 1, a = 2}: k]', Value.tuple([str('a'), str('b')])],
    [
      '{for v in ["a", "b", "a"]: v => v...}',
      Value.object({ a: Value.tuple([str('a'), str('a')]), b: Value.tuple([str('b')]) }),
    ],
    ['[for k, v in var.set: "${k}=${v}"]', Value.tuple([str('a=a'), str('b=b')])],
    ['[for x in var.ul: x]', DynamicVal],
    ['[for k, v in {a = 1}: k if var.u == ""]', DynamicVal],
    ['[for s in var.secrets: s]', Value.tuple([secret, str('plain')])],
    ['[for s in var.marked_list: s]', Value.tuple([str('p'), str('q')]).mark(Sensitive)],
    ['[for s in var.list: s if s == var.secret]', Value.tuple([]).mark(Sensitive)],
    ['{for s in var.secrets: s => 1}', Value.object({ s3cr3t: n(1), plain: n(1) }).mark(Sensitive)],
    ['[for x in [1]: [for y in [2]: x + y]]', Value.tuple([Value.tuple([n(3)])])],
  ];
  it.each(cases)('%s', (src, want) => expectValue(src, want));

  const errors: [string, string[], Value][] = [
    [
      '{for v in ["a", "a"]: v => 1}',
      [
        err(
          'Duplicate object key',
          'Two different items produced the key "a" in this \'for\' expression. If duplicates are expected, use the ellipsis (...) after the value expression to enable grouping by key.',
          '1,23-24',
        ),
      ],
      Value.object({ a: n(1) }),
    ],
    [
      '[for x in null: x]',
      [
        err(
          'Iteration over null value',
          "A null value cannot be used as the collection in a 'for' expression.",
          '1,11-15',
        ),
      ],
      DynamicVal,
    ],
    [
      '[for x in 1: x]',
      [
        err(
          'Iteration over non-iterable value',
          "A value of type number cannot be used as the collection in a 'for' expression.",
          '1,11-12',
        ),
      ],
      DynamicVal,
    ],
    [
      '[for x in [1, 2]: x if x]',
      [err("Invalid 'for' condition", "The 'if' clause value is invalid: bool required.", '1,24-25')],
      DynamicVal,
    ],
    [
      '[for x in [1]: x if null]',
      [err('Condition is null', "The value of the 'if' clause must not be null.", '1,21-25')],
      DynamicVal,
    ],
    [
      '{for x in [1]: null => x}',
      [err('Invalid object key', "Key expression in 'for' expression must not produce a null value.", '1,16-20')],
      DynamicVal,
    ],
    [
      '{for x in [[1]]: x => 1}',
      [err('Invalid object key', 'The key expression produced an invalid result: string required.', '1,18-19')],
      DynamicVal,
    ],
    [
      '[for x in [1, 2]: x.y]',
      [
        err('Unsupported attribute', "Can't access attributes on a primitive-typed value (number).", '1,20-22'),
        err('Unsupported attribute', "Can't access attributes on a primitive-typed value (number).", '1,20-22'),
      ],
      Value.tuple([DynamicVal, DynamicVal]),
    ],
  ];
  it.each(errors)('%s reports', (src, want, value) => expectDiags(src, want, value));
});

describe('evaluate: templates', () => {
  const cases: [string, Value][] = [
    ['"a${var.foo}b"', str('axb')],
    ['"n=${var.n} b=${true}"', str('n=3 b=true')],
    ['"${var.n}"', n(3)],
    ['"${var.list}"', Value.list([str('a'), str('b')])],
    ['"a${var.u}"', Value.unknown(StringType)],
    ['"a${var.secret}"', str('as3cr3t').mark(Sensitive)],
    ['"a${var.u}${var.secret}"', Value.unknown(StringType).mark(Sensitive)],
    ['"%{for x in [1, 2]}${x},%{endfor}"', str('1,2,')],
    ['"%{for k, v in {a = 1}}${k}=${v}%{endfor}"', str('a=1')],
    ['"%{if var.n > 2}big%{else}small%{endif}"', str('big')],
    ['"%{if false}x%{endif}"', str('')],
    ['"%{if var.u == ""}a%{endif}"', Value.unknown(StringType)],
    ['"%{for s in var.secrets}${s}%{endfor}"', str('s3cr3tplain').mark(Sensitive)],
    ['"%{for s in var.ul}${s}%{endfor}"', Value.unknown(StringType)],
    ['"%{if var.secret == ""}a%{else}b%{endif}"', str('b').mark(Sensitive)],
    ['<<EOT\nhello ${var.foo}\nEOT\n', str('hello x\n')],
    ['"a ${~ var.foo ~} b"', str('axb')],
  ];
  it.each(cases)('%s', (src, want) => expectValue(src, want));

  const errors: [string, string[], Value][] = [
    [
      '"a${null}"',
      [
        err(
          'Invalid template interpolation value',
          'The expression result is null. Cannot include a null value in a string template.',
          '1,5-9',
        ),
      ],
      str('a'),
    ],
    [
      '"a${var.list}"',
      [
        err(
          'Invalid template interpolation value',
          'Cannot include the given value in a string template: string required.',
          '1,5-13',
        ),
      ],
      str('a'),
    ],
    [
      '"%{if 1}a%{endif}"',
      [err('Incorrect condition type', 'The condition expression must be of type bool.', '1,7-8')],
      Value.unknown(StringType),
    ],
  ];
  it.each(errors)('%s reports', (src, want, value) => expectDiags(src, want, value));
});
