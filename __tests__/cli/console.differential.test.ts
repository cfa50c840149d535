import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runConsole } from '../../src/cli/console.js';
import { memoryIO } from '../support/cli.js';
import { mapLimit, packerAvailable, runPacker, type PackerRun } from '../support/packer.js';

/*
 * `kiln console` against `packer console` (1.6.6, live) on the expression corpus:
 * the same stdout and exit status for every expression. Two documented differences:
 * Kiln's diagnostics quote the console line where Packer says "(source code not
 * available)", and functions added after 1.6.6 are checked against Packer's docs in
 * the function tests instead (1.6.6 answers "Call to unknown function").
 */

const dir = join(import.meta.dirname, '..', 'fixtures', 'console');
const corpus = readFileSync(join(dir, 'expressions.hcl-lines'), 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '' && !l.startsWith('##'));

/*
 * What 1.6.6 printed when the corpus was recorded (record.mjs) decides, before
 * the live run, which expressions it can judge: not the functions it lacks, and
 * not the ones it crashes on (log of a negative number panics in go-cty).
 */
const recorded: { expr: string; stdout: string; volatile?: string }[] = JSON.parse(
  readFileSync(join(dir, 'packer-1.6.6.json'), 'utf8'),
);
const judged = recorded
  .filter((r) => !r.stdout.includes('Call to unknown function') && r.volatile !== 'panic')
  .map((r) => r.expr);

/** Expressions where current Packer (the contract) behaves differently from 1.6.6, with the reason. */
const newerPackerDiffers: Readonly<Record<string, string>> = {};

/** Volatile outputs are compared by shape. */
const volatileShapes: Readonly<Record<string, RegExp>> = {
  random: /^\S+\n$/,
  time: /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ\n$/,
  cwd: /^\/\S+\n$/,
  env: /^\/\S*\n$/,
};

/** Drops the source snippet of a console diagnostic, which Kiln shows and Packer 1.6.6 cannot. */
function withoutSnippets(text: string): string {
  return text.replace(
    /( {2}on <console-input> line \d+[^\n]*:\n)(?: {2}\(source code not available\)\n|(?: {2,}\d+: [^\n]*\n| {4,}[\^~ ]*\n)+)/g,
    '$1',
  );
}

async function kiln(expr: string): Promise<PackerRun> {
  const m = memoryIO({ cwd: dir, stdin: `${expr}\n` });
  const exit = await runConsole(['-config-type=hcl2'], m.io);
  return { stdout: m.stdout(), stderr: m.stderr(), exit };
}

const hasPacker = packerAvailable();

describe.runIf(hasPacker)('kiln console matches packer console', () => {
  let oracle: PackerRun[] = [];
  beforeAll(async () => {
    oracle = await mapLimit(judged, 4, (expr) =>
      runPacker(['console', '-config-type=hcl2'], { cwd: dir, stdin: `${expr}\n` }),
    );
  }, 240_000);

  it('judges at least 150 expressions of the corpus', () => {
    expect(corpus.length).toBe(recorded.length);
    expect(judged.filter((e) => !newerPackerDiffers[e]).length).toBeGreaterThanOrEqual(150);
  });

  it.each(judged.filter((e) => !newerPackerDiffers[e]).map((expr) => [expr, judged.indexOf(expr)] as const))(
    '%s',
    async (expr, i) => {
      const packer = oracle[i]!;
      const ours = await kiln(expr);
      const volatile = /# volatile:(\S+)\s*$/.exec(expr)?.[1];
      if (volatile) {
        expect(ours.stdout).toMatch(volatileShapes[volatile] ?? /^$/);
        return;
      }
      expect(withoutSnippets(ours.stdout)).toBe(withoutSnippets(packer.stdout));
      expect(ours.exit).toBe(packer.exit);
    },
  );
});

describe.skipIf(hasPacker)('without packer', () => {
  it('needs Packer 1.6.6 on PATH (apt-get install packer)', () => {
    expect.fail('packer is not installed; the console differential test cannot run');
  });
});
