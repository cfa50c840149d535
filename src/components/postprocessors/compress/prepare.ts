import { goTemplateProblem } from '../../common/go-template.prepare.js';
import { PrepareErrors, type PrepareResult } from '../../schema/index.js';
import type { CompressConfig } from './schema.js';

/* post-processor/compress PostProcessor.Configure of Packer: the output path must be a valid template. */

export function prepareCompress(c: CompressConfig): PrepareResult {
  const out = new PrepareErrors();
  const problem = goTemplateProblem(c.output || 'packer_{{.BuildName}}_{{.BuilderType}}');
  if (problem) out.error(`Error parsing target template: ${problem}`);
  return out.result();
}
