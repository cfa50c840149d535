import { abortableDelay } from '../../provision-hook.js';
import { awsErrorCode, awsErrorMessage } from './errors.js';

/*
 * One waiter for every EC2 poll (instance running/stopped/terminated, AMI
 * available, security group visible): short first delay growing by half each
 * time up to a cap, with jitter, bounded by a deadline, aborted by the build's
 * signal. Error codes listed as eventual consistency ("...NotFound" right
 * after a create) are polled through; throttling and 5xx are the SDK's
 * retries. Every timeout says what it waited for and what it last saw.
 */

export type Poll<T> = { readonly done: true; readonly value: T } | { readonly done: false; readonly seen: string };

export interface WaitOptions<T> {
  /** "instance i-123 to become running": finishes "Timed out waiting for ...". */
  readonly what: string;
  readonly signal: AbortSignal;
  /** One look; throws to fail the wait (unless the error's code is in retryCodes). */
  readonly check: () => Promise<Poll<T>>;
  readonly retryCodes?: readonly string[];
  readonly timeoutMs: number;
  readonly minDelayMs?: number;
  readonly maxDelayMs?: number;
}

export const WAIT_DEFAULTS = { minDelayMs: 250, maxDelayMs: 5000, growth: 1.5 } as const;

export async function waitFor<T>(options: WaitOptions<T>): Promise<T> {
  const { signal, check } = options;
  const deadline = Date.now() + options.timeoutMs;
  const maxDelay = Math.max(options.maxDelayMs ?? WAIT_DEFAULTS.maxDelayMs, options.minDelayMs ?? 0);
  let delay = options.minDelayMs ?? WAIT_DEFAULTS.minDelayMs;
  for (;;) {
    signal.throwIfAborted();
    let seen: string;
    try {
      const poll = await check();
      if (poll.done) return poll.value;
      seen = poll.seen;
    } catch (error) {
      if (signal.aborted) throw error;
      if (!options.retryCodes?.includes(awsErrorCode(error))) throw error;
      seen = awsErrorMessage(error);
    }
    const left = deadline - Date.now();
    if (left <= 0) throw new Error(`Timed out waiting for ${options.what} (last seen: ${seen})`);
    // Full jitter over the upper half keeps concurrent waiters apart without ever polling in a burst.
    const sleep = Math.min(left, delay / 2 + (Math.random() * delay) / 2);
    await abortableDelay(sleep, signal);
    delay = Math.min(delay * WAIT_DEFAULTS.growth, maxDelay);
  }
}

/** aws_polling (or AWS_MAX_ATTEMPTS / AWS_POLL_DELAY_SECONDS / AWS_TIMEOUT_SECONDS) as a waiter's bounds. */
export interface PollingConfig {
  readonly max_attempts?: number | undefined;
  readonly delay_seconds?: number | undefined;
}

export interface WaitBounds {
  readonly timeoutMs: number;
  readonly minDelayMs?: number;
}

/** The plugin's getWaiterOptions: a delay and an overall wait derived from the settings, else `defaultTimeoutMs`. */
export function waitBounds(
  polling: PollingConfig | undefined,
  defaultTimeoutMs: number,
  env: Readonly<Record<string, string | undefined>> = process.env,
): WaitBounds {
  const number = (v: string | undefined) => (v !== undefined && /^\d+$/.test(v) ? Number(v) : undefined);
  const delay = polling?.delay_seconds || number(env['AWS_POLL_DELAY_SECONDS']);
  const attempts = polling?.max_attempts || number(env['AWS_MAX_ATTEMPTS']);
  const timeout = number(env['AWS_TIMEOUT_SECONDS']);
  const delaySeconds = delay ?? 2;
  const minDelay = delay !== undefined ? { minDelayMs: delay * 1000 } : {};
  if (attempts) return { timeoutMs: attempts * delaySeconds * 1000, ...minDelay };
  if (timeout) return { timeoutMs: timeout * 1000, ...minDelay };
  return { timeoutMs: defaultTimeoutMs, ...minDelay };
}
