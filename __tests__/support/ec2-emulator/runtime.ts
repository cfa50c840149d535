import type { Containers } from './containers.js';
import type { ParamTree } from './params.js';
import type { Store } from './store.js';
import type { XmlValue } from './xml.js';

/* What an action handler gets: the request's region and parameters, state, and the background work queue. */

export interface Settings {
  instanceRunningMs: number;
  imageAvailableMs: number;
  terminateMs: number;
  amiVisibilityDelayMs: number;
}

export interface Context {
  store: Store;
  containers: Containers;
  background: Background;
  settings: Settings;
  region: string;
  params: ParamTree;
}

export type Handler = (ctx: Context) => Promise<Record<string, XmlValue>> | Record<string, XmlValue>;

/** Delayed state transitions and Docker work that outlive a request; stop() waits for or cancels them. */
export class Background {
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly running = new Set<Promise<unknown>>();
  private stopped = false;

  /** Runs work after ms (tracked); errors are logged to stderr, as a real service would not surface them. */
  later(ms: number, work: () => Promise<void> | void): void {
    if (this.stopped) return;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      this.track(Promise.resolve().then(work));
    }, ms);
    this.timers.add(timer);
  }

  track(work: Promise<unknown>): void {
    const tracked = work.catch((error: unknown) => {
      if (!this.stopped) process.stderr.write(`ec2-emulator: background work failed: ${String(error)}\n`);
    });
    this.running.add(tracked);
    void tracked.finally(() => this.running.delete(tracked));
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    while (this.running.size > 0) await Promise.all([...this.running]);
  }
}
