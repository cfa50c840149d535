import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runValidate } from '../../src/cli/validate.js';
import { cases, type Diag, type ValidateCase } from '../fixtures/validate/cases.js';
import { memoryIO } from '../support/cli.js';
import { mapLimit, packerAvailable, runPacker, type PackerRun } from '../support/packer.js';
import { diagKey, parseDiagnostics } from './validate-output.js';

/*
 * `kiln validate` against `packer validate` (1.6.6, live) on the corpus in
 * __tests__/fixtures/validate (cases.ts says what each case is and who decides it).
 * Both run in the same temporary copy of the case directory with the same
 * arguments; they must agree on the exit status and on the set of
 * (severity, summary, file, line) of the diagnostics. Where Packer 1.6.6 prints
 * a diagnostic without a location, only its summary is compared. On success
 * 1.6.6 prints nothing; current Packer (and Kiln) print "The configuration is valid.".
 */

const VALID = 'The configuration is valid.';

const fixtures = join(import.meta.dirname, '..', 'fixtures', 'validate');
const hasPacker = packerAvailable();

interface Prepared {
  readonly dir: string;
  readonly packer?: PackerRun;
}

function commandArgs(c: ValidateCase): string[] {
  return [...(c.args ?? []), c.target ?? '.'];
}

function copyCase(c: ValidateCase): string {
  const dir = mkdtempSync(join(tmpdir(), `kiln-validate-${c.name}-`));
  cpSync(join(fixtures, c.name), dir, { recursive: true });
  return dir;
}

/** `packer validate` with the case's environment added (PKR_VAR_*), checkpoint off. */
function runPackerValidate(c: ValidateCase, cwd: string): Promise<PackerRun> {
  return runPacker(['validate', ...commandArgs(c)], { cwd, ...(c.env ? { env: c.env } : {}) });
}

async function runKiln(c: ValidateCase, cwd: string): Promise<PackerRun> {
  // The CLI runs with the process in the template's directory, as packer does: file
  // functions and provisioner sources resolve relative paths against it.
  process.chdir(cwd);
  const m = memoryIO({ cwd, env: { ...c.env } });
  const exit = await runValidate(commandArgs(c), m.io);
  return { stdout: m.stdout(), stderr: m.stderr(), exit };
}

const text = (r: PackerRun) => r.stdout + r.stderr;
const squash = (s: string) => s.replace(/\s+/g, ' ');

/**
 * The two sides as sorted, de-duplicated keys (1.6.6 prints some parse errors
 * twice). A reference diagnostic without a location matches ours by summary.
 */
function comparable(ours: readonly Diag[], reference: readonly Diag[]): { ours: string[]; reference: string[] } {
  const unlocated = new Set(reference.filter((d) => d.file === undefined).map((d) => `${d.severity}\0${d.summary}`));
  const strip = (d: Diag): Diag =>
    unlocated.has(`${d.severity}\0${d.summary}`) ? { severity: d.severity, summary: d.summary } : d;
  const keys = (ds: readonly Diag[]) => [...new Set(ds.map(diagKey))].sort();
  return { ours: keys(ours.map(strip)), reference: keys(reference) };
}

function expectSameDiagnostics(ours: PackerRun, reference: readonly Diag[]): void {
  const got = comparable(parseDiagnostics(text(ours)), reference);
  expect(got.ours, text(ours)).toEqual(got.reference);
}

function expectIncludes(run: PackerRun, needles: readonly string[] | undefined): void {
  for (const n of needles ?? []) expect(squash(text(run)), text(run)).toContain(squash(n));
}

const includesAll = (run: PackerRun, needles: readonly string[] | undefined): boolean =>
  (needles ?? []).every((n) => squash(text(run)).includes(squash(n)));

function expectValidMessage(c: ValidateCase, ours: PackerRun, exit: number | null): void {
  if (exit === 0 && !c.args?.includes('-syntax-only')) expect(text(ours)).toContain(VALID);
}

const judged = cases;
const live = cases.filter((c) => !c.expected);

describe.runIf(hasPacker)('kiln validate matches packer validate', () => {
  const prepared = new Map<string, Prepared>();

  beforeAll(async () => {
    const runs = await mapLimit(live, 4, async (c) => {
      const dir = copyCase(c);
      return { dir, packer: await runPackerValidate(c, dir) };
    });
    live.forEach((c, i) => prepared.set(c.name, runs[i]!));
    for (const c of cases.filter((x) => x.expected)) prepared.set(c.name, { dir: copyCase(c) });
  }, 60_000);

  afterAll(() => {
    for (const p of prepared.values()) rmSync(p.dir, { recursive: true, force: true });
  });

  it('has at least 80 cases, 10 of them from current Packer, each with its own directory', () => {
    expect(cases.length).toBeGreaterThanOrEqual(80);
    expect(cases.filter((c) => c.expected?.source === 'current-packer').length).toBeGreaterThanOrEqual(10);
    expect(new Set(cases.map((c) => c.name)).size).toBe(cases.length);
  });

  describe('the oracle agrees with what the corpus says of it', () => {
    it.each(live.filter((c) => c.messageIncludes).map((c) => [c.name, c] as const))(
      '%s: Packer 1.6.6 prints the expected message',
      async (_name, c) => {
        const { dir, packer } = prepared.get(c.name)!;
        let run = packer!;
        // Packer 1.6.6 sometimes exits before its UI has written a flag error (seen with
        // `-var declared`: about 1 run in 13); ask it again, at most twice, before judging.
        for (let retry = 0; retry < 2 && !includesAll(run, c.messageIncludes); retry++) {
          run = await runPackerValidate(c, dir);
        }
        expectIncludes(run, c.messageIncludes);
      },
    );

    it.each(live.filter((c) => c.current).map((c) => [c.name, c] as const))(
      '%s: Packer 1.6.6 still differs from the current expectation',
      (_name, c) => {
        const packer = prepared.get(c.name)!.packer!;
        const current = c.current!;
        const same =
          packer.exit === current.exit &&
          JSON.stringify(comparable(parseDiagnostics(text(packer)), current.diags).ours) ===
            JSON.stringify(comparable(current.diags, current.diags).reference) &&
          (current.messageIncludes ?? []).every((m) => squash(text(packer)).includes(squash(m)));
        expect(same, `${c.name}: 1.6.6 now says what current Packer says; drop the override`).toBe(false);
      },
    );

    it.each(live.filter((c) => !c.legacy).map((c) => [c.name, c] as const))(
      '%s: Packer 1.6.6 did not crash',
      (_name, c) => expect(text(prepared.get(c.name)!.packer!)).not.toContain('PACKER CRASH'),
    );
  });

  it.each(judged.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const { dir, packer } = prepared.get(c.name)!;
    const ours = await runKiln(c, dir);
    if (c.expected) {
      expect(ours.exit, text(ours)).toBe(c.expected.exit);
      expectIncludes(ours, c.expected.messageIncludes);
      return;
    }
    if (c.current) {
      expect(ours.exit, text(ours)).toBe(c.current.exit);
      expectSameDiagnostics(ours, c.current.diags);
      expectIncludes(ours, c.current.messageIncludes);
      expectValidMessage(c, ours, c.current.exit);
      return;
    }
    expect(ours.exit, text(ours)).toBe(packer!.exit);
    expectSameDiagnostics(ours, parseDiagnostics(text(packer!)));
    expectIncludes(ours, c.messageIncludes);
    expectValidMessage(c, ours, packer!.exit);
  });
});

it('has the oracle: Packer 1.6.6 on PATH (apt-get install packer)', () => {
  expect(hasPacker).toBe(true);
});
