import { connectEngine, engineAddress, engineMessage, type Engine } from '../communicator/docker/engine.js';

/*
 * What a killed or cancelled run leaves behind, found by the label every
 * resource of a run carries (kiln.run-id=<run id>) and removed: containers
 * through the Docker Engine API for now; cloud resources when their builders
 * land. Problems are reported, never thrown: cleanup must not fail a job.
 */

export const RUN_ID_LABEL = 'kiln.run-id';

/** The main step's saved state naming the run (core.saveState / core.getState). */
export const RUN_ID_STATE = 'run-id';

export interface CleanupLog {
  info(message: string): void;
  warning(message: string): void;
}

/** Removes (forcibly, with their anonymous volumes) the containers labelled with this run's id; returns how many. */
export async function removeRunContainers(
  runId: string,
  log: CleanupLog,
  engine: Engine = connectEngine(),
): Promise<number> {
  let containers;
  try {
    containers = await engine.listContainers({ all: true, filters: { label: [`${RUN_ID_LABEL}=${runId}`] } });
  } catch (error) {
    log.info(`No Docker engine to clean up at ${engineAddress()}: ${engineMessage(error)}`);
    return 0;
  }
  let removed = 0;
  for (const c of containers) {
    const name = c.Names[0]?.replace(/^\//, '') ?? c.Id.slice(0, 12);
    try {
      await engine.getContainer(c.Id).remove({ force: true, v: true });
      log.info(`Removed container ${name} (${c.Id.slice(0, 12)}) left by run ${runId}`);
      removed++;
    } catch (error) {
      log.warning(`Could not remove container ${name} (${c.Id.slice(0, 12)}): ${engineMessage(error)}`);
    }
  }
  return removed;
}
