/*
 * Parse and console benchmarks. Both sides run in the same process run on the
 * same inputs, and the ratio is printed, because these machines are noisy.
 *
 *   npm run bench
 *
 * 1. Parse time per file over the HCL corpus: Kiln's parser vs @cdktf/hcl2json
 *    (Go's hclsyntax compiled to WASM). Steady state: both are warmed up first,
 *    then each round parses every file; the median round is reported.
 * 2. `kiln console` cold start vs `packer console`: a fresh process evaluating
 *    one expression from stdin, median of several runs.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parse as hcl2jsonParse } from '@cdktf/hcl2json';
import { parseConfig } from '../src/hcl/parse.js';

const corpusDir = join(import.meta.dirname, '..', '__tests__', 'fixtures', 'hcl-corpus');
const rounds = 15;
const coldStarts = 7;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function loadCorpus(): { name: string; text: string }[] {
  return readdirSync(corpusDir)
    .filter((f) => f.endsWith('.hcl'))
    .sort()
    .map((name) => ({ name, text: readFileSync(join(corpusDir, name), 'utf8') }));
}

async function timeRounds(run: () => Promise<void> | void): Promise<number> {
  await run(); // warm-up: JIT for Kiln, WASM instantiation for hcl2json
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  return median(times);
}

async function benchParse(): Promise<void> {
  const corpus = loadCorpus();
  const bytes = corpus.reduce((n, f) => n + Buffer.byteLength(f.text), 0);
  const kiln = await timeRounds(() => {
    for (const f of corpus) parseConfig(f.text, f.name);
  });
  const oracle = await timeRounds(async () => {
    for (const f of corpus) await hcl2jsonParse(f.name, f.text);
  });
  const perFile = (ms: number) => ((ms / corpus.length) * 1000).toFixed(1);
  console.log(`parse: ${corpus.length} files, ${(bytes / 1024).toFixed(1)} KiB, median of ${rounds} rounds`);
  console.log(`  kiln      ${perFile(kiln)} µs/file`);
  console.log(`  hcl2json  ${perFile(oracle)} µs/file`);
  console.log(`  ratio kiln/hcl2json = ${(kiln / oracle).toFixed(3)} (goal <= 0.5)`);
}

function timeCommand(cmd: string, args: string[], input: string): number {
  const times: number[] = [];
  for (let i = 0; i < coldStarts; i++) {
    const start = performance.now();
    const r = spawnSync(cmd, args, { input, encoding: 'utf8', env: { ...process.env, CHECKPOINT_DISABLE: '1' } });
    times.push(performance.now() - start);
    if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  }
  return median(times);
}

function benchConsole(): void {
  const kilnCli = join(import.meta.dirname, '..', 'dist', 'cli', 'index.js');
  const expr = 'upper("kiln")\n';
  const kiln = timeCommand(process.execPath, [kilnCli, 'console'], expr);
  const packer = timeCommand('packer', ['console', '-config-type=hcl2'], expr);
  // The runtime's own start, for scale: no Node program can start faster than this.
  const nodeFloor = timeCommand(process.execPath, ['-e', ''], '');
  console.log(`console cold start: median of ${coldStarts} runs (node ${process.version})`);
  console.log(`  kiln        ${kiln.toFixed(1)} ms`);
  console.log(`  packer      ${packer.toFixed(1)} ms`);
  console.log(`  node -e ''  ${nodeFloor.toFixed(1)} ms`);
  console.log(
    `  ratio kiln/packer = ${(kiln / packer).toFixed(3)} (goal <= 0.5; node's own start alone is ${(nodeFloor / packer).toFixed(3)})`,
  );
}

await benchParse();
benchConsole();
