/*
 * Runs a builder's steps (packer-plugin-sdk multistep BasicRunner, DebugRunner and
 * commonsteps' -on-error wrappers): steps in order; on success, halt, error or
 * cancellation, cleanup in reverse for every step whose run was called, except
 * where -on-error=abort (or an "abort" answer to -on-error=ask) skips it.
 */
import { buildUi, type BuildUi, type EventBus, type Prompt, type StepOutcome } from './events.js';
import type { Step, StepAction } from './step.js';

export type OnError = 'cleanup' | 'abort' | 'ask' | 'run-cleanup-provisioner';

export const ASK_PROMPT =
  '[c] Clean up and exit, [a] abort without cleanup, or [r] retry step (build may fail even if retry succeeds)?';

export interface RunStepsOptions {
  readonly build: string;
  readonly bus: EventBus;
  readonly signal: AbortSignal;
  readonly onError?: OnError;
  /** -debug: pause after each step's run and before each step's cleanup. */
  readonly debug?: boolean;
  /** Absent when there is no TTY: questions then take Packer's default answer. */
  readonly prompt?: Prompt;
}

export interface RunStepsResult {
  readonly status: 'completed' | 'halted' | 'cancelled';
  /** The error a step threw, if any (multistep's "error" state key). */
  readonly error?: Error;
}

/** One entry of the cleanup stack: a step, or a -debug pause standing after one. */
interface Ran {
  readonly name: string;
  readonly cleanup: () => Promise<void>;
}

export async function runSteps<S>(
  steps: readonly Step<S>[],
  state: S,
  options: RunStepsOptions,
): Promise<RunStepsResult> {
  const { bus, build, signal } = options;
  const onError = options.onError ?? 'cleanup';
  const ui = buildUi(bus, build);
  const flags = { cancelled: false, halted: false, aborted: false, abortLogged: false };
  let error: Error | undefined;

  const ask = async (query: string): Promise<string> => {
    if (!options.prompt) {
      bus.emit({ type: 'log', message: 'Error asking for input: no available tty' });
      return '';
    }
    try {
      return (await raceAbort(options.prompt(query, signal), signal)) ?? '';
    } catch (thrown) {
      bus.emit({ type: 'log', message: `Error asking for input: ${toError(thrown).message}` });
      return '';
    }
  };

  const pause = async (location: string, name: string): Promise<void> => {
    if (signal.aborted) return;
    await ask(`Pausing ${location} step '${name}'. Press enter to continue.`);
  };

  const attempt = async (step: Step<S>): Promise<StepAction> => {
    bus.emit({ type: 'step-started', build, step: step.name });
    let outcome: StepOutcome;
    try {
      outcome = await step.run(state, signal);
    } catch (thrown) {
      if (!signal.aborted) error = toError(thrown);
      outcome = signal.aborted ? 'cancelled' : 'error';
    }
    bus.emit({ type: 'step-finished', build, step: step.name, outcome });
    return outcome === 'continue' ? 'continue' : 'halt';
  };

  const runWithAsk = async (step: Step<S>): Promise<StepAction> => {
    for (;;) {
      const action = await attempt(step);
      if (action !== 'halt' || signal.aborted) return action;
      if (error) ui.error(error.message);
      const answer = await askOnFailure(ui, step.name, ask, signal);
      if (answer === 'abort') flags.aborted = true;
      if (answer !== 'retry') return 'halt';
    }
  };

  const ran: Ran[] = [];
  for (const step of steps) {
    if (signal.aborted) {
      flags.cancelled = true;
      break;
    }
    ran.push({ name: step.name, cleanup: () => cleanupStep(step) });
    const action = onError === 'ask' ? await runWithAsk(step) : await attempt(step);
    if (signal.aborted) {
      flags.cancelled = true;
      break;
    }
    if (action === 'halt') {
      flags.halted = true;
      break;
    }
    if (options.debug) {
      await pause('after run of', step.name);
      ran.push({ name: step.name, cleanup: () => pause('before cleanup of', step.name) });
    }
  }

  // sdk handleAbortsAndInterupts: false when this cleanup must be skipped.
  const shouldCleanup = (name: string): boolean => {
    const alreadyLogged = flags.abortLogged;
    if (error && !alreadyLogged) {
      ui.error(error.message);
      flags.abortLogged = true;
    }
    if (!flags.cancelled && !flags.halted) return true;
    if (alreadyLogged) ui.error(`aborted: skipping cleanup of step ${goQuote(name)}`);
    else ui.error(flags.cancelled ? 'Interrupted, aborting...' : `Step ${goQuote(name)} failed, aborting...`);
    flags.abortLogged = true;
    return false;
  };

  async function cleanupStep(step: Step<S>): Promise<void> {
    const abortPolicy = onError === 'abort' || (onError === 'run-cleanup-provisioner' && !step.provision);
    const skipChecked = abortPolicy || (onError === 'ask' && flags.aborted);
    if (skipChecked && !shouldCleanup(step.name)) return;
    try {
      await step.cleanup?.(state);
    } catch (thrown) {
      ui.error(`Error cleaning up step ${goQuote(step.name)}: ${toError(thrown).message}`);
    }
  }

  for (const entry of ran.reverse()) await entry.cleanup();

  const status = flags.cancelled ? 'cancelled' : flags.halted ? 'halted' : 'completed';
  return error ? { status, error } : { status };
}

/**
 * The error a builder returns after its steps (the pattern Packer's builders share):
 * the step's error, else "Build was cancelled." or "Build was halted.".
 */
export function resultError(result: RunStepsResult): Error | undefined {
  if (result.error) return result.error;
  if (result.status === 'cancelled') return new Error('Build was cancelled.');
  if (result.status === 'halted') return new Error('Build was halted.');
  return undefined;
}

type AskAnswer = 'cleanup' | 'abort' | 'retry';

async function askOnFailure(
  ui: BuildUi,
  name: string,
  ask: (query: string) => Promise<string>,
  signal: AbortSignal,
): Promise<AskAnswer> {
  ui.say(`Step ${goQuote(name)} failed`);
  for (;;) {
    const line = await ask(ASK_PROMPT);
    // An interrupt while asking means clean up (sdk ask polls StateCancelled).
    if (signal.aborted) return 'cleanup';
    // An empty or failed answer is "c": Packer appends "c" and reads the first letter.
    const first = `${line.toLowerCase()}c`[0];
    if (first === 'c') return 'cleanup';
    if (first === 'a') return 'abort';
    if (first === 'r') return 'retry';
    ui.say(`Incorrect input: ${goQuote(line)}`);
  }
}

function raceAbort<T>(promise: Promise<T>, signal: AbortSignal): Promise<T | undefined> {
  if (signal.aborted) return Promise.resolve(undefined);
  return new Promise((resolve, reject) => {
    const onAbort = () => resolve(undefined);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (reason: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(reason);
      },
    );
  });
}

/** Go's %q for the plain strings used here (step names, answers). */
function goQuote(text: string): string {
  return JSON.stringify(text);
}

export function toError(thrown: unknown): Error {
  return thrown instanceof Error ? thrown : new Error(String(thrown));
}
