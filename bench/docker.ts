/*
 * examples/quickstart built by Kiln and by Packer 1.6.6 against the same
 * Docker engine, in one run:
 *
 *   npm run bench:docker [-- --runs 5 --kiln dist|bundle|src]
 *
 * Both build the same 1.6.6-compatible copy of the example
 * (__tests__/support/quickstart.ts), alternating, `runs` times each; the
 * median wall-time ratio is the result (goal: Kiln <= 0.5x Packer). Then Kiln
 * builds it `runs` times more in this process, timing each builder step from
 * the engine's step events, to show where its time goes.
 *
 * --kiln picks how `kiln` starts: dist is the committed bundle users run;
 * bundle is src/cli bundled here with esbuild into a temp dir (what dist will
 * be once rebuilt, without touching it); src runs the TypeScript through tsx,
 * which pays over a second of compiling at start. Each run's image is removed.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { PassThrough } from 'node:stream';
import { parseArgs } from 'node:util';
import { copyQuickstart } from '../__tests__/support/quickstart.js';
import { runBuild } from '../src/cli/build.js';
import { connectEngine } from '../src/communicator/docker/engine.js';
import { EventBus, type EngineEvent } from '../src/core/events.js';
import { kilnCommand, type KilnEntry } from './support/kiln-entry.js';
import { CommandFailed, median, ms, timed, verdict } from './support/timing.js';

const root = path.resolve(import.meta.dirname, '..');
const BASE_IMAGE = 'kiln-test/debian:bookworm';

const { values } = parseArgs({
  options: { runs: { type: 'string', default: '5' }, kiln: { type: 'string', default: 'dist' } },
});
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a positive integer, got ${values.runs}`);
if (values.kiln !== 'dist' && values.kiln !== 'bundle' && values.kiln !== 'src') {
  throw new Error(`--kiln must be dist, bundle or src, got ${values.kiln}`);
}
const entry: KilnEntry = values.kiln;

const engine = connectEngine();
const work = mkdtempSync(path.join(tmpdir(), 'kiln-bench-docker-'));

const imageIdIn = (out: string) => /Image ID: (sha256:[0-9a-f]{64})/.exec(out)?.[1];

async function removeImage(id: string | undefined): Promise<void> {
  if (id) await engine.getImage(id).remove({ force: true });
}

/** Step name -> ms of one in-process build, from the engine's step events. */
type StepTimes = Map<string, number>;

/**
 * One `kiln build` in this process with the step events timed. The bus is
 * created inside runBuild, so its emit is wrapped for the duration.
 */
async function inProcessBuild(dir: string): Promise<{ total: number; steps: StepTimes; out: string }> {
  const steps: StepTimes = new Map();
  const started = new Map<string, number>();
  let lastStepEnd = 0;
  const emit = EventBus.prototype.emit;
  const start = performance.now();
  let finished = start;
  EventBus.prototype.emit = function (this: EventBus, event: EngineEvent) {
    const now = performance.now();
    if (event.type === 'step-started') started.set(event.step, now);
    if (event.type === 'step-finished') {
      steps.set(event.step, now - (started.get(event.step) ?? now));
      lastStepEnd = now;
    }
    if (event.type === 'build-finished') finished = now;
    emit.call(this, event);
  };
  const stdout = new PassThrough();
  let out = '';
  stdout.on('data', (c: Buffer) => (out += c.toString()));
  const saved = process.cwd();
  process.chdir(dir);
  try {
    const code = await runBuild(['-color=false', '.'], {
      stdin: new PassThrough(),
      stdout,
      stderr: stdout,
      cwd: dir,
      env: process.env,
    });
    if (code !== 0) throw new CommandFailed(`in-process kiln build exited ${code}:\n${out.slice(-2000)}`);
  } finally {
    process.chdir(saved);
    EventBus.prototype.emit = emit;
  }
  steps.set('cleanup + post-processors', finished - lastStepEnd);
  return { total: performance.now() - start, steps, out };
}

interface Sample {
  readonly ms: number;
  readonly cpuMs: number;
}

/** One build, wall-timed, with the tool's CPU (user + system, children included) from /usr/bin/time. */
async function timedBuild(cmd: string, args: readonly string[], dir: string, label: string): Promise<Sample> {
  const report = path.join(work, 'time-report');
  const { ms: wall, stdout } = await timed('/usr/bin/time', ['-f', '%U %S', '-o', report, cmd, ...args], {
    cwd: dir,
    label,
  });
  await removeImage(imageIdIn(stdout));
  const [user = NaN, system = NaN] = readFileSync(report, 'utf8').trim().split(/\s+/).map(Number);
  return { ms: wall, cpuMs: (user + system) * 1000 };
}

async function main(): Promise<void> {
  await timed(path.join(root, 'scripts', 'docker-base-image.sh'), [BASE_IMAGE], { label: 'docker-base-image.sh' });
  const dir = path.join(work, 'quickstart');
  mkdirSync(dir);
  copyQuickstart(dir, { postProcessors: true });
  const command = await kilnCommand(root, entry);
  const kiln = command.args;
  const tools = [
    { name: 'kiln', cmd: process.execPath, args: [...kiln, 'build', '-color=false', '.'] },
    { name: 'packer', cmd: 'packer', args: ['build', '-color=false', '.'] },
  ];
  const samples = new Map(tools.map((t) => [t.name, [] as Sample[]]));
  const failures = new Map<string, string>();
  for (let run = 0; run < runs; run++) {
    for (const tool of tools) {
      if (failures.has(tool.name)) continue;
      try {
        samples.get(tool.name)?.push(await timedBuild(tool.cmd, tool.args, dir, tool.name));
      } catch (error) {
        if (!(error instanceof CommandFailed)) throw error;
        failures.set(tool.name, error.message);
      }
    }
  }

  const kilnShown = entry === 'bundle' ? 'src/cli bundled by esbuild' : path.relative(root, kiln.at(-1) ?? '');
  console.log(
    `\nexamples/quickstart (with its post-processors), docker builder on ${BASE_IMAGE}, median of ${runs} alternating runs`,
  );
  console.log(`  kiln = node ${kilnShown} build`);
  console.log(`  ${''.padEnd(7)} ${'wall'.padStart(10)}  ${'CPU'.padStart(10)}`);
  const med = (name: string, key: keyof Sample) => median((samples.get(name) ?? []).map((s) => s[key]));
  for (const tool of tools) {
    const failure = failures.get(tool.name);
    if (failure) console.log(`  ${tool.name} build failed: ${failure.replace(/\n/g, '\n    ')}`);
    else console.log(`  ${tool.name.padEnd(7)} ${ms(med(tool.name, 'ms'))}  ${ms(med(tool.name, 'cpuMs'))}`);
  }
  if (failures.size > 0) console.log('  GOAL MISSED: no ratio without both builds');
  else console.log(`  kiln / packer, wall: ${verdict(med('kiln', 'ms') / med('packer', 'ms'), 0.5)}`);

  // Where Kiln's time goes: the same build in this process (modules loaded once), its steps timed.
  const steps = new Map<string, number[]>();
  const totals: number[] = [];
  for (let run = 0; run < runs; run++) {
    const build = await inProcessBuild(dir);
    await removeImage(imageIdIn(build.out));
    totals.push(build.total);
    for (const [step, took] of build.steps) steps.set(step, [...(steps.get(step) ?? []), took]);
  }
  console.log(`\n  kiln's steps in process, median of ${runs} (module loading excluded):`);
  for (const [step, took] of steps) console.log(`    ${step.padEnd(28)} ${ms(median(took))}`);
  console.log(`    ${'whole build'.padEnd(28)} ${ms(median(totals))}`);
  // The rest of `kiln build`'s wall time is spent outside the build: node's start, loading the command's
  // modules, parsing the template, and code that runs cold once instead of warm as in this process.
  if (!failures.has('kiln')) {
    console.log(`    ${'outside the build (CLI wall)'.padEnd(28)} ${ms(med('kiln', 'ms') - median(totals))}`);
  }
  command.dispose();
}

main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => rmSync(work, { recursive: true, force: true }));
