import type { RunBuilder } from '../runtime.js';
import { runAmazonEbsBuilder } from './amazon-ebs/builder.js';
import type { AmazonEbsConfig } from './amazon-ebs/schema.js';
import { runDockerBuilder } from './docker/builder.js';
import type { DockerConfig } from './docker/schema.js';
import { runFileBuilder } from './file/builder.js';
import type { FileConfig } from './file/schema.js';
import { runNullBuilder } from './null/builder.js';
import type { NullConfig } from './null/schema.js';

/* The builders Kiln runs natively; each config was decoded by that type's schema. */
const runners: ReadonlyMap<string, RunBuilder> = new Map<string, RunBuilder>([
  ['amazon-ebs', (config, context) => runAmazonEbsBuilder(config as AmazonEbsConfig, context)],
  ['docker', (config, context) => runDockerBuilder(config as DockerConfig, context)],
  ['file', (config, context) => runFileBuilder(config as FileConfig, context)],
  ['null', (config, context) => runNullBuilder(config as NullConfig, context)],
]);

export function builderRunner(type: string): RunBuilder | undefined {
  return runners.get(type);
}
