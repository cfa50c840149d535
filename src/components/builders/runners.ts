import type { RunBuilder } from '../runtime.js';
import type { AmazonEbsConfig } from './amazon-ebs/schema.js';
import type { DockerConfig } from './docker/schema.js';
import type { FileConfig } from './file/schema.js';
import type { NullConfig } from './null/schema.js';

/*
 * The builders Kiln runs natively; each config was decoded by that type's
 * schema. Each is imported when a build uses it, so a docker build does not
 * load the AWS SDK (start-up is part of every build's wall time).
 */
const runners: ReadonlyMap<string, RunBuilder> = new Map<string, RunBuilder>([
  [
    'amazon-ebs',
    async (config, context) =>
      (await import('./amazon-ebs/builder.js')).runAmazonEbsBuilder(config as AmazonEbsConfig, context),
  ],
  [
    'docker',
    async (config, context) => (await import('./docker/builder.js')).runDockerBuilder(config as DockerConfig, context),
  ],
  [
    'file',
    async (config, context) => (await import('./file/builder.js')).runFileBuilder(config as FileConfig, context),
  ],
  [
    'null',
    async (config, context) => (await import('./null/builder.js')).runNullBuilder(config as NullConfig, context),
  ],
]);

export function builderRunner(type: string): RunBuilder | undefined {
  return runners.get(type);
}
