import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { engineMessage } from '../../../communicator/docker/engine.js';
import type { Step } from '../../../core/step.js';
import type { DockerState, DockerStepContext } from './state.js';

/* StepExport: the container's filesystem as a tar file at export_path, streamed from the engine to disk. */

export function stepExport({ settings, engine, builder }: DockerStepContext): Step<DockerState> {
  const target = path.resolve(builder.cwd, settings.config.export_path ?? '');
  return {
    name: 'StepExport',
    async run(state, signal) {
      await mkdir(path.dirname(target), { recursive: true, mode: 0o755 });
      const out = createWriteStream(target);
      builder.ui.say('Exporting the container');
      try {
        const archive = (await engine.getContainer(state.containerId ?? '').export()) as Readable;
        await pipeline(archive, out, { signal });
      } catch (error) {
        out.destroy();
        await rm(target, { force: true });
        if (signal.aborted) throw error;
        const message = `Error exporting: ${engineMessage(error)}`;
        builder.ui.error(message);
        throw new Error(message, { cause: error });
      }
      return 'continue';
    },
  };
}
