import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { buildSync } from 'esbuild';

/*
 * Runs the action's main step the way the runner does: a separate node
 * process, inputs as INPUT_* variables, GITHUB_OUTPUT / GITHUB_STEP_SUMMARY /
 * GITHUB_WORKSPACE / RUNNER_TEMP as temp files and directories, read back
 * after it exits. The process runs a bundle of src/action/main-entry.ts made
 * here (as scripts/build.mjs makes dist/main/index.js: `node --import tsx` cannot
 * load ssh2's CommonJS named exports), or KILN_ACTION_BUNDLE when set (e.g.
 * dist/main/index.js).
 */

const root = join(import.meta.dirname, '..', '..', '..');

export interface ActionBundle {
  readonly path: string;
  dispose(): void;
}

/** Bundles the action's entry inside the repository, so packages resolve from node_modules. */
export function bundleAction(entry = 'src/action/main-entry.ts'): ActionBundle {
  if (process.env['KILN_ACTION_BUNDLE']) return { path: process.env['KILN_ACTION_BUNDLE'], dispose: () => undefined };
  const cache = join(root, 'node_modules', '.cache');
  mkdirSync(cache, { recursive: true });
  const dir = mkdtempSync(join(cache, 'kiln-action-test-'));
  const path = join(dir, 'main.mjs');
  buildSync({
    entryPoints: [join(root, entry)],
    outfile: path,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // Optional native bindings of ssh2 (it falls back to JavaScript) and a browser shim.
    external: ['*.node', 'performance'],
    banner: {
      js: [
        "import { createRequire as __kilnRequire } from 'node:module';",
        "import { fileURLToPath as __kilnPath } from 'node:url';",
        'const require = __kilnRequire(import.meta.url);',
        'const __filename = __kilnPath(import.meta.url);',
        "const __dirname = __kilnPath(new URL('.', import.meta.url));",
      ].join('\n'),
    },
    logLevel: 'error',
  });
  return { path, dispose: () => rmSync(dir, { recursive: true, force: true }) };
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
export async function runActionAsync(
  bundle: ActionBundle,
  inputs: Record<string, string>,
  opts: RunOptions = {},
): Promise<ActionRun> {
  const run = prepareRun(inputs, opts);
  const child = spawn(process.execPath, [bundle.path], { env: run.env, cwd: run.workspace });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const status = await new Promise<number | null>((done) => child.on('close', (code) => done(code)));
  return run.collect(status, stdout, stderr);
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
  return { env, workspace, collect };
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
