import type { Artifact } from '../../core/events.js';
import type { PostProcessorContext, PostProcessorResult } from '../common/post-processor.js';
import type { ArtificeConfig } from './artifice/schema.js';
import type { ChecksumConfig } from './checksum/schema.js';
import type { CompressConfig } from './compress/schema.js';
import type { DockerImportConfig } from './docker-import/schema.js';
import type { DockerPushConfig } from './docker-push/schema.js';
import type { DockerSaveConfig } from './docker-save/schema.js';
import type { DockerTagConfig } from './docker-tag/schema.js';
import type { ManifestConfig } from './manifest/schema.js';
import type { ShellLocalConfig } from './shell-local/schema.js';

/*
 * The post-processors Kiln runs natively; each config was decoded by that
 * type's schema. Each is imported when a build uses it, as the builders are
 * (builders/runners.ts): a build without docker-* post-processors does not
 * load dockerode, nor one without compress its archivers.
 */
export type RunPostProcessor = (
  config: unknown,
  artifact: Artifact,
  context: PostProcessorContext,
) => Promise<PostProcessorResult>;

const loaders: ReadonlyMap<string, () => Promise<RunPostProcessor>> = new Map<string, () => Promise<RunPostProcessor>>([
  [
    'artifice',
    async () => {
      const { runArtifice } = await import('./artifice/post-processor.js');
      return (config, artifact, context) => runArtifice(config as ArtificeConfig, artifact, context);
    },
  ],
  [
    'checksum',
    async () => {
      const { runChecksum } = await import('./checksum/post-processor.js');
      return (config, artifact, context) => runChecksum(config as ChecksumConfig, artifact, context);
    },
  ],
  [
    'compress',
    async () => {
      const { runCompress } = await import('./compress/post-processor.js');
      return (config, artifact, context) => runCompress(config as CompressConfig, artifact, context);
    },
  ],
  [
    'docker-import',
    async () => {
      const { runDockerImport } = await import('./docker-import/post-processor.js');
      return (config, artifact, context) => runDockerImport(config as DockerImportConfig, artifact, context);
    },
  ],
  [
    'docker-push',
    async () => {
      const { runDockerPush } = await import('./docker-push/post-processor.js');
      return (config, artifact, context) => runDockerPush(config as DockerPushConfig, artifact, context);
    },
  ],
  [
    'docker-save',
    async () => {
      const { runDockerSave } = await import('./docker-save/post-processor.js');
      return (config, artifact, context) => runDockerSave(config as DockerSaveConfig, artifact, context);
    },
  ],
  [
    'docker-tag',
    async () => {
      const { runDockerTag } = await import('./docker-tag/post-processor.js');
      return (config, artifact, context) => runDockerTag(config as DockerTagConfig, artifact, context);
    },
  ],
  [
    'manifest',
    async () => {
      const { runManifest } = await import('./manifest/post-processor.js');
      return (config, artifact, context) => runManifest(config as ManifestConfig, artifact, context);
    },
  ],
  [
    'shell-local',
    async () => {
      const { runShellLocalPostProcessor } = await import('./shell-local/post-processor.js');
      return (config, artifact, context) => runShellLocalPostProcessor(config as ShellLocalConfig, artifact, context);
    },
  ],
]);

export function postProcessorRunner(type: string): RunPostProcessor | undefined {
  const load = loaders.get(type);
  return load && (async (config, artifact, context) => (await load())(config, artifact, context));
}

/**
 * Starts loading a post-processor's module so that it is ready when the build
 * reaches it (while the builder waits on its machine). A failure to load is
 * reported by the run, which loads it again.
 */
export function preloadPostProcessor(type: string): void {
  loaders
    .get(type)?.()
    .catch(() => undefined);
}
