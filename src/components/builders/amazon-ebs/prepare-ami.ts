import { goQuote } from '../../../hcl/quote.js';
import type { PrepareErrors } from '../../schema/index.js';
import { isValidKmsKey } from './kms-key.js';
import { isRfc3339 } from './rfc3339.js';
import type { AmazonEbsConfig } from './schema.js';

/* AMIConfig.Prepare of packer-plugin-amazon: its checks, order and messages. */

const AMI_NAME_CHARS = /^[A-Za-z0-9()[\] ./\-'@_]*$/;

export function checkAmi(c: AmazonEbsConfig, out: PrepareErrors): void {
  const name = c.ami_name ?? '';
  const regions = c.ami_regions ?? [];
  // Go ranges over the map in random order; sorted keys keep our output stable.
  const regionKeys = Object.entries(c.region_kms_key_ids ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  if (name === '') out.error('ami_name must be specified');
  for (const [region] of regionKeys) {
    if (!regions.includes(region)) out.error(`Region ${region} is in region_kms_key_ids but not in ami_regions`);
  }
  if (regionKeys.length > 0) {
    for (const region of new Set(regions)) {
      if (!regionKeys.some(([r]) => r === region)) {
        out.error(`Region ${region} is in ami_regions but not in region_kms_key_ids`);
      }
    }
  }
  const encrypted = c.encrypt_boot === true;
  const defaultKey = !c.kms_key_id && regionKeys.length === 0 && encrypted;
  const emptyRegionKeys = regionKeys.filter(([, key]) => key === '');
  const shared = [c.ami_users, c.ami_org_arns, c.ami_ou_arns].some((list) => (list ?? []).length > 0);
  if (shared) {
    if (defaultKey) out.error('Cannot share AMI encrypted with default KMS key');
    for (const _ of emptyRegionKeys) out.error('Cannot share AMI encrypted with default KMS key for other regions');
  }
  const keys = [...(c.kms_key_id ? [c.kms_key_id] : []), ...regionKeys.map(([, key]) => key).filter((k) => k !== '')];
  if (keys.length > 0 && !encrypted) {
    out.error('If you have set either region_kms_key_ids or kms_key_id, encrypt_boot must also be true.');
  }
  for (const key of keys) {
    if (!isValidKmsKey(key)) out.error(`${goQuote(key)} is not a valid KMS Key Id.`);
  }
  if ((c.snapshot_users ?? []).length > 0) {
    if (defaultKey) {
      out.error(
        'Cannot share snapshot encrypted with default KMS key, see ' +
          'https://www.packer.io/docs/builders/amazon-ebs#region_kms_key_ids for more information',
      );
    }
    for (const _ of emptyRegionKeys) out.error('Cannot share snapshot encrypted with default KMS key');
  }
  // Go measures the name in bytes and replaces each disallowed byte.
  const length = Buffer.byteLength(name);
  if (length < 3 || length > 128) out.error('ami_name must be between 3 and 128 characters long');
  if (!AMI_NAME_CHARS.test(name)) {
    out.error(
      'AMIName should only contain alphanumeric characters, parentheses (()), square brackets ([]), spaces ( ), ' +
        "periods (.), slashes (/), dashes (-), single quotes ('), at-signs (@), or underscores(_). You can use the " +
        '`clean_resource_name` template filter to automatically clean your ami name.',
    );
  }
  if (c.imds_support && c.imds_support !== 'v2.0') {
    out.error('The only valid imds_support values are "v2.0" or the empty string');
  }
  if (c.deprecate_at && !isRfc3339(c.deprecate_at)) {
    out.error(`deprecate_at is not a valid time: ${goQuote(c.deprecate_at)}. Expect time format: YYYY-MM-DDTHH:MM:SSZ`);
  }
}
