import { afterEach, describe, expect, test } from 'vitest';
import { envFunctions } from '../../../src/eval/functions/env.js';
import { evaluator, invalidArg } from './packer-eval.js';

const { str, errorOf } = evaluator(envFunctions);

describe('env', () => {
  afterEach(() => {
    delete process.env.KILN_TEST_REGION;
  });

  test('reads an environment variable (documentation example shape)', () => {
    process.env.KILN_TEST_REGION = 'us-east-1';
    expect(str('env("KILN_TEST_REGION")')).toBe('us-east-1');
  });

  test('an unset variable is the empty string', () => {
    expect(str('env("KILN_TEST_REGION")')).toBe('');
  });

  test('the key must not be null', () => {
    expect(errorOf('env(null)')).toBe(invalidArg('key', 'argument must not be null'));
  });
});
