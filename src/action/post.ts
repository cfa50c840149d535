import * as core from '@actions/core';
import { RUN_ID_STATE, removeRunContainers } from './cleanup.js';

/*
 * The action's post step runs even when the main step was cancelled or
 * killed. It removes the resources labelled with the run id the main step
 * saved (none when no build started). It never fails the job.
 */
export async function runPost(): Promise<void> {
  const runId = core.getState(RUN_ID_STATE);
  if (runId === '') {
    core.debug('kiln post: no build ran in the main step; nothing to clean up');
    return;
  }
  try {
    await removeRunContainers(runId, { info: (m) => core.info(m), warning: (m) => core.warning(m) });
  } catch (error) {
    core.warning(`Kiln cleanup failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}

void runPost();
