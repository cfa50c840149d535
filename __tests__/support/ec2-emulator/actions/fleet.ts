import { randomUUID } from 'node:crypto';
import { Ec2Error, missingParameter } from '../errors.js';
import { matchesFilters } from '../filters.js';
import {
  filters,
  flatten,
  num,
  objects,
  parseParams,
  str,
  strings,
  tagSpecifications,
  type ParamTree,
} from '../params.js';
import { tagSet } from '../render.js';
import type { Context, Handler } from '../runtime.js';
import { newId, upsertTags } from '../store.js';
import type { LaunchTemplateRecord } from '../types.js';
import { newReservationId, newSpotRequestId } from './instances.js';
import { launchInstance } from './launch.js';

/* Spot instances the way Packer asks for them: a launch template and an `instant` CreateFleet. */

function templateXml(template: LaunchTemplateRecord) {
  return {
    launchTemplateId: template.launchTemplateId,
    launchTemplateName: template.launchTemplateName,
    createTime: new Date().toISOString(),
    createdBy: 'arn:aws:iam::123456789012:user/kiln',
    defaultVersionNumber: 1,
    latestVersionNumber: 1,
  };
}

export const createLaunchTemplate: Handler = (ctx) => {
  const name = str(ctx.params, 'LaunchTemplateName');
  if (!name) throw missingParameter('LaunchTemplateName');
  const taken = [...ctx.store.launchTemplates.values()].some(
    (t) => t.region === ctx.region && t.launchTemplateName === name,
  );
  if (taken) {
    throw new Ec2Error('InvalidLaunchTemplateName.AlreadyExistsException', `Launch template name already in use.`);
  }
  const data = ctx.params['LaunchTemplateData'];
  const template: LaunchTemplateRecord = {
    launchTemplateId: newId('lt'),
    launchTemplateName: name,
    region: ctx.region,
    data: typeof data === 'object' ? flatten(data) : {},
  };
  ctx.store.launchTemplates.set(template.launchTemplateId, template);
  upsertTags(ctx.store.tagsOf(template.launchTemplateId) ?? [], tagSpecifications(ctx.params, 'launch-template'));
  return { launchTemplate: templateXml(template) };
};

function findTemplate(ctx: Context, spec: ParamTree): LaunchTemplateRecord {
  const id = str(spec, 'LaunchTemplateId');
  const name = str(spec, 'LaunchTemplateName');
  const template = [...ctx.store.launchTemplates.values()].find(
    (t) => t.region === ctx.region && (id ? t.launchTemplateId === id : t.launchTemplateName === name),
  );
  if (!template) {
    throw new Ec2Error(
      id ? 'InvalidLaunchTemplateId.NotFound' : 'InvalidLaunchTemplateName.NotFoundException',
      `The specified launch template, with template ${id ? `ID ${id}` : `name ${name ?? ''}`}, does not exist.`,
    );
  }
  return template;
}

/** DescribeLaunchTemplates: by id, name and filters (launch-template-name, tag:KEY, tag-key). */
export const describeLaunchTemplates: Handler = (ctx) => {
  const ids = strings(ctx.params, 'LaunchTemplateId');
  const names = strings(ctx.params, 'LaunchTemplateName');
  const wanted = filters(ctx.params);
  const templates = [...ctx.store.launchTemplates.values()].filter((t) => {
    if (t.region !== ctx.region) return false;
    if (ids.length > 0 && !ids.includes(t.launchTemplateId)) return false;
    if (names.length > 0 && !names.includes(t.launchTemplateName)) return false;
    const tags = ctx.store.tagsOf(t.launchTemplateId) ?? [];
    return matchesFilters({ 'launch-template-name': t.launchTemplateName }, tags, wanted);
  });
  return {
    launchTemplates: templates.map((t) => {
      const tags = ctx.store.tagsOf(t.launchTemplateId) ?? [];
      return { ...templateXml(t), tagSet: tags.length ? tagSet(tags) : undefined };
    }),
  };
};

export const deleteLaunchTemplate: Handler = (ctx) => {
  const template = findTemplate(ctx, ctx.params);
  ctx.store.launchTemplates.delete(template.launchTemplateId);
  return { launchTemplate: templateXml(template) };
};

export const createFleet: Handler = async (ctx) => {
  const configs = objects(ctx.params, 'LaunchTemplateConfigs');
  const config = configs[0];
  if (!config) throw missingParameter('LaunchTemplateConfigs');
  const template = findTemplate(ctx, (config['LaunchTemplateSpecification'] ?? {}) as ParamTree);
  const spec = parseParams(template.data);
  const override = objects(config, 'Overrides')[0] ?? {};
  const capacity = num(ctx.params, 'TargetCapacitySpecification.TotalTargetCapacity') ?? 1;
  const lifecycle = str(ctx.params, 'TargetCapacitySpecification.DefaultTargetCapacityType') ?? 'spot';
  const fleetId = `fleet-${randomUUID()}`;
  upsertTags(ctx.store.tagsOf(fleetId) ?? [], tagSpecifications(ctx.params, 'fleet'));
  const reservationId = newReservationId();
  const instanceIds: string[] = [];
  const instanceType = str(override, 'InstanceType') ?? str(spec, 'InstanceType');
  for (let i = 0; i < capacity; i++) {
    const instance = await launchInstance(ctx, spec, reservationId, {
      ...(instanceType ? { instanceType } : {}),
      ...(str(override, 'SubnetId') ? { subnetId: str(override, 'SubnetId') } : {}),
      ...(lifecycle === 'spot' ? { spotInstanceRequestId: newSpotRequestId() } : {}),
    });
    upsertTags(instance.tags, tagSpecifications(ctx.params, 'instance'));
    instanceIds.push(instance.instanceId);
  }
  return {
    // aws-sdk-go v1 turns even an empty <errorSet/> into a non-nil list, which Packer 1.6.6 reports as a failure.
    fleetId,
    fleetInstanceSet: [
      {
        launchTemplateAndOverrides: {
          launchTemplateSpecification: { launchTemplateId: template.launchTemplateId, version: '1' },
          overrides: { instanceType },
        },
        lifecycle,
        instanceIds,
        instanceType,
      },
    ],
  };
};
