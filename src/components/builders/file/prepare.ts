import { PrepareErrors, type PrepareResult } from '../../schema/index.js';
import type { FileConfig } from './schema.js';

/* builder/file Config.Prepare of Packer: its checks, order and messages. */

export function prepareFile(c: FileConfig): PrepareResult {
  const out = new PrepareErrors();
  if (!c.target) out.error('target required');
  if (!c.content && !c.source) out.warn('Both source file and contents are blank; target will have no content');
  if (c.content && c.source) out.error('Cannot specify source file AND content');
  return out.result();
}
