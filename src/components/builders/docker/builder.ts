import { connectEngine, engineAddress, engineMessage } from '../../../communicator/docker/engine.js';
import type { Artifact } from '../../../core/events.js';
import type { Step } from '../../../core/step.js';
import { stepProvision } from '../../common/step-provision.js';
import type { BuilderContext } from '../../runtime.js';
import { exportArtifact, importArtifact } from './artifact.js';
import type { DockerConfig } from './schema.js';
import { dockerSettings, type DockerState, type DockerStepContext } from './state.js';
import { stepBuild } from './step-build.js';
import { stepCommit } from './step-commit.js';
import { stepConnectDocker } from './step-connect.js';
import { stepExport } from './step-export.js';
import { stepPull } from './step-pull.js';
import { stepRun } from './step-run.js';
import { stepTempDir } from './step-temp-dir.js';
import { runBuilderSteps } from '../../common/run-builder-steps.js';

/*
 * builder/docker of packer-plugin-docker over the Docker Engine API: temp dir,
 * build from a Dockerfile (with `build`), pull, run, connect, provision, then commit, export or discard. Cleanup
 * removes the container and the temp dir on success, failure and cancel.
 */

export async function runDockerBuilder(config: DockerConfig, context: BuilderContext): Promise<Artifact> {
  // A copy: stepBuild sets `image` to the image it built, as the plugin's step does to its config.
  const settings = dockerSettings({ ...config });
  if (config.windows_container) throw new Error('the docker builder in Kiln does not run Windows containers');
  const engine = connectEngine();
  try {
    await engine.ping();
  } catch (error) {
    throw new Error(
      `Cannot connect to the Docker daemon at ${engineAddress()}. Is the docker daemon running? (${engineMessage(error)})`,
      { cause: error },
    );
  }
  const ctx: DockerStepContext = { settings, engine, builder: context };
  const steps: Step<DockerState>[] = [
    stepTempDir(ctx),
    ...(config.build?.path ? [stepBuild(ctx)] : []),
    stepPull(ctx),
    stepRun(ctx),
    stepConnectDocker(ctx),
    stepProvision<DockerState>(context),
  ];
  if (config.commit) steps.push(stepCommit(ctx));
  else if (config.export_path) steps.push(stepExport(ctx));
  const state: DockerState = {
    generated: {
      ImageSha256: 'ERR_IMAGE_SHA256_NOT_FOUND',
      SourceImageDigest: 'ERR_SOURCE_IMAGE_DIGEST_NOT_FOUND',
      SourceImageSha256: 'ERR_SOURCE_IMAGE_SHA256_NOT_FOUND',
    },
  };
  await runBuilderSteps(steps, state, context);
  // StepProvision stored its hook data as generated_data; the commit step added ImageSha256 to it.
  const generatedData = { ...state.hook?.generatedData, ...state.generated };
  return config.commit
    ? importArtifact(state.imageId ?? '', generatedData, engine)
    : exportArtifact(config.export_path ?? '', generatedData);
}
