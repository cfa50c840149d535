import { Ec2Error, invalidParameter, notFound } from '../errors.js';
import { bool, num, objects, str, strings, tagSpecifications, type ParamTree } from '../params.js';
import type { Context } from '../runtime.js';
import { newId } from '../store.js';
import type { InstanceRecord, VolumeRecord } from '../types.js';
import { visibleImage } from './images.js';

/* Launching one instance: references checked, a container started, instance and volume records made. */

export interface LaunchOverrides {
  instanceType?: string;
  subnetId?: string;
  spotInstanceRequestId?: string;
}

/**
 * Launches one instance from a RunInstances-shaped tree (RunInstances parameters or a
 * launch template's LaunchTemplateData): validates references, starts the container,
 * records instance and volumes, and schedules pending -> running.
 */
export async function launchInstance(
  ctx: Context,
  spec: ParamTree,
  reservationId: string,
  overrides: LaunchOverrides = {},
): Promise<InstanceRecord> {
  const { store, region } = ctx;
  store.seedRegion(region);
  const image = visibleImage(ctx, str(spec, 'ImageId') ?? '');
  if (image.state !== 'available') {
    throw new Ec2Error('InvalidAMIID.Unavailable', `The image id '[${image.imageId}]' is not available`);
  }
  const keyName = str(spec, 'KeyName') || undefined;
  const keyPair = keyName ? store.keyPairs.get(store.keyPairKey(region, keyName)) : undefined;
  if (keyName && !keyPair) throw new Ec2Error('InvalidKeyPair.NotFound', `The key pair '${keyName}' does not exist`);

  const subnetId = overrides.subnetId || str(spec, 'SubnetId') || str(spec, 'NetworkInterface.1.SubnetId');
  const zone = str(spec, 'Placement.AvailabilityZone');
  const subnets = [...store.subnets.values()].filter((s) => s.region === region);
  const subnet = subnetId
    ? subnets.find((s) => s.subnetId === subnetId)
    : (subnets.find((s) => s.defaultForAz && (!zone || s.availabilityZone === zone)) ?? subnets[0]);
  if (!subnet) throw new Ec2Error('InvalidSubnetID.NotFound', `The subnet ID '${subnetId ?? ''}' does not exist`);

  const groupIds = [...strings(spec, 'SecurityGroupId'), ...strings(spec, 'NetworkInterface.1.SecurityGroupId')];
  for (const name of strings(spec, 'SecurityGroup')) {
    const group = [...store.securityGroups.values()].find((g) => g.region === region && g.groupName === name);
    if (!group)
      throw new Ec2Error(
        'InvalidGroup.NotFound',
        `The security group '${name}' does not exist in default VPC '${subnet.vpcId}'`,
      );
    groupIds.push(group.groupId);
  }
  for (const id of groupIds) {
    const group = store.securityGroups.get(id);
    if (!group || group.region !== region) throw notFound('GroupId', id);
  }
  if (groupIds.length === 0) {
    const fallback = [...store.securityGroups.values()].find(
      (g) => g.vpcId === subnet.vpcId && g.groupName === 'default',
    );
    if (fallback) groupIds.push(fallback.groupId);
  }
  const shutdownBehavior = str(spec, 'InstanceInitiatedShutdownBehavior') ?? 'stop';
  if (shutdownBehavior !== 'stop' && shutdownBehavior !== 'terminate') {
    throw invalidParameter(`Value (${shutdownBehavior}) for parameter instanceInitiatedShutdownBehavior is invalid.`);
  }

  const instanceId = newId('i');
  const { containerId, address } = await ctx.containers.run({
    dockerImage: image.dockerImage,
    sshUser: image.sshUser,
    ...(keyPair ? { publicKey: keyPair.publicKey } : {}),
    name: `kiln-ec2-${instanceId}`,
  });
  const launchTime = new Date().toISOString().replace(/\.\d+Z$/, '.000Z');
  const volumes = launchVolumes(ctx, spec, image.blockDeviceMappings, instanceId, subnet.availabilityZone, launchTime);
  const iamProfile = str(spec, 'IamInstanceProfile.Arn') ?? str(spec, 'IamInstanceProfile.Name');
  const instance: InstanceRecord = {
    instanceId,
    reservationId,
    region,
    imageId: image.imageId,
    instanceType: overrides.instanceType ?? str(spec, 'InstanceType') ?? 'm1.small',
    ...(keyName ? { keyName } : {}),
    state: 'pending',
    address,
    privateDnsName: address,
    publicDnsName: address,
    subnetId: subnet.subnetId,
    vpcId: subnet.vpcId,
    availabilityZone: subnet.availabilityZone,
    securityGroupIds: groupIds,
    launchTime,
    tags: tagSpecifications(spec, 'instance'),
    ...(str(spec, 'UserData') ? { userData: str(spec, 'UserData') } : {}),
    ...(iamProfile ? { iamInstanceProfile: iamProfile } : {}),
    ...(overrides.spotInstanceRequestId ? { spotInstanceRequestId: overrides.spotInstanceRequestId } : {}),
    shutdownBehavior,
    rootDeviceName: image.rootDeviceName,
    volumeIds: volumes.map((v) => v.volumeId),
    enaSupport: image.enaSupport,
    ...(image.sriovNetSupport ? { sriovNetSupport: image.sriovNetSupport } : {}),
    sshUser: image.sshUser,
    containerId,
    containerRemoved: false,
  };
  store.instances.set(instanceId, instance);
  ctx.background.later(ctx.settings.instanceRunningMs, () => {
    if (instance.state === 'pending') instance.state = 'running';
  });
  return instance;
}

/** The root volume from the AMI plus EBS mappings of the launch (which may resize the root). */
function launchVolumes(
  ctx: Context,
  spec: ParamTree,
  imageDevices: Device[],
  instanceId: string,
  availabilityZone: string,
  createTime: string,
): VolumeRecord[] {
  const devices = deviceList(imageDevices, objects(spec, 'BlockDeviceMapping'));
  return devices.map((device) => {
    const volume: VolumeRecord = {
      volumeId: newId('vol'),
      region: ctx.region,
      size: device.volumeSize ?? 8,
      volumeType: device.volumeType ?? 'gp2',
      state: 'in-use',
      availabilityZone,
      ...(device.snapshotId ? { snapshotId: device.snapshotId } : {}),
      encrypted: device.encrypted ?? false,
      createTime,
      tags: tagSpecifications(spec, 'volume'),
      attachment: { instanceId, device: device.deviceName, deleteOnTermination: device.deleteOnTermination ?? true },
    };
    ctx.store.volumes.set(volume.volumeId, volume);
    return volume;
  });
}

interface Device {
  deviceName: string;
  snapshotId?: string;
  volumeSize?: number;
  volumeType?: string;
  deleteOnTermination?: boolean;
  encrypted?: boolean;
  virtualName?: string;
  noDevice?: boolean;
}

function deviceList(imageDevices: Device[], launch: ParamTree[]): Device[] {
  const devices = imageDevices.map((d) => ({ ...d }));
  for (const m of launch) {
    const deviceName = str(m, 'DeviceName') ?? '';
    const existing = devices.find((d) => d.deviceName === deviceName);
    const update: Device = {
      deviceName,
      ...(str(m, 'Ebs.SnapshotId') ? { snapshotId: str(m, 'Ebs.SnapshotId') } : {}),
      ...(num(m, 'Ebs.VolumeSize') !== undefined ? { volumeSize: num(m, 'Ebs.VolumeSize') } : {}),
      ...(str(m, 'Ebs.VolumeType') ? { volumeType: str(m, 'Ebs.VolumeType') } : {}),
      ...(bool(m, 'Ebs.DeleteOnTermination') !== undefined
        ? { deleteOnTermination: bool(m, 'Ebs.DeleteOnTermination') }
        : {}),
      ...(bool(m, 'Ebs.Encrypted') !== undefined ? { encrypted: bool(m, 'Ebs.Encrypted') } : {}),
      ...(str(m, 'VirtualName') ? { virtualName: str(m, 'VirtualName') } : {}),
      ...(str(m, 'NoDevice') !== undefined ? { noDevice: true } : {}),
    };
    if (existing) Object.assign(existing, update);
    else devices.push(update);
  }
  return devices.filter((d) => !d.virtualName && !d.noDevice);
}
