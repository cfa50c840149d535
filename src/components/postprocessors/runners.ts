import type { Artifact } from '../../core/events.js';
import type { PostProcessorContext, PostProcessorResult } from '../common/post-processor.js';
import { runArtifice } from './artifice/post-processor.js';
import type { ArtificeConfig } from './artifice/schema.js';
import { runChecksum } from './checksum/post-processor.js';
import type { ChecksumConfig } from './checksum/schema.js';
import { runCompress } from './compress/post-processor.js';
import type { CompressConfig } from './compress/schema.js';
import { runDockerImport } from './docker-import/post-processor.js';
import type { DockerImportConfig } from './docker-import/schema.js';
import { runDockerPush } from './docker-push/post-processor.js';
import type { DockerPushConfig } from './docker-push/schema.js';
import { runDockerSave } from './docker-save/post-processor.js';
import type { DockerSaveConfig } from './docker-save/schema.js';
import { runDockerTag } from './docker-tag/post-processor.js';
import type { DockerTagConfig } from './docker-tag/schema.js';
import { runManifest } from './manifest/post-processor.js';
import type { ManifestConfig } from './manifest/schema.js';
import { runShellLocalPostProcessor } from './shell-local/post-processor.js';
import type { ShellLocalConfig } from './shell-local/schema.js';

/* The post-processors Kiln runs natively; each config was decoded by that type's schema. */
export type RunPostProcessor = (
  config: unknown,
  artifact: Artifact,
  context: PostProcessorContext,
) => Promise<PostProcessorResult>;

const runners: ReadonlyMap<string, RunPostProcessor> = new Map<string, RunPostProcessor>([
  ['artifice', (config, artifact, context) => runArtifice(config as ArtificeConfig, artifact, context)],
  ['checksum', (config, artifact, context) => runChecksum(config as ChecksumConfig, artifact, context)],
  ['compress', (config, artifact, context) => runCompress(config as CompressConfig, artifact, context)],
  ['docker-import', (config, artifact, context) => runDockerImport(config as DockerImportConfig, artifact, context)],
  ['docker-push', (config, artifact, context) => runDockerPush(config as DockerPushConfig, artifact, context)],
  ['docker-save', (config, artifact, context) => runDockerSave(config as DockerSaveConfig, artifact, context)],
  ['docker-tag', (config, artifact, context) => runDockerTag(config as DockerTagConfig, artifact, context)],
  ['manifest', (config, artifact, context) => runManifest(config as ManifestConfig, artifact, context)],
  [
    'shell-local',
    (config, artifact, context) => runShellLocalPostProcessor(config as ShellLocalConfig, artifact, context),
  ],
]);

export function postProcessorRunner(type: string): RunPostProcessor | undefined {
  return runners.get(type);
}
