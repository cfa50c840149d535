import { Ec2Error, missingParameter, notFound } from '../errors.js';
import { matchesFilters } from '../filters.js';
import { filters, num, objects, str, strings, tagSpecifications } from '../params.js';
import { securityGroupXml, tagSet } from '../render.js';
import type { Handler } from '../runtime.js';
import { ACCOUNT_ID, REGIONS, availabilityZones, newId } from '../store.js';
import type { SecurityGroupRecord } from '../types.js';

/* Regions, zones, the default VPC and its subnets, and security groups. */

export const describeRegions: Handler = (ctx) => {
  const names = strings(ctx.params, 'RegionName');
  const regions = [...new Set([...REGIONS, ctx.region])].filter(
    (r) => (names.length === 0 || names.includes(r)) && matchesFilters({ 'region-name': r }, [], filters(ctx.params)),
  );
  return {
    regionInfo: regions.map((r) => ({
      regionName: r,
      regionEndpoint: `ec2.${r}.amazonaws.com`,
      optInStatus: 'opt-in-not-required',
    })),
  };
};

export const describeAvailabilityZones: Handler = (ctx) => {
  const names = strings(ctx.params, 'ZoneName');
  const zones = availabilityZones(ctx.region).filter(
    (z) =>
      (names.length === 0 || names.includes(z)) &&
      matchesFilters({ 'zone-name': z, 'region-name': ctx.region, state: 'available' }, [], filters(ctx.params)),
  );
  return {
    availabilityZoneInfo: zones.map((z, i) => ({
      zoneName: z,
      zoneState: 'available',
      regionName: ctx.region,
      zoneId: `use1-az${i + 1}`,
      zoneType: 'availability-zone',
      optInStatus: 'opt-in-not-required',
      groupName: ctx.region,
      networkBorderGroup: ctx.region,
      messageSet: [],
    })),
  };
};

export const describeVpcs: Handler = (ctx) => {
  ctx.store.seedRegion(ctx.region);
  const ids = strings(ctx.params, 'VpcId');
  const inRegion = [...ctx.store.vpcs.values()].filter((v) => v.region === ctx.region);
  for (const id of ids) {
    if (!inRegion.some((v) => v.vpcId === id))
      throw new Ec2Error('InvalidVpcID.NotFound', `The vpc ID '${id}' does not exist`);
  }
  const vpcs = inRegion.filter(
    (v) =>
      (ids.length === 0 || ids.includes(v.vpcId)) &&
      matchesFilters(
        { 'vpc-id': v.vpcId, 'is-default': v.isDefault, 'cidr-block': v.cidrBlock, state: 'available' },
        ctx.store.tagsOf(v.vpcId) ?? [],
        filters(ctx.params),
      ),
  );
  return {
    vpcSet: vpcs.map((v) => ({
      vpcId: v.vpcId,
      ownerId: ACCOUNT_ID,
      state: 'available',
      cidrBlock: v.cidrBlock,
      cidrBlockAssociationSet: [
        {
          cidrBlock: v.cidrBlock,
          associationId: `vpc-cidr-assoc-${v.vpcId.slice(4)}`,
          cidrBlockState: { state: 'associated' },
        },
      ],
      dhcpOptionsId: 'dopt-00000000',
      instanceTenancy: 'default',
      isDefault: v.isDefault,
      tagSet: tagSet(ctx.store.tagsOf(v.vpcId) ?? []),
    })),
  };
};

export const describeSubnets: Handler = (ctx) => {
  ctx.store.seedRegion(ctx.region);
  const ids = strings(ctx.params, 'SubnetId');
  const inRegion = [...ctx.store.subnets.values()].filter((s) => s.region === ctx.region);
  for (const id of ids) {
    if (!inRegion.some((s) => s.subnetId === id)) {
      throw new Ec2Error('InvalidSubnetID.NotFound', `The subnet ID '${id}' does not exist`);
    }
  }
  const subnets = inRegion.filter(
    (s) =>
      (ids.length === 0 || ids.includes(s.subnetId)) &&
      matchesFilters(
        {
          'subnet-id': s.subnetId,
          'vpc-id': s.vpcId,
          'availability-zone': s.availabilityZone,
          'default-for-az': s.defaultForAz,
          'cidr-block': s.cidrBlock,
          state: 'available',
        },
        ctx.store.tagsOf(s.subnetId) ?? [],
        filters(ctx.params),
      ),
  );
  return {
    subnetSet: subnets.map((s) => ({
      subnetId: s.subnetId,
      state: 'available',
      ownerId: ACCOUNT_ID,
      vpcId: s.vpcId,
      cidrBlock: s.cidrBlock,
      availableIpAddressCount: 4091,
      availabilityZone: s.availabilityZone,
      defaultForAz: s.defaultForAz,
      mapPublicIpOnLaunch: true,
      assignIpv6AddressOnCreation: false,
      tagSet: tagSet(ctx.store.tagsOf(s.subnetId) ?? []),
    })),
  };
};

export const createSecurityGroup: Handler = (ctx) => {
  const groupName = str(ctx.params, 'GroupName');
  const description = str(ctx.params, 'GroupDescription');
  if (!groupName) throw missingParameter('GroupName');
  if (!description) throw missingParameter('GroupDescription');
  const vpcId = str(ctx.params, 'VpcId') || ctx.store.defaultVpc(ctx.region).vpcId;
  if (!ctx.store.vpcs.has(vpcId)) throw new Ec2Error('InvalidVpcID.NotFound', `The vpc ID '${vpcId}' does not exist`);
  const taken = [...ctx.store.securityGroups.values()].some((g) => g.vpcId === vpcId && g.groupName === groupName);
  if (taken) {
    throw new Ec2Error('InvalidGroup.Duplicate', `The security group '${groupName}' already exists for VPC '${vpcId}'`);
  }
  const group: SecurityGroupRecord = {
    groupId: newId('sg'),
    region: ctx.region,
    groupName,
    description,
    vpcId,
    ingress: [],
    tags: tagSpecifications(ctx.params, 'security-group'),
  };
  ctx.store.securityGroups.set(group.groupId, group);
  return { return: true, groupId: group.groupId, tagSet: group.tags.length ? tagSet(group.tags) : undefined };
};

function findGroup(ctx: Parameters<Handler>[0]): SecurityGroupRecord {
  const id = str(ctx.params, 'GroupId');
  const name = str(ctx.params, 'GroupName');
  const group = [...ctx.store.securityGroups.values()].find(
    (g) => g.region === ctx.region && (id ? g.groupId === id : g.groupName === name),
  );
  if (!group) throw notFound('GroupId', id ?? name ?? '');
  return group;
}

export const authorizeSecurityGroupIngress: Handler = (ctx) => {
  const group = findGroup(ctx);
  const rules = objects(ctx.params, 'IpPermissions').flatMap((p) =>
    objects(p, 'IpRanges').map((range) => ({
      ipProtocol: str(p, 'IpProtocol') ?? '-1',
      ...(num(p, 'FromPort') !== undefined ? { fromPort: num(p, 'FromPort') } : {}),
      ...(num(p, 'ToPort') !== undefined ? { toPort: num(p, 'ToPort') } : {}),
      cidrIp: str(range, 'CidrIp') ?? '',
    })),
  );
  const cidr = str(ctx.params, 'CidrIp');
  if (cidr) {
    rules.push({
      ipProtocol: str(ctx.params, 'IpProtocol') ?? '-1',
      ...(num(ctx.params, 'FromPort') !== undefined ? { fromPort: num(ctx.params, 'FromPort') } : {}),
      ...(num(ctx.params, 'ToPort') !== undefined ? { toPort: num(ctx.params, 'ToPort') } : {}),
      cidrIp: cidr,
    });
  }
  for (const rule of rules) {
    const same = group.ingress.some(
      (r) =>
        r.ipProtocol === rule.ipProtocol &&
        r.fromPort === rule.fromPort &&
        r.toPort === rule.toPort &&
        r.cidrIp === rule.cidrIp,
    );
    if (same) {
      throw new Ec2Error(
        'InvalidPermission.Duplicate',
        `the specified rule "peer: ${rule.cidrIp}, ${rule.ipProtocol.toUpperCase()}, from port: ${rule.fromPort ?? ''}, to port: ${rule.toPort ?? ''}, ALLOW" already exists`,
      );
    }
    group.ingress.push(rule);
  }
  return {
    return: true,
    securityGroupRuleSet: rules.map((r) => ({
      securityGroupRuleId: newId('sgr'),
      groupId: group.groupId,
      groupOwnerId: ACCOUNT_ID,
      isEgress: false,
      ipProtocol: r.ipProtocol,
      fromPort: r.fromPort,
      toPort: r.toPort,
      cidrIpv4: r.cidrIp,
    })),
  };
};

export const deleteSecurityGroup: Handler = (ctx) => {
  const group = findGroup(ctx);
  if (group.groupName === 'default') {
    throw new Ec2Error(
      'CannotDelete',
      `the specified group: "${group.groupId}" name: "default" cannot be deleted by a user`,
    );
  }
  const user = [...ctx.store.instances.values()].find(
    (i) => i.state !== 'terminated' && i.securityGroupIds.includes(group.groupId),
  );
  if (user) throw new Ec2Error('DependencyViolation', `resource ${group.groupId} has a dependent object`);
  ctx.store.securityGroups.delete(group.groupId);
  return { return: true, groupId: group.groupId };
};

export const describeSecurityGroups: Handler = (ctx) => {
  ctx.store.seedRegion(ctx.region);
  const inRegion = [...ctx.store.securityGroups.values()].filter((g) => g.region === ctx.region);
  const ids = strings(ctx.params, 'GroupId');
  const names = strings(ctx.params, 'GroupName');
  for (const id of ids) if (!inRegion.some((g) => g.groupId === id)) throw notFound('GroupId', id);
  for (const name of names) if (!inRegion.some((g) => g.groupName === name)) throw notFound('GroupId', name);
  const groups = inRegion.filter(
    (g) =>
      (ids.length === 0 || ids.includes(g.groupId)) &&
      (names.length === 0 || names.includes(g.groupName)) &&
      matchesFilters(
        { 'group-id': g.groupId, 'group-name': g.groupName, 'vpc-id': g.vpcId, description: g.description },
        g.tags,
        filters(ctx.params),
      ),
  );
  return { securityGroupInfo: groups.map(securityGroupXml) };
};

/** Instance types offered everywhere; a filter naming another type is offered too, so any type "exists". */
const OFFERED_TYPES = ['t2.micro', 't3.micro', 't3.small', 't3.medium', 'm5.large', 'c5.large'];

export const describeInstanceTypeOfferings: Handler = (ctx) => {
  const locationType = str(ctx.params, 'LocationType') ?? 'region';
  const wanted = filters(ctx.params);
  const named = wanted
    .filter((f) => f.name === 'instance-type')
    .flatMap((f) => f.values.filter((v) => !/[*?]/.test(v)));
  const types = [...new Set([...OFFERED_TYPES, ...named])];
  const locations = locationType === 'region' ? [ctx.region] : availabilityZones(ctx.region);
  const offerings = locations.flatMap((location) =>
    types
      .filter((instanceType) => matchesFilters({ 'instance-type': instanceType, location }, [], wanted))
      .map((instanceType) => ({ instanceType, locationType, location })),
  );
  return { instanceTypeOfferingSet: offerings };
};
