import { checkAmazonAccess } from '../../common/amazon-access.prepare.js';
import { PrepareErrors, type PrepareResult } from '../../schema/index.js';
import type { AmazonParameterstoreConfig } from './schema.js';

/* datasource/parameterstore Datasource.Configure of packer-plugin-amazon: its checks, order and messages. */

export function prepareAmazonParameterstore(c: AmazonParameterstoreConfig): PrepareResult {
  const out = new PrepareErrors();
  checkAmazonAccess(c, out);
  if (!c.name) out.error("a 'name' must be provided");
  return out.result();
}
