import { ACCOUNT_ID } from './store.js';
import type {
  ImageBlockDevice,
  ImageRecord,
  InstanceRecord,
  InstanceStateName,
  KeyPairRecord,
  SecurityGroupRecord,
  SnapshotRecord,
  Tag,
  VolumeRecord,
} from './types.js';
import type { XmlValue } from './xml.js';

/* Records as EC2's XML elements (names as in the EC2 API's wire format). */

const STATE_CODES: Record<InstanceStateName, number> = {
  pending: 0,
  running: 16,
  'shutting-down': 32,
  terminated: 48,
  stopping: 64,
  stopped: 80,
};

export const tagSet = (tags: Tag[]): XmlValue => tags.map((t) => ({ key: t.key, value: t.value }));

export const instanceState = (name: InstanceStateName): XmlValue => ({ code: STATE_CODES[name], name });

export function blockDeviceXml(device: ImageBlockDevice): XmlValue {
  return {
    deviceName: device.deviceName,
    virtualName: device.virtualName,
    noDevice: device.noDevice ? '' : undefined,
    ebs:
      device.virtualName || device.noDevice
        ? undefined
        : {
            snapshotId: device.snapshotId,
            volumeSize: device.volumeSize,
            deleteOnTermination: device.deleteOnTermination ?? true,
            volumeType: device.volumeType ?? 'gp2',
            encrypted: device.encrypted ?? false,
            kmsKeyId: device.kmsKeyId,
          },
  };
}

export function imageXml(image: ImageRecord): XmlValue {
  return {
    imageId: image.imageId,
    imageLocation: `${image.ownerId}/${image.name}`,
    imageState: image.state,
    imageOwnerId: image.ownerId,
    creationDate: image.creationDate,
    isPublic: image.isPublic,
    architecture: 'x86_64',
    imageType: 'machine',
    sriovNetSupport: image.sriovNetSupport,
    name: image.name,
    description: image.description,
    rootDeviceType: 'ebs',
    rootDeviceName: image.rootDeviceName,
    blockDeviceMapping: image.blockDeviceMappings.map(blockDeviceXml),
    virtualizationType: 'hvm',
    tagSet: image.tags.length ? tagSet(image.tags) : undefined,
    hypervisor: 'xen',
    enaSupport: image.enaSupport,
    platformDetails: 'Linux/UNIX',
    usageOperation: 'RunInstances',
    deprecationTime: image.deprecationTime,
    imdsSupport: image.imdsSupport,
    sourceInstanceId: image.sourceInstanceId,
  };
}

export function instanceXml(
  instance: InstanceRecord,
  volumes: VolumeRecord[],
  groupName: (groupId: string) => string,
): XmlValue {
  const reachable = instance.state !== 'terminated' && instance.state !== 'shutting-down';
  const groups = instance.securityGroupIds.map((groupId) => ({ groupId, groupName: groupName(groupId) }));
  return {
    instanceId: instance.instanceId,
    imageId: instance.imageId,
    instanceState: instanceState(instance.state),
    privateDnsName: reachable ? instance.privateDnsName : '',
    dnsName: reachable ? instance.publicDnsName : '',
    reason: '',
    keyName: instance.keyName,
    amiLaunchIndex: 0,
    productCodes: [],
    instanceType: instance.instanceType,
    launchTime: instance.launchTime,
    placement: { availabilityZone: instance.availabilityZone, groupName: '', tenancy: 'default' },
    monitoring: { state: 'disabled' },
    subnetId: reachable ? instance.subnetId : undefined,
    vpcId: reachable ? instance.vpcId : undefined,
    privateIpAddress: reachable ? instance.address : undefined,
    ipAddress: reachable ? instance.address : undefined,
    sourceDestCheck: true,
    groupSet: groups,
    architecture: 'x86_64',
    rootDeviceType: 'ebs',
    rootDeviceName: instance.rootDeviceName,
    blockDeviceMapping: volumes.map((v) => ({
      deviceName: v.attachment?.device,
      ebs: {
        volumeId: v.volumeId,
        status: 'attached',
        attachTime: instance.launchTime,
        deleteOnTermination: v.attachment?.deleteOnTermination ?? true,
      },
    })),
    instanceLifecycle: instance.spotInstanceRequestId ? 'spot' : undefined,
    spotInstanceRequestId: instance.spotInstanceRequestId,
    virtualizationType: 'hvm',
    clientToken: '',
    tagSet: instance.tags.length ? tagSet(instance.tags) : undefined,
    hypervisor: 'xen',
    networkInterfaceSet: reachable
      ? [
          {
            networkInterfaceId: `eni-${instance.instanceId.slice(2)}`,
            subnetId: instance.subnetId,
            vpcId: instance.vpcId,
            ownerId: ACCOUNT_ID,
            status: 'in-use',
            privateIpAddress: instance.address,
            privateDnsName: instance.privateDnsName,
            sourceDestCheck: true,
            groupSet: groups,
            association: { publicIp: instance.address, publicDnsName: instance.publicDnsName, ipOwnerId: 'amazon' },
          },
        ]
      : [],
    iamInstanceProfile: instance.iamInstanceProfile
      ? { arn: instance.iamInstanceProfile, id: 'AIPAKILNEMULATOR00000' }
      : undefined,
    ebsOptimized: false,
    enaSupport: instance.enaSupport,
    metadataOptions: { state: 'applied', httpTokens: 'optional', httpPutResponseHopLimit: 1, httpEndpoint: 'enabled' },
  };
}

export function reservationXml(reservationId: string, instances: XmlValue[]): Record<string, XmlValue> {
  return { reservationId, ownerId: ACCOUNT_ID, groupSet: [], instancesSet: instances };
}

export function keyPairXml(key: KeyPairRecord, includePublicKey: boolean): XmlValue {
  return {
    keyPairId: key.keyPairId,
    keyName: key.keyName,
    keyFingerprint: key.keyFingerprint,
    keyType: key.publicKey.startsWith('ssh-ed25519') ? 'ed25519' : 'rsa',
    tagSet: tagSet(key.tags),
    publicKey: includePublicKey ? key.publicKey : undefined,
    createTime: key.createTime,
  };
}

export function securityGroupXml(group: SecurityGroupRecord): XmlValue {
  return {
    ownerId: ACCOUNT_ID,
    groupId: group.groupId,
    groupName: group.groupName,
    groupDescription: group.description,
    vpcId: group.vpcId,
    ipPermissions: group.ingress.map((rule) => ({
      ipProtocol: rule.ipProtocol,
      fromPort: rule.fromPort,
      toPort: rule.toPort,
      groups: [],
      ipRanges: [{ cidrIp: rule.cidrIp }],
      ipv6Ranges: [],
      prefixListIds: [],
    })),
    ipPermissionsEgress: [
      { ipProtocol: '-1', groups: [], ipRanges: [{ cidrIp: '0.0.0.0/0' }], ipv6Ranges: [], prefixListIds: [] },
    ],
    tagSet: group.tags.length ? tagSet(group.tags) : undefined,
  };
}

export function volumeXml(volume: VolumeRecord): XmlValue {
  return {
    volumeId: volume.volumeId,
    size: volume.size,
    snapshotId: volume.snapshotId ?? '',
    availabilityZone: volume.availabilityZone,
    status: volume.state,
    createTime: volume.createTime,
    attachmentSet: volume.attachment
      ? [
          {
            volumeId: volume.volumeId,
            instanceId: volume.attachment.instanceId,
            device: volume.attachment.device,
            status: 'attached',
            attachTime: volume.createTime,
            deleteOnTermination: volume.attachment.deleteOnTermination,
          },
        ]
      : [],
    tagSet: volume.tags.length ? tagSet(volume.tags) : undefined,
    volumeType: volume.volumeType,
    encrypted: volume.encrypted,
    multiAttachEnabled: false,
  };
}

export function snapshotXml(snapshot: SnapshotRecord): XmlValue {
  return {
    snapshotId: snapshot.snapshotId,
    volumeId: snapshot.volumeId,
    status: snapshot.state,
    startTime: snapshot.startTime,
    progress: snapshot.state === 'completed' ? '100%' : '0%',
    ownerId: snapshot.ownerId,
    volumeSize: snapshot.volumeSize,
    description: snapshot.description,
    encrypted: snapshot.encrypted,
    kmsKeyId: snapshot.kmsKeyId,
    tagSet: snapshot.tags.length ? tagSet(snapshot.tags) : undefined,
    storageTier: 'standard',
  };
}
