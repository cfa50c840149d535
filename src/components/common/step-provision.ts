import type { Step } from '../../core/step.js';
import type { BuilderContext, ProvisionHookData } from '../runtime.js';
import { populateProvisionHookData } from './provision-hook-data.js';

/*
 * commonsteps.StepProvision: runs the provision hook; when the build has
 * failed, its cleanup runs the error-cleanup-provisioner hook, whose own error
 * is wrapped around the original one.
 */

export interface ProvisionState {
  /** The build's error so far (multistep's "error" state key). */
  error?: Error;
  /** The communicator and generated data the builder's earlier steps produced. */
  hook?: ProvisionHookData;
}

export function stepProvision<S extends ProvisionState>(context: BuilderContext): Step<S> {
  return {
    name: 'StepProvision',
    provision: true,
    async run(state, signal) {
      try {
        await context.provision(signal, hookData(state, context));
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
        await context.cleanupProvision(context.signal, hookData(state, context));
      } catch (thrown) {
        const message = thrown instanceof Error ? thrown.message : String(thrown);
        const wrapped = new Error(`Cleanup failed: ${message}. Original Provisioning error: ${state.error.message}`);
        state.error = wrapped;
        throw wrapped;
      }
    },
  };
}

/** The builder's hook data, or what Packer populates for a builder that set none. */
function hookData(state: ProvisionState, context: BuilderContext): ProvisionHookData {
  return state.hook ?? { generatedData: populateProvisionHookData({ runUuid: context.runUuid }) };
}
