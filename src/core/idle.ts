import { performance, type EventLoopUtilization } from 'node:perf_hooks';

/*
 * Work that may wait until the event loop is quiet. Loading a module blocks
 * the loop (dockerode with its gRPC and ssh2 dependencies takes ~90 ms): done
 * while a plugin builder is calling back (every Ui.Say is a synchronous RPC
 * in the plugin) it stalls the plugin for as long; done while the builder
 * waits on its machine (a container starting, an instance booting) it costs
 * nothing. A task that never finds a quiet moment is not lost: whoever needs
 * the module loads it on use.
 */

export interface IdleOptions {
  /** Length of the window looked at, in ms. */
  readonly windowMs?: number;
  /** The loop counts as quiet when it was busy for less than this over the window, in ms. */
  readonly maxBusyMs?: number;
}

/**
 * Runs `tasks` one by one, each after a window in which the loop was quiet;
 * the next window starts when a task ends. Returns a function that drops the
 * tasks not yet run. The timer never keeps the process alive.
 */
export function runWhenIdle(tasks: ReadonlyArray<() => void>, options: IdleOptions = {}): () => void {
  const windowMs = options.windowMs ?? 15;
  const maxBusyMs = options.maxBusyMs ?? 1;
  const pending = [...tasks];
  let timer: NodeJS.Timeout | undefined;
  let last: EventLoopUtilization = performance.eventLoopUtilization();
  const tick = () => {
    const window = performance.eventLoopUtilization(last);
    last = performance.eventLoopUtilization();
    if (window.active < maxBusyMs) {
      pending.shift()?.();
      last = performance.eventLoopUtilization();
    }
    schedule();
  };
  const schedule = () => {
    timer = pending.length > 0 ? setTimeout(tick, windowMs).unref() : undefined;
  };
  schedule();
  return () => {
    pending.length = 0;
    if (timer) clearTimeout(timer);
  };
}
