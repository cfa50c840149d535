import { checkAmazonAccess } from '../../common/amazon-access.prepare.js';
import { PrepareErrors, type PrepareResult } from '../../schema/index.js';
import { checkAmi } from './prepare-ami.js';
import { checkBlockDevices } from './prepare-block-devices.js';
import { checkFastLaunch } from './prepare-fast-launch.js';
import { checkRun, isSpotInstance } from './prepare-run.js';
import type { AmazonEbsConfig } from './schema.js';

/*
 * builder/ebs Builder.Prepare of packer-plugin-amazon, in its order: access
 * config, AMI config, block device mappings, run config (which includes the
 * communicator), fast launch, then the builder's own checks and warnings.
 * Reading credentials from Vault is left to the build.
 */

export function prepareAmazonEbs(c: AmazonEbsConfig): PrepareResult {
  const out = new PrepareErrors();
  checkAmazonAccess(c, out);
  checkAmi(c, out);
  checkBlockDevices(c.ami_block_device_mappings, out);
  checkBlockDevices(c.launch_block_device_mappings, out);
  checkRun(c, out);
  checkFastLaunch(c, out);
  if (isSpotInstance(c) && (c.ena_support === true || c.sriov_support === true)) {
    out.error(
      'Spot instances do not support modification, which is required when either `ena_support` or ' +
        '`sriov_support` are set. Please ensure you use an AMI that already has either SR-IOV or ENA enabled.',
    );
  }
  if (c.spot_price_auto_product) {
    out.warn(
      'spot_price_auto_product is deprecated and no longer necessary for Packer builds. In future versions of ' +
        'Packer, inclusion of spot_price_auto_product will error your builds. Please take a look at our current ' +
        'documentation to understand how Packer requests Spot instances.',
    );
  }
  if (c.enable_t2_unlimited) {
    out.warn(
      'enable_t2_unlimited is deprecated please use enable_unlimited_credits. In future versions of Packer, ' +
        'inclusion of enable_t2_unlimited will error your builds.',
    );
  }
  return out.result();
}
