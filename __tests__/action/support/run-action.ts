import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { buildSync } from 'esbuild';

/*
 * Runs the action's steps the way the runner does: a separate node process,
 * inputs as INPUT_* variables, GITHUB_OUTPUT / GITHUB_STEP_SUMMARY /
 * GITHUB_STATE / GITHUB_WORKSPACE / RUNNER_TEMP as temp files and
 * directories, read back after it exits.
 *
 * Which code runs is chosen by KILN_ACTION_BUNDLE:
 *  - unset (or `dist`): the committed bundles the runner runs, dist/main/index.js
 *    and dist/post/index.js (CI builds dist/ before `npm test`, and fails on a
 *    dist/ that differs from what the sources make);
 *  - `src`: a bundle of src/action/main-entry.ts or src/action/post.ts made here
 *    with esbuild, for working on the sources before dist/ is rebuilt (`node
 *    --import tsx` cannot load ssh2's CommonJS named exports, so the sources are
 *    bundled as dist/ is).
 */

const root = join(import.meta.dirname, '..', '..', '..');

export type ActionStep = 'main' | 'post';

const SOURCES: Readonly<Record<ActionStep, string>> = {
  main: 'src/action/main-entry.ts',
  post: 'src/action/post.ts',
};

export interface ActionBundle {
  readonly path: string;
  dispose(): void;
}

/** The script of a step of the action, as KILN_ACTION_BUNDLE selects it. */
export function bundleAction(step: ActionStep = 'main'): ActionBundle {
  const choice = process.env['KILN_ACTION_BUNDLE'] || 'dist';
  if (choice === 'src') return bundleSource(SOURCES[step]);
  if (choice !== 'dist') throw new Error(`KILN_ACTION_BUNDLE is ${JSON.stringify(choice)}; expected "dist" or "src"`);
  const path = join(root, 'dist', step, 'index.js');
  if (!existsSync(path)) {
    throw new Error(`${path} is missing: run \`npm run build\`, or set KILN_ACTION_BUNDLE=src to test the sources`);
  }
  return { path, dispose: () => undefined };
}

/** Bundles an entry of src/ inside the repository, so packages resolve from node_modules. */
function bundleSource(entry: string): ActionBundle {
  const cache = join(root, 'node_modules', '.cache');
  mkdirSync(cache, { recursive: true });
  const dir = mkdtempSync(join(cache, 'kiln-action-test-'));
  buildSync({
    entryPoints: { index: join(root, entry) },
    outdir: dir,
    outExtension: { '.js': '.mjs' },
    // Modules imported on first use (builders, the cache and artifact clients) load as
    // chunks, as they do from dist/: start-up is not paying for what a run does not use.
    splitting: true,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // Optional native bindings of ssh2 (it falls back to JavaScript) and a browser shim.
    external: ['*.node', 'performance'],
    // CommonJS globals in every chunk. __filename and __dirname go by other names, since
    // a package's own ESM code may declare them at a chunk's top level.
    banner: {
      js: [
        "import { createRequire as __kilnRequire } from 'node:module';",
        "import { fileURLToPath as __kilnPath } from 'node:url';",
        'const require = __kilnRequire(import.meta.url);',
        'const __kilnFilename = __kilnPath(import.meta.url);',
        "const __kilnDirname = __kilnPath(new URL('.', import.meta.url));",
      ].join('\n'),
    },
    define: { __filename: '__kilnFilename', __dirname: '__kilnDirname' },
    logLevel: 'error',
  });
  return { path: join(dir, 'index.mjs'), dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface ActionRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
  /** The GITHUB_OUTPUT file, parsed. */
  readonly outputs: Record<string, string>;
  /** The GITHUB_OUTPUT file as written. */
  readonly outputFile: string;
  /** The GITHUB_STEP_SUMMARY file. */
  readonly summary: string;
  /** The saved state (GITHUB_STATE file), parsed. */
  readonly state: Record<string, string>;
  readonly runnerTemp: string;
}

export interface RunOptions {
  /** GITHUB_WORKSPACE; a new temp dir when absent. */
  readonly workspace?: string;
  readonly env?: Record<string, string>;
}

export function runAction(bundle: ActionBundle, inputs: Record<string, string>, opts: RunOptions = {}): ActionRun {
  const run = prepareRun(inputs, opts);
  const r = spawnSync(process.execPath, [bundle.path], { env: run.env, encoding: 'utf8', cwd: run.workspace });
  return run.collect(r.status, r.stdout, r.stderr);
}

/**
 * runAction without blocking the test's event loop, for tests whose servers
 * (a fake cache or artifact service) run in the test process.
 */
export function runActionAsync(
  bundle: ActionBundle,
  inputs: Record<string, string>,
  opts: RunOptions = {},
): Promise<ActionRun> {
  return startAction(bundle, inputs, opts).done;
}

export interface StartedAction {
  readonly child: ChildProcess;
  /** The GITHUB_STATE file, written as the step saves its state. */
  readonly stateFile: string;
  /** What the step's process printed so far. */
  stdout(): string;
  /** Settles when the process has exited (however it ended). */
  readonly done: Promise<ActionRun>;
}

/** Starts a step as runAction does, and hands back its process while it runs (to kill it, as a runner may). */
export function startAction(
  bundle: ActionBundle,
  inputs: Record<string, string>,
  opts: RunOptions = {},
): StartedAction {
  const run = prepareRun(inputs, opts);
  const child = spawn(process.execPath, [bundle.path], { env: run.env, cwd: run.workspace });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const done = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code))).then((status) =>
    run.collect(status, stdout, stderr),
  );
  return { child, stateFile: run.stateFile, stdout: () => stdout, done };
}

function prepareRun(inputs: Record<string, string>, opts: RunOptions) {
  const dir = mkdtempSync(join(tmpdir(), 'kiln-action-'));
  const files = {
    output: join(dir, 'github-output'),
    summary: join(dir, 'step-summary'),
    state: join(dir, 'github-state'),
  };
  for (const f of Object.values(files)) writeFileSync(f, '');
  const runnerTemp = join(dir, 'runner-temp');
  mkdirSync(runnerTemp);
  const workspace = opts.workspace ?? mkdtempSync(join(tmpdir(), 'kiln-ws-'));
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? dir,
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_STATE: files.state,
    GITHUB_WORKSPACE: workspace,
    RUNNER_TEMP: runnerTemp,
    ...opts.env,
  };
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value;
  const collect = (status: number | null, stdout: string, stderr: string): ActionRun => {
    const output = readFileSync(files.output, 'utf8');
    return {
      status,
      stdout,
      stderr,
      outputs: parseFileCommand(output),
      outputFile: output,
      summary: readFileSync(files.summary, 'utf8'),
      state: parseFileCommand(readFileSync(files.state, 'utf8')),
      runnerTemp,
    };
  };
  return { env, workspace, collect, stateFile: files.state };
}

/** The GITHUB_OUTPUT / GITHUB_STATE format: `name<<DELIMITER\nvalue\nDELIMITER`. */
export function parseFileCommand(text: string): Record<string, string> {
  const values: Record<string, string> = {};
  const re = /^([^<\n]+)<<(\S+)\n([\s\S]*?)\n\2$/gm;
  for (const m of text.matchAll(re)) values[m[1]!] = m[3]!;
  return values;
}

/** A temp directory with the given files (relative paths, subdirectories made). */
export function tempTree(files: Record<string, string>, prefix = 'kiln-tree-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}
