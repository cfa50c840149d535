import { describe, expect, it } from 'vitest';
import { cidrProblem } from '../../../src/components/builders/amazon-ebs/cidr.js';
import { isValidKmsKey } from '../../../src/components/builders/amazon-ebs/kms-key.js';
import { isRfc3339 } from '../../../src/components/builders/amazon-ebs/rfc3339.js';

/* The value checks behind amazon-ebs Prepare: Go's ParseCIDR and time.Parse(RFC3339), the plugin's KMS key forms. */

describe('cidrProblem', () => {
  it.each<[string, string | undefined]>([
    ['0.0.0.0/0', undefined],
    ['10.1.0.0/16', undefined],
    ['::/0', undefined],
    ['2001:db8::/32', undefined],
    ['10.0.0.0', 'invalid CIDR address: 10.0.0.0'],
    ['10.0.0.0/', 'invalid CIDR address: 10.0.0.0/'],
    ['10.0.0.0/-1', 'invalid CIDR address: 10.0.0.0/-1'],
    ['::/129', 'invalid CIDR address: ::/129'],
    ['fe80::1%eth0/64', 'invalid CIDR address: fe80::1%eth0/64'],
    ['300.0.0.0/8', 'invalid CIDR address: 300.0.0.0/8'],
  ])('%s', (text, problem) => {
    expect(cidrProblem(text)).toBe(problem);
  });
});

describe('isRfc3339', () => {
  it.each<[string, boolean]>([
    ['2030-01-01T00:00:00Z', true],
    ['2028-02-29T12:30:45.123+01:00', true],
    ['2030-12-31T23:59:59-08:00', true],
    ['2029-02-29T00:00:00Z', false],
    ['2030-13-01T00:00:00Z', false],
    ['2030-01-01T24:00:00Z', false],
    ['2030-01-01T00:00:60Z', false],
    ['2030-01-01 00:00:00Z', false],
    ['2030-01-01T00:00:00', false],
    ['2030-01-01', false],
  ])('%s -> %s', (text, ok) => {
    expect(isRfc3339(text)).toBe(ok);
  });
});

describe('isValidKmsKey', () => {
  it.each<[string, boolean]>([
    ['1234abcd-12ab-34cd-56ef-1234567890ab', true],
    ['mrk-1234abcd12ab34cd56ef1234567890ab', true],
    ['alias/my-key', true],
    ['arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab', true],
    ['arn:aws-cn:kms:cn-north-1:111122223333:alias/x', true],
    ['arn:aws-us-gov:kms:us-gov-west-1:111122223333:key/mrk-12ab', true],
    ['ABCD-1234', false],
    ['alias/', false],
    ['arn:aws:kms:us-east-1:1111:key/abc', false],
    ['not a key', false],
  ])('%s -> %s', (key, ok) => {
    expect(isValidKmsKey(key)).toBe(ok);
  });
});
