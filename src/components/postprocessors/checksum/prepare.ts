import { goTemplateProblem } from '../../common/go-template.prepare.js';
import { PrepareErrors, type PrepareResult } from '../../schema/index.js';
import type { ChecksumConfig } from './schema.js';

/* post-processor/checksum PostProcessor.Configure of Packer: its checks, order and messages. */

const HASHES = ['md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512'];

export function prepareChecksum(c: ChecksumConfig): PrepareResult {
  const out = new PrepareErrors();
  for (const type of c.checksum_types ?? ['md5']) {
    if (!HASHES.includes(type)) out.error(`Unrecognized checksum type: ${type}`);
  }
  const problem = goTemplateProblem(c.output || 'packer_{{.BuildName}}_{{.BuilderType}}_{{.ChecksumType}}.checksum');
  if (problem) out.error(`Error parsing target template: ${problem}`);
  return out.result();
}
