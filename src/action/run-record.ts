import type { Artifact, EngineEvent, Listener, StepOutcome } from '../core/events.js';

/*
 * What the job summary and the outputs need from a run, gathered from the
 * engine's event stream: each build's duration, error, artifacts, and the
 * timing of every step (between its step-started and step-finished events).
 */

export interface StepTiming {
  readonly step: string;
  readonly durationMs: number;
  readonly outcome: StepOutcome;
}

export interface BuildRecord {
  readonly name: string;
  durationMs?: number;
  /** Unix seconds when the build finished (the manifest's build_time). */
  finishedAt?: number;
  error?: string;
  readonly steps: StepTiming[];
  readonly artifacts: Artifact[];
}

export class RunRecorder {
  readonly #builds = new Map<string, BuildRecord>();
  readonly #stepStarts = new Map<string, number>();
  readonly #now: () => number;
  readonly #clock: () => number;

  /** `now` times steps (milliseconds, monotonic); `clock` is the wall clock (Date.now). */
  constructor(now: () => number = () => performance.now(), clock: () => number = Date.now) {
    this.#now = now;
    this.#clock = clock;
  }

  get builds(): readonly BuildRecord[] {
    return [...this.#builds.values()];
  }

  readonly listener: Listener = (event: EngineEvent) => {
    switch (event.type) {
      case 'run-started':
        for (const name of event.builds) this.#builds.set(name, { name, steps: [], artifacts: [] });
        return;
      case 'step-started':
        this.#stepStarts.set(`${event.build}\u0000${event.step}`, this.#now());
        return;
      case 'step-finished': {
        const key = `${event.build}\u0000${event.step}`;
        const start = this.#stepStarts.get(key) ?? this.#now();
        this.#stepStarts.delete(key);
        this.#build(event.build).steps.push({
          step: event.step,
          durationMs: this.#now() - start,
          outcome: event.outcome,
        });
        return;
      }
      case 'build-finished': {
        const record = this.#build(event.build);
        record.durationMs = event.durationMs;
        record.finishedAt = Math.floor(this.#clock() / 1000);
        if (event.error !== undefined) record.error = event.error;
        return;
      }
      case 'artifact':
        if (event.artifact) this.#build(event.build).artifacts.push(event.artifact);
        return;
      default:
    }
  };

  #build(name: string): BuildRecord {
    let record = this.#builds.get(name);
    if (!record) {
      record = { name, steps: [], artifacts: [] };
      this.#builds.set(name, record);
    }
    return record;
  }
}

/** The step a failed build stopped in: its last step that did not continue. */
export function failedStep(record: BuildRecord): string | undefined {
  return record.steps.findLast((s) => s.outcome !== 'continue')?.step;
}
