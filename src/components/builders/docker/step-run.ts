import { homedir } from 'node:os';
import path from 'node:path';
import type Docker from 'dockerode';
import { engineMessage, hasStatus } from '../../../communicator/docker/engine.js';
import type { Step } from '../../../core/step.js';
import { interpolate } from '../../../template/gotemplate/render.js';
import { interpolateContext } from '../../../template/legacy/context.js';
import { buildContainerName } from './leftovers.js';
import { parseRunArgs } from './run-command.js';
import type { DockerState, DockerStepContext } from './state.js';
import { pullImage } from './step-pull.js';

/*
 * StepRun: starts the build container from the same `docker run` arguments
 * the plugin builds (device, cap_add, cap_drop, privileged, runtime,
 * platform, tmpfs, volumes with the temp dir at container_dir, then
 * run_command with .Image), mapped onto one Engine API create and start.
 * The container is named kiln-<run uuid>-<build> (no labels: a commit would
 * copy them into the image), so a killed run's leftovers can be found; a
 * run_command with its own --name keeps it, as `docker run` would. Cleanup
 * kills and removes it (with its anonymous volumes).
 */

export function stepRun(ctx: DockerStepContext): Step<DockerState> {
  const { builder, engine } = ctx;
  return {
    name: 'StepRun',
    async run(state, signal) {
      builder.ui.say('Starting docker container...');
      const args = runArguments(ctx, state.tempDir ?? '');
      builder.ui.message(`Run command: ${ctx.settings.executable} ${args.join(' ')}`);
      try {
        const spec = parseRunArgs(args.slice(1));
        const name = spec.query.name ?? buildContainerName(builder.runUuid, builder.build);
        const create = { ...spec.config, _query: { ...spec.query, name }, _body: spec.config };
        // Not abortable: a create the engine finished after an abort would leave a container nobody removes.
        const container = await createContainer(ctx, create, signal);
        state.containerId = container.id;
        await container.start();
        const inspect = await container.inspect();
        state.containerIp = (inspect.NetworkSettings as { IPAddress?: string }).IPAddress ?? '';
        state.containerUser = inspect.Config.User;
      } catch (error) {
        if (signal.aborted) throw error;
        const message = `Error running container: ${engineMessage(error)}`;
        builder.ui.error(message);
        throw new Error(message, { cause: error });
      }
      builder.ui.message(`Container ID: ${state.containerId}`);
      return 'continue';
    },
    async cleanup(state) {
      if (!state.containerId) return;
      builder.ui.say(`Killing the container: ${state.containerId}`);
      try {
        await engine.getContainer(state.containerId).remove({ force: true, v: true });
      } catch {
        // Usually the container is gone already, which is what cleanup wants.
      }
      state.containerId = undefined;
    },
  };
}

/** Creates the container; a missing image is pulled first, as `docker run` does. */
async function createContainer(
  ctx: DockerStepContext,
  options: Docker.ContainerCreateOptions,
  signal: AbortSignal,
): Promise<Docker.Container> {
  try {
    return await ctx.engine.createContainer({ ...options });
  } catch (error) {
    if (!hasStatus(error, 404) || !options.Image) throw error;
    try {
      await pullImage(ctx, options.Image, undefined, signal);
    } catch (pullError) {
      throw new Error(`Unable to find image '${options.Image}' locally: ${engineMessage(pullError)}`, {
        cause: pullError,
      });
    }
    return ctx.engine.createContainer({ ...options });
  }
}

/** The plugin's `docker run` argument list (StartContainer), run_command rendered with .Image. */
export function runArguments({ settings, builder }: DockerStepContext, tempDir: string): string[] {
  const { config } = settings;
  const args = ['run'];
  for (const v of config.device ?? []) args.push('--device', v);
  for (const v of config.cap_add ?? []) args.push('--cap-add', v);
  for (const v of config.cap_drop ?? []) args.push('--cap-drop', v);
  if (config.privileged) args.push('--privileged');
  if (config.runtime) args.push('--runtime', config.runtime);
  if (config.platform) args.push('--platform', config.platform);
  for (const v of config.tmpfs ?? []) args.push('--tmpfs', v);
  const volumes: Record<string, string> = { ...config.volumes, [tempDir]: settings.containerDir };
  for (const [host, guest] of Object.entries(volumes)) {
    const hostPath = host.startsWith('~/') ? path.join(homedir(), host.slice(2)) : host;
    args.push('-v', `${hostPath}:${guest}`);
  }
  const render = interpolateContext(
    { env: {}, cwd: builder.cwd, initTime: new Date(), templatePath: '' },
    {
      userVariables: config.packer_user_variables ?? {},
      enableEnv: false,
      buildName: config.packer_build_name ?? '',
      buildType: 'docker',
      data: { Image: config.image ?? '' },
    },
  );
  for (const v of settings.runCommand) args.push(interpolate(v, render));
  return args;
}
