import { resultError, runSteps } from '../../core/runner.js';
import type { Step } from '../../core/step.js';
import type { BuilderContext } from '../runtime.js';

/**
 * Runs a builder's steps with the build's UI, signal, -on-error policy, -debug
 * and prompt, and throws the build's error: the one a step stored in state
 * (multistep's "error" key) or the runner's.
 */
export async function runBuilderSteps<S extends { error?: Error }>(
  steps: readonly Step<S>[],
  state: S,
  context: BuilderContext,
): Promise<void> {
  const result = await runSteps(steps, state, {
    build: context.build,
    bus: context.bus,
    signal: context.signal,
    onError: context.onError,
    debug: context.debug,
    ...(context.prompt ? { prompt: context.prompt } : {}),
  });
  const error = state.error ?? resultError(result);
  if (error) throw error;
}
