/*
 * How soon the action's main step gets to work: the time from starting
 * `node dist/main/index.js` (as the runner starts it: INPUT_* variables,
 * GITHUB_* files) to the first step of the first builder, median of N fresh
 * processes, and the sizes of the bundles the runner loads. Packer with
 * setup-packer first downloads a ~20 MB binary and its plugins; the goal here
 * is under 300 ms.
 *
 *   npm run bench:action [-- --runs N] [-- --bundle dist|src]
 *
 * How the first builder step is seen: the template is one null build with the
 * SSH communicator pointed at a TCP listener of this process (127.0.0.40, the
 * bench's loopback range). The null builder's first step is StepConnect, whose
 * first act is to connect there; the listener timestamps the connection on the
 * same clock as the spawn, and the process is then killed. This is an upper
 * bound of "step started" (what StepConnect does before connecting is
 * included). The arrival of the build's `::group::Build '...'` line (the
 * engine's build-started event, just before its builder is loaded) is shown
 * too, and `node -e ''` for scale: no Node program starts faster.
 *
 * dist/ is benchmarked unless it is stale (src/ changed after dist/ was built,
 * as git and file times tell); then an esbuild bundle of src/ (as the action
 * tests make with KILN_ACTION_BUNDLE=src) is measured instead, and the output
 * says so. --bundle forces either.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createServer, type AddressInfo, type Server } from 'node:net';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { bundleAction, startAction, tempTree, type ActionBundle } from '../__tests__/action/support/run-action.js';
import { median } from './support/timing.js';

const HOST = '127.0.0.40';
const GOAL_MS = 300;
const TIMEOUT_MS = 30_000;
const root = join(import.meta.dirname, '..');

const { values } = parseArgs({
  options: { runs: { type: 'string', default: '15' }, bundle: { type: 'string' } },
});
const runs = Number(values.runs);

/** Why dist/ does not match src/, or undefined when it does (or cannot be told otherwise). */
function staleReason(): string | undefined {
  const git = (...args: string[]) => spawnSync('git', args, { cwd: root, encoding: 'utf8' });
  const built = Math.min(...['main', 'post'].map((s) => statSync(join(root, 'dist', s, 'index.js')).mtimeMs));
  const status = git('status', '--porcelain', '--', 'src');
  if (status.status !== 0) return undefined;
  const changed = status.stdout
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => join(root, l.slice(3)));
  if (changed.length > 0) {
    const newer = changed.filter((f) => existsSync(f) && statSync(f).mtimeMs > built);
    return newer.length > 0 ? `${newer.length} changed path(s) under src/ are newer than dist/` : undefined;
  }
  // A clean src/: dist/ rebuilt since the last commit, or committed with (or after) the last change of src/.
  if (git('status', '--porcelain', '--', 'dist').stdout.trim() !== '') return undefined;
  const last = (path: string) => git('log', '-1', '--format=%H', '--', path).stdout.trim();
  const src = last('src');
  if (src !== '' && git('merge-base', '--is-ancestor', src, last('dist')).status !== 0) {
    return `src/ was changed (commit ${src.slice(0, 7)}) after dist/ was last built`;
  }
  return undefined;
}

function chooseBundle(): { step: ActionBundle; label: string } {
  const forced = values.bundle;
  const stale = forced === undefined ? staleReason() : undefined;
  const useSrc = forced === 'src' || (forced === undefined && stale !== undefined);
  if (forced !== undefined && forced !== 'src' && forced !== 'dist') throw new Error('--bundle is dist or src');
  process.env['KILN_ACTION_BUNDLE'] = useSrc ? 'src' : 'dist';
  const step = bundleAction('main');
  if (!useSrc) return { step, label: 'dist/main/index.js' };
  const why = stale === undefined ? '--bundle src' : `dist/ is stale: ${stale}`;
  return { step, label: `an esbuild bundle of src/action/main-entry.ts (${why}), not dist/main/index.js` };
}

/** A listener that timestamps each connection and closes it. */
async function listen(): Promise<{ server: Server; port: number; next(): Promise<number> }> {
  let waiting: ((at: number) => void) | undefined;
  const server = createServer((socket) => {
    const at = performance.now();
    socket.destroy();
    waiting?.(at);
    waiting = undefined;
  });
  await new Promise<void>((resolve) => server.listen(0, HOST, resolve));
  return {
    server,
    port: (server.address() as AddressInfo).port,
    next: () => new Promise((resolve) => (waiting = resolve)),
  };
}

const template = (port: number) => `
source "null" "bench" {
  ssh_host     = "${HOST}"
  ssh_port     = ${port}
  ssh_username = "bench"
  ssh_password = "bench"
  ssh_timeout  = "30s"
}
build {
  sources = ["source.null.bench"]
}
`;

interface Sample {
  readonly buildStarted: number;
  readonly firstStep: number;
}

async function sample(bundle: ActionBundle, listener: Awaited<ReturnType<typeof listen>>): Promise<Sample> {
  const ws = tempTree({ 'bench.pkr.hcl': template(listener.port) }, 'kiln-bench-action-');
  const connected = listener.next();
  const start = performance.now();
  const run = startAction(bundle, {}, { workspace: ws });
  let buildStarted: number | undefined;
  run.child.stdout?.on('data', (chunk: Buffer) => {
    if (buildStarted === undefined && chunk.toString().includes("::group::Build 'null.bench'")) {
      buildStarted = performance.now();
    }
  });
  const timeout = new Promise<never>((_, reject) =>
    setTimeout(() => reject(new Error(`no connection within ${TIMEOUT_MS} ms:\n${run.stdout()}`)), TIMEOUT_MS).unref(),
  );
  const exited = run.done.then((r) => Promise.reject(new Error(`exited ${r.status} first:\n${r.stdout}${r.stderr}`)));
  try {
    const at = await Promise.race([connected, exited, timeout]);
    return { buildStarted: (buildStarted ?? at) - start, firstStep: at - start };
  } finally {
    run.child.kill('SIGKILL');
    const done = await run.done.catch(() => undefined);
    rmSync(ws, { recursive: true, force: true });
    if (done) rmSync(dirname(done.runnerTemp), { recursive: true, force: true });
  }
}

function nodeFloor(): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    spawnSync(process.execPath, ['-e', '']);
    times.push(performance.now() - start);
  }
  return median(times);
}

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(0)} KB`;
}

function dirSize(dir: string): number {
  return readdirSync(dir, { withFileTypes: true }).reduce(
    (sum, e) => sum + (e.isDirectory() ? dirSize(join(dir, e.name)) : statSync(join(dir, e.name)).size),
    0,
  );
}

const { step, label } = chooseBundle();
const listener = await listen();
try {
  await sample(step, listener); // warm the file cache; not counted
  const samples: Sample[] = [];
  for (let i = 0; i < runs; i++) samples.push(await sample(step, listener));
  const first = median(samples.map((s) => s.firstStep));
  const started = median(samples.map((s) => s.buildStarted));
  console.log(`action main step: ${label}`);
  console.log(`median of ${runs} fresh processes (node ${process.version}), from spawn:`);
  console.log(`  build started (::group:: line)          ${started.toFixed(1)} ms`);
  const verdict = first < GOAL_MS ? 'ok' : 'GOAL MISSED';
  console.log(`  first builder step (StepConnect's TCP)  ${first.toFixed(1)} ms  (goal < ${GOAL_MS} ms) ${verdict}`);
  console.log(`  node -e ''                              ${nodeFloor().toFixed(1)} ms`);
  console.log(
    `  range of the first step: ${Math.min(...samples.map((s) => s.firstStep)).toFixed(1)}-${Math.max(...samples.map((s) => s.firstStep)).toFixed(1)} ms`,
  );
  console.log('bundles (dist/, as committed):');
  for (const s of ['main', 'post']) {
    const dir = join(root, 'dist', s);
    console.log(`  dist/${s}/index.js ${kb(statSync(join(dir, 'index.js')).size)}; dist/${s}/ ${kb(dirSize(dir))}`);
  }
  if (step.path !== join(root, 'dist', 'main', 'index.js')) {
    const entry = kb(statSync(step.path).size);
    console.log(
      `  measured instead: esbuild bundle of src/, entry ${entry}, with its chunks ${kb(dirSize(dirname(step.path)))}`,
    );
  }
} finally {
  listener.server.close();
  step.dispose();
}
