import type Docker from 'dockerode';
import { engineMessage } from '../../../communicator/docker/engine.js';
import type { Step } from '../../../core/step.js';
import type { DockerState, DockerStepContext } from './state.js';

/*
 * StepSetDefaults + StepCommit: commits the container with `changes`, author
 * and message. The container ran with the builder's entrypoint, so unless
 * the changes set CMD or ENTRYPOINT, the source image's are put back ([""]
 * when it had none). The commit sends no config of its own, as
 * `docker commit` does, so the engine keeps the container's.
 */

export function stepCommit(ctx: DockerStepContext): Step<DockerState> {
  const { settings, engine, builder } = ctx;
  const { config } = settings;
  return {
    name: 'StepCommit',
    async run(state) {
      const changes = await changesWithDefaults(engine, config.image ?? '', config.changes ?? []);
      builder.ui.say('Committing the container');
      let imageId: string;
      try {
        imageId = await commit(engine, state.containerId ?? '', {
          ...(config.author ? { author: config.author } : {}),
          ...(config.message ? { comment: config.message } : {}),
          changes,
        });
      } catch (error) {
        const message = `Error committing container: ${engineMessage(error)}`;
        builder.ui.error(message);
        throw new Error(message, { cause: error });
      }
      state.imageId = imageId;
      try {
        state.generated.ImageSha256 = (await engine.getImage(imageId).inspect()).Id;
      } catch {
        // The plugin leaves ImageSha256 at its placeholder when the inspect fails.
      }
      builder.ui.message(`Image ID: ${imageId}`);
      return 'continue';
    },
  };
}

/** The user's changes plus CMD and ENTRYPOINT of the source image when the changes set neither. */
async function changesWithDefaults(engine: Docker, image: string, changes: readonly string[]): Promise<string[]> {
  const source = await engine
    .getImage(image)
    .inspect()
    .catch(() => undefined);
  const json = (value: string[] | string | null | undefined) =>
    value && value.length > 0 ? JSON.stringify(typeof value === 'string' ? [value] : value) : '[""]';
  const result = [...changes];
  if (!changes.some((c) => c.startsWith('CMD'))) result.push(`CMD ${json(source?.Config.Cmd)}`);
  if (!changes.some((c) => c.startsWith('ENTRYPOINT'))) result.push(`ENTRYPOINT ${json(source?.Config.Entrypoint)}`);
  return result;
}

interface CommitQuery {
  author?: string;
  comment?: string;
  changes: string[];
}

/** POST /commit with the options as the query and no body; resolves the new image's ID ("sha256:..."). */
function commit(engine: Docker, containerId: string, query: CommitQuery): Promise<string> {
  return new Promise((resolve, reject) => {
    engine.modem.dial(
      {
        path: '/commit?',
        method: 'POST',
        // An empty body object is sent as no body at all.
        options: { _query: { container: containerId, ...query }, _body: {} },
        statusCodes: { 200: true, 201: true, 404: 'no such container', 500: 'server error' },
      },
      (error, data) => {
        if (error) return reject(error);
        const id = data && 'Id' in data && typeof data.Id === 'string' ? data.Id : undefined;
        return id ? resolve(id) : reject(new Error('the engine answered the commit without an image ID'));
      },
    );
  });
}
