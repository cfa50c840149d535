import {
  AuthorizeSecurityGroupIngressCommand,
  CopyImageCommand,
  CreateImageCommand,
  CreateKeyPairCommand,
  CreateSecurityGroupCommand,
  CreateTagsCommand,
  DeleteKeyPairCommand,
  DeleteSecurityGroupCommand,
  DeleteSnapshotCommand,
  DeleteTagsCommand,
  DeregisterImageCommand,
  DescribeImagesCommand,
  DescribeInstancesCommand,
  DescribeRegionsCommand,
  DescribeSecurityGroupsCommand,
  EC2Client,
  RunInstancesCommand,
  StopInstancesCommand,
  TerminateInstancesCommand,
  type Image,
} from '@aws-sdk/client-ec2';
import { mockClient } from 'aws-sdk-client-mock';
import { z } from 'zod';
import { EventBus } from '../../../../src/core/events.js';
import type { BuilderContext, ProvisionHookData } from '../../../../src/components/runtime.js';
import { amazonEbsFields, type AmazonEbsConfig } from '../../../../src/components/builders/amazon-ebs/schema.js';

/*
 * A small in-memory EC2 behind aws-sdk-client-mock for the builder's unit
 * tests: it records every call as "region Command" with its input, and moves
 * instances and images to their next state on each Describe.
 */

export const SOURCE: Image = {
  ImageId: 'ami-source',
  Name: 'debian-12',
  CreationDate: '2024-01-02T03:04:05.000Z',
  OwnerId: '123456789012',
  ImageOwnerAlias: 'amazon',
  RootDeviceType: 'ebs',
  VirtualizationType: 'hvm',
  State: 'available',
  Tags: [{ Key: 'os', Value: 'debian' }],
};

export interface Call {
  readonly region: string;
  readonly command: string;
  readonly input: Record<string, unknown>;
}

export function serviceError(name: string, message: string): Error {
  return Object.assign(new Error(message), { name, $fault: 'client' });
}

export function fakeEc2(options: { existingNamed?: string; amiFails?: boolean; sourceImages?: Image[] } = {}) {
  const mock = mockClient(EC2Client);
  const calls: Call[] = [];
  let instanceState = 'pending';
  let imageCount = 0;
  const imageStates = new Map<string, string>();
  const record =
    (command: string, fn: (input: Record<string, unknown>, region: string) => unknown) =>
    async (input: Record<string, unknown>, getClient: () => EC2Client) => {
      const region = await getClient().config.region();
      calls.push({ region, command, input });
      return fn(input, region);
    };
  mock.on(DescribeRegionsCommand).callsFake(
    record('DescribeRegions', () => ({
      Regions: ['us-east-1', 'eu-west-1', 'eu-central-1'].map((RegionName) => ({ RegionName })),
    })),
  );
  mock.on(DescribeImagesCommand).callsFake(
    record('DescribeImages', (input) => {
      const ids = input['ImageIds'] as string[] | undefined;
      if (input['Owners'] && (input['Owners'] as string[])[0] === 'self') {
        return { Images: options.existingNamed ? [{ ImageId: 'ami-old', Name: options.existingNamed }] : [] };
      }
      if (!ids || ids.includes('ami-source')) return { Images: options.sourceImages ?? [SOURCE] };
      const id = ids[0] ?? '';
      const next =
        imageStates.get(id) === 'pending' ? (options.amiFails ? 'failed' : 'available') : imageStates.get(id);
      if (next) imageStates.set(id, next);
      return {
        Images: [
          {
            ImageId: id,
            State: next ?? 'pending',
            BlockDeviceMappings: [{ DeviceName: '/dev/xvda', Ebs: { SnapshotId: `snap-${id.slice(4)}` } }],
          },
        ],
      };
    }),
  );
  mock.on(CreateKeyPairCommand).callsFake(record('CreateKeyPair', () => ({ KeyMaterial: 'PRIVATE KEY' })));
  mock.on(DeleteKeyPairCommand).callsFake(record('DeleteKeyPair', () => ({})));
  mock.on(CreateSecurityGroupCommand).callsFake(record('CreateSecurityGroup', () => ({ GroupId: 'sg-1' })));
  mock
    .on(DescribeSecurityGroupsCommand)
    .callsFake(record('DescribeSecurityGroups', () => ({ SecurityGroups: [{ GroupId: 'sg-1' }] })));
  mock.on(AuthorizeSecurityGroupIngressCommand).callsFake(record('AuthorizeSecurityGroupIngress', () => ({})));
  mock.on(DeleteSecurityGroupCommand).callsFake(record('DeleteSecurityGroup', () => ({})));
  mock.on(RunInstancesCommand).callsFake(
    record('RunInstances', () => {
      instanceState = 'pending';
      return { Instances: [{ InstanceId: 'i-1', State: { Name: 'pending' } }] };
    }),
  );
  mock.on(DescribeInstancesCommand).callsFake(
    record('DescribeInstances', () => {
      const seen = instanceState;
      instanceState = { pending: 'running', stopping: 'stopped', 'shutting-down': 'terminated' }[seen] ?? seen;
      return {
        Reservations: [
          {
            Instances: [
              {
                InstanceId: 'i-1',
                State: { Name: seen },
                VpcId: 'vpc-1',
                PublicIpAddress: '127.0.1.5',
                PrivateIpAddress: '10.0.0.5',
              },
            ],
          },
        ],
      };
    }),
  );
  mock.on(StopInstancesCommand).callsFake(record('StopInstances', () => ((instanceState = 'stopping'), {})));
  mock
    .on(TerminateInstancesCommand)
    .callsFake(record('TerminateInstances', () => ((instanceState = 'shutting-down'), {})));
  const newImage = () => {
    const id = `ami-${++imageCount}`;
    imageStates.set(id, 'pending');
    return { ImageId: id };
  };
  mock.on(CreateImageCommand).callsFake(record('CreateImage', newImage));
  mock.on(CopyImageCommand).callsFake(record('CopyImage', newImage));
  mock.on(CreateTagsCommand).callsFake(record('CreateTags', () => ({})));
  mock.on(DeleteTagsCommand).callsFake(record('DeleteTags', () => ({})));
  mock.on(DeregisterImageCommand).callsFake(record('DeregisterImage', () => ({})));
  mock.on(DeleteSnapshotCommand).callsFake(record('DeleteSnapshot', () => ({})));
  return {
    mock,
    calls,
    /** "region Command" per call, in order. */
    names: () => calls.map((c) => `${c.region} ${c.command}`),
    input: (command: string, index = 0) => calls.filter((c) => c.command === command)[index]?.input,
  };
}

export function ebsConfig(fields: Record<string, unknown>): AmazonEbsConfig {
  return z.object(amazonEbsFields).parse({
    region: 'us-east-1',
    access_key: 'AKIDEXAMPLE',
    secret_key: 'secret',
    skip_credential_validation: true,
    ami_name: 'kiln-test',
    instance_type: 't3.micro',
    source_ami: 'ami-source',
    communicator: 'none',
    packer_build_name: 'main',
    aws_polling: { delay_seconds: 0.001, max_attempts: 100000 },
    ...fields,
  });
}

export interface FakeBuild {
  readonly context: BuilderContext;
  readonly lines: string[];
  readonly controller: AbortController;
  readonly hooks: ProvisionHookData[];
}

export function fakeContext(provision?: (signal: AbortSignal) => Promise<void>): FakeBuild {
  const bus = new EventBus();
  const lines: string[] = [];
  bus.subscribe((e) => {
    if (e.type === 'ui') lines.push(`${e.level === 'error' ? '!' : e.level === 'message' ? '  ' : '=='} ${e.text}`);
  });
  const controller = new AbortController();
  const hooks: ProvisionHookData[] = [];
  const context: BuilderContext = {
    signal: controller.signal,
    ui: {
      say: (text) => bus.emit({ type: 'ui', level: 'say', text, build: 'amazon-ebs.main' }),
      message: (text) => bus.emit({ type: 'ui', level: 'message', text, build: 'amazon-ebs.main' }),
      error: (text) => bus.emit({ type: 'ui', level: 'error', text, build: 'amazon-ebs.main' }),
    },
    bus,
    onError: 'cleanup',
    debug: false,
    build: 'amazon-ebs.main',
    cwd: process.cwd(),
    force: false,
    runUuid: 'run-123',
    provision: async (signal, hook) => {
      hooks.push(hook);
      await provision?.(signal);
    },
    cleanupProvision: () => Promise.resolve(),
  };
  return { context, lines, controller, hooks };
}
