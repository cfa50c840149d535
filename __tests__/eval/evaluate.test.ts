import { describe, it } from 'vitest';
import { BoolType, DynamicPseudoType, NumberType, StringType, listOf } from '../../src/eval/types.js';
import { DynamicVal, Sensitive, Value } from '../../src/eval/value.js';
import { expectDiags, expectValue, NoContext, secret } from './evaluate-helpers.js';

const str = Value.string;
const n = Value.number;
const err = (summary: string, detail: string, range: string): string =>
  `error: ${summary} | ${detail} | t.hcl:${range}`;
const NoElement = 'The given key does not identify an element in this collection value';

describe('evaluate: literals and operators', () => {
  const cases: [string, Value][] = [
    ['42', n(42)],
    ['"hi"', str('hi')],
    ['null', Value.null(DynamicPseudoType)],
    ['1 + 2 * 3', n(7)],
    ['(1 + 2) * 3', n(9)],
    ['9007199254740993 + 1', n('9007199254740994')],
    ['7 / 2', n(3.5)],
    ['-7 % 3', n(-1)],
    ['7.5 % 2', n(1.5)],
    ['5 % 0', n(5)],
    ['1 / 0', n(Infinity)],
    ['"3" + 1', n(4)],
    ['1 < 2', Value.bool(true)],
    ['2 <= 2', Value.bool(true)],
    ['3 > 4', Value.bool(false)],
    ['"10" > 9', Value.bool(true)],
    ['1 == 1.0', Value.bool(true)],
    ['[1, 2] == [1, 2]', Value.bool(true)],
    ['1 == "1"', Value.bool(false)],
    ['null == null', Value.bool(true)],
    ['1 != 2', Value.bool(true)],
    ['!true', Value.bool(false)],
    ['-var.n', n(-3)],
    // hcl 2.19+ short-circuits && and ||, so a null on the losing side is never an operand.
    ['true && null', Value.bool(false)],
    ['null || true', Value.bool(true)],
    ['var.u + 1', Value.unknown(NumberType)],
    ['var.u == "x"', Value.unknown(BoolType)],
    ['var.u && false', Value.bool(false)],
    ['var.u || true', Value.bool(true)],
    ['var.u || false', Value.unknown(BoolType)],
    ['var.secret == "s3cr3t"', Value.bool(true).mark(Sensitive)],
    ['var.secrets == []', Value.bool(false).mark(Sensitive)],
    ['var.pin + 1', n(1235).mark(Sensitive)],
    ['-var.pin', n(-1234).mark(Sensitive)],
    ['!(var.secret == "")', Value.bool(true).mark(Sensitive)],
  ];
  it.each(cases)('%s', (src, want) => expectValue(src, want));

  const errors: [string, string[], Value][] = [
    [
      '1 + "a"',
      [err('Invalid operand', 'Unsuitable value for right operand: a number is required.', '1,5-8')],
      Value.unknown(NumberType),
    ],
    [
      '1 + null',
      [err('Operation failed', 'Error during operation: argument must not be null.', '1,1-9')],
      Value.unknown(NumberType),
    ],
    [
      'false || null',
      [err('Operation failed', 'Error during operation: argument must not be null.', '1,1-14')],
      Value.unknown(BoolType),
    ],
    [
      '!1',
      [err('Invalid operand', 'Unsuitable value for unary operand: bool required.', '1,2-3')],
      Value.unknown(BoolType),
    ],
    [
      'nope + nada',
      [
        err('Unknown variable', 'There is no variable named "nope".', '1,1-5'),
        err('Unknown variable', 'There is no variable named "nada".', '1,8-12'),
      ],
      Value.unknown(NumberType),
    ],
    ['Infinity', [err('Unknown variable', 'There is no variable named "Infinity".', '1,1-9')], DynamicVal],
  ];
  it.each(errors)('%s reports', (src, want, value) => expectDiags(src, want, value));
});

describe('evaluate: variables, attributes, indexes', () => {
  const cases: [string, Value][] = [
    ['var.foo', str('x')],
    ['var["foo"]', str('x')],
    ['var.list[1]', str('b')],
    ['var.list["1"]', str('b')],
    ['var.list.0', str('a')],
    ['var.tags.env', str('prod')],
    ['var.tags["team"]', str('ops')],
    ['var.objs[1].name', str('b')],
    ['var.ul[0]', Value.unknown(StringType)],
    ['var.uo.a', Value.unknown(StringType)],
    ['var.secrets[0]', secret],
    ['var.marked_list[1]', str('q').mark(Sensitive)],
    ['var.list[var.pin - 1233]', str('b').mark(Sensitive)],
    ['var.objs[*].name', Value.list([str('a'), str('b')])],
    ['var.objs.*.name', Value.list([str('a'), str('b')])],
    ['var.foo[*]', Value.tuple([str('x')])],
    ['var.nul[*]', Value.tuple([])],
    ['var.nul_map[*]', Value.tuple([])],
    ['var.ul[*]', Value.unknown(listOf(StringType))],
    ['var.u[*]', DynamicVal],
    ['var.empty[*]', Value.list([], StringType)],
    ['var.marked_list[*]', Value.list([str('p'), str('q')]).mark(Sensitive)],
    ['[[1, 2], [3]][*][0]', Value.tuple([n(1), n(3)])],
  ];
  it.each(cases)('%s', (src, want) => expectValue(src, want));

  const errors: [string, string[]][] = [
    ['nope', [err('Unknown variable', 'There is no variable named "nope".', '1,1-5')]],
    ['vat.foo', [err('Unknown variable', 'There is no variable named "vat". Did you mean "var"?', '1,1-4')]],
    ['var.bar', [err('Unsupported attribute', 'This object does not have an attribute named "bar".', '1,4-8')]],
    ['var.uo.b', [err('Unsupported attribute', 'This object does not have an attribute named "b".', '1,7-9')]],
    ['var.bar.baz', [err('Unsupported attribute', 'This object does not have an attribute named "bar".', '1,4-8')]],
    [
      'var.list[2]',
      [
        err(
          'Invalid index',
          `${NoElement}: the given index is greater than or equal to the length of the collection.`,
          '1,9-12',
        ),
      ],
    ],
    // As hcl, only index == length gets the specific message.
    ['var.list[5]', [err('Invalid index', `${NoElement}.`, '1,9-12')]],
    [
      'var.list[-1]',
      [err('Invalid index', `${NoElement}: a negative number is not a valid index for a sequence.`, '1,9-13')],
    ],
    [
      'var.list[0.5]',
      [
        err(
          'Invalid index',
          `${NoElement}: indexing a sequence requires a whole number, but the given index has a fractional part.`,
          '1,9-14',
        ),
      ],
    ],
    ['var.empty[0]', [err('Invalid index', `${NoElement}: the collection has no elements.`, '1,10-13')]],
    ['var.list["x"]', [err('Invalid index', `${NoElement}: a number is required.`, '1,9-14')]],
    ['var.marked_list[2]', [err('Invalid index', `${NoElement}.`, '1,16-19')]],
    ['var.tags["nope"]', [err('Invalid index', `${NoElement}.`, '1,9-17')]],
    ['var.tags.nope', [err('Missing map element', 'This map does not have an element with the key "nope".', '1,9-14')]],
    [
      'var.set[0]',
      [
        err(
          'Invalid index',
          "Elements of a set are identified only by their value and don't have any separate index or key to select with, so it's only possible to perform operations across all elements of the set.",
          '1,8-11',
        ),
      ],
    ],
    ['var.foo[0]', [err('Invalid index', 'This value does not have any indices.', '1,8-11')]],
    [
      'var[0]',
      [
        err(
          'Invalid index',
          `${NoElement}. An object only supports looking up attributes by name, not by numeric index.`,
          '1,4-7',
        ),
      ],
    ],
    ['var.list[null]', [err('Invalid index', "Can't use a null value as an indexing key.", '1,9-15')]],
    [
      'var.nul[0]',
      [err('Attempt to index null value', 'This value is null, so it does not have any indices.', '1,8-11')],
    ],
    [
      'var.nul.x',
      [
        err(
          'Attempt to get attribute from null value',
          'This value is null, so it does not have any attributes.',
          '1,8-10',
        ),
      ],
    ],
    [
      'var.foo.bar',
      [err('Unsupported attribute', "Can't access attributes on a primitive-typed value (string).", '1,8-12')],
    ],
    [
      'var.objs.name',
      [
        err(
          'Unsupported attribute',
          'Can\'t access attributes on a list of objects. Did you mean to access attribute "name" for a specific element of the list, or across all elements of the list?',
          '1,9-14',
        ),
      ],
    ],
    ['var.list.foo', [err('Unsupported attribute', 'This value does not have any attributes.', '1,9-13')]],
    [
      'var.nul_list[*]',
      [
        err(
          'Splat of null value',
          'Splat expressions (with the * symbol) cannot be applied to null sequences.',
          '1,1-13',
        ),
      ],
    ],
  ];
  it.each(errors)('%s reports', (src, want) => expectDiags(src, want, DynamicVal));

  it('reports variables and functions as not allowed without a context', () => {
    expectDiags(
      'var.foo',
      [err('Variables not allowed', 'Variables may not be used here.', '1,1-4')],
      DynamicVal,
      NoContext,
    );
    expectDiags(
      'upper("a")',
      [err('Function calls not allowed', 'Functions may not be called here.', '1,1-11')],
      DynamicVal,
      NoContext,
    );
    expectValue('[for x in [1]: x + 1]', Value.tuple([n(2)]), NoContext);
  });
});

describe('evaluate: constructors and conditionals', () => {
  const cases: [string, Value][] = [
    ['[1, "a"]', Value.tuple([n(1), str('a')])],
    ['{a = 1, "b" = 2, (local.name) = 3}', Value.object({ a: n(1), b: n(2), kiln: n(3) })],
    ['{true = 1, null = 2, 3 = 3}', Value.object({ true: n(1), null: n(2), 3: n(3) })],
    ['{a = 1, a = 2}', Value.object({ a: n(2) })],
    ['{(var.u) = 1}', DynamicVal],
    ['{(var.secret) = 1}', Value.object({ s3cr3t: n(1) }).mark(Sensitive)],
    ['{a = var.secret}', Value.object({ a: secret })],
    ['true ? {a = 1} : {b = 1}', Value.map({ a: n(1) })],
    ['true ? 1 : "a"', str('1')],
    ['false ? 1 : null', Value.null(NumberType)],
    ['"true" ? 1 : 2', n(1)],
    ['var.u == "" ? 1 : 2', Value.unknown(NumberType)],
    ['var.u == "" ? null : null', Value.null(DynamicPseudoType)],
    ['var.secret == "" ? "a" : "b"', str('b').mark(Sensitive)],
    ['true ? "a" : var.secret', str('a').mark(Sensitive)],
    // Only the chosen result's diagnostics count.
    ['false ? var.nope : 1', n(1)],
  ];
  it.each(cases)('%s', (src, want) => expectValue(src, want));

  const errors: [string, string[], Value][] = [
    [
      '{a.b = 1}',
      [
        err(
          'Ambiguous attribute key',
          "If this expression is intended to be a reference, wrap it in parentheses. If it's instead intended as a literal name containing periods, wrap it in quotes to create a string literal.",
          '1,2-5',
        ),
      ],
      DynamicVal,
    ],
    ['{(var.nul) = 1}', [err('Null value as key', "Can't use a null value as a key.", '1,14-15')], DynamicVal],
    [
      '{(var.list) = 1}',
      [err('Incorrect key type', "Can't use this value as a key: string required.", '1,2-12')],
      DynamicVal,
    ],
    [
      'true ? [1] : {}',
      [
        err(
          'Inconsistent conditional result types',
          "The true and false result expressions must have consistent types. The 'true' value is tuple, but the 'false' value is object.",
          '1,8-16',
        ),
      ],
      DynamicVal,
    ],
    [
      'true ? {a = 1} : {a = "x", b = [1]}',
      [
        err(
          'Inconsistent conditional result types',
          "The true and false result expressions must have consistent types. Type mismatch for object attribute \"a\": The 'true' value is number, but the 'false' value is string.",
          '1,8-36',
        ),
      ],
      DynamicVal,
    ],
    [
      'null ? 1 : 2',
      [err('Null condition', 'The condition value is null. Conditions must either be true or false.', '1,1-5')],
      Value.unknown(NumberType),
    ],
    [
      '1 ? "a" : "b"',
      [err('Incorrect condition type', 'The condition expression must be of type bool.', '1,1-2')],
      Value.unknown(StringType),
    ],
    [
      'true ? var.nope : 1',
      [err('Unsupported attribute', 'This object does not have an attribute named "nope".', '1,11-16')],
      DynamicVal,
    ],
  ];
  it.each(errors)('%s reports', (src, want, value) => expectDiags(src, want, value));
});
