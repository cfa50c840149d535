import { describe, expect, it } from 'vitest';
import { waitFor, WaitAbortedError, WaitTimeoutError } from '../../src/communicator/waiter.js';

describe('waitFor', () => {
  it('retries with growing pauses until the attempt succeeds', async () => {
    const times: number[] = [];
    const result = await waitFor({ what: 'the thing', timeoutMs: 5000, initialDelayMs: 20 }, async () => {
      times.push(Date.now());
      if (times.length < 4) throw new Error(`not yet ${times.length}`);
      return 'ready';
    });
    expect(result).toBe('ready');
    const gaps = times.slice(1).map((t, i) => t - (times[i] ?? t));
    // 20, 40, 80 ms with ±20% jitter
    expect(gaps[0]).toBeGreaterThanOrEqual(15);
    expect(gaps[2]).toBeGreaterThanOrEqual(60);
  });

  it('says what it waited for and why the last attempt failed when time runs out', async () => {
    let n = 0;
    const error = await waitFor({ what: 'the port', timeoutMs: 150, initialDelayMs: 10 }, async () => {
      throw new Error(`refused #${++n}`);
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WaitTimeoutError);
    expect((error as WaitTimeoutError).attempts).toBe(n);
    expect((error as Error).message).toMatch(
      new RegExp(
        `^Timeout waiting for the port after 0\\.\\ds \\(${n} attempts\\); last attempt failed: refused #${n}$`,
      ),
    );
  });

  it('stops at once on a failure that is not retryable', async () => {
    let n = 0;
    const error = await waitFor(
      { what: 'x', timeoutMs: 5000, initialDelayMs: 1, retryable: () => ++n < 3 },
      async () => {
        throw new Error('denied');
      },
    ).catch((e: unknown) => e);
    expect([n, (error as Error).message]).toEqual([3, 'denied']);
  });

  it('ends the pause and the attempt when the signal aborts', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const started = Date.now();
    const error = await waitFor(
      { what: 'SSH', timeoutMs: 60_000, initialDelayMs: 10_000, signal: controller.signal },
      async () => {
        throw new Error('refused');
      },
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WaitAbortedError);
    expect((error as Error).message).toBe('Cancelled while waiting for SSH');
    expect(Date.now() - started).toBeLessThan(1000);
  });
});
