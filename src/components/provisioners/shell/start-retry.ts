import { abortableDelay } from '../../provision-hook.js';

/*
 * Packer's retry.Config{StartTimeout}.Run as the shell provisioner uses it:
 * call `attempt` until it succeeds, 2s apart, and give up with its last error
 * once the timeout has passed (checked after a failure, so there is always at
 * least one attempt). Cancellation ends the wait with Go's ctx.Err() text.
 */

const RETRY_DELAY_MS = 2000;

export async function retryStart<T>(timeoutMs: number, signal: AbortSignal, attempt: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await attempt();
    } catch (error) {
      // A cancelled attempt reports the cancellation, as RunWithUi returns ctx.Err().
      if (signal.aborted) await abortableDelay(0, signal);
      if (Date.now() >= deadline) throw error;
    }
    await abortableDelay(RETRY_DELAY_MS, signal);
  }
}
