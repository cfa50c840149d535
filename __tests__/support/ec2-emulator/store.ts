import { randomBytes } from 'node:crypto';
import type {
  CallRecord,
  ImageRecord,
  InstanceRecord,
  Inventory,
  KeyPairRecord,
  LaunchTemplateRecord,
  SecurityGroupRecord,
  SnapshotRecord,
  Tag,
  VolumeRecord,
} from './types.js';

/* The emulator's state: every resource by id, per-region default networks, the call log. */

export const ACCOUNT_ID = '123456789012';

export interface VpcRecord {
  vpcId: string;
  region: string;
  cidrBlock: string;
  isDefault: boolean;
}

export interface SubnetRecord {
  subnetId: string;
  region: string;
  vpcId: string;
  availabilityZone: string;
  cidrBlock: string;
  defaultForAz: boolean;
}

export const REGIONS = [
  'us-east-1',
  'us-east-2',
  'us-west-1',
  'us-west-2',
  'eu-west-1',
  'eu-central-1',
  'ap-southeast-2',
];

export function availabilityZones(region: string): string[] {
  return ['a', 'b', 'c'].map((suffix) => `${region}${suffix}`);
}

export function newId(prefix: string, hexLength = 17): string {
  return `${prefix}-${randomBytes(Math.ceil(hexLength / 2))
    .toString('hex')
    .slice(0, hexLength)}`;
}

export class Store {
  readonly instances = new Map<string, InstanceRecord>();
  readonly images = new Map<string, ImageRecord>();
  readonly snapshots = new Map<string, SnapshotRecord>();
  readonly volumes = new Map<string, VolumeRecord>();
  /** Keyed by region and name: names are unique per region. */
  readonly keyPairs = new Map<string, KeyPairRecord>();
  readonly securityGroups = new Map<string, SecurityGroupRecord>();
  readonly launchTemplates = new Map<string, LaunchTemplateRecord>();
  readonly vpcs = new Map<string, VpcRecord>();
  readonly subnets = new Map<string, SubnetRecord>();
  /** Docker image behind each snapshot, so RegisterImage can make a bootable AMI of it. */
  readonly snapshotDockerImages = new Map<string, { dockerImage: string; sshUser: string }>();
  /** Tags of resources without a record of their own (spot requests, fleets). */
  readonly looseTags = new Map<string, Tag[]>();
  readonly calls: CallRecord[] = [];
  private readonly seededRegions = new Set<string>();

  /** Creates the default VPC, its subnets (one per zone) and default security group once per region. */
  seedRegion(region: string): void {
    if (this.seededRegions.has(region)) return;
    this.seededRegions.add(region);
    const vpc: VpcRecord = { vpcId: newId('vpc'), region, cidrBlock: '172.31.0.0/16', isDefault: true };
    this.vpcs.set(vpc.vpcId, vpc);
    availabilityZones(region).forEach((zone, i) => {
      const subnet: SubnetRecord = {
        subnetId: newId('subnet'),
        region,
        vpcId: vpc.vpcId,
        availabilityZone: zone,
        cidrBlock: `172.31.${i * 16}.0/20`,
        defaultForAz: true,
      };
      this.subnets.set(subnet.subnetId, subnet);
    });
    const group: SecurityGroupRecord = {
      groupId: newId('sg'),
      region,
      groupName: 'default',
      description: 'default VPC security group',
      vpcId: vpc.vpcId,
      ingress: [],
      tags: [],
    };
    this.securityGroups.set(group.groupId, group);
  }

  defaultVpc(region: string): VpcRecord {
    this.seedRegion(region);
    const vpc = [...this.vpcs.values()].find((v) => v.region === region && v.isDefault);
    if (!vpc) throw new Error(`no default VPC in ${region}`);
    return vpc;
  }

  keyPairKey(region: string, name: string): string {
    return `${region}/${name}`;
  }

  /** The tag list of a resource, or undefined when the id names nothing taggable. */
  tagsOf(resourceId: string): Tag[] | undefined {
    const record =
      this.instances.get(resourceId) ??
      this.images.get(resourceId) ??
      this.snapshots.get(resourceId) ??
      this.volumes.get(resourceId) ??
      this.securityGroups.get(resourceId) ??
      [...this.keyPairs.values()].find((k) => k.keyPairId === resourceId);
    if (record) return record.tags;
    if (/^(sir|fleet|lt|vpc|subnet)-/.test(resourceId)) {
      const loose = this.looseTags.get(resourceId) ?? [];
      this.looseTags.set(resourceId, loose);
      return loose;
    }
    return undefined;
  }

  /** Every tag on every resource, as DescribeTags lists them. */
  allTags(): Inventory['tags'] {
    const tagged: Inventory['tags'] = [];
    const add = (resourceId: string, tags: Tag[]) => {
      for (const tag of tags) tagged.push({ resourceId, resourceType: resourceType(resourceId), ...tag });
    };
    for (const i of this.instances.values()) add(i.instanceId, i.tags);
    for (const i of this.images.values()) add(i.imageId, i.tags);
    for (const s of this.snapshots.values()) add(s.snapshotId, s.tags);
    for (const v of this.volumes.values()) add(v.volumeId, v.tags);
    for (const g of this.securityGroups.values()) add(g.groupId, g.tags);
    for (const k of this.keyPairs.values()) add(k.keyPairId, k.tags);
    for (const [id, tags] of this.looseTags) add(id, tags);
    return tagged;
  }

  inventory(): Inventory {
    const copy = <T>(map: Map<string, T>): T[] => structuredClone([...map.values()]);
    return {
      instances: copy(this.instances),
      images: copy(this.images),
      snapshots: copy(this.snapshots),
      volumes: copy(this.volumes),
      keyPairs: copy(this.keyPairs),
      securityGroups: copy(this.securityGroups),
      launchTemplates: copy(this.launchTemplates),
      tags: this.allTags(),
      calls: structuredClone(this.calls),
    };
  }
}

const RESOURCE_TYPES: Record<string, string> = {
  i: 'instance',
  ami: 'image',
  snap: 'snapshot',
  vol: 'volume',
  sg: 'security-group',
  key: 'key-pair',
  sir: 'spot-instances-request',
  fleet: 'fleet',
  lt: 'launch-template',
  vpc: 'vpc',
  subnet: 'subnet',
};

export function resourceType(resourceId: string): string {
  return RESOURCE_TYPES[resourceId.split('-')[0] ?? ''] ?? 'unknown';
}

/** Replaces or adds tags by key. */
export function upsertTags(target: Tag[], tags: Tag[]): void {
  for (const tag of tags) {
    const existing = target.find((t) => t.key === tag.key);
    if (existing) existing.value = tag.value;
    else target.push({ ...tag });
  }
}
