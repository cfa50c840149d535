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

/**
 * Expressions where current Packer (1.14: hcl v2.24, go-cty v1.13.3, its own
 * `index`) behaves differently from 1.6.6, with the reason. Kiln follows current
 * Packer; the unit tests of the evaluator and functions pin these behaviours.
 */
const newerPackerDiffers: Readonly<Record<string, string>> = {
  '1 +': 'hcl >= 2.10 says "Missing expression ... found the end of the file"',
  'true ? [1] : {}':
    "hcl >= 2.17 names each branch's type: \"The 'true' value is tuple, but the 'false' value is object\"",
  '[1, 2, 3][3]': 'hcl >= 2.13 adds "the given index is greater than or equal to the length of the collection"',
  '[1, 2, 3][-1]': 'hcl >= 2.13 adds "a negative number is not a valid index for a sequence"',
  '[1, 2, 3][1.5]': 'hcl >= 2.13 no longer prints the fractional index value (it may be sensitive)',
  'null[*]': 'hcl >= 2.9 makes a splat over null an empty tuple',
  'element(["a"], -1)': 'go-cty >= 1.11 rejects negative indexes in element()',
  'index(["a", "b"], "b")':
    "Packer >= 1.7 registers its own index(list, value) instead of cty's index(collection, key)",
  'index(["a"], "z")': "Packer >= 1.7 registers its own index(list, value): 'item not found'",
  'merge()': 'go-cty >= 1.9 returns an empty object for merge() with no arguments',
  'csvdecode("a,b\\n1")': 'go-cty >= 1.8 words CSV errors "CSV parse error on line N: ..."',
  'jsonencode(null)': 'go-cty >= 1.11 accepts null in jsonencode and returns "null"',
};

/** Where Kiln knowingly differs from Packer, with the reason; each is a gap to close. */
const kilnGaps: Readonly<Record<string, string>> = {
  'yamldecode("{")':
    'YAML syntax errors are worded by js-yaml, not libyaml ("did not find expected node content"); the position format matches',
};

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
    // Both consoles resolve file paths against the process's directory, as Packer does without a template.
    process.chdir(dir);
    oracle = await mapLimit(judged, 4, (expr) =>
      runPacker(['console', '-config-type=hcl2'], { cwd: dir, stdin: `${expr}\n` }),
    );
  }, 240_000);

  it('judges at least 150 expressions of the corpus', () => {
    expect(corpus.length).toBe(recorded.length);
    expect(judged.filter((e) => !newerPackerDiffers[e] && !kilnGaps[e]).length).toBeGreaterThanOrEqual(150);
  });

  it.each(
    judged.filter((e) => !newerPackerDiffers[e] && !kilnGaps[e]).map((expr) => [expr, judged.indexOf(expr)] as const),
  )('%s', async (expr, i) => {
    const packer = oracle[i]!;
    const ours = await kiln(expr);
    const volatile = /# volatile:(\S+)\s*$/.exec(expr)?.[1];
    if (volatile) {
      expect(ours.stdout).toMatch(volatileShapes[volatile] ?? /^$/);
      return;
    }
    expect(withoutSnippets(ours.stdout)).toBe(withoutSnippets(packer.stdout));
    expect(ours.exit).toBe(packer.exit);
  });
});

it('has the oracle: Packer 1.6.6 on PATH (apt-get install packer)', () => {
  expect(hasPacker).toBe(true);
});
