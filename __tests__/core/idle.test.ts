import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { runWhenIdle } from '../../src/core/idle.js';

/** Keeps the event loop busy (a synchronous spin every millisecond) for `ms`. */
async function busyFor(ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    const spinUntil = Math.min(end, Date.now() + 3);
    while (Date.now() < spinUntil);
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

describe('runWhenIdle', () => {
  it('runs the tasks in order once the loop is quiet', async () => {
    const ran: string[] = [];
    runWhenIdle([() => ran.push('a'), () => ran.push('b')], { windowMs: 5 });
    for (let i = 0; i < 100 && ran.length < 2; i++) await sleep(20);
    expect(ran).toEqual(['a', 'b']);
  });

  it('waits while the loop is busy', async () => {
    const ran: number[] = [];
    const start = Date.now();
    runWhenIdle([() => ran.push(Date.now() - start)], { windowMs: 5 });
    await busyFor(150);
    expect(ran).toEqual([]);
    for (let i = 0; i < 100 && ran.length < 1; i++) await sleep(20);
    expect(ran).toHaveLength(1);
    expect(ran[0]).toBeGreaterThanOrEqual(150);
  });

  it('drops the tasks not yet run when stopped', async () => {
    const ran: string[] = [];
    const stop = runWhenIdle([() => ran.push('a'), () => ran.push('b')], { windowMs: 5 });
    await sleep(7);
    stop();
    await sleep(50);
    expect(ran.length).toBeLessThan(2);
  });

  it('does not keep the process alive', () => {
    const module = path.resolve(import.meta.dirname, '../../src/core/idle.ts');
    const script = `import { runWhenIdle } from ${JSON.stringify(module)};
      runWhenIdle([() => { throw new Error('ran after the program ended'); }], { windowMs: 60_000 });`;
    const started = Date.now();
    const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(child.stderr).toBe('');
    expect(child.status).toBe(0);
    expect(Date.now() - started).toBeLessThan(30_000);
  });
});
