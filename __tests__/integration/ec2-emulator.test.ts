import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import {
  AuthorizeSecurityGroupIngressCommand,
  CopyImageCommand,
  CreateFleetCommand,
  CreateImageCommand,
  CreateKeyPairCommand,
  CreateLaunchTemplateCommand,
  CreateSecurityGroupCommand,
  CreateTagsCommand,
  DeleteKeyPairCommand,
  DeleteLaunchTemplateCommand,
  DeleteSecurityGroupCommand,
  DeleteSnapshotCommand,
  DeleteTagsCommand,
  DeleteVolumeCommand,
  DeregisterImageCommand,
  DescribeAvailabilityZonesCommand,
  DescribeImageAttributeCommand,
  DescribeImagesCommand,
  DescribeInstanceStatusCommand,
  DescribeInstanceTypeOfferingsCommand,
  DescribeInstancesCommand,
  DescribeKeyPairsCommand,
  DescribeRegionsCommand,
  DescribeSecurityGroupsCommand,
  DescribeSnapshotsCommand,
  DescribeSubnetsCommand,
  DescribeTagsCommand,
  DescribeVolumesCommand,
  DescribeVpcsCommand,
  EC2Client,
  GetPasswordDataCommand,
  ImportKeyPairCommand,
  ModifyImageAttributeCommand,
  ModifySnapshotAttributeCommand,
  RegisterImageCommand,
  RunInstancesCommand,
  StopInstancesCommand,
  TerminateInstancesCommand,
  type Instance,
} from '@aws-sdk/client-ec2';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { Client as SshClient } from 'ssh2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '../../src/communicator/waiter.js';
import { makeKey } from '../support/sshd.js';
import {
  DEFAULT_SOURCE_IMAGE,
  EMULATOR_LABEL,
  startEc2Emulator,
  type Ec2Emulator,
  type Ec2EmulatorOptions,
} from '../support/ec2-emulator/index.js';

/* The EC2 emulator, driven by the real AWS SDK v3 client: signatures, knobs, and every operation's wire shape. */

const docker = promisify(execFile);
const SEED_AMI = DEFAULT_SOURCE_IMAGE.imageId;

function clientFor(
  emulator: Ec2Emulator,
  overrides: { region?: string; secretAccessKey?: string; accessKeyId?: string } = {},
) {
  return new EC2Client({
    endpoint: emulator.endpoint,
    region: overrides.region ?? emulator.region,
    maxAttempts: 1,
    credentials: {
      accessKeyId: overrides.accessKeyId ?? emulator.accessKeyId,
      secretAccessKey: overrides.secretAccessKey ?? emulator.secretAccessKey,
    },
  });
}

/** The rejection of a promise, for asserting AWS error names and HTTP status. */
async function failure(promise: Promise<unknown>): Promise<{ name: string; message: string; status?: number }> {
  try {
    await promise;
  } catch (error) {
    const e = error as { name: string; message: string; $metadata?: { httpStatusCode?: number } };
    return { name: e.name, message: e.message, status: e.$metadata?.httpStatusCode };
  }
  throw new Error('expected the call to fail');
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  return waitFor({ what, timeoutMs, initialDelayMs: 50, maxDelayMs: 250 }, async () => {
    const value = await probe();
    if (value === undefined) throw new Error(`not yet: ${what}`);
    return value;
  });
}

/** Runs a command over SSH as root with the given private key, retrying until sshd answers. */
function sshRun(host: string, privateKey: string, command: string): Promise<string> {
  const once = () =>
    new Promise<string>((resolve, reject) => {
      const conn = new SshClient();
      conn
        .on('ready', () => {
          conn.exec(command, (error, stream) => {
            if (error) return reject(error);
            let out = '';
            stream.on('data', (d: Buffer) => (out += d.toString()));
            stream.stderr.resume();
            stream.on('close', () => {
              conn.end();
              resolve(out);
            });
          });
        })
        .on('error', reject)
        .connect({ host, port: 22, username: 'root', privateKey, readyTimeout: 5_000 });
    });
  return waitFor({ what: `SSH on root@${host}:22`, timeoutMs: 20_000, initialDelayMs: 100 }, once);
}

async function withEmulator(options: Ec2EmulatorOptions, body: (emulator: Ec2Emulator) => Promise<void>) {
  const emulator = await startEc2Emulator({ host: '127.0.0.82', ...options });
  try {
    await body(emulator);
  } finally {
    await emulator.stop();
  }
}

describe('signatures', () => {
  let emulator: Ec2Emulator;
  beforeAll(async () => {
    emulator = await startEc2Emulator({ host: '127.0.0.82' });
  });
  afterAll(() => emulator.stop());

  it('answers SignatureDoesNotMatch (403) to a request signed with the wrong secret', async () => {
    const error = await failure(clientFor(emulator, { secretAccessKey: 'wrong' }).send(new DescribeImagesCommand({})));
    expect(error).toMatchObject({ name: 'SignatureDoesNotMatch', status: 403 });
    expect(error.message).toMatch(/^The request signature we calculated does not match/);
    expect(emulator.inventory().calls.at(-1)).toMatchObject({
      action: 'DescribeImages',
      status: 403,
      errorCode: 'SignatureDoesNotMatch',
    });
  });

  it('answers AuthFailure (401) to an unknown access key and to an unsigned request', async () => {
    const error = await failure(
      clientFor(emulator, { accessKeyId: 'AKIAUNKNOWN' }).send(new DescribeImagesCommand({})),
    );
    expect(error).toMatchObject({
      name: 'AuthFailure',
      status: 401,
      message: 'AWS was not able to validate the provided access credentials',
    });
    const raw = await fetch(emulator.endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'Action=DescribeRegions&Version=2016-11-15',
    });
    expect(raw.status).toBe(401);
    expect(await raw.text()).toMatch(
      /^<\?xml version="1.0" encoding="UTF-8"\?>\n<Response><Errors><Error><Code>AuthFailure<\/Code><Message>AWS was not able to validate the provided access credentials<\/Message><\/Error><\/Errors><RequestID>[0-9a-f-]{36}<\/RequestID><\/Response>$/,
    );
  });

  it('accepts the signature of the region a request names and works in that region', async () => {
    const west = clientFor(emulator, { region: 'us-west-2' });
    const zones = await west.send(new DescribeAvailabilityZonesCommand({}));
    expect(zones.AvailabilityZones?.map((z) => z.ZoneName)).toEqual(['us-west-2a', 'us-west-2b', 'us-west-2c']);
    expect(emulator.inventory().calls.at(-1)).toMatchObject({
      action: 'DescribeAvailabilityZones',
      region: 'us-west-2',
    });
  });

  it('serves STS GetCallerIdentity on the same endpoint, with STS errors', async () => {
    const sts = (secretAccessKey: string) =>
      new STSClient({
        endpoint: emulator.endpoint,
        region: emulator.region,
        maxAttempts: 1,
        credentials: { accessKeyId: emulator.accessKeyId, secretAccessKey },
      });
    const identity = await sts(emulator.secretAccessKey).send(new GetCallerIdentityCommand({}));
    expect(identity).toMatchObject({
      Account: '123456789012',
      Arn: 'arn:aws:iam::123456789012:user/kiln',
      UserId: 'AIDAKILNEMULATOR00000',
    });
    const error = await failure(sts('wrong').send(new GetCallerIdentityCommand({})));
    expect(error).toMatchObject({ name: 'SignatureDoesNotMatch', status: 403 });
  });

  it('answers InvalidInstanceID.NotFound (400) for an unknown instance', async () => {
    const error = await failure(clientFor(emulator).send(new DescribeInstanceStatusCommand({ InstanceIds: ['i-0'] })));
    expect(error).toMatchObject({
      name: 'InvalidInstanceID.NotFound',
      status: 400,
      message: "The instance ID 'i-0' does not exist",
    });
  });
});

describe('fault knobs', () => {
  it('throttles every call with RequestLimitExceeded (503) at fraction 1', async () => {
    await withEmulator({ faults: { throttleFraction: 1 } }, async (emulator) => {
      const error = await failure(clientFor(emulator).send(new DescribeRegionsCommand({})));
      expect(error).toMatchObject({ name: 'RequestLimitExceeded', status: 503, message: 'Request limit exceeded.' });
    });
  });

  it('fails every call with InternalError (500) at fraction 1', async () => {
    await withEmulator({ faults: { serverErrorFraction: 1 } }, async (emulator) => {
      const error = await failure(clientFor(emulator).send(new DescribeRegionsCommand({})));
      expect(error).toMatchObject({ name: 'InternalError', status: 500 });
    });
  });

  it('fails a seeded, repeatable share of calls at a fraction, and the SDK retries through them', async () => {
    const outcomes = async () => {
      const codes: string[] = [];
      await withEmulator({ faults: { throttleFraction: 0.2, serverErrorFraction: 0.1, seed: 7 } }, async (emulator) => {
        const client = clientFor(emulator);
        for (let i = 0; i < 40; i++) {
          codes.push(
            await client.send(new DescribeRegionsCommand({})).then(
              () => 'ok',
              (e: Error) => e.name,
            ),
          );
        }
      });
      return codes;
    };
    const first = await outcomes();
    expect(await outcomes()).toEqual(first);
    const count = (name: string) => first.filter((c) => c === name).length;
    expect(count('RequestLimitExceeded')).toBeGreaterThan(2);
    expect(count('InternalError')).toBeGreaterThan(0);
    expect(count('ok')).toBeGreaterThan(20);

    await withEmulator({ faults: { throttleFraction: 0.3, serverErrorFraction: 0.1, seed: 3 } }, async (emulator) => {
      const retrying = new EC2Client({
        endpoint: emulator.endpoint,
        region: emulator.region,
        maxAttempts: 10,
        retryMode: 'standard',
        credentials: { accessKeyId: emulator.accessKeyId, secretAccessKey: emulator.secretAccessKey },
      });
      for (let i = 0; i < 10; i++) await retrying.send(new DescribeVpcsCommand({}));
      expect(emulator.inventory().calls.filter((c) => c.status !== 200).length).toBeGreaterThan(0);
    });
  });
});

describe('image knobs (no instances)', () => {
  const rootSnapshot = (emulator: Ec2Emulator) =>
    emulator.inventory().images.find((i) => i.imageId === SEED_AMI)?.blockDeviceMappings[0]?.snapshotId;

  it('hides a new AMI from DescribeImages for amiVisibilityDelayMs', async () => {
    await withEmulator({ amiVisibilityDelayMs: 1_000 }, async (emulator) => {
      const ec2 = clientFor(emulator);
      const { ImageId } = await ec2.send(
        new RegisterImageCommand({
          Name: 'registered-late',
          RootDeviceName: '/dev/xvda',
          BlockDeviceMappings: [{ DeviceName: '/dev/xvda', Ebs: { SnapshotId: rootSnapshot(emulator) } }],
        }),
      );
      expect(ImageId).toMatch(/^ami-[0-9a-f]{17}$/);
      const hidden = await failure(ec2.send(new DescribeImagesCommand({ ImageIds: [ImageId!] })));
      expect(hidden).toMatchObject({
        name: 'InvalidAMIID.NotFound',
        status: 400,
        message: `The image id '[${ImageId}]' does not exist`,
      });
      const byName = await ec2.send(
        new DescribeImagesCommand({ Filters: [{ Name: 'name', Values: ['registered-*'] }] }),
      );
      expect(byName.Images).toEqual([]);
      const seen = await until('the AMI to become visible', async () => {
        const r = await ec2.send(new DescribeImagesCommand({ ImageIds: [ImageId!] })).catch(() => undefined);
        return r?.Images?.[0];
      });
      expect(seen).toMatchObject({ ImageId, Name: 'registered-late', State: 'available' });
    });
  });

  it('keeps a new AMI pending for imageAvailableMs', async () => {
    await withEmulator({ delays: { imageAvailableMs: 600 } }, async (emulator) => {
      const ec2 = clientFor(emulator);
      const { ImageId } = await ec2.send(
        new RegisterImageCommand({
          Name: 'registered-slow',
          BlockDeviceMappings: [{ DeviceName: '/dev/xvda', Ebs: { SnapshotId: rootSnapshot(emulator) } }],
        }),
      );
      const first = await ec2.send(new DescribeImagesCommand({ ImageIds: [ImageId!] }));
      expect(first.Images?.[0]?.State).toBe('pending');
      const started = Date.now();
      await until('the AMI to become available', async () => {
        const r = await ec2.send(new DescribeImagesCommand({ ImageIds: [ImageId!] }));
        return r.Images?.[0]?.State === 'available' ? true : undefined;
      });
      expect(Date.now() - started).toBeGreaterThan(300);
      expect(first.Images?.[0]?.BlockDeviceMappings).toEqual([
        {
          DeviceName: '/dev/xvda',
          Ebs: {
            DeleteOnTermination: true,
            SnapshotId: rootSnapshot(emulator),
            VolumeSize: 8,
            VolumeType: 'gp2',
            Encrypted: false,
          },
        },
      ]);
    });
  });
});

describe('read-only operations and their XML shapes', () => {
  let emulator: Ec2Emulator;
  let ec2: EC2Client;
  beforeAll(async () => {
    emulator = await startEc2Emulator({
      host: '127.0.0.82',
      sourceImages: [
        DEFAULT_SOURCE_IMAGE,
        {
          imageId: 'ami-00000000000000011',
          name: 'debian-11-amd64-old',
          ownerId: '136693071363',
          dockerImage: 'kiln-test/sshd:bookworm',
        },
        {
          imageId: 'ami-00000000000000099',
          name: 'other-owner-image',
          ownerId: '999999999999',
          dockerImage: 'kiln-test/sshd:bookworm',
        },
      ],
    });
    ec2 = clientFor(emulator);
  });
  afterAll(() => emulator.stop());

  it('DescribeImages: the seeded AMI in full', async () => {
    const { Images } = await ec2.send(new DescribeImagesCommand({ ImageIds: [SEED_AMI] }));
    expect(Images).toEqual([
      {
        Architecture: 'x86_64',
        BlockDeviceMappings: [
          {
            DeviceName: '/dev/xvda',
            Ebs: {
              DeleteOnTermination: true,
              Encrypted: false,
              SnapshotId: expect.stringMatching(/^snap-[0-9a-f]{17}$/),
              VolumeSize: 8,
              VolumeType: 'gp2',
            },
          },
        ],
        CreationDate: '2024-01-01T16:14:00.000Z',
        Description: 'Debian 12 (20240101-1614)',
        EnaSupport: true,
        Hypervisor: 'xen',
        ImageId: SEED_AMI,
        ImageLocation: '136693071363/debian-12-amd64-20240101-1614',
        ImageType: 'machine',
        Name: 'debian-12-amd64-20240101-1614',
        OwnerId: '136693071363',
        PlatformDetails: 'Linux/UNIX',
        Public: true,
        RootDeviceName: '/dev/xvda',
        RootDeviceType: 'ebs',
        State: 'available',
        UsageOperation: 'RunInstances',
        VirtualizationType: 'hvm',
      },
    ]);
  });

  it.each([
    [{ Filters: [{ Name: 'name', Values: ['debian-*'] }] }, [SEED_AMI, 'ami-00000000000000011']],
    [
      {
        Filters: [
          { Name: 'name', Values: ['debian-1?-amd64-*'] },
          { Name: 'root-device-type', Values: ['ebs'] },
        ],
      },
      [SEED_AMI, 'ami-00000000000000011'],
    ],
    [
      {
        Filters: [
          { Name: 'name', Values: ['debian-12-*'] },
          { Name: 'virtualization-type', Values: ['hvm'] },
        ],
      },
      [SEED_AMI],
    ],
    [{ Owners: ['999999999999'] }, ['ami-00000000000000099']],
    [{ Owners: ['self'] }, []],
    [
      { Owners: ['136693071363'], Filters: [{ Name: 'image-id', Values: ['ami-00000000000000011'] }] },
      ['ami-00000000000000011'],
    ],
    [{ Filters: [{ Name: 'name', Values: ['nothing-*'] }] }, []],
  ])('DescribeImages %j', async (input, ids) => {
    const { Images } = await ec2.send(new DescribeImagesCommand(input));
    expect(Images?.map((i) => i.ImageId)).toEqual(ids);
  });

  it('DescribeImages: malformed and unknown ids', async () => {
    expect(await failure(ec2.send(new DescribeImagesCommand({ ImageIds: ['ami-xyz'] })))).toMatchObject({
      name: 'InvalidAMIID.Malformed',
      message: 'Invalid id: "ami-xyz" (expecting "ami-...")',
    });
    expect(await failure(ec2.send(new DescribeImagesCommand({ ImageIds: ['ami-0123456789abcdef0'] })))).toMatchObject({
      name: 'InvalidAMIID.NotFound',
    });
  });

  it('DescribeRegions and DescribeAvailabilityZones', async () => {
    const { Regions } = await ec2.send(new DescribeRegionsCommand({ RegionNames: ['us-east-1', 'eu-west-1'] }));
    expect(Regions).toEqual([
      { Endpoint: 'ec2.us-east-1.amazonaws.com', OptInStatus: 'opt-in-not-required', RegionName: 'us-east-1' },
      { Endpoint: 'ec2.eu-west-1.amazonaws.com', OptInStatus: 'opt-in-not-required', RegionName: 'eu-west-1' },
    ]);
    const { AvailabilityZones } = await ec2.send(new DescribeAvailabilityZonesCommand({}));
    expect(AvailabilityZones?.[0]).toMatchObject({
      ZoneName: 'us-east-1a',
      State: 'available',
      RegionName: 'us-east-1',
    });
  });

  it('DescribeInstanceTypeOfferings per zone', async () => {
    const { InstanceTypeOfferings } = await ec2.send(
      new DescribeInstanceTypeOfferingsCommand({
        LocationType: 'availability-zone',
        Filters: [
          { Name: 'location', Values: ['us-east-1b'] },
          { Name: 'instance-type', Values: ['t3.micro'] },
        ],
      }),
    );
    expect(InstanceTypeOfferings).toEqual([
      { InstanceType: 't3.micro', LocationType: 'availability-zone', Location: 'us-east-1b' },
    ]);
  });

  it('DescribeVpcs, DescribeSubnets and the default security group', async () => {
    const { Vpcs } = await ec2.send(new DescribeVpcsCommand({ Filters: [{ Name: 'is-default', Values: ['true'] }] }));
    expect(Vpcs).toHaveLength(1);
    expect(Vpcs?.[0]).toMatchObject({ IsDefault: true, CidrBlock: '172.31.0.0/16', State: 'available' });
    const vpcId = Vpcs?.[0]?.VpcId;
    const { Subnets } = await ec2.send(new DescribeSubnetsCommand({ Filters: [{ Name: 'vpc-id', Values: [vpcId!] }] }));
    expect(Subnets?.map((s) => [s.AvailabilityZone, s.CidrBlock, s.DefaultForAz, s.MapPublicIpOnLaunch])).toEqual([
      ['us-east-1a', '172.31.0.0/20', true, true],
      ['us-east-1b', '172.31.16.0/20', true, true],
      ['us-east-1c', '172.31.32.0/20', true, true],
    ]);
    const { SecurityGroups } = await ec2.send(new DescribeSecurityGroupsCommand({ GroupNames: ['default'] }));
    expect(SecurityGroups?.[0]).toMatchObject({ GroupName: 'default', VpcId: vpcId, IpPermissions: [] });
    expect(await failure(ec2.send(new DescribeVpcsCommand({ VpcIds: ['vpc-0000'] })))).toMatchObject({
      name: 'InvalidVpcID.NotFound',
    });
  });

  it('key pairs: create, duplicate, import, describe, delete', async () => {
    const created = await ec2.send(new CreateKeyPairCommand({ KeyName: 'made' }));
    expect(created.KeyMaterial).toMatch(/^-----BEGIN RSA PRIVATE KEY-----\n[\s\S]+-----END RSA PRIVATE KEY-----\n$/);
    expect(created.KeyFingerprint).toMatch(/^([0-9a-f]{2}:){19}[0-9a-f]{2}$/);
    expect(created.KeyPairId).toMatch(/^key-[0-9a-f]{17}$/);
    expect(await failure(ec2.send(new CreateKeyPairCommand({ KeyName: 'made' })))).toMatchObject({
      name: 'InvalidKeyPair.Duplicate',
      message: "The keypair 'made' already exists.",
    });
    const dir = (await import('node:fs')).mkdtempSync('/tmp/kiln-ec2-key-');
    const { publicKey } = makeKey(dir, 'imported');
    const imported = await ec2.send(
      new ImportKeyPairCommand({ KeyName: 'imported', PublicKeyMaterial: new TextEncoder().encode(publicKey) }),
    );
    expect(imported.KeyFingerprint).toMatch(/^([0-9a-f]{2}:){15}[0-9a-f]{2}$/);
    const { KeyPairs } = await ec2.send(
      new DescribeKeyPairsCommand({ KeyNames: ['imported'], IncludePublicKey: true }),
    );
    expect(KeyPairs?.map((k) => [k.KeyName, k.KeyType, k.PublicKey])).toEqual([['imported', 'ed25519', publicKey]]);
    await ec2.send(new DeleteKeyPairCommand({ KeyName: 'imported' }));
    await ec2.send(new DeleteKeyPairCommand({ KeyName: 'never-existed' }));
    expect(await failure(ec2.send(new DescribeKeyPairsCommand({ KeyNames: ['imported'] })))).toMatchObject({
      name: 'InvalidKeyPair.NotFound',
    });
    expect(emulator.inventory().keyPairs.map((k) => k.keyName)).toEqual(['made']);
  });

  it('security groups: create, authorize, duplicate rule, describe, delete', async () => {
    const { GroupId } = await ec2.send(
      new CreateSecurityGroupCommand({
        GroupName: 'temp',
        Description: 'temporary',
        TagSpecifications: [{ ResourceType: 'security-group', Tags: [{ Key: 'run', Value: '42' }] }],
      }),
    );
    const rule = { IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: '127.0.0.0/8' }] };
    await ec2.send(new AuthorizeSecurityGroupIngressCommand({ GroupId, IpPermissions: [rule] }));
    expect(
      await failure(ec2.send(new AuthorizeSecurityGroupIngressCommand({ GroupId, IpPermissions: [rule] }))),
    ).toMatchObject({ name: 'InvalidPermission.Duplicate' });
    const { SecurityGroups } = await ec2.send(
      new DescribeSecurityGroupsCommand({ Filters: [{ Name: 'tag:run', Values: ['42'] }] }),
    );
    expect(SecurityGroups?.map((g) => [g.GroupId, g.GroupName, g.Description, g.IpPermissions])).toEqual([
      [GroupId, 'temp', 'temporary', [{ ...rule, UserIdGroupPairs: [], Ipv6Ranges: [], PrefixListIds: [] }]],
    ]);
    await ec2.send(new DeleteSecurityGroupCommand({ GroupId }));
    expect(await failure(ec2.send(new DescribeSecurityGroupsCommand({ GroupIds: [GroupId!] })))).toMatchObject({
      name: 'InvalidGroup.NotFound',
    });
  });
});

describe('instances and AMIs backed by Docker', () => {
  let emulator: Ec2Emulator;
  let ec2: EC2Client;
  let privateKey: string;
  let groupId: string;
  let instance: Instance;
  let imageId: string;

  beforeAll(async () => {
    emulator = await startEc2Emulator({
      host: '127.0.0.82',
      delays: { instanceRunningMs: 300, imageAvailableMs: 300, terminateMs: 200 },
    });
    ec2 = clientFor(emulator);
    privateKey = (await ec2.send(new CreateKeyPairCommand({ KeyName: 'run-key' }))).KeyMaterial ?? '';
    groupId =
      (await ec2.send(new CreateSecurityGroupCommand({ GroupName: 'run-sg', Description: 'run' }))).GroupId ?? '';
  }, 120_000);
  afterAll(() => emulator.stop(), 60_000);

  const state = async (id: string) =>
    (await ec2.send(new DescribeInstancesCommand({ InstanceIds: [id] }))).Reservations?.[0]?.Instances?.[0]?.State
      ?.Name;

  it('RunInstances starts a pending container-backed instance on its own loopback address', async () => {
    const { Instances, ReservationId, OwnerId } = await ec2.send(
      new RunInstancesCommand({
        ImageId: SEED_AMI,
        InstanceType: 't3.micro',
        MinCount: 1,
        MaxCount: 1,
        KeyName: 'run-key',
        SecurityGroupIds: [groupId],
        UserData: Buffer.from('#!/bin/sh\necho hi\n').toString('base64'),
        BlockDeviceMappings: [
          { DeviceName: '/dev/xvda', Ebs: { VolumeSize: 20, VolumeType: 'gp3' } },
          { DeviceName: '/dev/sdf', Ebs: { VolumeSize: 5, DeleteOnTermination: false } },
        ],
        TagSpecifications: [
          { ResourceType: 'instance', Tags: [{ Key: 'Name', Value: 'emulated' }] },
          { ResourceType: 'volume', Tags: [{ Key: 'run', Value: '1' }] },
        ],
      }),
    );
    expect(ReservationId).toMatch(/^r-[0-9a-f]{17}$/);
    expect(OwnerId).toBe('123456789012');
    instance = Instances?.[0] ?? {};
    expect(instance).toMatchObject({
      ImageId: SEED_AMI,
      InstanceType: 't3.micro',
      KeyName: 'run-key',
      State: { Code: 0, Name: 'pending' },
      SecurityGroups: [{ GroupId: groupId, GroupName: 'run-sg' }],
      Tags: [{ Key: 'Name', Value: 'emulated' }],
      RootDeviceName: '/dev/xvda',
    });
    expect(instance.PublicIpAddress).toMatch(/^127\.0\.1\.\d+$/);
    expect(instance.PrivateIpAddress).toBe(instance.PublicIpAddress);
    expect(instance.PublicDnsName).toBe(instance.PublicIpAddress);
    const record = emulator.inventory().instances[0];
    expect(record?.userData).toBe(Buffer.from('#!/bin/sh\necho hi\n').toString('base64'));
    const ports = await docker('docker', ['port', record?.containerId ?? '', '22/tcp']);
    expect(ports.stdout.trim()).toBe(`${instance.PublicIpAddress}:22`);
  }, 60_000);

  it('goes running after instanceRunningMs and lets the key pair in over SSH', async () => {
    await until('running', async () => ((await state(instance.InstanceId!)) === 'running' ? true : undefined));
    const out = await sshRun(instance.PublicIpAddress!, privateKey, 'echo made-on-instance > /root/marker && id -un');
    expect(out).toBe('root\n');
    const status = await ec2.send(new DescribeInstanceStatusCommand({ InstanceIds: [instance.InstanceId!] }));
    expect(status.InstanceStatuses?.[0]).toMatchObject({
      InstanceId: instance.InstanceId,
      InstanceState: { Code: 16, Name: 'running' },
      InstanceStatus: { Status: 'ok' },
      SystemStatus: { Status: 'ok' },
    });
  }, 60_000);

  it('keeps volumes for the block device mappings, tagged', async () => {
    const { Volumes } = await ec2.send(
      new DescribeVolumesCommand({ Filters: [{ Name: 'attachment.instance-id', Values: [instance.InstanceId!] }] }),
    );
    expect(
      Volumes?.map((v) => [
        v.Size,
        v.VolumeType,
        v.State,
        v.Attachments?.[0]?.Device,
        v.Attachments?.[0]?.DeleteOnTermination,
        v.Tags,
      ]),
    ).toEqual([
      [20, 'gp3', 'in-use', '/dev/xvda', true, [{ Key: 'run', Value: '1' }]],
      [5, 'gp2', 'in-use', '/dev/sdf', false, [{ Key: 'run', Value: '1' }]],
    ]);
    expect(await failure(ec2.send(new DeleteSecurityGroupCommand({ GroupId: groupId })))).toMatchObject({
      name: 'DependencyViolation',
      message: `resource ${groupId} has a dependent object`,
    });
  });

  it('StopInstances: stopping, then stopped after terminateMs', async () => {
    const { StoppingInstances } = await ec2.send(new StopInstancesCommand({ InstanceIds: [instance.InstanceId!] }));
    expect(StoppingInstances).toEqual([
      {
        InstanceId: instance.InstanceId,
        CurrentState: { Code: 64, Name: 'stopping' },
        PreviousState: { Code: 16, Name: 'running' },
      },
    ]);
    await until('stopped', async () => ((await state(instance.InstanceId!)) === 'stopped' ? true : undefined));
  }, 60_000);

  it('CreateImage commits the instance into a pending, then available AMI with snapshots', async () => {
    const created = await ec2.send(
      new CreateImageCommand({
        InstanceId: instance.InstanceId,
        Name: 'emulated-ami',
        Description: 'from the emulator',
        TagSpecifications: [
          { ResourceType: 'image', Tags: [{ Key: 'kind', Value: 'ami' }] },
          { ResourceType: 'snapshot', Tags: [{ Key: 'kind', Value: 'snap' }] },
        ],
      }),
    );
    imageId = created.ImageId ?? '';
    expect(
      await failure(ec2.send(new CreateImageCommand({ InstanceId: instance.InstanceId, Name: 'emulated-ami' }))),
    ).toMatchObject({
      name: 'InvalidAMIName.Duplicate',
      message: `AMI name emulated-ami is already in use by AMI ${imageId}`,
    });
    const image = await until('AMI available', async () => {
      const { Images } = await ec2.send(new DescribeImagesCommand({ ImageIds: [imageId] }));
      return Images?.[0]?.State === 'available' ? Images[0] : undefined;
    });
    expect(image).toMatchObject({
      Name: 'emulated-ami',
      Description: 'from the emulator',
      OwnerId: '123456789012',
      Public: false,
      Tags: [{ Key: 'kind', Value: 'ami' }],
      SourceInstanceId: instance.InstanceId,
    });
    expect(image.BlockDeviceMappings?.map((d) => [d.DeviceName, d.Ebs?.VolumeSize, d.Ebs?.VolumeType])).toEqual([
      ['/dev/xvda', 20, 'gp3'],
      ['/dev/sdf', 5, 'gp2'],
    ]);
    const snapshotIds = image.BlockDeviceMappings?.map((d) => d.Ebs?.SnapshotId ?? '') ?? [];
    const { Snapshots } = await ec2.send(new DescribeSnapshotsCommand({ SnapshotIds: snapshotIds }));
    expect(Snapshots?.map((s) => [s.State, s.Progress, s.VolumeSize, s.OwnerId, s.Tags])).toEqual([
      ['completed', '100%', 20, '123456789012', [{ Key: 'kind', Value: 'snap' }]],
      ['completed', '100%', 5, '123456789012', [{ Key: 'kind', Value: 'snap' }]],
    ]);
    expect(Snapshots?.[0]?.Description).toBe(`Created by CreateImage(${instance.InstanceId}) for ${imageId}`);
  }, 60_000);

  it('image and snapshot attributes, and tags', async () => {
    await ec2.send(new ModifyImageAttributeCommand({ ImageId: imageId, Description: { Value: 'changed' } }));
    await ec2.send(
      new ModifyImageAttributeCommand({ ImageId: imageId, LaunchPermission: { Add: [{ UserId: '111122223333' }] } }),
    );
    const perms = await ec2.send(
      new DescribeImageAttributeCommand({ ImageId: imageId, Attribute: 'launchPermission' }),
    );
    expect(perms.LaunchPermissions).toEqual([{ UserId: '111122223333' }]);
    const description = await ec2.send(
      new DescribeImageAttributeCommand({ ImageId: imageId, Attribute: 'description' }),
    );
    expect(description.Description).toEqual({ Value: 'changed' });
    const snapshotId = emulator.inventory().images.find((i) => i.imageId === imageId)
      ?.blockDeviceMappings[0]?.snapshotId;
    await ec2.send(
      new ModifySnapshotAttributeCommand({
        SnapshotId: snapshotId,
        CreateVolumePermission: { Add: [{ UserId: '111122223333' }] },
      }),
    );
    expect(
      emulator.inventory().snapshots.find((s) => s.snapshotId === snapshotId)?.createVolumePermissionUserIds,
    ).toEqual(['111122223333']);

    await ec2.send(new CreateTagsCommand({ Resources: [imageId, snapshotId!], Tags: [{ Key: 'extra', Value: 'x' }] }));
    const { Tags } = await ec2.send(new DescribeTagsCommand({ Filters: [{ Name: 'key', Values: ['extra'] }] }));
    expect(Tags?.map((t) => [t.ResourceId, t.ResourceType, t.Value])).toEqual([
      [imageId, 'image', 'x'],
      [snapshotId, 'snapshot', 'x'],
    ]);
    await ec2.send(new DeleteTagsCommand({ Resources: [imageId], Tags: [{ Key: 'extra' }] }));
    expect(
      (await ec2.send(new DescribeTagsCommand({ Filters: [{ Name: 'key', Values: ['extra'] }] }))).Tags,
    ).toHaveLength(1);
    expect(
      await failure(
        ec2.send(new CreateTagsCommand({ Resources: ['ami-0123456789abcdef0'], Tags: [{ Key: 'a', Value: 'b' }] })),
      ),
    ).toMatchObject({
      name: 'InvalidAMIID.NotFound',
    });
  });

  it('CopyImage makes the AMI in another region', async () => {
    const west = clientFor(emulator, { region: 'us-west-2' });
    const { ImageId } = await west.send(
      new CopyImageCommand({
        SourceImageId: imageId,
        SourceRegion: 'us-east-1',
        Name: 'emulated-ami',
        Encrypted: true,
      }),
    );
    const copy = await until('copy available', async () => {
      const { Images } = await west.send(new DescribeImagesCommand({ ImageIds: [ImageId!] }));
      return Images?.[0]?.State === 'available' ? Images[0] : undefined;
    });
    expect(copy.BlockDeviceMappings?.map((d) => d.Ebs?.Encrypted)).toEqual([true, true]);
    expect(await failure(ec2.send(new DescribeImagesCommand({ ImageIds: [ImageId!] })))).toMatchObject({
      name: 'InvalidAMIID.NotFound',
    });
  }, 30_000);

  it('a new instance of the AMI has the files of the imaged instance', async () => {
    const { Instances } = await ec2.send(
      new RunInstancesCommand({
        ImageId: imageId,
        InstanceType: 't3.micro',
        MinCount: 1,
        MaxCount: 1,
        KeyName: 'run-key',
      }),
    );
    const second = Instances?.[0] ?? {};
    expect(second.PublicIpAddress).not.toBe(instance.PublicIpAddress);
    expect(await sshRun(second.PublicIpAddress!, privateKey, 'cat /root/marker')).toBe('made-on-instance\n');
    expect((await ec2.send(new GetPasswordDataCommand({ InstanceId: second.InstanceId }))).PasswordData).toBe('');
    await ec2.send(new TerminateInstancesCommand({ InstanceIds: [second.InstanceId!] }));
  }, 60_000);

  it('TerminateInstances removes the container, deletes DeleteOnTermination volumes and frees the group', async () => {
    const { TerminatingInstances } = await ec2.send(
      new TerminateInstancesCommand({ InstanceIds: [instance.InstanceId!] }),
    );
    expect(TerminatingInstances?.[0]?.CurrentState).toEqual({ Code: 32, Name: 'shutting-down' });
    await until('terminated', async () => ((await state(instance.InstanceId!)) === 'terminated' ? true : undefined));
    const record = emulator.inventory().instances.find((i) => i.instanceId === instance.InstanceId);
    expect(record?.containerRemoved).toBe(true);
    expect(
      await docker('docker', ['inspect', record?.containerId ?? '']).then(
        () => 'present',
        () => 'gone',
      ),
    ).toBe('gone');
    const { Volumes } = await ec2.send(
      new DescribeVolumesCommand({ Filters: [{ Name: 'size', Values: ['5', '20'] }] }),
    );
    expect(Volumes?.map((v) => [v.Size, v.State, v.Attachments])).toEqual([[5, 'available', []]]);
    await ec2.send(new DeleteVolumeCommand({ VolumeId: Volumes?.[0]?.VolumeId }));
    await ec2.send(new DeleteSecurityGroupCommand({ GroupId: groupId }));
  }, 30_000);

  it('DeleteSnapshot refuses a snapshot an AMI uses until the AMI is deregistered', async () => {
    const snapshotId = emulator.inventory().images.find((i) => i.imageId === imageId)
      ?.blockDeviceMappings[0]?.snapshotId;
    expect(await failure(ec2.send(new DeleteSnapshotCommand({ SnapshotId: snapshotId })))).toMatchObject({
      name: 'InvalidSnapshot.InUse',
      message: `The snapshot ${snapshotId} is currently in use by ${imageId}`,
    });
    await ec2.send(new DeregisterImageCommand({ ImageId: imageId }));
    await ec2.send(new DeleteSnapshotCommand({ SnapshotId: snapshotId }));
    expect(emulator.inventory().snapshots.some((s) => s.snapshotId === snapshotId)).toBe(false);
  });

  it('spot: CreateLaunchTemplate and an instant CreateFleet launch a spot instance', async () => {
    const { LaunchTemplate } = await ec2.send(
      new CreateLaunchTemplateCommand({
        LaunchTemplateName: 'packer-spot',
        LaunchTemplateData: {
          ImageId: SEED_AMI,
          KeyName: 'run-key',
          InstanceMarketOptions: { MarketType: 'spot', SpotOptions: { MaxPrice: '0.05' } },
        },
      }),
    );
    const fleet = await ec2.send(
      new CreateFleetCommand({
        Type: 'instant',
        LaunchTemplateConfigs: [
          {
            LaunchTemplateSpecification: { LaunchTemplateId: LaunchTemplate?.LaunchTemplateId, Version: '1' },
            Overrides: [{ InstanceType: 't3.small' }],
          },
        ],
        TargetCapacitySpecification: { TotalTargetCapacity: 1, DefaultTargetCapacityType: 'spot' },
      }),
    );
    const id = fleet.Instances?.[0]?.InstanceIds?.[0] ?? '';
    expect(fleet.Instances?.[0]).toMatchObject({ Lifecycle: 'spot', InstanceType: 't3.small', InstanceIds: [id] });
    const described = (await ec2.send(new DescribeInstancesCommand({ InstanceIds: [id] }))).Reservations?.[0]
      ?.Instances?.[0];
    expect(described?.InstanceLifecycle).toBe('spot');
    expect(described?.SpotInstanceRequestId).toMatch(/^sir-[0-9a-f]{8}$/);
    await ec2.send(new DeleteLaunchTemplateCommand({ LaunchTemplateId: LaunchTemplate?.LaunchTemplateId }));
    await ec2.send(new TerminateInstancesCommand({ InstanceIds: [id] }));
    expect(emulator.inventory().launchTemplates).toEqual([]);
  }, 30_000);

  it('stop() removes every container and image it made', async () => {
    const id = emulator.id;
    const before = await docker('docker', ['images', '-q', '--filter', `label=${EMULATOR_LABEL}=${id}`]);
    expect(before.stdout.trim()).not.toBe('');
    await emulator.stop();
    const containers = await docker('docker', ['ps', '-a', '-q', '--filter', `label=${EMULATOR_LABEL}=${id}`]);
    const images = await docker('docker', ['images', '-q', '--filter', `label=${EMULATOR_LABEL}=${id}`]);
    expect([containers.stdout, images.stdout]).toEqual(['', '']);
  }, 60_000);
});
