import type { Artifact } from '../../../core/events.js';
import { resultError, runSteps } from '../../../core/runner.js';
import { stepProvision, type ProvisionState } from '../../common/step-provision.js';
import type { BuilderContext } from '../../runtime.js';
import type { NullConfig } from './schema.js';

/*
 * builder/null: connects to a host and runs the provisioners there; the
 * artifact exports nothing. Kiln wires only communicator "none" so far: local
 * provisioners (shell-local, sleep, breakpoint) run, remote ones cannot.
 */

export const NULL_ARTIFACT: Artifact = {
  builderId: 'fnoeding.null',
  id: 'Null',
  files: [],
  description: 'Did not export anything. This is the null builder',
};

export async function runNullBuilder(config: NullConfig, context: BuilderContext): Promise<Artifact> {
  const communicator = config.communicator ?? 'ssh';
  if (communicator !== 'none') {
    throw new Error(
      `the null builder in Kiln supports only communicator = "none" so far; ` +
        `communicator ${JSON.stringify(communicator)} is not implemented yet`,
    );
  }
  const state: ProvisionState = {};
  const result = await runSteps([stepProvision<ProvisionState>(context)], state, {
    build: context.build,
    bus: context.bus,
    signal: context.signal,
    onError: context.onError,
    debug: context.debug,
    ...(context.prompt ? { prompt: context.prompt } : {}),
  });
  const error = state.error ?? resultError(result);
  if (error) throw error;
  return NULL_ARTIFACT;
}
