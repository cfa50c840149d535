/*
 * Packer's ProvisionHook: the build's provisioners in order, each wrapped as
 * packer/provisioner.go wraps them: pause_before innermost, then timeout, then
 * max_retries (so each retry pauses again and has its own timeout).
 */
import type { PlannedProvisioner } from '../template/plan.js';
import { goDurationString } from './go-duration-string.js';
import { provisionerRunner } from './provisioners/runners.js';
import type { Provision, ProvisionContext } from './runtime.js';

/** Finds what runs a provisioner type: Kiln's own runners by default, a plugin where the build chose one. */
export type ProvisionerRunners = (type: string) => Provision | undefined;

export async function runProvisioners(
  provisioners: readonly PlannedProvisioner[],
  context: ProvisionContext,
  runners: ProvisionerRunners = provisionerRunner,
): Promise<void> {
  for (const p of provisioners) {
    try {
      await withRetries(p, context, runners);
    } catch (error) {
      if (!context.signal.aborted) context.ui.error(failedLine(p, context));
      throw error;
    }
  }
}

/**
 * Kiln's addition to Packer's output: which provisioner failed, where it is
 * written and on which machine, since Packer's error text often names neither.
 */
function failedLine(p: PlannedProvisioner, context: ProvisionContext): string {
  const name = p.block.name ? ` "${p.block.name}"` : '';
  const { filename, start } = p.block.block.defRange;
  const on = context.communicator?.target ? ` on ${context.communicator.target}` : '';
  return `Provisioner ${p.type}${name} (${filename}:${start.line}) failed${on}`;
}

async function withRetries(
  p: PlannedProvisioner,
  context: ProvisionContext,
  runners: ProvisionerRunners,
): Promise<void> {
  const { ui, signal } = context;
  if (signal.aborted) throw cancelled(signal);
  let error: unknown;
  for (let left = p.block.maxRetries; ; left--) {
    try {
      await withTimeout(p, context, runners);
      return;
    } catch (thrown) {
      if (p.block.maxRetries === 0) throw thrown;
      error = thrown;
    }
    if (left === 0) break;
    if (signal.aborted) throw cancelled(signal);
    ui.say(`Provisioner failed with ${JSON.stringify(errorText(error))}, retrying with ${left} trie(s) left`);
  }
  ui.say('retry limit reached.');
  throw error;
}

async function withTimeout(
  p: PlannedProvisioner,
  context: ProvisionContext,
  runners: ProvisionerRunners,
): Promise<void> {
  const timeoutMs = p.block.timeoutMs;
  if (timeoutMs === 0) return withPause(p, context, runners);
  context.ui.say(`Setting a ${goDurationString(timeoutMs)} timeout for the next provisioner...`);
  const timeout = AbortSignal.timeout(timeoutMs);
  const onTimeout = () => context.ui.error('Cancelling provisioner after a timeout...');
  timeout.addEventListener('abort', onTimeout, { once: true });
  try {
    await withPause(p, { ...context, signal: AbortSignal.any([context.signal, timeout]) }, runners);
  } finally {
    timeout.removeEventListener('abort', onTimeout);
  }
}

async function withPause(p: PlannedProvisioner, context: ProvisionContext, runners: ProvisionerRunners): Promise<void> {
  const pauseMs = p.block.pauseBeforeMs;
  if (pauseMs > 0) {
    context.ui.say(`Pausing ${goDurationString(pauseMs)} before the next provisioner...`);
    await abortableDelay(pauseMs, context.signal);
  }
  const run = runners(p.type);
  if (!run) throw new Error(`provisioner type ${JSON.stringify(p.type)} is not implemented natively by Kiln`);
  await run(p.prepareWith(context.generatedData), context);
}

/** Resolves after `ms`; rejects with Go's "context canceled" when the signal aborts first. */
export function abortableDelay(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(cancelled(signal));
    const onAbort = () => {
      clearTimeout(timer);
      reject(cancelled(signal));
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/** ctx.Err() texts: a timeout is "context deadline exceeded", else "context canceled". */
function cancelled(signal: AbortSignal): Error {
  const reason: unknown = signal.reason;
  const timedOut = reason instanceof DOMException && reason.name === 'TimeoutError';
  return new Error(timedOut ? 'context deadline exceeded' : 'context canceled');
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
