import { Ec2Error, notFound } from '../errors.js';
import { matchesFilters } from '../filters.js';
import { filters, objects, str, strings } from '../params.js';
import { snapshotXml, volumeXml } from '../render.js';
import type { Handler } from '../runtime.js';
import { ACCOUNT_ID } from '../store.js';

/* EBS bookkeeping: volumes follow their instances, snapshots follow their images. */

export const describeVolumes: Handler = (ctx) => {
  const inRegion = [...ctx.store.volumes.values()].filter((v) => v.region === ctx.region);
  const ids = strings(ctx.params, 'VolumeId');
  for (const id of ids) if (!inRegion.some((v) => v.volumeId === id)) throw notFound('Volume', id);
  const volumes = inRegion.filter(
    (v) =>
      (ids.length === 0 || ids.includes(v.volumeId)) &&
      matchesFilters(
        {
          'volume-id': v.volumeId,
          status: v.state,
          size: v.size,
          'volume-type': v.volumeType,
          'snapshot-id': v.snapshotId,
          'availability-zone': v.availabilityZone,
          'attachment.instance-id': v.attachment?.instanceId,
          'attachment.device': v.attachment?.device,
          'attachment.delete-on-termination': v.attachment?.deleteOnTermination,
        },
        v.tags,
        filters(ctx.params),
      ),
  );
  return { volumeSet: volumes.map(volumeXml) };
};

export const deleteVolume: Handler = (ctx) => {
  const id = str(ctx.params, 'VolumeId') ?? '';
  const volume = ctx.store.volumes.get(id);
  if (!volume || volume.region !== ctx.region) throw notFound('Volume', id);
  if (volume.attachment)
    throw new Ec2Error('VolumeInUse', `Volume ${id} is currently attached to ${volume.attachment.instanceId}`);
  ctx.store.volumes.delete(id);
  return { return: true };
};

export const describeSnapshots: Handler = (ctx) => {
  const inRegion = [...ctx.store.snapshots.values()].filter((s) => s.region === ctx.region);
  const ids = strings(ctx.params, 'SnapshotId');
  for (const id of ids) if (!inRegion.some((s) => s.snapshotId === id)) throw notFound('Snapshot', id);
  const owners = strings(ctx.params, 'Owner').map((o) => (o === 'self' ? ACCOUNT_ID : o));
  const snapshots = inRegion.filter(
    (s) =>
      (ids.length === 0 || ids.includes(s.snapshotId)) &&
      (owners.length === 0 || owners.includes(s.ownerId)) &&
      matchesFilters(
        {
          'snapshot-id': s.snapshotId,
          'volume-id': s.volumeId,
          status: s.state,
          'owner-id': s.ownerId,
          description: s.description,
          'volume-size': s.volumeSize,
          encrypted: s.encrypted,
        },
        s.tags,
        filters(ctx.params),
      ),
  );
  return { snapshotSet: snapshots.map(snapshotXml) };
};

export const deleteSnapshot: Handler = (ctx) => {
  const id = str(ctx.params, 'SnapshotId') ?? '';
  const snapshot = ctx.store.snapshots.get(id);
  if (!snapshot || snapshot.region !== ctx.region) throw notFound('Snapshot', id);
  const user = [...ctx.store.images.values()].find((i) => i.blockDeviceMappings.some((d) => d.snapshotId === id));
  if (user) throw new Ec2Error('InvalidSnapshot.InUse', `The snapshot ${id} is currently in use by ${user.imageId}`);
  ctx.store.snapshots.delete(id);
  ctx.store.snapshotDockerImages.delete(id);
  return { return: true };
};

export const modifySnapshotAttribute: Handler = (ctx) => {
  const id = str(ctx.params, 'SnapshotId') ?? '';
  const snapshot = ctx.store.snapshots.get(id);
  if (!snapshot || snapshot.region !== ctx.region) throw notFound('Snapshot', id);
  const apply = (op: 'Add' | 'Remove', users: string[], groups: string[]) => {
    const change = (list: string[], values: string[]) => {
      for (const v of values) {
        const at = list.indexOf(v);
        if (op === 'Add' && at < 0) list.push(v);
        if (op === 'Remove' && at >= 0) list.splice(at, 1);
      }
    };
    change(snapshot.createVolumePermissionUserIds, users);
    change(snapshot.createVolumePermissionGroups, groups);
  };
  for (const op of ['Add', 'Remove'] as const) {
    const items = objects(ctx.params, `CreateVolumePermission.${op}`);
    apply(
      op,
      items.map((p) => str(p, 'UserId')).filter((v): v is string => v !== undefined),
      items.map((p) => str(p, 'Group')).filter((v): v is string => v !== undefined),
    );
  }
  if (str(ctx.params, 'Attribute') === 'createVolumePermission') {
    apply(
      str(ctx.params, 'OperationType') === 'remove' ? 'Remove' : 'Add',
      strings(ctx.params, 'UserId'),
      strings(ctx.params, 'UserGroup'),
    );
  }
  return { return: true };
};
