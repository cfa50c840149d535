import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/*
 * `kiln` as a separate process (from source, through tsx), for tests that
 * signal it or kill what it talks to. Output is collected; `waitFor` resolves
 * when a line containing a text has been printed.
 */

const root = join(import.meta.dirname, '..', '..');
const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

export interface KilnProcess {
  readonly child: ChildProcess;
  stdout(): string;
  /** Resolves once stdout contains text; rejects after timeoutMs. */
  waitFor(text: string, timeoutMs?: number): Promise<void>;
  /** Resolves the exit code (or the signal's name). */
  exited: Promise<number | string>;
}

export function startKiln(
  args: readonly string[],
  options: { cwd: string; env?: Record<string, string> },
): KilnProcess {
  const child = spawn(process.execPath, ['--import', tsx, join(root, 'src/cli/index.ts'), ...args], {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const waiters: { text: string; resolve: () => void }[] = [];
  child.stdout?.on('data', (chunk: Buffer) => {
    out += chunk.toString();
    for (const w of waiters.filter((w) => out.includes(w.text))) {
      waiters.splice(waiters.indexOf(w), 1);
      w.resolve();
    }
  });
  child.stderr?.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const exited = new Promise<number | string>((resolve) =>
    child.on('exit', (code, signal) => resolve(code ?? signal ?? -1)),
  );
  return {
    child,
    stdout: () => out,
    exited,
    waitFor(text, timeoutMs = 30_000) {
      if (out.includes(text)) return Promise.resolve();
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`timed out waiting for ${JSON.stringify(text)}:\n${out}`)),
          timeoutMs,
        );
        waiters.push({
          text,
          resolve: () => {
            clearTimeout(timer);
            resolve();
          },
        });
      });
    },
  };
}

/** PIDs of processes whose command line contains pattern (pgrep -f). */
export function processesMatching(pattern: string): number[] {
  const run = spawnSync('pgrep', ['-f', pattern], { encoding: 'utf8' });
  return run.stdout.split('\n').filter(Boolean).map(Number);
}

/** Waits (bounded) until no process matches pattern; returns the PIDs still there at the end. */
export async function processesGone(pattern: string, timeoutMs = 5_000): Promise<number[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const left = processesMatching(pattern);
    if (left.length === 0 || Date.now() > deadline) return left;
    await new Promise((r) => setTimeout(r, 100));
  }
}
