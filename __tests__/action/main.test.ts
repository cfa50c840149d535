import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleAction, runAction, tempTree, type ActionBundle } from './support/run-action.js';

/* The action's main step run as the runner runs it: command fmt, and inputs that are refused. */

let bundle: ActionBundle;
beforeAll(() => {
  bundle = bundleAction();
});
afterAll(() => bundle.dispose());

describe('the action, command fmt', () => {
  it('fails, lists the files, annotates each with its diff and shows the diff in a group', () => {
    const ws = tempTree({ 'pkr/a.pkr.hcl': 'a   = 1\nbb = 2\n', 'pkr/b.pkr.hcl': 'x = 1\n' });
    const r = runAction(bundle, { command: 'fmt', 'working-directory': 'pkr' }, { workspace: ws });
    expect(r.status).toBe(1);
    expect(r.outputs).toEqual({ unformatted: '["a.pkr.hcl"]' });
    const diff = '--- old/a.pkr.hcl\n+++ new/a.pkr.hcl\n@@ -1,2 +1,2 @@\n-a   = 1\n+a  = 1\n bb = 2\n';
    expect(r.stdout).toBe(
      [
        `::error title=File is not formatted,file=pkr/a.pkr.hcl::Run \`kiln fmt\` (or \`packer fmt\`) to rewrite it:%0A%0A${diff.replaceAll('\n', '%0A')}`,
        '::group::Diff of a.pkr.hcl',
        `${diff}::endgroup::`,
        '::error::1 file(s) are not formatted; run `kiln fmt`.',
        '',
      ].join('\n'),
    );
  });

  it('passes with an empty list when every file is formatted', () => {
    const ws = tempTree({ 'b.pkr.hcl': 'x = 1\n' });
    const r = runAction(bundle, { command: 'fmt' }, { workspace: ws });
    expect(r.status).toBe(0);
    expect(r.outputs).toEqual({ unformatted: '[]' });
  });

  it('rewrites files with fmt-write', () => {
    const ws = tempTree({ 'a.pkr.hcl': 'a   = 1\nbb = 2\n' });
    const r = runAction(bundle, { command: 'fmt', 'fmt-write': 'true' }, { workspace: ws });
    expect(r.status).toBe(0);
    expect(readFileSync(join(ws, 'a.pkr.hcl'), 'utf8')).toBe('a  = 1\nbb = 2\n');
  });

  it('reports a file that does not parse', () => {
    const ws = tempTree({ 'bad.pkr.hcl': 'a = \n' });
    const r = runAction(bundle, { command: 'fmt' }, { workspace: ws });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('bad.pkr.hcl');
    expect(r.stdout).toContain('::error::kiln fmt exited 1');
    expect(r.outputs).toEqual({ unformatted: '[]' });
  });
});

describe('the action, refused inputs', () => {
  it.each([
    [
      { 'on-error': 'ask' },
      'Input "on-error" cannot be "ask": a workflow run has no terminal to answer the question; use one of: cleanup, abort, run-cleanup-provisioner',
    ],
    [{ command: 'deploy' }, 'Input "command" is "deploy"; expected one of: build, validate, fmt, inspect, init, plan'],
    [{ variables: 'a=1\nnope' }, 'Input "variables", line 2: expected name=value, got "nope"'],
    [{ 'parallel-builds': 'two' }, 'Input "parallel-builds" is "two"; expected a whole number (0 means no limit)'],
    [{ force: 'yes' }, 'Input "force" is "yes"; expected true or false'],
  ])('%j fails the step before any work', (inputs, message) => {
    const r = runAction(bundle, inputs);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe(`::error::${message}\n`);
    expect(r.outputFile).toBe('');
  });
});
