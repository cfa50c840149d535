import { spawn } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { handleInterrupts, type InterruptSignal } from '../../src/core/interrupt.js';

describe('handleInterrupts', () => {
  it('aborts on the first signal and exits on the second', () => {
    for (const [sig, name, exitCode] of [
      ['SIGINT', 'interrupt', 130],
      ['SIGTERM', 'terminated', 143],
    ] as const) {
      const source = new EventEmitter<Record<InterruptSignal, []>>();
      const messages: string[] = [];
      const exits: number[] = [];
      const handler = handleInterrupts({ source, onCancel: (m) => messages.push(m), exit: (c) => exits.push(c) });
      expect(handler.signal.aborted).toBe(false);
      source.emit(sig);
      expect([handler.signal.aborted, messages, exits]).toEqual([
        true,
        [`Cancelling build after receiving ${name}`],
        [],
      ]);
      source.emit(sig);
      expect(exits).toEqual([exitCode]);
      handler.dispose();
      expect(source.listenerCount('SIGINT') + source.listenerCount('SIGTERM')).toBe(0);
    }
  });

  it('cancels a real build in a child process on SIGINT, cleans up, exit 1', async () => {
    const script = fileURLToPath(new URL('./interrupt-child.ts', import.meta.url));
    const child = spawn(process.execPath, ['--import', 'tsx', script], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    await new Promise<void>((resolve) =>
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        if (stdout.includes('ready\n')) resolve();
      }),
    );
    child.kill('SIGINT');
    expect(await exited).toBe(1);
    expect(stderr).toBe('');
    expect(stdout).toBe(
      [
        'ready',
        'Cancelling build after receiving interrupt',
        'run StepFirst, run StepWait, cleanup StepWait, cleanup StepFirst',
        "Build 'null.child' errored after 0 seconds: Build was cancelled.",
        '',
        '==> Wait completed after 0 seconds',
        'Cleanly cancelled builds after being interrupted.',
        '',
      ].join('\n'),
    );
  });
});
