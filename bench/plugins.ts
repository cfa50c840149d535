/*
 * The plugin bridge against Packer 1.6.6, in one run:
 *
 *   npm run bench:plugins [-- --runs 5 --lines 5000 --kiln dist|bundle|src]
 *
 * 1. Ui callback round trip: Packer 1.6.6's shell-local provisioner runs as a
 *    plugin under Kiln's bridge and prints `lines` lines; the plugin sends
 *    each line with a synchronous Ui.Message call, so the time between two
 *    calls arriving is one round trip plus the plugin's own loop (an upper
 *    bound on the round trip). Goal: median under 0.2 ms.
 * 2. examples/quickstart (Packer 1.6.6-compatible copy) built by Packer 1.6.6
 *    and by Kiln with Packer's docker builder through the bridge
 *    (KILN_PREFER_PLUGINS=1, the builder as a single-component plugin in
 *    PACKER_PLUGIN_PATH) and Kiln's own provisioners, alternating, `runs`
 *    times each. Goal: Kiln at most 1.0x Packer.
 */
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { copyQuickstart } from '../__tests__/support/quickstart.js';
import { connectEngine } from '../src/communicator/docker/engine.js';
import { NoneCommunicator } from '../src/communicator/none.js';
import { pluginProvisioner } from '../src/plugins/bridge/provisioner.js';
import { kilnCommand, type KilnEntry } from './support/kiln-entry.js';
import { CommandFailed, median, ms, timed, verdict } from './support/timing.js';

const root = path.resolve(import.meta.dirname, '..');
const BASE_IMAGE = 'kiln-test/debian:bookworm';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    lines: { type: 'string', default: '5000' },
    kiln: { type: 'string', default: 'dist' },
  },
});
const runs = Number(values.runs);
const lines = Number(values.lines);
if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a positive integer, got ${values.runs}`);
if (!Number.isInteger(lines) || lines < 100) throw new Error(`--lines must be an integer >= 100, got ${values.lines}`);
if (values.kiln !== 'dist' && values.kiln !== 'bundle' && values.kiln !== 'src') {
  throw new Error(`--kiln must be dist, bundle or src, got ${values.kiln}`);
}
const entry: KilnEntry = values.kiln;
const work = mkdtempSync(path.join(tmpdir(), 'kiln-bench-plugins-'));

/** Gaps between consecutive Ui.Message calls of one shell-local run printing `count` lines. */
async function uiGaps(count: number): Promise<number[]> {
  const arrivals: number[] = [];
  const provision = pluginProvisioner({
    path: 'packer',
    args: ['plugin', 'packer-provisioner-shell-local'],
    name: 'packer-provisioner-shell-local',
  });
  const ui = {
    say: () => undefined,
    message: () => void arrivals.push(performance.now()),
    error: () => undefined,
  };
  await provision(
    { inline: [`seq 1 ${count}`] },
    {
      ui,
      signal: new AbortController().signal,
      prompt: () => Promise.resolve(undefined),
      buildName: 'bench',
      builderType: 'null',
      cwd: work,
      // What Packer's null builder hands its provisioners with communicator = "none".
      communicator: new NoneCommunicator(),
      generatedData: {},
    },
  );
  // The first lines include the command's start; the count proves every line came through.
  if (arrivals.length < count) throw new Error(`expected ${count} Ui.Message calls, got ${arrivals.length}`);
  return arrivals.slice(10).map((t, i) => t - arrivals[i + 9]!);
}

function percentile(xs: readonly number[], p: number): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function uiRoundTrip(): Promise<void> {
  const medians: number[] = [];
  const all: number[] = [];
  for (let run = 0; run < runs; run++) {
    const gaps = await uiGaps(lines);
    medians.push(median(gaps));
    all.push(...gaps);
  }
  console.log(`\nUi.Message round trip, shell-local plugin printing ${lines} lines, ${runs} runs`);
  console.log(`  median ${median(all).toFixed(3)} ms  p90 ${percentile(all, 90).toFixed(3)} ms`);
  console.log(`  per-run medians: ${medians.map((m) => m.toFixed(3)).join(' ')} ms`);
  const result = median(all);
  console.log(`  ${result < 0.2 ? 'ok' : 'GOAL MISSED'}: median ${result.toFixed(3)} ms (goal < 0.2 ms)`);
}

const imageIdIn = (out: string) => /Image ID: (sha256:[0-9a-f]{64})/.exec(out)?.[1];

async function dockerThroughBridge(): Promise<void> {
  const engine = connectEngine();
  await timed(path.join(root, 'scripts', 'docker-base-image.sh'), [BASE_IMAGE], { label: 'docker-base-image.sh' });
  const dir = path.join(work, 'quickstart');
  mkdirSync(dir);
  copyQuickstart(dir, { postProcessors: true });
  const plugins = path.join(work, 'plugins');
  mkdirSync(plugins);
  const wrapper = path.join(plugins, 'packer-builder-docker');
  writeFileSync(wrapper, '#!/bin/sh\nexec packer plugin packer-builder-docker "$@"\n');
  chmodSync(wrapper, 0o755);
  const command = await kilnCommand(root, entry);
  const tools: { name: string; cmd: string; args: string[]; env: Record<string, string> }[] = [
    {
      name: 'kiln',
      cmd: process.execPath,
      args: [...command.args, 'build', '-color=false', '.'],
      env: { KILN_PREFER_PLUGINS: 'builder.docker', PACKER_PLUGIN_PATH: plugins },
    },
    { name: 'packer', cmd: 'packer', args: ['build', '-color=false', '.'], env: {} },
  ];
  const samples = new Map(tools.map((t) => [t.name, [] as number[]]));
  try {
    for (let run = 0; run < runs; run++) {
      for (const tool of tools) {
        const result = await timed(tool.cmd, tool.args, { cwd: dir, env: tool.env, label: tool.name });
        const id = imageIdIn(result.stdout);
        if (id) await engine.getImage(id).remove({ force: true });
        samples.get(tool.name)?.push(result.ms);
      }
    }
  } catch (error) {
    if (!(error instanceof CommandFailed)) throw error;
    console.log(`\nquickstart through the bridge: a build failed:\n  ${error.message.replace(/\n/g, '\n  ')}`);
    console.log('  GOAL MISSED: no ratio without both builds');
    return;
  } finally {
    command.dispose();
  }
  const inspect = await timed(process.execPath, [...command.args, 'inspect', '.'], {
    cwd: dir,
    env: { KILN_PREFER_PLUGINS: 'builder.docker', PACKER_PLUGIN_PATH: plugins },
  }).catch((error: unknown) => ({ stdout: String(error) }));
  const served = /docker\.app \(.*\)/.exec(inspect.stdout)?.[0] ?? '(inspect did not say)';
  const kiln = median(samples.get('kiln') ?? []);
  const packer = median(samples.get('packer') ?? []);
  console.log(`\nexamples/quickstart, docker builder of Packer 1.6.6 through Kiln's bridge, median of ${runs}`);
  console.log(`  kiln inspect: ${served.trim()}`);
  console.log(`  kiln   ${ms(kiln)}\n  packer ${ms(packer)}`);
  console.log(`  kiln / packer, wall: ${verdict(kiln / packer, 1.0)}`);
}

async function main(): Promise<void> {
  await uiRoundTrip();
  await dockerThroughBridge();
}

main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => rmSync(work, { recursive: true, force: true }));
