import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { readInputs } from '../../src/action/inputs.js';

/* action.yml declares the inputs the action reads, with the defaults it falls back to. */

interface ActionYml {
  inputs: Record<string, { default?: string }>;
  outputs: Record<string, { description: string }>;
}

const yml = load(readFileSync(join(import.meta.dirname, '..', '..', 'action.yml'), 'utf8')) as ActionYml;

describe('action.yml', () => {
  it('declares the inputs of issue 7, by their exact names', () => {
    expect(Object.keys(yml.inputs)).toEqual([
      'command',
      'template',
      'working-directory',
      'var-files',
      'variables',
      'only',
      'except',
      'parallel-builds',
      'on-error',
      'force',
      'fmt-write',
      'cache',
      'upload-artifact',
      'artifact-name',
      'summary',
      'debug',
      'github-token',
    ]);
    expect(Object.keys(yml.outputs)).toEqual([
      'image-ids',
      'image-id',
      'artifacts',
      'manifest',
      'valid',
      'unformatted',
      'matrix',
    ]);
  });

  it('has the defaults readInputs takes when an input is empty', () => {
    const env = { GITHUB_WORKSPACE: '/ws' };
    const fromYml = readInputs((name) => (name === 'github-token' ? '' : (yml.inputs[name]?.default ?? '')), env, '/');
    expect(fromYml).toEqual(readInputs(() => '', env, '/'));
  });
});
