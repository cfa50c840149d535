import { goQuote } from '../../../hcl/quote.js';
import { checkAmazonAccess } from '../../common/amazon-access.prepare.js';
import { goTemplateProblem } from '../../common/go-template.prepare.js';
import { PrepareErrors, type PrepareResult } from '../../schema/index.js';
import type { AmazonImportConfig } from './schema.js';

/* post-processor/import PostProcessor.Configure of packer-plugin-amazon: its checks, order and messages. */

const BOOT_MODES = ['legacy-bios', 'uefi', 'uefi-preferred'];
const FORMATS = ['ova', 'raw', 'vmdk', 'vhd', 'vhdx'];

export function prepareAmazonImport(c: AmazonImportConfig): PrepareResult {
  const out = new PrepareErrors();
  const format = c.format || 'ova';
  const architecture = c.architecture || 'x86_64';
  let bootMode = c.boot_mode ?? '';
  if (bootMode === '') bootMode = architecture === 'arm64' ? 'uefi' : 'legacy-bios';
  else if (!BOOT_MODES.includes(bootMode)) {
    out.error(
      `invalid boot mode ${goQuote(bootMode)}, valid values are either 'uefi', 'legacy-bios' or 'uefi-preferred'`,
    );
  }
  const keyProblem = goTemplateProblem(c.s3_key_name || `packer-import-{{timestamp}}.${format}`, [
    'clean_resource_name',
  ]);
  if (keyProblem) out.error(`Error parsing s3_key_name template: ${keyProblem}`);
  checkAmazonAccess(c, out);
  if (!c.s3_bucket_name) out.error('s3_bucket_name must be set');
  if (!FORMATS.includes(format)) {
    out.error(`invalid format '${format}'. Only 'ova', 'raw', 'vhd', 'vhdx', or 'vmdk' are allowed`);
  }
  const platform = c.platform ?? '';
  if (platform === '' && bootMode === 'uefi') {
    out.error(`invalid platform '', 'platform' must be set for 'uefi' image imports`);
  } else if (platform !== '' && platform !== 'windows' && platform !== 'linux') {
    out.error(`invalid platform '${platform}'. Only 'linux' and 'windows' are allowed`);
  }
  const encryption = c.s3_encryption ?? '';
  if (encryption !== '' && encryption !== 'AES256' && encryption !== 'aws:kms') {
    out.error(`invalid s3 encryption format '${encryption}'. Only 'AES256' and 'aws:kms' are allowed`);
  }
  if (bootMode !== 'legacy-bios' && bootMode !== 'uefi') {
    out.error(`invalid boot mode '${bootMode}'. Only 'uefi' and 'legacy-bios' are allowed`);
  }
  if (architecture === 'arm64' && bootMode !== 'uefi') {
    out.error(`invalid boot mode '${bootMode}' for 'arm64' architecture`);
  }
  if (c.imds_support && c.imds_support !== 'v2.0') {
    out.error('The only valid imds_support values are "v2.0" or the empty string');
  }
  return out.result();
}
