import type { BlockDeviceMapping, EbsBlockDevice, VolumeType } from '@aws-sdk/client-ec2';
import type { AmazonEbsConfig } from '../schema.js';

type BlockDevice = AmazonEbsConfig['launch_block_device_mappings'][number];

/** BlockDevices.BuildEC2BlockDeviceMappings of the plugin. */
export function ec2BlockDeviceMappings(devices: readonly BlockDevice[]): BlockDeviceMapping[] {
  return devices.map(ec2BlockDeviceMapping);
}

function ec2BlockDeviceMapping(b: BlockDevice): BlockDeviceMapping {
  const DeviceName = b.device_name ?? '';
  if (b.no_device) return { DeviceName, NoDevice: '' };
  if (b.virtual_name)
    return b.virtual_name.startsWith('ephemeral') ? { DeviceName, VirtualName: b.virtual_name } : { DeviceName };
  const type = b.volume_type ?? '';
  const ebs: EbsBlockDevice = {
    DeleteOnTermination: b.delete_on_termination ?? false,
    ...(type ? { VolumeType: type as VolumeType } : {}),
    ...((b.volume_size ?? 0) > 0 ? { VolumeSize: b.volume_size } : {}),
    ...(['io1', 'io2', 'gp3'].includes(type) && b.iops !== undefined ? { Iops: b.iops } : {}),
    ...(type === 'gp3' && b.throughput !== undefined ? { Throughput: b.throughput } : {}),
    ...(b.snapshot_id ? { SnapshotId: b.snapshot_id } : {}),
    ...(b.encrypted !== undefined ? { Encrypted: b.encrypted } : {}),
    ...(b.kms_key_id ? { KmsKeyId: b.kms_key_id } : {}),
  };
  return { DeviceName, Ebs: ebs };
}
