import { setTimeout as sleep } from 'node:timers/promises';

export interface WaitOptions {
  /** What is awaited, for messages: "SSH on root@10.0.0.5:22". */
  what: string;
  /** Give up this long after the first attempt started. */
  timeoutMs: number;
  signal?: AbortSignal;
  /** Pause after the first failure; doubles after each further one up to maxDelayMs. */
  initialDelayMs?: number;
  maxDelayMs?: number;
  /** Whether a failure may be retried; by default every failure is. */
  retryable?: (error: unknown) => boolean;
}

/** The wait ran out of time; says what it waited for and why the last attempt failed. */
export class WaitTimeoutError extends Error {
  override readonly name = 'WaitTimeoutError';
  constructor(
    readonly what: string,
    readonly attempts: number,
    readonly lastError: unknown,
    elapsedMs: number,
  ) {
    super(
      `Timeout waiting for ${what} after ${(elapsedMs / 1000).toFixed(1)}s (${attempts} attempts); ` +
        `last attempt failed: ${messageOf(lastError)}`,
      { cause: lastError },
    );
  }
}

/** The caller's signal aborted the wait. */
export class WaitAbortedError extends Error {
  override readonly name = 'AbortError';
  constructor(what: string, reason: unknown) {
    super(`Cancelled while waiting for ${what}`, { cause: reason });
  }
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Calls attempt until it resolves, pausing with exponential backoff and jitter
 * between failures, until timeoutMs has passed or the signal aborts. Each
 * attempt gets a signal that aborts at the deadline or on the caller's abort.
 */
export async function waitFor<T>(options: WaitOptions, attempt: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const { what, timeoutMs, signal } = options;
  const initialDelay = options.initialDelayMs ?? 100;
  const maxDelay = options.maxDelayMs ?? 2000;
  const started = Date.now();
  const deadline = started + timeoutMs;
  let attempts = 0;
  let lastError: unknown = new Error('no attempt was made');
  let delay = initialDelay;

  for (;;) {
    if (signal?.aborted) throw new WaitAbortedError(what, signal.reason);
    const remaining = deadline - Date.now();
    if (remaining <= 0) throw new WaitTimeoutError(what, attempts, lastError, Date.now() - started);

    attempts++;
    const timeout = AbortSignal.timeout(remaining);
    const attemptSignal = signal ? AbortSignal.any([signal, timeout]) : timeout;
    try {
      return await attempt(attemptSignal);
    } catch (error) {
      if (signal?.aborted) throw new WaitAbortedError(what, signal.reason);
      if (options.retryable && !options.retryable(error)) throw error;
      lastError = error;
    }

    const pause = Math.min(delay * (0.8 + Math.random() * 0.4), Math.max(0, deadline - Date.now()));
    delay = Math.min(delay * 2, maxDelay);
    try {
      await sleep(pause, undefined, signal ? { signal } : undefined);
    } catch {
      throw new WaitAbortedError(what, signal?.reason);
    }
  }
}
