import { Ec2Error } from './errors.js';

/* Injected failures: a seeded generator decides which calls are throttled or fail with 5xx. */

export interface FaultOptions {
  throttleFraction?: number;
  serverErrorFraction?: number;
  seed?: number;
}

export function faultInjector(options: FaultOptions = {}): () => Ec2Error | undefined {
  const throttle = options.throttleFraction ?? 0;
  const serverError = options.serverErrorFraction ?? 0;
  const next = mulberry32(options.seed ?? 1);
  return () => {
    if (throttle === 0 && serverError === 0) return undefined;
    const roll = next();
    if (roll < throttle) return new Ec2Error('RequestLimitExceeded', 'Request limit exceeded.', 503);
    if (roll < throttle + serverError) {
      return new Ec2Error(
        'InternalError',
        'An internal error has occurred. Retry your request, but if the problem persists, contact us with details by posting a message on the AWS forums.',
        500,
      );
    }
    return undefined;
  };
}

/** A small seeded PRNG in [0, 1). */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
