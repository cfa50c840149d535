import type { Artifact } from '../../../core/events.js';
import { stepConnect, type ConnectState } from '../../common/step-connect.js';
import { stepProvision } from '../../common/step-provision.js';
import type { BuilderContext } from '../../runtime.js';
import type { NullConfig } from './schema.js';
import { runBuilderSteps } from '../../common/run-builder-steps.js';

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
  await runBuilderSteps(steps, state, context);
  return NULL_ARTIFACT;
}
