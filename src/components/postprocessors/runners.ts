import type { Artifact } from '../../core/events.js';
import type { PostProcessorContext, PostProcessorResult } from '../common/post-processor.js';
import { runArtifice } from './artifice/post-processor.js';
import type { ArtificeConfig } from './artifice/schema.js';
import { runChecksum } from './checksum/post-processor.js';
import type { ChecksumConfig } from './checksum/schema.js';
import { runCompress } from './compress/post-processor.js';
import type { CompressConfig } from './compress/schema.js';
import { runManifest } from './manifest/post-processor.js';
import type { ManifestConfig } from './manifest/schema.js';

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
  ['manifest', (config, artifact, context) => runManifest(config as ManifestConfig, artifact, context)],
]);

export function postProcessorRunner(type: string): RunPostProcessor | undefined {
  return runners.get(type);
}
