import { describe, expect, it } from 'vitest';
import { InputError, readInputs } from '../../src/action/inputs.js';

const read = (inputs: Record<string, string>, env: Record<string, string> = { GITHUB_WORKSPACE: '/ws' }) =>
  readInputs((name) => inputs[name] ?? '', env, '/proc-cwd');

describe('readInputs', () => {
  it('gives the defaults of action.yml when inputs are empty', () => {
    expect(read({})).toEqual({
      command: 'build',
      template: '.',
      workingDirectory: '/ws',
      workspace: '/ws',
      varFiles: [],
      variables: [],
      only: [],
      except: [],
      parallelBuilds: 0,
      onError: 'cleanup',
      force: false,
      fmtWrite: false,
      cache: true,
      uploadArtifact: true,
      artifactName: 'kiln',
      summary: true,
      debug: false,
      githubToken: '',
    });
  });

  it.each([
    [{ 'working-directory': 'images' }, { workingDirectory: '/ws/images' }],
    [{ 'working-directory': '/abs' }, { workingDirectory: '/abs' }],
    [{ 'var-files': 'a.pkrvars.hcl\n\n  b.json  \r\n' }, { varFiles: ['a.pkrvars.hcl', 'b.json'] }],
    [
      { variables: 'region=eu-west-1\n  tags = {a = "b=c"}\n\nlist=["x"]' },
      {
        variables: [
          ['region', 'eu-west-1'],
          ['tags', '{a = "b=c"}'],
          ['list', '["x"]'],
        ],
      },
    ],
    [{ only: 'a.*, b.null.x\nc' }, { only: ['a.*', 'b.null.x', 'c'] }],
    [{ except: 'x,,y' }, { except: ['x', 'y'] }],
    [{ 'parallel-builds': '3' }, { parallelBuilds: 3 }],
    [{ 'on-error': 'run-cleanup-provisioner' }, { onError: 'run-cleanup-provisioner' }],
    [
      { force: 'True', cache: 'FALSE', summary: 'false' },
      { force: true, cache: false, summary: false },
    ],
    [
      { command: 'plan', 'artifact-name': 'images' },
      { command: 'plan', artifactName: 'images' },
    ],
  ])('%j', (inputs, expected) => {
    expect(read(inputs)).toMatchObject(expected);
  });

  it.each([
    [{}, {}, 'kiln'],
    [{}, { GITHUB_JOB: 'images', GITHUB_RUN_ATTEMPT: '2' }, 'kiln-images-2'],
    [{ only: 'docker.ubuntu' }, { GITHUB_JOB: 'images', GITHUB_RUN_ATTEMPT: '1' }, 'kiln-images-docker.ubuntu-1'],
    [{ only: 'a.*, b/c' }, { GITHUB_JOB: 'j', GITHUB_RUN_ATTEMPT: '1' }, 'kiln-j-a.-+b-c-1'],
    [{ only: 'x', 'artifact-name': 'mine' }, { GITHUB_JOB: 'j' }, 'mine'],
  ])('names the artifact from %j and %j: %s', (inputs, env, name) => {
    expect(read(inputs, { GITHUB_WORKSPACE: '/ws', ...env }).artifactName).toBe(name);
  });

  it('falls back to the process directory without GITHUB_WORKSPACE', () => {
    expect(read({ 'working-directory': 'x' }, {})).toMatchObject({
      workingDirectory: '/proc-cwd/x',
      workspace: '/proc-cwd',
    });
  });

  it.each([
    [
      { command: 'console' },
      'Input "command" is "console"; expected one of: build, validate, fmt, inspect, init, plan',
    ],
    [
      { 'on-error': 'ask' },
      'Input "on-error" cannot be "ask": a workflow run has no terminal to answer the question; use one of: cleanup, abort, run-cleanup-provisioner',
    ],
    [{ 'on-error': 'retry' }, 'Input "on-error" is "retry"; expected one of: cleanup, abort, run-cleanup-provisioner'],
    [{ variables: '=1' }, 'Input "variables", line 1: expected name=value, got "=1"'],
    [{ 'parallel-builds': '-1' }, 'Input "parallel-builds" is "-1"; expected a whole number (0 means no limit)'],
    [{ debug: 'on' }, 'Input "debug" is "on"; expected true or false'],
  ])('refuses %j', (inputs, message) => {
    expect(() => read(inputs)).toThrow(new InputError(message));
  });
});
