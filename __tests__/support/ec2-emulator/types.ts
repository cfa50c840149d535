/* The emulator's public types: options, handle and the inventory tests read. */

export interface Tag {
  key: string;
  value: string;
}

export type InstanceStateName = 'pending' | 'running' | 'stopping' | 'stopped' | 'shutting-down' | 'terminated';

export interface InstanceRecord {
  instanceId: string;
  reservationId: string;
  region: string;
  imageId: string;
  instanceType: string;
  keyName?: string;
  state: InstanceStateName;
  /** 127.0.1.N, reported as both the private and the public address. */
  address: string;
  privateDnsName: string;
  publicDnsName: string;
  subnetId: string;
  vpcId: string;
  availabilityZone: string;
  securityGroupIds: string[];
  launchTime: string;
  tags: Tag[];
  /** UserData as sent (base64). */
  userData?: string;
  iamInstanceProfile?: string;
  spotInstanceRequestId?: string;
  shutdownBehavior: 'stop' | 'terminate';
  rootDeviceName: string;
  volumeIds: string[];
  enaSupport: boolean;
  sriovNetSupport?: string;
  /** The user whose authorized_keys hold the key pair's public key. */
  sshUser: string;
  containerId: string;
  /** True once the instance's container is gone (after termination). */
  containerRemoved: boolean;
}

export type ImageStateName = 'pending' | 'available' | 'failed';

export interface ImageBlockDevice {
  deviceName: string;
  snapshotId?: string;
  volumeSize?: number;
  volumeType?: string;
  deleteOnTermination?: boolean;
  encrypted?: boolean;
  kmsKeyId?: string;
  virtualName?: string;
  noDevice?: boolean;
}

export interface ImageRecord {
  imageId: string;
  region: string;
  name: string;
  description?: string;
  ownerId: string;
  state: ImageStateName;
  creationDate: string;
  rootDeviceName: string;
  blockDeviceMappings: ImageBlockDevice[];
  tags: Tag[];
  isPublic: boolean;
  launchPermissionUserIds: string[];
  launchPermissionGroups: string[];
  enaSupport: boolean;
  sriovNetSupport?: string;
  imdsSupport?: string;
  deprecationTime?: string;
  sourceInstanceId?: string;
  sourceImageId?: string;
  sourceImageRegion?: string;
  /** Docker image an instance of this AMI runs. */
  dockerImage: string;
  sshUser: string;
  /** Epoch ms from which DescribeImages shows the image (eventual consistency). */
  visibleAt: number;
}

export interface SnapshotRecord {
  snapshotId: string;
  region: string;
  volumeId: string;
  volumeSize: number;
  state: 'pending' | 'completed';
  ownerId: string;
  description: string;
  startTime: string;
  encrypted: boolean;
  kmsKeyId?: string;
  tags: Tag[];
  createVolumePermissionUserIds: string[];
  createVolumePermissionGroups: string[];
}

export interface VolumeRecord {
  volumeId: string;
  region: string;
  size: number;
  volumeType: string;
  state: 'creating' | 'available' | 'in-use';
  availabilityZone: string;
  snapshotId?: string;
  encrypted: boolean;
  createTime: string;
  tags: Tag[];
  attachment?: { instanceId: string; device: string; deleteOnTermination: boolean };
}

export interface KeyPairRecord {
  keyName: string;
  keyPairId: string;
  region: string;
  keyFingerprint: string;
  /** OpenSSH public key line. */
  publicKey: string;
  createTime: string;
  tags: Tag[];
}

export interface IngressRule {
  ipProtocol: string;
  fromPort?: number;
  toPort?: number;
  cidrIp: string;
}

export interface SecurityGroupRecord {
  groupId: string;
  region: string;
  groupName: string;
  description: string;
  vpcId: string;
  ingress: IngressRule[];
  tags: Tag[];
}

export interface LaunchTemplateRecord {
  launchTemplateId: string;
  launchTemplateName: string;
  region: string;
  /** LaunchTemplateData.* parameters as sent. */
  data: Record<string, string>;
}

export interface CallRecord {
  action: string;
  /** Region from the request's SigV4 credential scope. */
  region: string;
  /** Flat form parameters (without Action, Version). */
  params: Record<string, string>;
  /** HTTP status of the answer. */
  status: number;
  errorCode?: string;
  at: number;
}

/** A copy of the emulator's state; deleted key pairs, groups, volumes, snapshots and images are absent, terminated instances stay. */
export interface Inventory {
  instances: InstanceRecord[];
  images: ImageRecord[];
  snapshots: SnapshotRecord[];
  volumes: VolumeRecord[];
  keyPairs: KeyPairRecord[];
  securityGroups: SecurityGroupRecord[];
  launchTemplates: LaunchTemplateRecord[];
  /** Every tag on every resource, as DescribeTags lists them. */
  tags: { resourceId: string; resourceType: string; key: string; value: string }[];
  calls: CallRecord[];
}

export interface SourceImage {
  imageId: string;
  name: string;
  ownerId: string;
  dockerImage: string;
  rootDeviceName?: string;
  creationDate?: string;
  /** The AMI's login user (default root). */
  sshUser?: string;
  description?: string;
  /** Region the image lives in (default: the emulator's region). */
  region?: string;
}

export interface Ec2EmulatorOptions {
  /** Address the API listens on (default 127.0.0.80). */
  host?: string;
  /** Default region (default us-east-1); requests use the region of their SigV4 scope. */
  region?: string;
  delays?: {
    /** pending -> running (default 0). */
    instanceRunningMs?: number;
    /** CreateImage/RegisterImage/CopyImage pending -> available (default 0). */
    imageAvailableMs?: number;
    /** stopping -> stopped and shutting-down -> terminated (default 0). */
    terminateMs?: number;
  };
  faults?: {
    /** Fraction of calls answered RequestLimitExceeded (HTTP 503). */
    throttleFraction?: number;
    /** Fraction of calls answered InternalError (HTTP 500). */
    serverErrorFraction?: number;
    /** Seed of the fault generator (default 1), so runs repeat. */
    seed?: number;
  };
  /** A new AMI is invisible to DescribeImages for this long (default 0). */
  amiVisibilityDelayMs?: number;
  /** Seeded AMIs (default: DEFAULT_SOURCE_IMAGE). */
  sourceImages?: SourceImage[];
}

export interface Ec2Emulator {
  /** Value of the `kiln.ec2-emulator` label on its containers and committed images. */
  id: string;
  /** http://host:port */
  endpoint: string;
  region: string;
  accountId: string;
  accessKeyId: string;
  secretAccessKey: string;
  inventory(): Inventory;
  /** Closes the server and removes every container and image it made. */
  stop(): Promise<void>;
}
