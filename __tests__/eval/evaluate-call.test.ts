import { describe, it } from 'vitest';
import { BoolType, StringType } from '../../src/eval/types.js';
import { DynamicVal, Sensitive, Value } from '../../src/eval/value.js';
import { expectDiags, expectValue, secret } from './evaluate-helpers.js';

const str = Value.string;
const n = Value.number;
const err = (summary: string, detail: string, range: string): string =>
  `error: ${summary} | ${detail} | t.hcl:${range}`;

describe('evaluate: function calls', () => {
  const cases: [string, Value][] = [
    ['upper("a")', str('A')],
    ['add(1, [2, 3]...)', n(6)],
    ['add([1, 2]...)', n(3)],
    ['add(1, var.ul...)', DynamicVal],
    ['add(var.pin, 1)', n(1235).mark(Sensitive)],
    ['add(0, var.pins...)', n(3).mark(Sensitive)],
    ['upper(var.secret)', str('S3CR3T').mark(Sensitive)],
    ['upper(var.u)', Value.unknown(StringType)],
    ['try(var.nope, "fb")', str('fb')],
    ['try(var.foo, "fb")', str('x')],
    ['try(var.u, "fb")', DynamicVal],
    ['try(var.secret, "x")', secret],
    ['can(var.nope)', Value.bool(false)],
    ['can(var.foo)', Value.bool(true)],
    ['can(var.u)', Value.unknown(BoolType)],
    ['convert([1, 2], list(string))', Value.list([str('1'), str('2')])],
    ['convert(var.secret, string)', secret],
    ['convert(null, number)', Value.null({ kind: 'number' })],
  ];
  it.each(cases)('%s', (src, want) => expectValue(src, want));

  const errors: [string, string[]][] = [
    [
      'uper("a")',
      [err('Call to unknown function', 'There is no function named "uper". Did you mean "upper"?', '1,1-5')],
    ],
    ['nothing()', [err('Call to unknown function', 'There is no function named "nothing".', '1,1-8')]],
    [
      'upper()',
      [
        err(
          'Not enough function arguments',
          'Function "upper" expects 1 argument(s). Missing value for "str".',
          '1,7-8',
        ),
      ],
    ],
    [
      'add()',
      [
        err(
          'Not enough function arguments',
          'Function "add" expects at least 1 argument(s). Missing value for "a".',
          '1,5-6',
        ),
      ],
    ],
    [
      'upper("a", "b")',
      [err('Too many function arguments', 'Function "upper" expects only 1 argument(s).', '1,13-14')],
    ],
    ['upper([])', [err('Invalid function argument', 'Invalid value for "str" parameter: string required.', '1,7-8')]],
    [
      'add(1, "x"...)',
      [
        err(
          'Invalid expanding argument value',
          'The expanding argument (indicated by ...) must be of a tuple, list, or set type.',
          '1,8-11',
        ),
      ],
    ],
    [
      'add(1, var.nul_list...)',
      [
        err(
          'Invalid expanding argument value',
          'The expanding argument (indicated by ...) must not be null.',
          '1,8-20',
        ),
      ],
    ],
    ['upper(nope)', [err('Unknown variable', 'There is no variable named "nope".', '1,7-11')]],
    [
      'try(var.nope)',
      [
        err(
          'Error in function call',
          'Call to function "try" failed: no expression succeeded:\n- Unsupported attribute (at t.hcl:1,8-13)\n  This object does not have an attribute named "nope".\n\nAt least one expression must produce a successful result.',
          '1,1-5',
        ),
      ],
    ],
    [
      'try()',
      [err('Error in function call', 'Call to function "try" failed: at least one argument is required.', '1,1-5')],
    ],
    [
      'can()',
      [
        err(
          'Not enough function arguments',
          'Function "can" expects 1 argument(s). Missing value for "expression".',
          '1,5-6',
        ),
      ],
    ],
    [
      'convert("a", number)',
      [err('Invalid function argument', 'Invalid value for "value" parameter: a number is required.', '1,10-11')],
    ],
    [
      'convert(1, foo)',
      [err('Invalid type specification', 'The keyword "foo" is not a valid type specification.', '1,12-15')],
    ],
  ];
  it.each(errors)('%s reports', (src, want) => expectDiags(src, want, DynamicVal));
});
