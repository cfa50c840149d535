import type { z } from 'zod';
import type { PrepareErrors } from '../schema/index.js';
import type { amazonAccessFields } from './amazon-access.schema.js';

/*
 * AccessConfig.Prepare of packer-plugin-amazon, without what needs the
 * network (reading credentials from Vault happens when the build starts).
 */

export type AmazonAccessConfig = z.output<z.ZodObject<typeof amazonAccessFields>>;

export function checkAmazonAccess(c: AmazonAccessConfig, out: PrepareErrors): void {
  const vault = c.vault_aws_engine;
  const usesVault = !!(vault?.name || vault?.role_arn || vault?.engine_name || vault?.ttl);
  if (usesVault && c.access_key) {
    out.error('If you have set vault_aws_engine, you must not set the access_key or secret_key.');
  }
  if (!!c.access_key !== !!c.secret_key) out.error('`access_key` and `secret_key` must both be either set or not set.');
}
