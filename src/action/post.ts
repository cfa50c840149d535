import * as core from '@actions/core';
import { saveCaches } from './cache.js';
import { RUN_ID_STATE, removeRunContainers } from './cleanup.js';

/*
 * The action's post step runs even when the main step was cancelled or
 * killed. It removes the resources labelled with the run id the main step
 * saved (none when no build started), then saves the caches the main step
 * restored. It never fails the job.
 */
export async function runPost(): Promise<void> {
  await cleanup(core.getState(RUN_ID_STATE));
  try {
    await saveCaches();
  } catch (error) {
    core.notice(`Kiln cache not saved: ${error instanceof Error ? error.message : String(error)}`);
  }
}

async function cleanup(runId: string): Promise<void> {
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
