import { connectEngine, engineAddress, engineMessage, type Engine } from '../communicator/docker/engine.js';
import { findBuildContainers, removeBuildContainer } from '../components/builders/docker/leftovers.js';

/*
 * What a killed or cancelled run leaves behind, found by the run id: build
 * containers by their name (kiln-<run id>-<build>) through the Docker Engine
 * API for now; cloud resources when their builders land. Problems are
 * reported, never thrown: cleanup must not fail a job.
 */

/** The main step's saved state naming the run (core.saveState / core.getState). */
export const RUN_ID_STATE = 'run-id';

export interface CleanupLog {
  info(message: string): void;
  warning(message: string): void;
}

/** Removes (forcibly, with their anonymous volumes) the build containers of this run; returns how many. */
export async function removeRunContainers(
  runId: string,
  log: CleanupLog,
  engine: Engine = connectEngine(),
): Promise<number> {
  let containers;
  try {
    containers = await findBuildContainers(engine, runId);
  } catch (error) {
    log.info(`No Docker engine to clean up at ${engineAddress()}: ${engineMessage(error)}`);
    return 0;
  }
  let removed = 0;
  for (const c of containers) {
    try {
      await removeBuildContainer(engine, c.id);
      log.info(`Removed container ${c.name} (${c.id.slice(0, 12)}) left by run ${runId}`);
      removed++;
    } catch (error) {
      log.warning(`Could not remove container ${c.name} (${c.id.slice(0, 12)}): ${engineMessage(error)}`);
    }
  }
  return removed;
}
