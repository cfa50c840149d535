/* Recording test steps shared by the core tests. */
import type { Step } from '../../src/core/step.js';

export interface Trace {
  readonly log: string[];
}

export type Behaviour = 'continue' | 'halt' | 'throw' | ((signal: AbortSignal) => Promise<'continue' | 'halt'>);

export function step(name: string, behaviour: Behaviour = 'continue', provision = false): Step<Trace> {
  return {
    name,
    provision,
    async run(state, signal) {
      state.log.push(`run ${name}`);
      if (behaviour === 'throw') throw new Error(`${name} broke`);
      if (typeof behaviour === 'function') return behaviour(signal);
      return behaviour;
    },
    async cleanup(state) {
      state.log.push(`cleanup ${name}`);
    },
  };
}

/** A promise with its resolver, for driving concurrency without sleeps. */
export function deferred<T = void>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}
