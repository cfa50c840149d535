import path from 'node:path';
import { engineMessage } from '../../../communicator/docker/engine.js';
import type { Step } from '../../../core/step.js';
import { buildContext } from './build-context.js';
import { registryLogin, type RegistryAuth } from './registry-login.js';
import type { DockerState, DockerStepContext } from './state.js';

/*
 * stepBuild of packer-plugin-docker: with a `build` block, the source image
 * is built from the Dockerfile first (`docker build -f <path> [--platform]
 * [--pull] [--compress] [--build-arg k=v ...] <build_dir>`), here through the
 * Engine's /build endpoint with the build context streamed as the CLI sends
 * it, and the image it made becomes `image` for the rest of the build.
 * Intermediate containers are removed even when a step fails (the CLI's
 * --force-rm), so a broken Dockerfile leaves nothing behind. Cleanup removes
 * the built image only when the container is discarded, as the plugin does.
 */

interface BuildMessage {
  readonly stream?: string;
  readonly status?: string;
  readonly id?: string;
  readonly aux?: { readonly ID?: string };
  readonly error?: string;
  readonly errorDetail?: { readonly message?: string; readonly code?: number };
}

/** How `docker build` failed: its exit status and what it printed, as the plugin's driver reports it. */
interface BuildOutcome {
  imageId?: string;
  stdout: string;
  failure?: { readonly message: string; readonly code: number };
}

export function stepBuild(ctx: DockerStepContext): Step<DockerState> {
  const { settings, engine, builder } = ctx;
  let built: string | undefined;
  return {
    name: 'stepBuild',
    async run(_state, signal) {
      builder.ui.say('Building base image...');
      const auth = await registryLogin(ctx);
      let outcome: BuildOutcome;
      try {
        outcome = await build(ctx, auth, signal);
      } finally {
        if (auth) builder.ui.message('Logging out...');
      }
      signal.throwIfAborted();
      if (outcome.failure || !outcome.imageId) {
        const { message, code } = outcome.failure ?? { message: 'server did not provide an image ID', code: 1 };
        throw new Error(
          `${settings.executable} build failed: exit status ${code}; stdout: ${outcome.stdout}; stderr: ${message}\n`,
        );
      }
      builder.ui.say(`Finished building base image ${JSON.stringify(outcome.imageId)}`);
      settings.config.image = outcome.imageId;
      built = outcome.imageId;
      return 'continue';
    },
    async cleanup() {
      if (built === undefined) return;
      if (!settings.config.discard) {
        builder.ui.say(
          'final image is not discarded, removing the built image will fail because of existing dependencies, skipping cleanup for docker build.',
        );
        return;
      }
      try {
        await engine.getImage(built).remove();
      } catch (error) {
        builder.ui.say(`failed to remove image ${JSON.stringify(built)}: ${engineMessage(error)}`);
        builder.ui.say('if you have other images using this dockerfile, this is expected and can safely be ignored.');
      }
    },
  };
}

/** Sends the context and reads the build's messages; a failure is returned, not thrown, with the output so far. */
async function build(
  { settings, engine, builder }: DockerStepContext,
  auth: RegistryAuth | undefined,
  signal: AbortSignal,
): Promise<BuildOutcome> {
  const { config } = settings;
  const options = config.build ?? {};
  const outcome: BuildOutcome = { stdout: '' };
  let context;
  try {
    context = await buildContext(
      path.resolve(builder.cwd, options.build_dir || '.'),
      // Packer resolves both against its working directory.
      path.resolve(builder.cwd, options.path ?? ''),
      options.compress === true,
    );
  } catch (error) {
    return { ...outcome, failure: { message: engineMessage(error), code: 1 } };
  }
  let walkError: Error | undefined;
  context.stream.once('error', (error) => (walkError = error));
  let messages: NodeJS.ReadableStream;
  try {
    messages = await engine.buildImage(context.stream, {
      dockerfile: context.dockerfile,
      version: '1',
      rm: true,
      forcerm: true,
      pull: options.pull !== false,
      ...(config.platform ? { platform: config.platform } : {}),
      ...(options.arguments && Object.keys(options.arguments).length > 0 ? { buildargs: options.arguments } : {}),
      ...(auth
        ? { registryconfig: { [auth.serveraddress]: { username: auth.username, password: auth.password } } }
        : {}),
      abortSignal: signal,
    });
  } catch (error) {
    context.stream.destroy();
    outcome.stdout = sendingLine(context.sent());
    const message = walkError ? walkError.message : `Error response from daemon: ${engineMessage(error)}`;
    return { ...outcome, failure: { message, code: 1 } };
  }
  outcome.stdout = sendingLine(context.sent());
  await new Promise<void>((resolve) => {
    engine.modem.followProgress(
      messages,
      (error: Error | null) => {
        if (error && !outcome.failure) outcome.failure = { message: engineMessage(error), code: 1 };
        resolve();
      },
      (m: BuildMessage) => record(outcome, m),
    );
  });
  return outcome;
}

/** jsonmessage.Display without a terminal: stream text as is, status lines as "<id>: <status>". */
function record(outcome: BuildOutcome, m: BuildMessage): void {
  if (m.error !== undefined || m.errorDetail !== undefined) {
    outcome.failure ??= { message: m.errorDetail?.message ?? m.error ?? '', code: m.errorDetail?.code || 1 };
  } else if (m.aux?.ID) outcome.imageId = m.aux.ID;
  else if (m.stream !== undefined) outcome.stdout += m.stream;
  else if (m.status !== undefined) outcome.stdout += `${m.id ? `${m.id}: ` : ''}${m.status}\n`;
}

/** The CLI's last upload progress line: go-units HumanSize, right-aligned in 8 columns. */
export function sendingLine(bytes: number): string {
  const units = ['B', 'kB', 'MB', 'GB', 'TB', 'PB'];
  let size = bytes;
  let unit = 0;
  while (size >= 1000 && unit < units.length - 1) {
    size /= 1000;
    unit++;
  }
  const human = `${Number(size.toPrecision(4))}${units[unit]}`;
  return `Sending build context to Docker daemon ${human.padStart(8)}\r\r\n`;
}
