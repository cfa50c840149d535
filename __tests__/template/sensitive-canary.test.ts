import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runConsole } from '../../src/cli/console.js';
import { runInspect } from '../../src/cli/inspect.js';
import { runValidate } from '../../src/cli/validate.js';
import { memoryIO } from '../support/cli.js';

/*
 * Sensitive values planted as canaries must not appear in anything Kiln prints:
 * console results and listings, inspect, and validate's diagnostics (including
 * the "with x as ..." value lines). The token is given on the command line,
 * the password is a sensitive default.
 */

const dir = join(import.meta.dirname, '..', 'fixtures', 'templates', 'sensitive-canary');
const defaultCanary = 'CANARY-7f3a9c-default';
const cliCanary = 'CANARY-51be02-cli';
const vars = ['-var', `token=${cliCanary}`];

async function run(command: typeof runConsole, args: string[], stdin = '') {
  const m = memoryIO({ cwd: dir, stdin });
  const exit = await command(args, m.io);
  return { exit, output: m.stdout() + m.stderr() };
}

function expectNoCanary(output: string): void {
  expect(output).not.toContain(defaultCanary);
  expect(output).not.toContain(cliCanary);
  expect(output).not.toContain('7f3a9c');
  expect(output).not.toContain('51be02');
}

describe('sensitive values never reach the output', () => {
  it.each([
    'var.password',
    'var.token',
    'local.login',
    'local.api_key',
    'upper(var.password)',
    '[var.password, "x"]',
    '{ p = var.token }',
    'variables',
    'var.password + 1',
    'tonumber(var.token)',
    'var.password[0]',
    '[for c in [var.token] : c if c]',
  ])('console: %s', async (line) => {
    const { output } = await run(runConsole, [...vars, 'canary.pkr.hcl'], `${line}\n`);
    expectNoCanary(output);
  });

  it('inspect', async () => {
    const { exit, output } = await run(runInspect, [...vars, 'canary.pkr.hcl']);
    expect(exit).toBe(0);
    expect(output).toContain('<sensitive>');
    expectNoCanary(output);
  });

  it('validate, whose variable validation fails on the sensitive token', async () => {
    const { exit, output } = await run(runValidate, [...vars, 'canary.pkr.hcl']);
    expect(exit).toBe(1);
    expect(output).toContain('The token must be longer than 100 characters.');
    expectNoCanary(output);
  });

  it('validate -machine-readable', async () => {
    const { output } = await run(runValidate, ['-machine-readable', ...vars, 'canary.pkr.hcl']);
    expectNoCanary(output);
  });
});
