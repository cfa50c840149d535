/*
 * `kiln validate` vs `packer validate` on the same template directory, in the
 * same run: a fresh process each time, median of several runs, and the ratio,
 * because these machines are noisy.
 *
 *   npm run bench:validate     (needs `npm run build` first: it runs dist/cli/index.js)
 *
 * The directory (__tests__/fixtures/validate-bench) has 10 .pkr.hcl files:
 * variables with validation, locals, null/docker/file/amazon-ebs/qemu sources
 * and four builds with provisioners and post-processor chains. Packer 1.6.6
 * starts one plugin process per component it prepares, which is most of its time.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

const root = join(import.meta.dirname, '..');
const templateDir = join(root, '__tests__', 'fixtures', 'validate-bench');
const kilnCli = join(root, 'dist', 'cli', 'index.js');
const runs = 9;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** Median wall time of `runs` fresh processes; each must exit 0. */
function timeCommand(cmd: string, args: string[]): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const r = spawnSync(cmd, args, {
      cwd: templateDir,
      encoding: 'utf8',
      env: { ...process.env, CHECKPOINT_DISABLE: '1' },
    });
    times.push(performance.now() - start);
    if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}:\n${r.stdout}${r.stderr}`);
  }
  return median(times);
}

const files = readdirSync(templateDir).filter((f) => f.endsWith('.pkr.hcl'));
const kiln = timeCommand(process.execPath, [kilnCli, 'validate', '.']);
const packer = timeCommand('packer', ['validate', '.']);
// The runtime's own start, for scale: no Node program can start faster than this.
const nodeFloor = timeCommand(process.execPath, ['-e', '']);

console.log(`validate: ${files.length} .pkr.hcl files, median of ${runs} runs (node ${process.version})`);
console.log(`  kiln        ${kiln.toFixed(1)} ms`);
console.log(`  packer      ${packer.toFixed(1)} ms`);
console.log(`  node -e ''  ${nodeFloor.toFixed(1)} ms`);
console.log(
  `  ratio kiln/packer = ${(kiln / packer).toFixed(3)} (goal <= 0.25; node's own start alone is ${(nodeFloor / packer).toFixed(3)})`,
);
