import { goTemplateProblem } from '../../common/go-template.prepare.js';
import type { PrepareResult } from '../../schema/index.js';
import type { ManifestConfig } from './schema.js';

/* post-processor/manifest PostProcessor.Configure of Packer: the output path must be a valid template. */

export function prepareManifest(c: ManifestConfig): PrepareResult {
  const problem = goTemplateProblem(c.output || 'packer-manifest.json');
  // Packer returns this error on its own, not in a multi-error.
  return { errors: problem ? [`Error parsing target template: ${problem}`] : [], warnings: [] };
}
