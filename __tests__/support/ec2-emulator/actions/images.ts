import { Ec2Error, invalidParameter, missingParameter, notFound } from '../errors.js';
import { matchesFilters } from '../filters.js';
import { bool, filters, objects, str, strings, tagSpecifications, type ParamTree } from '../params.js';
import { imageXml } from '../render.js';
import type { Context, Handler } from '../runtime.js';
import { ACCOUNT_ID, newId } from '../store.js';
import type { ImageBlockDevice, ImageRecord, SnapshotRecord } from '../types.js';

/* AMIs: describe with filters and eventual consistency, create (docker commit), register, copy, deregister, attributes. */

const IMAGE_ID = /^ami-[0-9a-f]{8,17}$/;
const IMAGE_NAME = /^[a-zA-Z0-9().\-/_ '@[\]]{3,128}$/;

const isVisible = (image: ImageRecord) => image.visibleAt <= Date.now();

/** The image if it exists in the request's region and is visible yet. */
export function visibleImage(ctx: Context, imageId: string): ImageRecord {
  if (!IMAGE_ID.test(imageId)) {
    throw new Ec2Error('InvalidAMIID.Malformed', `Invalid id: "${imageId}" (expecting "ami-...")`);
  }
  const image = ctx.store.images.get(imageId);
  if (!image || image.region !== ctx.region || !isVisible(image)) throw notFound('AMIID', imageId);
  return image;
}

export const describeImages: Handler = (ctx) => {
  const ids = strings(ctx.params, 'ImageId');
  for (const id of ids) visibleImage(ctx, id);
  const owners = strings(ctx.params, 'Owner').map((o) => (o === 'self' ? ACCOUNT_ID : o));
  const wanted = filters(ctx.params);
  const images = [...ctx.store.images.values()].filter(
    (image) =>
      image.region === ctx.region &&
      isVisible(image) &&
      (ids.length === 0 || ids.includes(image.imageId)) &&
      (owners.length === 0 || owners.includes(image.ownerId)) &&
      matchesFilters(imageFields(image), image.tags, wanted),
  );
  return { imagesSet: images.map(imageXml) };
};

function imageFields(image: ImageRecord) {
  return {
    'image-id': image.imageId,
    name: image.name,
    'owner-id': image.ownerId,
    state: image.state,
    description: image.description,
    'is-public': image.isPublic,
    architecture: 'x86_64',
    'image-type': 'machine',
    'root-device-type': 'ebs',
    'root-device-name': image.rootDeviceName,
    'virtualization-type': 'hvm',
    hypervisor: 'xen',
    'ena-support': image.enaSupport,
    'creation-date': image.creationDate,
    'block-device-mapping.snapshot-id': image.blockDeviceMappings.map((d) => d.snapshotId),
    'block-device-mapping.device-name': image.blockDeviceMappings.map((d) => d.deviceName),
    'block-device-mapping.volume-size': image.blockDeviceMappings.map((d) => d.volumeSize),
  };
}

function checkName(ctx: Context, name: string | undefined): string {
  if (!name) throw missingParameter('name');
  if (!IMAGE_NAME.test(name)) {
    throw invalidParameter(
      `AMI names must be between 3 and 128 characters long, and may contain letters, numbers, '(', ')', '.', '-', '/' and '_'`,
    );
  }
  const taken = [...ctx.store.images.values()].find(
    (i) => i.region === ctx.region && i.ownerId === ACCOUNT_ID && i.name === name,
  );
  if (taken)
    throw new Ec2Error('InvalidAMIName.Duplicate', `AMI name ${name} is already in use by AMI ${taken.imageId}`);
  return name;
}

/** Overrides from BlockDeviceMapping.N params, keyed by device name. */
function mappingParams(params: ParamTree): ImageBlockDevice[] {
  return objects(params, 'BlockDeviceMapping').map((m) => ({
    deviceName: str(m, 'DeviceName') ?? '',
    snapshotId: str(m, 'Ebs.SnapshotId'),
    volumeSize: str(m, 'Ebs.VolumeSize') === undefined ? undefined : Number(str(m, 'Ebs.VolumeSize')),
    volumeType: str(m, 'Ebs.VolumeType'),
    deleteOnTermination: bool(m, 'Ebs.DeleteOnTermination'),
    encrypted: bool(m, 'Ebs.Encrypted'),
    kmsKeyId: str(m, 'Ebs.KmsKeyId'),
    virtualName: str(m, 'VirtualName'),
    noDevice: str(m, 'NoDevice') !== undefined,
  }));
}

function newImage(
  ctx: Context,
  fields: Omit<
    ImageRecord,
    | 'imageId'
    | 'region'
    | 'ownerId'
    | 'state'
    | 'creationDate'
    | 'visibleAt'
    | 'isPublic'
    | 'launchPermissionUserIds'
    | 'launchPermissionGroups'
  >,
): ImageRecord {
  const image: ImageRecord = {
    imageId: newId('ami'),
    region: ctx.region,
    ownerId: ACCOUNT_ID,
    state: 'pending',
    creationDate: new Date().toISOString(),
    visibleAt: Date.now() + ctx.settings.amiVisibilityDelayMs,
    isPublic: false,
    launchPermissionUserIds: [],
    launchPermissionGroups: [],
    ...fields,
  };
  image.tags = tagSpecifications(ctx.params, 'image');
  ctx.store.images.set(image.imageId, image);
  return image;
}

/** A snapshot record; source is the docker image a RegisterImage of it boots (known later for CreateImage). */
function newSnapshot(
  ctx: Context,
  fields: Pick<SnapshotRecord, 'volumeId' | 'volumeSize' | 'description' | 'encrypted'> & { kmsKeyId?: string },
  source?: { dockerImage: string; sshUser: string },
): SnapshotRecord {
  const snapshot: SnapshotRecord = {
    snapshotId: newId('snap'),
    region: ctx.region,
    state: 'pending',
    ownerId: ACCOUNT_ID,
    startTime: new Date().toISOString(),
    tags: tagSpecifications(ctx.params, 'snapshot'),
    createVolumePermissionUserIds: [],
    createVolumePermissionGroups: [],
    ...fields,
  };
  ctx.store.snapshots.set(snapshot.snapshotId, snapshot);
  if (source?.dockerImage) ctx.store.snapshotDockerImages.set(snapshot.snapshotId, source);
  return snapshot;
}

/** pending -> available after the configured delay, once `ready` settles; failed if it rejects. */
function makeAvailable(ctx: Context, image: ImageRecord, snapshots: SnapshotRecord[], ready: Promise<void>): void {
  const started = Date.now();
  ctx.background.track(
    ready.then(
      () =>
        ctx.background.later(Math.max(0, ctx.settings.imageAvailableMs - (Date.now() - started)), () => {
          image.state = 'available';
          for (const s of snapshots) s.state = 'completed';
        }),
      (error: unknown) => {
        image.state = 'failed';
        throw error;
      },
    ),
  );
}

export const createImage: Handler = (ctx) => {
  const instanceId = str(ctx.params, 'InstanceId') ?? '';
  const instance = ctx.store.instances.get(instanceId);
  if (!instance || instance.region !== ctx.region) throw notFound('InstanceID', instanceId);
  if (instance.state !== 'running' && instance.state !== 'stopped') {
    throw new Ec2Error(
      'IncorrectInstanceState',
      `The instance '${instanceId}' is not in a state from which it can be imaged.`,
    );
  }
  const name = checkName(ctx, str(ctx.params, 'Name'));
  const overrides = mappingParams(ctx.params);
  const image = newImage(ctx, {
    name,
    description: str(ctx.params, 'Description'),
    rootDeviceName: instance.rootDeviceName,
    blockDeviceMappings: [],
    tags: [],
    enaSupport: instance.enaSupport,
    sriovNetSupport: instance.sriovNetSupport,
    sourceInstanceId: instance.instanceId,
    dockerImage: '',
    sshUser: instance.sshUser,
  });
  const snapshots: SnapshotRecord[] = [];
  for (const volumeId of instance.volumeIds) {
    const volume = ctx.store.volumes.get(volumeId);
    if (!volume?.attachment) continue;
    const override = overrides.find((o) => o.deviceName === volume.attachment?.device);
    const snapshot = newSnapshot(ctx, {
      volumeId,
      volumeSize: override?.volumeSize ?? volume.size,
      description: `Created by CreateImage(${instanceId}) for ${image.imageId}`,
      encrypted: volume.encrypted,
    });
    snapshots.push(snapshot);
    image.blockDeviceMappings.push({
      deviceName: volume.attachment.device,
      snapshotId: snapshot.snapshotId,
      volumeSize: snapshot.volumeSize,
      volumeType: override?.volumeType ?? volume.volumeType,
      deleteOnTermination: override?.deleteOnTermination ?? true,
      encrypted: volume.encrypted,
    });
  }
  for (const extra of overrides) {
    if (!image.blockDeviceMappings.some((d) => d.deviceName === extra.deviceName))
      image.blockDeviceMappings.push(extra);
  }
  const commit = ctx.containers.commit(instance.containerId, image.imageId).then((ref) => {
    image.dockerImage = ref;
    for (const s of snapshots)
      ctx.store.snapshotDockerImages.set(s.snapshotId, { dockerImage: ref, sshUser: image.sshUser });
  });
  makeAvailable(ctx, image, snapshots, commit);
  return { imageId: image.imageId };
};

export const registerImage: Handler = (ctx) => {
  const name = checkName(ctx, str(ctx.params, 'Name'));
  const mappings = mappingParams(ctx.params);
  const rootDeviceName = str(ctx.params, 'RootDeviceName') ?? mappings[0]?.deviceName ?? '/dev/xvda';
  const root = mappings.find((m) => m.deviceName === rootDeviceName);
  const rootSnapshot = root?.snapshotId ? ctx.store.snapshots.get(root.snapshotId) : undefined;
  if (!root?.snapshotId || !rootSnapshot) throw notFound('Snapshot', root?.snapshotId ?? '');
  for (const m of mappings) {
    const snapshot = m.snapshotId ? ctx.store.snapshots.get(m.snapshotId) : undefined;
    if (m.snapshotId && !snapshot) throw notFound('Snapshot', m.snapshotId);
    if (snapshot && m.volumeSize === undefined) m.volumeSize = snapshot.volumeSize;
  }
  const source = ctx.store.snapshotDockerImages.get(rootSnapshot.snapshotId);
  const image = newImage(ctx, {
    name,
    description: str(ctx.params, 'Description'),
    rootDeviceName,
    blockDeviceMappings: mappings,
    tags: [],
    enaSupport: bool(ctx.params, 'EnaSupport') ?? false,
    sriovNetSupport: str(ctx.params, 'SriovNetSupport'),
    imdsSupport: str(ctx.params, 'ImdsSupport'),
    dockerImage: source?.dockerImage ?? '',
    sshUser: source?.sshUser ?? 'root',
  });
  makeAvailable(ctx, image, [], Promise.resolve());
  return { imageId: image.imageId };
};

export const copyImage: Handler = (ctx) => {
  const sourceRegion = str(ctx.params, 'SourceRegion');
  if (!sourceRegion) throw missingParameter('SourceRegion');
  const sourceId = str(ctx.params, 'SourceImageId') ?? '';
  const original = visibleImage({ ...ctx, region: sourceRegion }, sourceId);
  const encrypted = bool(ctx.params, 'Encrypted') ?? false;
  const kmsKeyId = str(ctx.params, 'KmsKeyId');
  const name = str(ctx.params, 'Name') ?? original.name;
  const image = newImage(ctx, {
    name,
    description: str(ctx.params, 'Description') ?? original.description,
    rootDeviceName: original.rootDeviceName,
    blockDeviceMappings: [],
    tags: [],
    enaSupport: original.enaSupport,
    sriovNetSupport: original.sriovNetSupport,
    sourceImageId: original.imageId,
    sourceImageRegion: sourceRegion,
    dockerImage: original.dockerImage,
    sshUser: original.sshUser,
  });
  const snapshots: SnapshotRecord[] = [];
  for (const device of original.blockDeviceMappings) {
    if (!device.snapshotId) {
      image.blockDeviceMappings.push({ ...device });
      continue;
    }
    const snapshot = newSnapshot(
      ctx,
      {
        volumeId: 'vol-ffffffff',
        volumeSize: device.volumeSize ?? 8,
        description: `Copied for DestinationAmi ${image.imageId} from SourceAmi ${original.imageId} for SourceSnapshot ${device.snapshotId}.`,
        encrypted: encrypted || (device.encrypted ?? false),
        ...(kmsKeyId ? { kmsKeyId } : {}),
      },
      { dockerImage: original.dockerImage, sshUser: original.sshUser },
    );
    snapshots.push(snapshot);
    image.blockDeviceMappings.push({
      ...device,
      snapshotId: snapshot.snapshotId,
      encrypted: snapshot.encrypted,
      ...(kmsKeyId ? { kmsKeyId } : {}),
    });
  }
  makeAvailable(ctx, image, snapshots, Promise.resolve());
  return { imageId: image.imageId };
};

export const deregisterImage: Handler = (ctx) => {
  const image = visibleImage(ctx, str(ctx.params, 'ImageId') ?? '');
  ctx.store.images.delete(image.imageId);
  return { return: true };
};
