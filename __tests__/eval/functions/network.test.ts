import { describe, expect, test } from 'vitest';
import { networkFunctions } from '../../../src/eval/functions/network.js';
import { StringType } from '../../../src/eval/types.js';
import { Value } from '../../../src/eval/value.js';
import { callFailed, evaluator, invalidArg } from './packer-eval.js';

const { str, errorOf, expectValue } = evaluator(networkFunctions);
const strings = (...items: string[]): Value => Value.list(items.map(Value.string), StringType);
const WHOLE = 'value must be a whole number, between -9223372036854775808 and 9223372036854775807';

describe('cidrhost', () => {
  test.each([
    // Documentation examples.
    ['"10.12.127.0/20", 16', '10.12.112.16'],
    ['"10.12.127.0/20", 268', '10.12.113.12'],
    ['"fd00:fd12:3456:7890:00a2::/72", 34', 'fd00:fd12:3456:7890::22'],
    ['"10.1.2.240/28", 1', '10.1.2.241'],
    ['"10.1.2.240/28", 14', '10.1.2.254'],
    // Negative numbers count back from the end of the range.
    ['"10.0.0.0/24", -1', '10.0.0.255'],
    ['"10.0.0.0/24", -256', '10.0.0.0'],
    ['"10.0.0.0/8", 65537', '10.1.0.1'],
    ['"::/0", 1', '::1'],
    ['"2001:db8::/32", 65536', '2001:db8::1:0'],
    // go-cidr treats IPv4-mapped addresses as 32 bits wide and shifts into the wrong end.
    ['"::ffff:0:0/96", 258', '0:102::ffff:0:0'],
  ])('cidrhost(%s)', (args, want) => {
    expect(str(`cidrhost(${args})`)).toBe(want);
  });

  test.each([
    ['"10.0.0.0/24", 256', 'prefix of 24 does not accommodate a host numbered 256'],
    ['"10.0.0.0/24", -300', 'prefix of 24 does not accommodate a host numbered -44'],
    ['"10.0.0.0/33", 1', 'invalid CIDR expression: invalid CIDR address: 10.0.0.0/33'],
    ['"10.0.0.01/24", 1', 'invalid CIDR expression: invalid CIDR address: 10.0.0.01/24'],
    ['"10.0.0.0", 1', 'invalid CIDR expression: invalid CIDR address: 10.0.0.0'],
    ['"10.0.0.0/+8", 1', 'invalid CIDR expression: invalid CIDR address: 10.0.0.0/+8'],
    ['"fe80::1%eth0/64", 1', 'invalid CIDR expression: invalid CIDR address: fe80::1%eth0/64'],
    ['"1::2::3/64", 1', 'invalid CIDR expression: invalid CIDR address: 1::2::3/64'],
    ['"10.0.0.0/24", 1.5', WHOLE],
  ])('cidrhost(%s) fails', (args, message) => {
    expect(errorOf(`cidrhost(${args})`)).toBe(callFailed('cidrhost', message));
  });
});

describe('cidrnetmask', () => {
  test.each([
    ['172.16.0.0/12', '255.240.0.0'], // documentation
    ['10.0.0.0/32', '255.255.255.255'],
    ['0.0.0.0/0', '0.0.0.0'],
    ['fd00::/64', 'ffff:ffff:ffff:ffff::'],
    ['fd00::/3', 'e000::'],
  ])('cidrnetmask(%j) = %j', (prefix, want) => {
    expect(str(`cidrnetmask("${prefix}")`)).toBe(want);
  });

  test('an invalid prefix fails', () => {
    expect(errorOf('cidrnetmask("x")')).toBe(
      callFailed('cidrnetmask', 'invalid CIDR expression: invalid CIDR address: x'),
    );
  });
});

describe('cidrsubnet', () => {
  test.each([
    // Documentation examples.
    ['"172.16.0.0/12", 4, 2', '172.18.0.0/16'],
    ['"10.1.2.0/24", 4, 15', '10.1.2.240/28'],
    ['"fd00:fd12:3456:7890::/56", 16, 162', 'fd00:fd12:3456:7800:a200::/72'],
    // Host bits of the base are dropped first.
    ['"10.1.2.3/24", 0, 0', '10.1.2.0/24'],
    ['"10.0.0.0/8", 24, 16777215', '10.255.255.255/32'],
    ['"::/64", 32, 4294967295', '::ffff:ffff:0:0/96'],
  ])('cidrsubnet(%s)', (args, want) => {
    expect(str(`cidrsubnet(${args})`)).toBe(want);
  });

  test.each([
    ['"10.0.0.0/24", 9, 0', 'insufficient address space to extend prefix of 24 by 9'],
    ['"10.0.0.0/8", 32, 0', 'insufficient address space to extend prefix of 8 by 32'],
    ['"10.0.0.0/24", 4, 16', 'prefix extension of 4 does not accommodate a subnet numbered 16'],
    ['"10.0.0.0/8", 33, 16', 'may not extend prefix by more than 32 bits'],
    ['"10.0.0.0/8", 4, 0.5', WHOLE],
    ['"nope", 4, 1', 'invalid CIDR expression: invalid CIDR address: nope'],
  ])('cidrsubnet(%s) fails', (args, message) => {
    expect(errorOf(`cidrsubnet(${args})`)).toBe(callFailed('cidrsubnet', message));
  });
});

describe('cidrsubnets', () => {
  test.each([
    // Documentation examples.
    ['"10.1.0.0/16", 4, 4, 8, 4', strings('10.1.0.0/20', '10.1.16.0/20', '10.1.32.0/24', '10.1.48.0/20')],
    [
      '"fd00:fd12:3456:7890::/56", 16, 16, 16, 32',
      strings(
        'fd00:fd12:3456:7800::/72',
        'fd00:fd12:3456:7800:100::/72',
        'fd00:fd12:3456:7800:200::/72',
        'fd00:fd12:3456:7800:300::/88',
      ),
    ],
    ['"10.0.0.0/8", 8, 8, 8, 8', strings('10.0.0.0/16', '10.1.0.0/16', '10.2.0.0/16', '10.3.0.0/16')],
    ['"10.0.0.0/24"', Value.list([], StringType)],
    ['"10.0.0.0/24", 1, 1', strings('10.0.0.0/25', '10.0.0.128/25')],
    ['"10.0.0.0/24", 2, 1', strings('10.0.0.0/26', '10.0.0.128/25')],
  ])('cidrsubnets(%s)', (args, want) => {
    expectValue(`cidrsubnets(${args})`, want);
  });

  test('documentation example: nested in a for expression', () => {
    expectValue(
      '[for cidr_block in cidrsubnets("10.0.0.0/8", 8, 8, 8, 8) : cidrsubnets(cidr_block, 4, 4)]',
      Value.tuple([
        strings('10.0.0.0/20', '10.0.16.0/20'),
        strings('10.1.0.0/20', '10.1.16.0/20'),
        strings('10.2.0.0/20', '10.2.16.0/20'),
        strings('10.3.0.0/20', '10.3.16.0/20'),
      ]),
    );
  });

  test.each([
    ['"10.0.0.0/24", 0', 'must extend prefix by at least one bit'],
    ['"10.0.0.0/24", 33', 'may not extend prefix by more than 32 bits'],
    ['"10.0.0.0/24", 9', 'would extend prefix to 33 bits, which is too long for an IPv4 address'],
    ['"::/120", 9', 'would extend prefix to 129 bits, which is too long for an IPv6 address'],
    [
      '"10.0.0.0/24", 1, 1, 1',
      'not enough remaining address space for a subnet with a prefix of 25 bits after 10.0.0.128/25',
    ],
    ['"10.0.0.0/24", 1.5', WHOLE],
    // go-cidr's PreviousSubnet wraps below 0.0.0.0, so the whole space cannot be split.
    ['"0.0.0.0/0", 1, 1', 'not enough remaining address space for a subnet with a prefix of 1 bits after 128.0.0.0/1'],
  ])('cidrsubnets(%s) fails', (args, message) => {
    expect(errorOf(`cidrsubnets(${args})`)).toBe(invalidArg('newbits', message));
  });

  test('an invalid prefix is blamed on the prefix argument', () => {
    expect(errorOf('cidrsubnets("10.0.0.0", 1)')).toBe(
      invalidArg('prefix', 'invalid CIDR expression: invalid CIDR address: 10.0.0.0'),
    );
  });
});
