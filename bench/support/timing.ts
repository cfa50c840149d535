import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

export function median(xs: readonly number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export interface Finished {
  ms: number;
  stdout: string;
  stderr: string;
}

/** A command that exited non-zero; the message carries the tail of its output. */
export class CommandFailed extends Error {}

/** Runs a command to completion and times it (wall clock, process start included). */
export function timed(
  cmd: string,
  args: readonly string[],
  options: { cwd?: string; env?: Record<string, string>; label?: string } = {},
): Promise<Finished> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(cmd, args, {
      cwd: options.cwd,
      env: { ...process.env, CHECKPOINT_DISABLE: '1', PACKER_LOG: '', ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.stderr.on('data', (c: Buffer) => err.push(c));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      const ms = performance.now() - start;
      const stdout = Buffer.concat(out).toString('utf8');
      const stderr = Buffer.concat(err).toString('utf8');
      if (code === 0) return resolve({ ms, stdout, stderr });
      // A Node crash puts its reason at the top of stderr; a build's UI ends with its reason.
      const detail = [...stdout.trim().split('\n').slice(-4), ...stderr.trim().split('\n').slice(0, 6)];
      reject(
        new CommandFailed(
          `${options.label ?? cmd} exited with ${signal ?? `status ${code}`}:\n${detail.join('\n').trim()}`,
        ),
      );
    });
  });
}

const TIME = '/usr/bin/time';

/**
 * timed(), with the command's own CPU time (user + system, its children
 * included) as /usr/bin/time reports it; NaN where that is not installed.
 */
export async function cpuTimed(
  cmd: string,
  args: readonly string[],
  scratch: string,
  options: { cwd?: string } = {},
): Promise<{ ms: number; cpuMs: number }> {
  if (!existsSync(TIME)) return { ms: (await timed(cmd, args, options)).ms, cpuMs: NaN };
  const report = path.join(scratch, 'time-report');
  const { ms } = await timed(TIME, ['-f', '%U %S', '-o', report, cmd, ...args], { ...options, label: cmd });
  const [user = NaN, system = NaN] = readFileSync(report, 'utf8').trim().split(/\s+/).map(Number);
  return { ms, cpuMs: (user + system) * 1000 };
}

export function ms(value: number): string {
  return Number.isNaN(value) ? '    n/a   ' : `${value.toFixed(0).padStart(7)} ms`;
}

/** "ratio 0.25 (goal <= 0.3)" and, when the goal is missed, a line nobody can overlook. */
export function verdict(ratio: number, goal: number): string {
  const line = `ratio ${ratio.toFixed(3)} (goal <= ${goal})`;
  return ratio <= goal ? `${line}  ok` : `${line}  GOAL MISSED`;
}
