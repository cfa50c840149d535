/*
 * Run by interrupt.test.ts in a child process: one build whose second step waits
 * until cancelled. Prints "ready" once waiting, so the test knows when to signal.
 */
import { runBuilds } from '../../src/core/build-runner.js';
import { EventBus } from '../../src/core/events.js';
import { handleInterrupts } from '../../src/core/interrupt.js';
import { resultError, runSteps } from '../../src/core/runner.js';
import { TerminalSink } from '../../src/core/ui/terminal.js';
import { step, type Trace } from './steps.js';

const bus = new EventBus();
bus.subscribe(new TerminalSink({ write: (t) => process.stdout.write(t), color: false }).listener);
const interrupts = handleInterrupts({ onCancel: (message) => bus.emit({ type: 'ui', level: 'error', text: message }) });

const waiting = step('StepWait', async (signal) => {
  process.stdout.write('ready\n');
  // A pending abort listener alone does not keep Node alive; a real step's I/O would.
  const keepAlive = setInterval(() => undefined, 60_000);
  await new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
  clearInterval(keepAlive);
  return 'halt';
});
const state: Trace = { log: [] };
const code = await runBuilds(
  [
    {
      name: 'null.child',
      run: async ({ signal }) => {
        const error = resultError(
          await runSteps([step('StepFirst'), waiting], state, { build: 'null.child', bus, signal }),
        );
        process.stdout.write(`${state.log.join(', ')}\n`);
        if (error) throw error;
        return [];
      },
    },
  ],
  { bus, signal: interrupts.signal, now: () => 0 },
);
interrupts.dispose();
process.exitCode = code;
