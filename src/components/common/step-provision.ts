import type { Step } from '../../core/step.js';
import type { BuilderContext } from '../runtime.js';

/*
 * commonsteps.StepProvision: runs the provision hook; when the build has
 * failed, its cleanup runs the error-cleanup-provisioner hook, whose own error
 * is wrapped around the original one.
 */

export interface ProvisionState {
  /** The build's error so far (multistep's "error" state key). */
  error?: Error;
}

export function stepProvision<S extends ProvisionState>(context: BuilderContext): Step<S> {
  return {
    name: 'StepProvision',
    provision: true,
    async run(state, signal) {
      try {
        await context.provision(signal);
      } catch (thrown) {
        if (signal.aborted) return 'halt';
        state.error = thrown instanceof Error ? thrown : new Error(String(thrown));
        throw state.error;
      }
      return 'continue';
    },
    async cleanup(state) {
      if (!state.error) return;
      context.ui.say('Provisioning step had errors: Running the cleanup provisioner, if present...');
      try {
        await context.cleanupProvision(context.signal);
      } catch (thrown) {
        const message = thrown instanceof Error ? thrown.message : String(thrown);
        const wrapped = new Error(`Cleanup failed: ${message}. Original Provisioning error: ${state.error.message}`);
        state.error = wrapped;
        throw wrapped;
      }
    },
  };
}
