import { checkAmazonAccess } from '../../common/amazon-access.prepare.js';
import { PrepareErrors, type PrepareResult } from '../../schema/index.js';
import type { AmazonAmiConfig } from './schema.js';

/* datasource/ami Datasource.Configure of packer-plugin-amazon: its checks, order and messages. */

export function prepareAmazonAmi(c: AmazonAmiConfig): PrepareResult {
  const out = new PrepareErrors();
  checkAmazonAccess(c, out);
  const owners = (c.owners ?? []).length;
  if (owners === 0 && Object.keys(c.filters ?? {}).length === 0) out.error('The `filters` must be specified');
  if (owners === 0) out.error('For security reasons, you must declare an owner.');
  return out.result();
}
