import { randomUUID } from 'node:crypto';
import { Ec2Error, notFound } from '../errors.js';
import { matchesFilters } from '../filters.js';
import { bool, filters, num, str, strings } from '../params.js';
import { instanceState, instanceXml, reservationXml } from '../render.js';
import type { Context, Handler } from '../runtime.js';
import { newId } from '../store.js';
import type { InstanceRecord, InstanceStateName, VolumeRecord } from '../types.js';
import { launchInstance } from './launch.js';

/* Instances: RunInstances, describe, status, stop, start, terminate, attributes. */

export const runInstances: Handler = async (ctx) => {
  const count = num(ctx.params, 'MinCount') ?? 1;
  const reservationId = newId('r');
  const instances: InstanceRecord[] = [];
  for (let i = 0; i < count; i++) instances.push(await launchInstance(ctx, ctx.params, reservationId));
  return reservationXml(
    reservationId,
    instances.map((instance) => renderInstance(ctx, instance)),
  );
};

function renderInstance(ctx: Context, instance: InstanceRecord) {
  const volumes = instance.volumeIds
    .map((id) => ctx.store.volumes.get(id))
    .filter((v): v is VolumeRecord => v?.attachment?.instanceId === instance.instanceId);
  return instanceXml(instance, volumes, (id) => ctx.store.securityGroups.get(id)?.groupName ?? id);
}

/** The instances named by InstanceId.N, each of which must exist in the region. */
function namedInstances(ctx: Context): InstanceRecord[] {
  return strings(ctx.params, 'InstanceId').map((id) => {
    const instance = ctx.store.instances.get(id);
    if (!instance || instance.region !== ctx.region) throw notFound('InstanceID', id);
    return instance;
  });
}

function instanceFields(instance: InstanceRecord) {
  return {
    'instance-id': instance.instanceId,
    'instance-state-name': instance.state,
    'image-id': instance.imageId,
    'instance-type': instance.instanceType,
    'key-name': instance.keyName,
    'vpc-id': instance.vpcId,
    'subnet-id': instance.subnetId,
    'availability-zone': instance.availabilityZone,
    'ip-address': instance.address,
    'private-ip-address': instance.address,
    'dns-name': instance.publicDnsName,
    'private-dns-name': instance.privateDnsName,
    'instance.group-id': instance.securityGroupIds,
    'spot-instance-request-id': instance.spotInstanceRequestId,
    'instance-lifecycle': instance.spotInstanceRequestId ? 'spot' : undefined,
    'reservation-id': instance.reservationId,
  };
}

export const describeInstances: Handler = (ctx) => {
  const named = namedInstances(ctx);
  const wanted = filters(ctx.params);
  const instances = [...ctx.store.instances.values()].filter(
    (i) =>
      i.region === ctx.region &&
      (named.length === 0 || named.includes(i)) &&
      matchesFilters(instanceFields(i), i.tags, wanted),
  );
  const reservations = new Map<string, InstanceRecord[]>();
  for (const i of instances) reservations.set(i.reservationId, [...(reservations.get(i.reservationId) ?? []), i]);
  return {
    reservationSet: [...reservations].map(([id, members]) =>
      reservationXml(
        id,
        members.map((instance) => renderInstance(ctx, instance)),
      ),
    ),
  };
};

export const describeInstanceStatus: Handler = (ctx) => {
  const named = namedInstances(ctx);
  const all = bool(ctx.params, 'IncludeAllInstances') ?? false;
  const wanted = filters(ctx.params);
  const instances = [...ctx.store.instances.values()].filter(
    (i) =>
      i.region === ctx.region &&
      (named.length === 0 || named.includes(i)) &&
      (all || i.state === 'running') &&
      matchesFilters(instanceFields(i), i.tags, wanted),
  );
  const status = (i: InstanceRecord) =>
    i.state === 'running'
      ? { status: 'ok', details: [{ name: 'reachability', status: 'passed' }] }
      : { status: 'not-applicable', details: [] };
  return {
    instanceStatusSet: instances.map((i) => ({
      instanceId: i.instanceId,
      availabilityZone: i.availabilityZone,
      eventsSet: [],
      instanceState: instanceState(i.state),
      systemStatus: status(i),
      instanceStatus: status(i),
    })),
  };
};

function stateChange(instance: InstanceRecord, previous: InstanceStateName) {
  return {
    instanceId: instance.instanceId,
    currentState: instanceState(instance.state),
    previousState: instanceState(previous),
  };
}

export const stopInstances: Handler = (ctx) => {
  const changes = namedInstances(ctx).map((instance) => {
    const previous = instance.state;
    if (previous === 'terminated' || previous === 'shutting-down') {
      throw new Ec2Error(
        'IncorrectInstanceState',
        `This instance '${instance.instanceId}' is not in a state from which it can be stopped.`,
      );
    }
    if (previous === 'pending' || previous === 'running') {
      instance.state = 'stopping';
      const started = Date.now();
      ctx.background.track(
        ctx.containers.stop(instance.containerId).then(() =>
          ctx.background.later(Math.max(0, ctx.settings.terminateMs - (Date.now() - started)), () => {
            if (instance.state === 'stopping') instance.state = 'stopped';
          }),
        ),
      );
    }
    return stateChange(instance, previous);
  });
  return { instancesSet: changes };
};

export const startInstances: Handler = (ctx) => {
  const changes = namedInstances(ctx).map((instance) => {
    const previous = instance.state;
    if (previous !== 'stopped') {
      throw new Ec2Error(
        'IncorrectInstanceState',
        `The instance '${instance.instanceId}' is not in a state from which it can be started.`,
      );
    }
    instance.state = 'pending';
    ctx.background.track(
      ctx.containers.start(instance.containerId).then(() =>
        ctx.background.later(ctx.settings.instanceRunningMs, () => {
          if (instance.state === 'pending') instance.state = 'running';
        }),
      ),
    );
    return stateChange(instance, previous);
  });
  return { instancesSet: changes };
};

export const terminateInstances: Handler = (ctx) => {
  const changes = namedInstances(ctx).map((instance) => {
    const previous = instance.state;
    if (previous !== 'terminated' && previous !== 'shutting-down') {
      instance.state = 'shutting-down';
      const started = Date.now();
      ctx.background.track(
        ctx.containers.remove(instance.containerId, instance.address).then(() => {
          instance.containerRemoved = true;
          ctx.background.later(Math.max(0, ctx.settings.terminateMs - (Date.now() - started)), () => {
            instance.state = 'terminated';
            releaseVolumes(ctx, instance);
          });
        }),
      );
    }
    return stateChange(instance, previous);
  });
  return { instancesSet: changes };
};

/** Volumes of a terminated instance: deleted when DeleteOnTermination, otherwise detached. */
function releaseVolumes(ctx: Context, instance: InstanceRecord): void {
  for (const id of instance.volumeIds) {
    const volume = ctx.store.volumes.get(id);
    if (!volume?.attachment) continue;
    if (volume.attachment.deleteOnTermination) ctx.store.volumes.delete(id);
    else {
      delete volume.attachment;
      volume.state = 'available';
    }
  }
}

export const modifyInstanceAttribute: Handler = (ctx) => {
  const id = str(ctx.params, 'InstanceId') ?? '';
  const instance = ctx.store.instances.get(id);
  if (!instance || instance.region !== ctx.region) throw notFound('InstanceID', id);
  const ena = bool(ctx.params, 'EnaSupport.Value');
  if (ena !== undefined) instance.enaSupport = ena;
  const sriov = str(ctx.params, 'SriovNetSupport.Value');
  if (sriov !== undefined) instance.sriovNetSupport = sriov;
  return { return: true };
};

export const getPasswordData: Handler = (ctx) => {
  const id = str(ctx.params, 'InstanceId') ?? '';
  if (!ctx.store.instances.has(id)) throw notFound('InstanceID', id);
  return { instanceId: id, timestamp: new Date().toISOString(), passwordData: '' };
};

export const newReservationId = () => newId('r');
export const newSpotRequestId = () => `sir-${randomUUID().replace(/-/g, '').slice(0, 8)}`;
