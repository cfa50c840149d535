import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { expect } from 'vitest';
import { evaluate } from '../../src/eval/evaluate.js';
import type { Value } from '../../src/eval/value.js';
import type { Diagnostic } from '../../src/hcl/diagnostics.js';
import { parseExpression } from '../../src/hcl/parse.js';
import { formatRange } from '../../src/hcl/range.js';
import { loadConsoleScope, type ConsoleScope, type ConsoleScopeOptions } from '../../src/template/console-scope.js';
import { runConsole } from '../../src/cli/console.js';
import { memoryIO } from '../support/cli.js';
import { runPacker } from '../support/packer.js';

/* Shared helpers for the template-scope tests: temporary templates, loading, evaluating, diagnostics as lines. */

export const fixtures = join(import.meta.dirname, '..', 'fixtures', 'templates');

/** Writes `files` (relative path -> content) into a new temporary directory and returns its path. */
export function tempTemplate(files: Readonly<Record<string, string>>): string {
  const dir = mkdtempSync(join(tmpdir(), 'kiln-template-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

/** loadConsoleScope with empty env, -var and -var-file unless given. */
export function load(opts: Partial<ConsoleScopeOptions> & { cwd: string }) {
  return loadConsoleScope({ env: {}, vars: [], varFiles: [], ...opts });
}

/** Evaluates a console expression in a scope, asserting it has no diagnostics. */
export function valueIn(scope: ConsoleScope, src: string): Value {
  const parsed = parseExpression(src, '<test>');
  expect(parsed.diags).toEqual([]);
  const { value, diags } = evaluate(parsed.expr, scope.context);
  expect(diags.map(diagLine), src).toEqual([]);
  return value;
}

/** A diagnostic as one comparable line: severity, summary, detail, subject and context ranges. */
export function diagLine(d: Diagnostic): string {
  const range = (r: Diagnostic['subject']) => (r ? formatRange(r) : '-');
  return `${d.severity}: ${d.summary} | ${d.detail ?? ''} | ${range(d.subject)} | ${range(d.context)}`;
}

/** The "Error: SUMMARY" lines of a console's output, in order. */
export function errorSummaries(text: string): string[] {
  return [...text.matchAll(/^Error: (.*)$/gm)].map((m) => m[1]!);
}

/** `kiln console ARGS` in-process with `stdin` piped. */
export async function kilnConsole(args: string[], cwd: string, stdin: string, env: Record<string, string> = {}) {
  const m = memoryIO({ cwd, stdin, env });
  const exit = await runConsole(args, m.io);
  return { stdout: m.stdout(), stderr: m.stderr(), exit };
}

/** `packer console ARGS` (1.6.6) with `stdin` through a real pipe. */
export function packerConsole(args: string[], cwd: string, stdin: string) {
  return runPacker(['console', ...args], { cwd, stdin });
}
