import { statProblem } from '../../common/communicator.prepare.js';
import { PrepareErrors, type PrepareResult } from '../../schema/index.js';
import type { FileConfig } from './schema.js';

/* provisioner/file Provisioner.Prepare of Packer: its checks, order and messages. */

export function prepareFile(c: FileConfig): PrepareResult {
  const out = new PrepareErrors();
  const direction = c.direction || 'upload';
  if (direction !== 'download' && direction !== 'upload') out.error('Direction must be one of: download, upload.');
  const sources = [...(c.sources ?? []), ...(c.source ? [c.source] : [])];
  if (direction === 'upload' && !c.generated) {
    for (const src of sources) {
      const problem = statProblem(src);
      if (problem) out.error(`Bad source '${src}': ${problem}`);
    }
  }
  if (sources.length > 0 && c.content) out.error('source(s) conflicts with content.');
  if (!c.destination) out.error('Destination must be specified.');
  return out.result();
}
