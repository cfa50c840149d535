import type { PrepareResult } from '../../schema/index.js';
import type { ArtificeConfig } from './schema.js';

/* post-processor/artifice PostProcessor.Configure of Packer (a lone error, not a multi-error). */

export function prepareArtifice(c: ArtificeConfig): PrepareResult {
  const none = (c.files ?? []).length === 0;
  return { errors: none ? ['No files specified in artifice configuration'] : [], warnings: [] };
}
