import { connectEngine, engineAddress, engineMessage } from '../communicator/docker/engine.js';
import {
  findBuildContainers,
  removeBuildContainer,
  type LeftoverContainer,
} from '../components/builders/docker/leftovers.js';
import { parseGoFlags } from './goflag.js';
import type { CliIO } from './io.js';
import { helpRequested } from './meta-args.js';
import { commandUi } from './ui.js';

/*
 * `kiln cleanup [-run-id=ID] [-dry-run]` (Kiln's own): removes the build
 * containers a killed run left behind, found by their names
 * (kiln-<run uuid>-<build>), of one run or of every run. A container that
 * cannot be removed is reported and makes the exit status 1.
 */

const help = `Usage: kiln cleanup [options]

  Removes the Docker build containers that killed or cancelled Kiln runs
  left behind (named kiln-<run id>-<build>), running or not.

Options:

  -run-id=ID    Only the containers of this run (PACKER_RUN_UUID).
  -dry-run      Print what would be removed, remove nothing.`;

export async function runCleanup(argv: string[], io: CliIO): Promise<number> {
  const { args, ui } = commandUi(argv, io);
  if (helpRequested(args)) {
    io.stdout.write(`${help}\n`);
    return 0;
  }
  let runId: string | undefined;
  let dryRun = false;
  const parsed = parseGoFlags(args, {
    'run-id': { kind: 'value', set: (v) => (runId = v) },
    'dry-run': { kind: 'bool', set: (v) => (dryRun = v) },
  });
  if (!parsed.ok || parsed.args.length > 0) {
    if (!parsed.ok && parsed.message) ui.error(parsed.message);
    ui.say(help);
    return 1;
  }
  const engine = connectEngine();
  let containers: LeftoverContainer[];
  try {
    containers = await findBuildContainers(engine, runId);
  } catch (error) {
    ui.error(
      `Error: Cannot connect to the Docker daemon at ${engineAddress(io.env)}. Is the docker daemon running? (${engineMessage(error)})`,
    );
    return 1;
  }
  if (containers.length === 0) {
    ui.say(runId === undefined ? 'No Kiln build containers found.' : `No build containers of run ${runId} found.`);
    return 0;
  }
  let failed = false;
  for (const c of containers) {
    const what = `container ${c.name} (${c.id.slice(0, 12)}, ${c.state})`;
    if (dryRun) {
      ui.say(`Would remove ${what}`);
      continue;
    }
    try {
      await removeBuildContainer(engine, c.id);
      ui.say(`Removed ${what}`);
    } catch (error) {
      ui.error(`Error: Could not remove ${what}: ${engineMessage(error)}`);
      failed = true;
    }
  }
  return failed ? 1 : 0;
}
