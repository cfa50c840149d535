import { describe, expect, it } from 'vitest';
import { prepareBlock } from '../helpers.js';

/* Configure checks of the Amazon data sources (not in Packer 1.6.6, which has no data sources). */

describe.each<[string, string, string[]]>([
  [
    'amazon-ami: no filters, no owner, half the keys',
    'data "amazon-ami" "x" { secret_key = "s" }',
    [
      '`access_key` and `secret_key` must both be either set or not set.',
      'The `filters` must be specified',
      'For security reasons, you must declare an owner.',
    ],
  ],
  [
    'amazon-ami: filters without an owner',
    'data "amazon-ami" "x" { filters = { name = "ubuntu/*" } }',
    ['For security reasons, you must declare an owner.'],
  ],
  ['amazon-ami: owner only', 'data "amazon-ami" "x" { owners = ["self"] }', []],
  ['amazon-parameterstore: no name', 'data "amazon-parameterstore" "x" {}', ["a 'name' must be provided"]],
  ['amazon-parameterstore: name', 'data "amazon-parameterstore" "x" { name = "/p" }', []],
  [
    'amazon-secretsmanager: no name, vault with keys',
    'data "amazon-secretsmanager" "x" {\n  access_key = "a"\n  secret_key = "s"\n  vault_aws_engine { ttl = "60s" }\n}',
    ['If you have set vault_aws_engine, you must not set the access_key or secret_key.', "a 'name' must be provided"],
  ],
  ['amazon-secretsmanager: name', 'data "amazon-secretsmanager" "x" { name = "s" }', []],
])('%s', (_name, src, errors) => {
  it("returns the plugin's messages in its order", () => {
    expect(prepareBlock('data', src).result).toEqual({ errors, warnings: [] });
  });
});
