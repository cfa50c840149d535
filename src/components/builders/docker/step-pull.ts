import type Docker from 'dockerode';
import { engineMessage } from '../../../communicator/docker/engine.js';
import type { Step } from '../../../core/step.js';
import { registryLogin } from './registry-login.js';
import type { DockerState, DockerStepContext } from './state.js';
import { displayLine, followMessages } from '../../../communicator/docker/json-messages.js';

/*
 * StepPull: pulls `image` through the engine (unless pull = false), logging in
 * first when asked (registry-login.ts), then records the source image's ID and distribution
 * digest as generated data. As in the plugin, a failed pull fails the build
 * even when the image exists locally: set pull = false for local images.
 */

export function stepPull(ctx: DockerStepContext): Step<DockerState> {
  const { settings, builder } = ctx;
  return {
    name: 'StepPull',
    async run(state, signal) {
      // Read when the step runs: a Dockerfile build (stepBuild) sets the image it built.
      const image = settings.config.image ?? '';
      if (!settings.pull) {
        await storeSourceImageInfo(ctx, state, image);
        return 'continue';
      }
      builder.ui.say(`Pulling Docker image: ${image}`);
      const auth = await registryLogin(ctx);
      try {
        await pullImage(ctx, image, auth, signal);
      } catch (error) {
        if (signal.aborted) throw error;
        return fail(ctx, `Error pulling Docker image: ${engineMessage(error)}`);
      } finally {
        // The engine keeps no login: the credentials went with the pull request only.
        if (auth) builder.ui.message('Logging out...');
      }
      await storeSourceImageInfo(ctx, state, image);
      return 'continue';
    },
  };
}

/** Pulls through the engine, printing the status lines `docker pull` prints without a terminal. */
export async function pullImage(
  { engine, builder, settings }: DockerStepContext,
  image: string,
  auth: Docker.AuthConfig | undefined,
  signal: AbortSignal,
): Promise<void> {
  const platform = settings.config.platform ? { platform: settings.config.platform } : {};
  const credentials = auth ? { authconfig: auth } : {};
  const stream = await engine.pull(image, { ...platform, ...credentials, abortSignal: signal });
  // An error record in the stream (e.g. a layer that fails mid-pull) fails the pull.
  await followMessages(engine, stream, (message) => {
    const line = displayLine(message);
    if (line !== undefined) builder.ui.message(line);
  });
}

/** storeSourceImageInfo: SourceImageSha256 and SourceImageDigest, each reported (not fatal) when missing. */
async function storeSourceImageInfo(
  { engine, builder, settings }: DockerStepContext,
  state: DockerState,
  image: string,
) {
  let info: Docker.ImageInspectInfo | undefined;
  try {
    info = await engine.getImage(image).inspect();
  } catch (error) {
    builder.ui.error(`Error determining source Docker image Id: ${engineMessage(error)}`);
  }
  state.generated.SourceImageSha256 = info?.Id ?? '';
  if (settings.config.build?.path) {
    state.generated.SourceImageDigest = '';
    return;
  }
  const digest = info?.RepoDigests?.[0];
  if (digest === undefined) {
    builder.ui.error(
      'Error determining source Docker image digest; this image may not have been pushed yet, which means no ' +
        'distribution digest has been created. If you plan to call docker push later, the digest value will be ' +
        'stored then.',
    );
  }
  state.generated.SourceImageDigest = digest ?? '';
}

function fail({ builder }: DockerStepContext, message: string): never {
  builder.ui.error(message);
  throw new Error(message);
}
