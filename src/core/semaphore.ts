/* A counting semaphore whose acquire gives up when a signal aborts (x/sync semaphore). */

export class Semaphore {
  #free: number;
  readonly #waiters: (() => void)[] = [];

  constructor(limit: number) {
    this.#free = limit;
  }

  /** Rejects with "context canceled" (Go's ctx.Err()) when the signal aborts first. */
  acquire(signal: AbortSignal): Promise<void> {
    if (signal.aborted) return Promise.reject(new Error('context canceled'));
    if (this.#free > 0) {
      this.#free--;
      return Promise.resolve();
    }
    return new Promise((resolve, reject) => {
      const grant = () => {
        signal.removeEventListener('abort', onAbort);
        resolve();
      };
      const onAbort = () => {
        this.#waiters.splice(this.#waiters.indexOf(grant), 1);
        reject(new Error('context canceled'));
      };
      signal.addEventListener('abort', onAbort, { once: true });
      this.#waiters.push(grant);
    });
  }

  release(): void {
    const next = this.#waiters.shift();
    if (next) next();
    else this.#free++;
  }
}
