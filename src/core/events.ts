/*
 * The engine's typed event stream. The engine only emits; sinks (terminal,
 * machine-readable, PACKER_LOG, the GitHub Action adapter) decide what to print.
 */

export interface Artifact {
  readonly builderId: string;
  readonly id: string;
  readonly files: readonly string[];
  /** What Packer's artifact.String() returns: the line in the closing summary. */
  readonly description: string;
  /** The builder's generated data (artifact.State("generated_data")), which post-processors see as build.*. */
  readonly generatedData?: Readonly<Record<string, string | number | boolean>>;
  /** Deletes what the artifact holds, when a post-processor chain does not keep it (artifact.Destroy). */
  destroy?(): Promise<void>;
  /** artifact.State(name) for names other than generated_data: a plugin builder's artifact answers them. */
  state?(name: string): Promise<unknown>;
}

export type UiLevel = 'say' | 'message' | 'error';

export type EngineEvent =
  /** Builds about to run, in order; their index picks the terminal colour. */
  | { readonly type: 'run-started'; readonly builds: readonly string[] }
  | { readonly type: 'build-started'; readonly build: string }
  | { readonly type: 'build-finished'; readonly build: string; readonly durationMs: number; readonly error?: string }
  | { readonly type: 'step-started'; readonly build: string; readonly step: string }
  | {
      readonly type: 'step-finished';
      readonly build: string;
      readonly step: string;
      readonly outcome: StepOutcome;
    }
  /** A UI line; without a build it is the command's own output (no prefix, no colour). */
  | {
      readonly type: 'ui';
      readonly level: UiLevel;
      readonly text: string;
      readonly build?: string;
      /** In the build's colour but without its `==> name:` prefix (Packer's ColoredUi without a target). */
      readonly untargeted?: boolean;
    }
  /** Closing summary records (Packer's ui.Machine calls in command/build.go). */
  | { readonly type: 'error-count'; readonly count: number }
  | { readonly type: 'error'; readonly build: string; readonly message: string }
  | { readonly type: 'artifact-count'; readonly build: string; readonly count: number }
  | { readonly type: 'artifact'; readonly build: string; readonly index: number; readonly artifact: Artifact | null }
  /** A debug line for the PACKER_LOG log only. */
  | { readonly type: 'log'; readonly message: string };

export type StepOutcome = 'continue' | 'halt' | 'error' | 'cancelled';

export type Listener = (event: EngineEvent) => void;

/** A minimal synchronous typed emitter: listeners run in subscription order. */
export class EventBus {
  readonly #listeners = new Set<Listener>();

  subscribe(listener: Listener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  emit(event: EngineEvent): void {
    for (const listener of this.#listeners) listener(event);
  }
}

/** The UI a build (and its steps) writes to, as Packer's TargetedUI. */
export interface BuildUi {
  say(text: string): void;
  message(text: string): void;
  error(text: string): void;
}

export function buildUi(bus: EventBus, build: string): BuildUi {
  return {
    say: (text) => bus.emit({ type: 'ui', level: 'say', text, build }),
    message: (text) => bus.emit({ type: 'ui', level: 'message', text, build }),
    error: (text) => bus.emit({ type: 'ui', level: 'error', text, build }),
  };
}

/**
 * Asks the user a question on the terminal. Resolves undefined when no TTY is
 * available (Packer's Ask fails with "no available tty" and callers take the default).
 */
export type Prompt = (query: string, signal: AbortSignal) => Promise<string | undefined>;
