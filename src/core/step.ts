/*
 * A builder is a recipe of steps (packer-plugin-sdk multistep). Each step reads and
 * writes one typed state object owned by its builder, in place of multistep's
 * string-keyed state bag.
 */

export type StepAction = 'continue' | 'halt';

export interface Step<S> {
  /** Shown in on-error and -debug messages, as Packer shows a step's type name. */
  readonly name: string;
  /**
   * Runs the step. Throwing fails the build with that error; returning 'halt' stops
   * the build without one. The signal aborts when the build is cancelled.
   */
  run(state: S, signal: AbortSignal): Promise<StepAction>;
  /** Called in reverse order for every step whose run was called. */
  cleanup?(state: S): Promise<void>;
  /**
   * Marks the provisioning step: with -on-error=run-cleanup-provisioner its cleanup
   * (which runs the error-cleanup-provisioner) still runs (sdk abortStep).
   */
  readonly provision?: boolean;
}
