import { isAbsolute, resolve } from 'node:path';
import type { OnError } from '../core/runner.js';

/*
 * The action's inputs, read and checked in one place (action.yml declares the
 * same names and defaults). A wrong value is an InputError naming the input,
 * so the step fails before any work starts.
 */

export const COMMANDS = ['build', 'validate', 'fmt', 'inspect', 'init', 'plan'] as const;
export type ActionCommand = (typeof COMMANDS)[number];

const ON_ERROR = ['cleanup', 'abort', 'run-cleanup-provisioner'] as const;
export type ActionOnError = Exclude<OnError, 'ask'>;

export interface ActionInputs {
  readonly command: ActionCommand;
  readonly template: string;
  /** Absolute: `working-directory` resolved against GITHUB_WORKSPACE (or the process's directory). */
  readonly workingDirectory: string;
  /** Where annotation paths are relative to: GITHUB_WORKSPACE, else the process's directory. */
  readonly workspace: string;
  readonly varFiles: readonly string[];
  /** `-var` pairs: the value is parsed as -var parses it (an HCL expression or a plain string). */
  readonly variables: readonly (readonly [string, string])[];
  readonly only: readonly string[];
  readonly except: readonly string[];
  readonly parallelBuilds: number;
  readonly onError: ActionOnError;
  readonly force: boolean;
  readonly fmtWrite: boolean;
  readonly cache: boolean;
  readonly uploadArtifact: boolean;
  readonly artifactName: string;
  readonly summary: boolean;
  readonly debug: boolean;
  readonly githubToken: string;
}

export class InputError extends Error {}

/** The value of an input as core.getInput gives it: trimmed, '' when unset. */
export type GetInput = (name: string) => string;

export function readInputs(
  get: GetInput,
  env: Readonly<Record<string, string | undefined>>,
  cwd: string,
): ActionInputs {
  const workspace = env['GITHUB_WORKSPACE'] || cwd;
  const dir = get('working-directory');
  const only = list(get('only'));
  return {
    command: oneOf(get, 'command', COMMANDS, 'build'),
    template: get('template') || '.',
    workingDirectory: dir === '' ? workspace : isAbsolute(dir) ? dir : resolve(workspace, dir),
    workspace,
    varFiles: lines(get('var-files')),
    variables: variables(get('variables')),
    only,
    except: list(get('except')),
    parallelBuilds: count(get, 'parallel-builds'),
    onError: onError(get('on-error')),
    force: bool(get, 'force', false),
    fmtWrite: bool(get, 'fmt-write', false),
    cache: bool(get, 'cache', true),
    uploadArtifact: bool(get, 'upload-artifact', true),
    artifactName: get('artifact-name') || defaultArtifactName(env, only),
    summary: bool(get, 'summary', true),
    debug: bool(get, 'debug', false),
    githubToken: get('github-token'),
  };
}

/**
 * kiln-<job>[-<only>]-<run attempt>: unique per job and attempt (an artifact
 * name can be used once per workflow run), and per matrix job when each runs
 * `only: ${{ matrix.build }}`. Characters an artifact name cannot hold become "-".
 */
function defaultArtifactName(env: Readonly<Record<string, string | undefined>>, only: readonly string[]): string {
  const parts = ['kiln', env['GITHUB_JOB'], only.join('+'), env['GITHUB_RUN_ATTEMPT']];
  return parts
    .filter((p) => p !== undefined && p !== '')
    .join('-')
    .replace(/[":<>|*?\\/\r\n]/g, '-');
}

function lines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
}

/** only/except: comma- or newline-separated, as -only=a,b. */
function list(text: string): string[] {
  return text
    .split(/[,\n]/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
}

function variables(text: string): [string, string][] {
  return text.split(/\r?\n/).flatMap((raw, i): [string, string][] => {
    const line = raw.trim();
    if (line === '') return [];
    const eq = line.indexOf('=');
    if (eq <= 0) {
      throw new InputError(`Input "variables", line ${i + 1}: expected name=value, got ${JSON.stringify(line)}`);
    }
    return [[line.slice(0, eq).trim(), line.slice(eq + 1).trim()]];
  });
}

function oneOf<T extends string>(get: GetInput, name: string, allowed: readonly T[], fallback: T): T {
  const text = get(name);
  if (text === '') return fallback;
  const found = allowed.find((a) => a === text);
  if (found === undefined) {
    throw new InputError(`Input "${name}" is ${JSON.stringify(text)}; expected one of: ${allowed.join(', ')}`);
  }
  return found;
}

function onError(text: string): ActionOnError {
  if (text === 'ask') {
    throw new InputError(
      'Input "on-error" cannot be "ask": a workflow run has no terminal to answer the question; ' +
        `use one of: ${ON_ERROR.join(', ')}`,
    );
  }
  return oneOf(() => text, 'on-error', ON_ERROR, 'cleanup');
}

function count(get: GetInput, name: string): number {
  const text = get(name);
  if (text === '') return 0;
  if (!/^\d+$/.test(text)) {
    throw new InputError(`Input "${name}" is ${JSON.stringify(text)}; expected a whole number (0 means no limit)`);
  }
  return Number(text);
}

/** The YAML 1.2 core schema booleans, as core.getBooleanInput accepts them; '' takes the default. */
function bool(get: GetInput, name: string, fallback: boolean): boolean {
  const text = get(name);
  if (text === '') return fallback;
  if (['true', 'True', 'TRUE'].includes(text)) return true;
  if (['false', 'False', 'FALSE'].includes(text)) return false;
  throw new InputError(`Input "${name}" is ${JSON.stringify(text)}; expected true or false`);
}
