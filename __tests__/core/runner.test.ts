import { describe, expect, it } from 'vitest';
import { EventBus, type EngineEvent, type Prompt } from '../../src/core/events.js';
import { ASK_PROMPT, resultError, runSteps, type OnError } from '../../src/core/runner.js';
import { step, type Behaviour, type Trace } from './steps.js';

interface Outcome {
  log: string[];
  ui: string[];
  status: string;
  error: string | undefined;
  queries: string[];
}

async function run(
  behaviours: readonly Behaviour[],
  options: { onError?: OnError; debug?: boolean; answers?: string[]; abortBefore?: boolean; provisionAt?: number } = {},
): Promise<Outcome> {
  const bus = new EventBus();
  const ui: string[] = [];
  bus.subscribe((e: EngineEvent) => {
    if (e.type === 'ui') ui.push(`${e.level}: ${e.text}`);
  });
  const controller = new AbortController();
  if (options.abortBefore) controller.abort();
  const queries: string[] = [];
  const answers = options.answers;
  const prompt: Prompt | undefined = answers
    ? async (query) => {
        queries.push(query);
        return answers.shift() ?? '';
      }
    : undefined;
  const names = ['a', 'b', 'c'];
  const steps = behaviours.map((b, i) => step(names[i] ?? `s${i}`, b, i === options.provisionAt));
  const state: Trace = { log: [] };
  const result = await runSteps(steps, state, {
    build: 'null.x',
    bus,
    signal: controller.signal,
    ...(options.onError ? { onError: options.onError } : {}),
    ...(options.debug ? { debug: true } : {}),
    ...(prompt ? { prompt } : {}),
  });
  return { log: state.log, ui, status: result.status, error: result.error?.message, queries };
}

describe('runSteps with on-error=cleanup', () => {
  it('runs steps in order and cleans up in reverse on success', async () => {
    const out = await run(['continue', 'continue', 'continue']);
    expect(out.log).toEqual(['run a', 'run b', 'run c', 'cleanup c', 'cleanup b', 'cleanup a']);
    expect(out.status).toBe('completed');
    expect(out.ui).toEqual([]);
  });

  it('stops at a halt and cleans up every step that ran, the halting one included', async () => {
    const out = await run(['continue', 'halt', 'continue']);
    expect(out.log).toEqual(['run a', 'run b', 'cleanup b', 'cleanup a']);
    expect(out.status).toBe('halted');
    expect(out.error).toBeUndefined();
  });

  it('treats a thrown error as a halt carrying the error', async () => {
    const out = await run(['continue', 'throw', 'continue']);
    expect(out.log).toEqual(['run a', 'run b', 'cleanup b', 'cleanup a']);
    expect([out.status, out.error]).toEqual(['halted', 'b broke']);
  });

  it('stops after the step during which the build was cancelled, and cleans up', async () => {
    const bus = new EventBus();
    const controller = new AbortController();
    const state: Trace = { log: [] };
    const cancelling = step('b', async () => {
      controller.abort();
      return 'continue';
    });
    const result = await runSteps([step('a'), cancelling, step('c')], state, {
      build: 'x',
      bus,
      signal: controller.signal,
    });
    expect(state.log).toEqual(['run a', 'run b', 'cleanup b', 'cleanup a']);
    expect(result).toEqual({ status: 'cancelled' });
    expect(resultError(result)?.message).toBe('Build was cancelled.');
  });

  it('runs nothing when cancelled before the first step', async () => {
    const out = await run(['continue'], { abortBefore: true });
    expect([out.log, out.status]).toEqual([[], 'cancelled']);
  });
});

describe('runSteps with on-error=abort and run-cleanup-provisioner', () => {
  it('cleans up as usual on success', async () => {
    const out = await run(['continue', 'continue'], { onError: 'abort' });
    expect(out.log).toEqual(['run a', 'run b', 'cleanup b', 'cleanup a']);
  });

  it('skips every cleanup after a failure, saying so as Packer does', async () => {
    const out = await run(['continue', 'continue', 'throw'], { onError: 'abort' });
    expect(out.log).toEqual(['run a', 'run b', 'run c']);
    expect(out.ui).toEqual([
      'error: c broke',
      'error: Step "c" failed, aborting...',
      'error: aborted: skipping cleanup of step "b"',
      'error: aborted: skipping cleanup of step "a"',
    ]);
  });

  it('says "Interrupted, aborting..." when cancelled', async () => {
    const bus = new EventBus();
    const ui: string[] = [];
    bus.subscribe((e) => void (e.type === 'ui' && ui.push(e.text)));
    const controller = new AbortController();
    const state: Trace = { log: [] };
    const cancelling = step('b', async () => {
      controller.abort();
      return 'continue';
    });
    await runSteps([step('a'), cancelling], state, { build: 'x', bus, signal: controller.signal, onError: 'abort' });
    expect(state.log).toEqual(['run a', 'run b']);
    expect(ui).toEqual(['Interrupted, aborting...', 'aborted: skipping cleanup of step "a"']);
  });

  it('still cleans up the provisioning step with run-cleanup-provisioner', async () => {
    const out = await run(['continue', 'continue', 'halt'], { onError: 'run-cleanup-provisioner', provisionAt: 1 });
    expect(out.log).toEqual(['run a', 'run b', 'run c', 'cleanup b']);
    expect(out.ui).toEqual(['error: Step "c" failed, aborting...', 'error: aborted: skipping cleanup of step "a"']);
  });
});

describe('runSteps with on-error=ask', () => {
  it('cleans up without a TTY, as Packer falls back to "c"', async () => {
    const out = await run(['continue', 'throw'], { onError: 'ask' });
    expect(out.log).toEqual(['run a', 'run b', 'cleanup b', 'cleanup a']);
    expect(out.ui).toEqual(['error: b broke', 'say: Step "b" failed']);
  });

  it('retries on "r", re-asks after bad input, and "a" skips cleanup', async () => {
    const out = await run(['continue', 'throw'], { onError: 'ask', answers: ['R', 'x', 'abort'] });
    expect(out.queries).toEqual([ASK_PROMPT, ASK_PROMPT, ASK_PROMPT]);
    expect(out.log).toEqual(['run a', 'run b', 'run b']);
    expect(out.ui).toEqual([
      'error: b broke',
      'say: Step "b" failed',
      'error: b broke',
      'say: Step "b" failed',
      'say: Incorrect input: "x"',
      'error: b broke',
      'error: Step "b" failed, aborting...',
      'error: aborted: skipping cleanup of step "a"',
    ]);
  });

  it('has the prompt text of Packer', () => {
    expect(ASK_PROMPT).toBe(
      '[c] Clean up and exit, [a] abort without cleanup, or [r] retry step (build may fail even if retry succeeds)?',
    );
  });
});

describe('runSteps with -debug', () => {
  it('pauses after each run and before each cleanup on a TTY', async () => {
    const out = await run(['continue', 'halt'], { debug: true, answers: [] });
    expect(out.queries).toEqual([
      "Pausing after run of step 'a'. Press enter to continue.",
      "Pausing before cleanup of step 'a'. Press enter to continue.",
    ]);
    expect(out.log).toEqual(['run a', 'run b', 'cleanup b', 'cleanup a']);
  });

  it('does not pause without a TTY', async () => {
    const out = await run(['continue', 'continue'], { debug: true });
    expect(out.queries).toEqual([]);
    expect(out.log).toEqual(['run a', 'run b', 'cleanup b', 'cleanup a']);
  });
});
