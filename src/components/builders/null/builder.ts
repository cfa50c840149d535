import type { Artifact } from '../../../core/events.js';
import { resultError, runSteps } from '../../../core/runner.js';
import { stepConnect, type ConnectState } from '../../common/step-connect.js';
import { stepProvision } from '../../common/step-provision.js';
import type { BuilderContext } from '../../runtime.js';
import type { NullConfig } from './schema.js';

/*
 * builder/null: connects to a host (StepConnect) and runs the provisioners
 * there (StepProvision); build.ID is "Null" and the artifact exports nothing.
 */

export const NULL_ARTIFACT: Artifact = {
  builderId: 'fnoeding.null',
  id: 'Null',
  files: [],
  description: 'Did not export anything. This is the null builder',
};

export async function runNullBuilder(config: NullConfig, context: BuilderContext): Promise<Artifact> {
  const state: ConnectState = {};
  const host = config.ssh_host ?? '';
  const steps = [
    stepConnect<ConnectState>(config, context, () => ({ host, instanceId: 'Null' })),
    stepProvision<ConnectState>(context),
  ];
  const result = await runSteps(steps, state, {
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
