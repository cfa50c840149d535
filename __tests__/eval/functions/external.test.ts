import { describe, expect, test } from 'vitest';
import { externalFunctions } from '../../../src/eval/functions/external.js';
import { StringType } from '../../../src/eval/types.js';
import { Value } from '../../../src/eval/value.js';
import { callFailed, evaluator } from './packer-eval.js';

const { errorOf, expectValue } = evaluator(externalFunctions);

describe('secret backends that are not available yet', () => {
  test.each([
    ['vault("/secret/data/hello", "foo")', 'vault', 'HashiCorp Vault'],
    ['consul_key("myservice/version")', 'consul_key', 'Consul'],
  ])('%s fails naming the function', (src, name, backend) => {
    expect(errorOf(src)).toBe(
      callFailed(name, `the ${name} function is not available yet: Kiln has no ${backend} backend`),
    );
  });

  test('they keep Packer signatures: arity and null handling', () => {
    expect(errorOf('vault("a")')).toBe(
      'Not enough function arguments: Function "vault" expects 2 argument(s). Missing value for "key".',
    );
    expect(errorOf('consul_key(null)')).toBe(
      'Invalid function argument: Invalid value for "key" parameter: argument must not be null.',
    );
  });

  test('with unknown arguments the result is unknown, as for any function (validate stays quiet)', () => {
    expectValue('vault(v.us, "k")', Value.unknown(StringType));
  });
});
