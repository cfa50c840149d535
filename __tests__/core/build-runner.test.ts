import { describe, expect, it } from 'vitest';
import { runBuilds, type Build } from '../../src/core/build-runner.js';
import { EventBus, type Artifact } from '../../src/core/events.js';
import { resultError, runSteps } from '../../src/core/runner.js';
import { TerminalSink } from '../../src/core/ui/terminal.js';
import { deferred, step, type Trace } from './steps.js';

function terminal(bus: EventBus): string[] {
  const out: string[] = [];
  bus.subscribe(new TerminalSink({ write: (t) => out.push(t), color: false }).listener);
  return out;
}

const artifact = (id: string): Artifact => ({
  builderId: 'packer.null',
  id,
  files: [],
  description: `Null artifact ${id}`,
});

function build(name: string, run: Build['run']): Build {
  return { name, run };
}

describe('runBuilds', () => {
  it('keeps at most parallelBuilds running', async () => {
    for (const [parallelBuilds, expected] of [
      [2, 2],
      [1, 1],
      [0, 5],
    ] as const) {
      let active = 0;
      let max = 0;
      const gates = Array.from({ length: 5 }, () => deferred());
      const started: number[] = [];
      const builds = gates.map((gate, i) =>
        build(`b${i}`, async () => {
          active++;
          max = Math.max(max, active);
          started.push(i);
          await gate.promise;
          active--;
          return [];
        }),
      );
      const done = runBuilds(builds, { bus: new EventBus(), signal: new AbortController().signal, parallelBuilds });
      // Let every build that can start do so (one macrotask turn settles all
      // pending promise chains), then release the oldest; repeat.
      for (let released = 0; released < gates.length; released++) {
        await new Promise(setImmediate);
        gates[started[released] as number]?.resolve();
      }
      expect(await done).toBe(0);
      expect(max).toBe(expected);
    }
  });

  it('prints the summary of errors and artifacts in build order, exit 1', async () => {
    const bus = new EventBus();
    const out = terminal(bus);
    const code = await runBuilds(
      [
        build('null.a', async () => [artifact('one'), null]),
        build('null.b', async () => {
          throw new Error('Build was halted.');
        }),
        build('null.c', async () => [artifact('three')]),
      ],
      { bus, signal: new AbortController().signal, now: () => 0 },
    );
    expect(code).toBe(1);
    expect(out.join('')).toBe(
      [
        "Build 'null.a' finished after 0 seconds.",
        "Build 'null.b' errored after 0 seconds: Build was halted.",
        "Build 'null.c' finished after 0 seconds.",
        '',
        '==> Wait completed after 0 seconds',
        '',
        "==> Some builds didn't complete successfully and had errors:",
        '--> null.b: Build was halted.',
        '',
        '==> Builds finished. The artifacts of successful builds are:',
        '--> null.a: Null artifact one',
        '--> null.a: <nothing>',
        '--> null.c: Null artifact three',
        '',
      ].join('\n'),
    );
  });

  it('says no artifacts were created, exit 0, with colour and the debug notice', async () => {
    const bus = new EventBus();
    const out: string[] = [];
    bus.subscribe(new TerminalSink({ write: (t) => out.push(t), color: true }).listener);
    const code = await runBuilds([build('null.a', async () => [])], {
      bus,
      signal: new AbortController().signal,
      debug: true,
      now: () => 0,
    });
    expect(code).toBe(0);
    expect(out).toEqual([
      'Debug mode enabled. Builds will not be parallelized.\n',
      '\u001b[1;32mnull.a: output will be in this color.\u001b[0m\n',
      '\n',
      "\u001b[1;32mBuild 'null.a' finished after 0 seconds.\u001b[0m\n",
      '\n==> Wait completed after 0 seconds\n',
      '\n==> Builds finished but no artifacts were created.\n',
    ]);
  });

  it('cancels every build on abort, cleans up, starts no more, exit 1', async () => {
    const bus = new EventBus();
    const out = terminal(bus);
    const controller = new AbortController();
    const logs: string[] = [];
    const entered = deferred();
    const stepsBuild = (name: string): Build =>
      build(name, async ({ signal }) => {
        const state: Trace = { log: logs };
        const waiting = step(`${name}-wait`, async (s) => {
          entered.resolve();
          await new Promise<void>((resolve) => s.addEventListener('abort', () => resolve(), { once: true }));
          return 'halt';
        });
        const result = await runSteps([step(`${name}-first`), waiting], state, { build: name, bus, signal });
        const error = resultError(result);
        if (error) throw error;
        return [];
      });
    const done = runBuilds([stepsBuild('a'), stepsBuild('b')], {
      bus,
      signal: controller.signal,
      parallelBuilds: 1,
      now: () => 0,
    });
    await entered.promise;
    controller.abort();
    expect(await done).toBe(1);
    expect(logs).toEqual(['run a-first', 'run a-wait', 'cleanup a-wait', 'cleanup a-first']);
    expect(out.slice(-3).join('')).toBe(
      "Build 'a' errored after 0 seconds: Build was cancelled.\n" +
        '\n==> Wait completed after 0 seconds\n' +
        'Cleanly cancelled builds after being interrupted.\n',
    );
  });
});
