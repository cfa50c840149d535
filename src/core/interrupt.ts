/*
 * Interrupt handling for a run (packer command/signal.go): the first SIGINT or
 * SIGTERM aborts the run's one AbortSignal, so every build cancels and cleans up;
 * a second one exits at once (Kiln's addition: Packer ignores it).
 */

export type InterruptSignal = 'SIGINT' | 'SIGTERM';

/** What process provides; tests pass an EventEmitter instead. */
export interface SignalSource {
  on(event: InterruptSignal, listener: () => void): unknown;
  off(event: InterruptSignal, listener: () => void): unknown;
}

export interface InterruptOptions {
  readonly source?: SignalSource;
  /** Told "Cancelling build after receiving interrupt" (Packer's ui.Error). */
  readonly onCancel: (message: string) => void;
  /** Called on the second signal; defaults to process.exit. */
  readonly exit?: (code: number) => void;
}

export interface InterruptHandler {
  readonly signal: AbortSignal;
  /** Stops listening; call once the run has finished. */
  dispose(): void;
}

/** Go's os.Signal names and the shell's 128+n exit codes. */
const SIGNALS: Readonly<Record<InterruptSignal, { readonly name: string; readonly exitCode: number }>> = {
  SIGINT: { name: 'interrupt', exitCode: 130 },
  SIGTERM: { name: 'terminated', exitCode: 143 },
};

export function handleInterrupts(options: InterruptOptions): InterruptHandler {
  const source = options.source ?? process;
  const exit = options.exit ?? ((code: number) => process.exit(code));
  const controller = new AbortController();

  const listeners = (Object.keys(SIGNALS) as InterruptSignal[]).map((sig) => {
    const listener = () => {
      if (controller.signal.aborted) {
        exit(SIGNALS[sig].exitCode);
        return;
      }
      options.onCancel(`Cancelling build after receiving ${SIGNALS[sig].name}`);
      controller.abort();
    };
    source.on(sig, listener);
    return [sig, listener] as const;
  });

  return {
    signal: controller.signal,
    dispose: () => {
      for (const [sig, listener] of listeners) source.off(sig, listener);
    },
  };
}
