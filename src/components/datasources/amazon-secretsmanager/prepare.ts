import { checkAmazonAccess } from '../../common/amazon-access.prepare.js';
import { PrepareErrors, type PrepareResult } from '../../schema/index.js';
import type { AmazonSecretsmanagerConfig } from './schema.js';

/* datasource/secretsmanager Datasource.Configure of packer-plugin-amazon: its checks, order and messages. */

export function prepareAmazonSecretsmanager(c: AmazonSecretsmanagerConfig): PrepareResult {
  const out = new PrepareErrors();
  checkAmazonAccess(c, out);
  if (!c.name) out.error("a 'name' must be provided");
  return out.result();
}
