/*
 * Runs the planned builds (packer command/build.go RunContext): concurrently up to
 * the parallel limit, each with its own UI; then the closing summary and the exit
 * code. Summary entries follow build order (Packer walks a Go map, in random order).
 */
import { formatDuration } from './duration.js';
import { buildUi, type Artifact, type BuildUi, type EventBus, type Prompt } from './events.js';
import { toError, type OnError } from './runner.js';
import { Semaphore } from './semaphore.js';

export interface BuildContext {
  readonly signal: AbortSignal;
  readonly ui: BuildUi;
  readonly bus: EventBus;
  readonly onError: OnError;
  readonly debug: boolean;
  readonly prompt?: Prompt;
}

export interface Build {
  readonly name: string;
  /** Resolves the build's artifacts (null for a nil artifact); throws the build's error. */
  run(context: BuildContext): Promise<readonly (Artifact | null)[]>;
}

export interface RunBuildsOptions {
  readonly bus: EventBus;
  /** Aborted on interrupt; one signal for the whole run. */
  readonly signal: AbortSignal;
  /** -parallel-builds: below 1 means no limit. */
  readonly parallelBuilds?: number;
  readonly debug?: boolean;
  readonly onError?: OnError;
  /** The terminal prompt for a build; absent without a TTY. */
  readonly prompt?: (build: string) => Prompt;
  /** Milliseconds clock for the durations printed. */
  readonly now?: () => number;
}

/** Runs every build and returns Packer's exit code: 0, or 1 on any error or interrupt. */
export async function runBuilds(builds: readonly Build[], options: RunBuildsOptions): Promise<number> {
  const { bus, signal } = options;
  const now = options.now ?? (() => performance.now());
  const debug = options.debug ?? false;
  const onError = options.onError ?? 'cleanup';
  const parallel = options.parallelBuilds ?? 0;
  const say = (text: string) => bus.emit({ type: 'ui', level: 'say', text });
  const log = (message: string) => bus.emit({ type: 'log', message });

  if (debug) say('Debug mode enabled. Builds will not be parallelized.');
  bus.emit({ type: 'run-started', builds: builds.map((b) => b.name) });
  log(`Build debug mode: ${debug}`);
  log(`On error: ${onError}`);

  const errors = new Map<string, Error>();
  const artifacts = new Map<string, readonly (Artifact | null)[]>();
  const limit = new Semaphore(parallel < 1 ? Number.POSITIVE_INFINITY : parallel);
  const running: Promise<void>[] = [];
  const start = now();

  const runOne = async (build: Build): Promise<void> => {
    const ui = buildUi(bus, build.name);
    // Packer reports a build's end through a coloured UI that has no target prefix.
    const report = (level: 'say' | 'error', text: string) =>
      bus.emit({ type: 'ui', level, text, build: build.name, untargeted: true });
    const buildStart = now();
    bus.emit({ type: 'build-started', build: build.name });
    log(`Starting build run: ${build.name}`);
    const prompt = options.prompt?.(build.name);
    try {
      const result = await build.run({ signal, ui, bus, onError, debug, ...(prompt ? { prompt } : {}) });
      const durationMs = now() - buildStart;
      report('say', `Build '${build.name}' finished after ${formatDuration(durationMs)}.`);
      // A build without artifacts is left out of the summary (CoreBuild.Run returns nil).
      if (result.length > 0) artifacts.set(build.name, result);
      bus.emit({ type: 'build-finished', build: build.name, durationMs });
    } catch (thrown) {
      const error = toError(thrown);
      const durationMs = now() - buildStart;
      report('error', `Build '${build.name}' errored after ${formatDuration(durationMs)}: ${error.message}`);
      errors.set(build.name, error);
      bus.emit({ type: 'build-finished', build: build.name, durationMs, error: error.message });
    } finally {
      limit.release();
    }
  };

  for (const build of builds) {
    if (signal.aborted) {
      log('Interrupted, not going to start any more builds.');
      break;
    }
    try {
      await limit.acquire(signal);
    } catch (thrown) {
      const error = toError(thrown);
      buildUi(bus, build.name).error(`Build '${build.name}' failed to acquire semaphore: ${error.message}`);
      errors.set(build.name, error);
      break;
    }
    const run = runOne(build);
    running.push(run);
    if (debug || parallel === 1) await run;
  }

  log('Waiting on builds to complete...');
  await Promise.all(running);
  say(`\n==> Wait completed after ${formatDuration(now() - start)}`);

  if (signal.aborted) {
    say('Cleanly cancelled builds after being interrupted.');
    return 1;
  }
  printSummary(bus, builds, errors, artifacts);
  return errors.size > 0 ? 1 : 0;
}

function printSummary(
  bus: EventBus,
  builds: readonly Build[],
  errors: ReadonlyMap<string, Error>,
  artifacts: ReadonlyMap<string, readonly (Artifact | null)[]>,
): void {
  const ui = (level: 'say' | 'error', text: string) => bus.emit({ type: 'ui', level, text });
  const inOrder = <T>(map: ReadonlyMap<string, T>) =>
    builds.flatMap((b) => (map.has(b.name) ? [[b.name, map.get(b.name) as T] as const] : []));

  if (errors.size > 0) {
    bus.emit({ type: 'error-count', count: errors.size });
    ui('error', "\n==> Some builds didn't complete successfully and had errors:");
    for (const [build, error] of inOrder(errors)) {
      bus.emit({ type: 'error', build, message: error.message });
      ui('error', `--> ${build}: ${error.message}`);
    }
  }
  if (artifacts.size === 0) {
    ui('say', '\n==> Builds finished but no artifacts were created.');
    return;
  }
  ui('say', '\n==> Builds finished. The artifacts of successful builds are:');
  for (const [build, list] of inOrder(artifacts)) {
    bus.emit({ type: 'artifact-count', build, count: list.length });
    list.forEach((artifact, index) => {
      bus.emit({ type: 'artifact', build, index, artifact });
      ui('say', `--> ${build}: ${artifact ? artifact.description : '<nothing>'}`);
    });
  }
}
