import { describe, expect, test } from 'vitest';
import { checkConstraints, parseConstraints, parseGoVersion } from '../../src/template/version-constraint.js';

describe('go-version constraints', () => {
  test.each([
    ['>= 1.7.0', '1.14.0', true],
    ['>= 2.0.0', '1.14.0', false],
    ['< 1.14', '1.14.0', false],
    ['!= 1.14.0', '1.14.0', false],
    ['1.14.0', '1.14.0', true],
    ['= 1.14', '1.14.0', true],
    ['~> 1.14', '1.14.9', true],
    ['~> 1.14', '1.15.0', true],
    ['~> 1.14', '2.0.0', false],
    ['~> 1.14.2', '1.14.1', false],
    ['~> 1.14.2', '1.15.0', false],
    ['>= 1.0, < 2.0', '1.14.0', true],
    ['>= 1.0, < 1.10', '1.14.0', false],
    ['> 1.14.0-beta', '1.14.0', true],
    ['>= 1.14.0', '1.14.0-dev', false],
    ['>= 1.14.0-alpha', '1.14.0-beta', true],
    ['v1.14.0', '1.14.0', true],
  ])('%s against %s: %s', (constraint, version, want) => {
    const { terms } = parseConstraints(constraint);
    expect(checkConstraints(terms!, parseGoVersion(version)!)).toBe(want);
  });

  test.each(['>>1.0', 'latest', '1.0,', '=> 1.0'])('%s is malformed', (text) => {
    expect(parseConstraints(text).error).toMatch(/^Malformed constraint: /);
  });
});
