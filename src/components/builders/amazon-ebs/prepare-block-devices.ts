import { goQuote } from '../../../hcl/quote.js';
import type { PrepareErrors } from '../../schema/index.js';
import type { AmazonEbsConfig } from './schema.js';

/* BlockDevice.Prepare of packer-plugin-amazon: the first problem of each mapping, with its message. */

type BlockDevice = AmazonEbsConfig['ami_block_device_mappings'][number];

/** Largest IOPS per GiB for the volume types that set one. */
const IOPS_RATIOS: Readonly<Record<string, number>> = { io1: 50, io2: 500 };
const IOPS = { min: 100, max: 64000 };
const GP3_IOPS = { min: 3000, max: 16000 };
const GP3_THROUGHPUT = { min: 125, max: 1000 };

export function checkBlockDevices(devices: readonly BlockDevice[], out: PrepareErrors): void {
  for (const device of devices) {
    const problem = blockDeviceProblem(device);
    if (problem) out.error(problem);
  }
}

function blockDeviceProblem(b: BlockDevice): string | undefined {
  const name = b.device_name ?? '';
  if (name === '') return 'The `device_name` must be specified for every device in the block device mapping.';
  if (b.kms_key_id && b.encrypted === false) {
    return `The device ${name}, must also have \`encrypted: true\` when setting a kms_key_id.`;
  }
  const type = b.volume_type ?? '';
  const size = b.volume_size ?? 0;
  const ratio = IOPS_RATIOS[type];
  if (ratio !== undefined && size !== 0 && b.iops !== undefined) {
    // Go divides the int32 values, dropping the remainder.
    if (Math.trunc(b.iops / size) > ratio) {
      return `${name}: the maximum ratio of provisioned IOPS to requested volume size (in GiB) is ${ratio}:1 for ${type} volumes`;
    }
    if (b.iops < IOPS.min || b.iops > IOPS.max) {
      return `IOPS must be between ${IOPS.min} and ${IOPS.max} for device ${name}`;
    }
  }
  if (type === 'gp3') {
    const t = b.throughput;
    if (t !== undefined && (t < GP3_THROUGHPUT.min || t > GP3_THROUGHPUT.max)) {
      return `Throughput must be between ${GP3_THROUGHPUT.min} and ${GP3_THROUGHPUT.max} for device ${name}`;
    }
    if (b.iops !== undefined && (b.iops < GP3_IOPS.min || b.iops > GP3_IOPS.max)) {
      return `IOPS must be between ${GP3_IOPS.min} and ${GP3_IOPS.max} for device ${name}`;
    }
  } else if (b.throughput !== undefined) {
    return `Throughput is only valid for gp3 volumes, ${goQuote(name)} is of type ${type}`;
  }
  return undefined;
}
