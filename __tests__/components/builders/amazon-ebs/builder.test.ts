import { afterEach, describe, expect, it } from 'vitest';
import { runAmazonEbsBuilder } from '../../../../src/components/builders/amazon-ebs/builder.js';
import { ebsConfig, fakeContext, fakeEc2, SOURCE } from './fake-ec2.js';

/*
 * The amazon-ebs builder against aws-sdk-client-mock: the exact EC2 calls in
 * the plugin's order, their parameters, and what cleanup removes on success,
 * failure and cancel.
 */

let ec2: ReturnType<typeof fakeEc2>;
afterEach(() => ec2.mock.restore());

const RUN_TAGS = [
  { Key: 'kiln:run-id', Value: 'run-123' },
  { Key: 'kiln:build', Value: 'amazon-ebs.main' },
];

describe('amazon-ebs builder', () => {
  it('builds an AMI with the plugin calls in order and removes every temporary resource', async () => {
    ec2 = fakeEc2();
    const { context, lines, hooks } = fakeContext();
    const artifact = await runAmazonEbsBuilder(
      ebsConfig({
        run_tags: { role: 'build {{ .SourceAMIName }}' },
        tags: { Name: 'from {{ .SourceAMI }}', os: '{{ index .SourceAMITags "os" }}' },
        snapshot_tags: { kind: 'root' },
      }),
      context,
    );
    expect(ec2.names()).toEqual([
      'us-east-1 DescribeRegions',
      'us-east-1 DescribeImages',
      'us-east-1 DescribeImages',
      'us-east-1 CreateKeyPair',
      'us-east-1 CreateSecurityGroup',
      'us-east-1 DescribeSecurityGroups',
      'us-east-1 AuthorizeSecurityGroupIngress',
      'us-east-1 RunInstances',
      'us-east-1 DescribeInstances',
      'us-east-1 DescribeInstances',
      'us-east-1 StopInstances',
      'us-east-1 DescribeInstances',
      'us-east-1 DescribeInstances',
      'us-east-1 CreateImage',
      'us-east-1 DescribeImages',
      'us-east-1 DescribeImages',
      'us-east-1 DescribeImages',
      'us-east-1 CreateTags',
      'us-east-1 CreateTags',
      'us-east-1 DeleteTags',
      'us-east-1 DeleteTags',
      'us-east-1 TerminateInstances',
      'us-east-1 DescribeInstances',
      'us-east-1 DescribeInstances',
      'us-east-1 DeleteSecurityGroup',
      'us-east-1 DeleteKeyPair',
    ]);
    expect(ec2.input('DescribeImages', 0)).toEqual({
      Owners: ['self'],
      Filters: [{ Name: 'name', Values: ['kiln-test'] }],
    });
    expect(ec2.input('DescribeImages', 1)).toEqual({ IncludeDeprecated: false, ImageIds: ['ami-source'] });
    const keyName = ec2.input('CreateKeyPair')?.['KeyName'] as string;
    expect(keyName).toMatch(/^packer_[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    const runTags = [{ Key: 'role', Value: 'build debian-12' }, ...RUN_TAGS];
    expect(ec2.input('CreateKeyPair')).toEqual({
      KeyName: keyName,
      KeyType: 'rsa',
      TagSpecifications: [{ ResourceType: 'key-pair', Tags: runTags }],
    });
    expect(ec2.input('CreateSecurityGroup')).toMatchObject({
      Description: 'Temporary group for Packer',
      TagSpecifications: [{ ResourceType: 'security-group', Tags: runTags }],
    });
    expect(ec2.input('AuthorizeSecurityGroupIngress')).toEqual({
      GroupId: 'sg-1',
      IpPermissions: [
        { FromPort: 22, ToPort: 22, IpProtocol: 'tcp', IpRanges: [{ CidrIp: '0.0.0.0/0' }], Ipv6Ranges: [] },
      ],
    });
    expect(ec2.input('RunInstances')).toEqual({
      ImageId: 'ami-source',
      InstanceType: 't3.micro',
      MaxCount: 1,
      MinCount: 1,
      Placement: {},
      EbsOptimized: false,
      EnclaveOptions: { Enabled: false },
      CreditSpecification: { CpuCredits: 'standard' },
      MetadataOptions: { HttpEndpoint: 'enabled', HttpTokens: 'optional', HttpPutResponseHopLimit: 1 },
      TagSpecifications: [
        { ResourceType: 'instance', Tags: runTags },
        { ResourceType: 'network-interface', Tags: runTags },
        { ResourceType: 'volume', Tags: RUN_TAGS },
      ],
      KeyName: keyName,
      SecurityGroupIds: ['sg-1'],
      InstanceInitiatedShutdownBehavior: 'stop',
    });
    expect(ec2.input('StopInstances')).toEqual({ InstanceIds: ['i-1'] });
    expect(ec2.input('CreateImage')).toEqual({
      InstanceId: 'i-1',
      Name: 'kiln-test',
      TagSpecifications: [
        { ResourceType: 'image', Tags: runTags },
        { ResourceType: 'snapshot', Tags: runTags },
      ],
    });
    expect(ec2.input('CreateTags', 0)).toEqual({
      Resources: ['ami-1', 'snap-1'],
      Tags: [
        { Key: 'Name', Value: 'from ami-source' },
        { Key: 'os', Value: 'debian' },
      ],
    });
    expect(ec2.input('CreateTags', 1)).toEqual({ Resources: ['snap-1'], Tags: [{ Key: 'kind', Value: 'root' }] });
    expect(ec2.input('DeleteTags')).toEqual({
      Resources: ['ami-1'],
      Tags: [{ Key: 'kiln:run-id' }, { Key: 'kiln:build' }],
    });
    expect(ec2.input('DeleteTags', 1)).toEqual({
      Resources: ['snap-1'],
      Tags: [{ Key: 'kiln:run-id' }, { Key: 'kiln:build' }],
    });
    expect(ec2.input('DeleteSecurityGroup')).toEqual({ GroupId: 'sg-1' });
    expect(ec2.input('DeleteKeyPair')).toEqual({ KeyName: keyName });

    expect(artifact?.builderId).toBe('mitchellh.amazonebs');
    expect(artifact?.id).toBe('us-east-1:ami-1');
    expect(artifact?.description).toBe('AMIs were created:\nus-east-1: ami-1\n');
    expect(artifact?.generatedData).toEqual({
      BuildRegion: 'us-east-1',
      SourceAMI: 'ami-source',
      SourceAMICreationDate: '2024-01-02T03:04:05.000Z',
      SourceAMIName: 'debian-12',
      SourceAMIOwner: '123456789012',
      SourceAMIOwnerName: 'amazon',
    });
    expect(hooks[0]?.generatedData).toMatchObject({ ID: 'i-1', SourceAMI: 'ami-source', PackerRunUUID: 'run-123' });
    expect(lines).toContain('== Prevalidating AMI Name: kiln-test');
    expect(lines).toContain('   Found Image ID: ami-source');
    expect(lines).toContain(`== Creating temporary keypair: ${keyName}`);
    expect(lines).toContain('== Launching a source AWS instance...');
    expect(lines).toContain('== Waiting for instance (i-1) to become ready...');
    expect(lines).toContain('== Creating AMI kiln-test from instance i-1');
    expect(lines).toContain('== Terminating the source AWS instance...');
  });

  it('stops before creating anything when the AMI name is taken', async () => {
    ec2 = fakeEc2({ existingNamed: 'kiln-test' });
    const { context, lines } = fakeContext();
    await expect(runAmazonEbsBuilder(ebsConfig({ skip_region_validation: true }), context)).rejects.toThrow(
      "Error: AMI Name: 'kiln-test' is used by an existing AMI: ami-old",
    );
    expect(ec2.names()).toEqual(['us-east-1 DescribeImages']);
    expect(lines).toContain("! Error: AMI Name: 'kiln-test' is used by an existing AMI: ami-old");
  });

  it('rejects unknown regions unless skip_region_validation', async () => {
    ec2 = fakeEc2();
    const { context } = fakeContext();
    await expect(runAmazonEbsBuilder(ebsConfig({ ami_regions: ['mars-1'] }), context)).rejects.toThrow(
      'error validating regions: Invalid region(s): [mars-1], available regions: [us-east-1 eu-west-1 eu-central-1]',
    );
  });

  it('picks the newest source AMI with most_recent and fails on several without it', async () => {
    const older = { ...SOURCE, ImageId: 'ami-old', CreationDate: '2023-01-01T00:00:00.000Z' };
    const newer = { ...SOURCE, ImageId: 'ami-new', CreationDate: '2025-01-01T00:00:00.000Z' };
    ec2 = fakeEc2({ sourceImages: [newer, older] });
    const filter = { filters: { name: 'debian-*', 'virtualization-type': 'hvm' }, owners: ['amazon'] };
    const config = (mostRecent: boolean) =>
      ebsConfig({
        source_ami: undefined,
        skip_create_ami: true,
        skip_region_validation: true,
        source_ami_filter: { ...filter, most_recent: mostRecent },
      });
    const first = fakeContext();
    await expect(runAmazonEbsBuilder(config(false), first.context)).rejects.toThrow(
      'Your query returned more than one result. Please try a more specific search, or set most_recent to true.',
    );
    expect(ec2.input('DescribeImages')).toEqual({
      IncludeDeprecated: false,
      Filters: [
        { Name: 'name', Values: ['debian-*'] },
        { Name: 'virtualization-type', Values: ['hvm'] },
      ],
      Owners: ['amazon'],
    });
    const second = fakeContext();
    expect(await runAmazonEbsBuilder(config(true), second.context)).toBeNull();
    expect(ec2.input('RunInstances', 0)?.['ImageId']).toBe('ami-new');
  });

  it('deregisters the half-made AMI and its snapshot when the AMI fails', async () => {
    ec2 = fakeEc2({ amiFails: true });
    const { context } = fakeContext();
    await expect(runAmazonEbsBuilder(ebsConfig({ skip_region_validation: true }), context)).rejects.toThrow(
      'Error waiting for AMI: AMI ami-1 is failed',
    );
    expect(ec2.names().slice(-8)).toEqual([
      'us-east-1 DescribeImages',
      'us-east-1 DeregisterImage',
      'us-east-1 DeleteSnapshot',
      'us-east-1 TerminateInstances',
      'us-east-1 DescribeInstances',
      'us-east-1 DescribeInstances',
      'us-east-1 DeleteSecurityGroup',
      'us-east-1 DeleteKeyPair',
    ]);
    expect(ec2.input('DeregisterImage')).toEqual({ ImageId: 'ami-1' });
    expect(ec2.input('DeleteSnapshot')).toEqual({ SnapshotId: 'snap-1' });
  });

  it('cleans up the instance, security group and key pair when cancelled while provisioning', async () => {
    ec2 = fakeEc2();
    const build = fakeContext(async () => {
      build.controller.abort();
      await Promise.resolve();
      throw new Error('context canceled');
    });
    await expect(runAmazonEbsBuilder(ebsConfig({ skip_region_validation: true }), build.context)).rejects.toThrow(
      'Build was cancelled.',
    );
    const names = ec2.names();
    expect(names).not.toContain('us-east-1 CreateImage');
    expect(names).not.toContain('us-east-1 StopInstances');
    expect(names.slice(-5)).toEqual([
      'us-east-1 TerminateInstances',
      'us-east-1 DescribeInstances',
      'us-east-1 DescribeInstances',
      'us-east-1 DeleteSecurityGroup',
      'us-east-1 DeleteKeyPair',
    ]);
  });

  it('copies the AMI to every ami_regions entry and tags each copy', async () => {
    ec2 = fakeEc2();
    const { context } = fakeContext();
    const artifact = await runAmazonEbsBuilder(
      ebsConfig({ ami_regions: ['eu-west-1', 'eu-central-1'], tags: { team: 'images' }, ami_users: ['111122223333'] }),
      context,
    );
    expect(artifact?.id).toBe('eu-central-1:ami-3,eu-west-1:ami-2,us-east-1:ami-1');
    expect(artifact?.description).toBe('AMIs were created:\neu-central-1: ami-3\neu-west-1: ami-2\nus-east-1: ami-1\n');
    const copies = ec2.calls.filter((c) => c.command === 'CopyImage');
    const runTags = [
      { Key: 'kiln:run-id', Value: 'run-123' },
      { Key: 'kiln:build', Value: 'amazon-ebs.main' },
    ];
    const copyInput = {
      SourceRegion: 'us-east-1',
      SourceImageId: 'ami-1',
      Name: 'kiln-test',
      CopyImageTags: true,
      TagSpecifications: [
        { ResourceType: 'image', Tags: runTags },
        { ResourceType: 'snapshot', Tags: runTags },
      ],
    };
    expect(copies.map((c) => [c.region, c.input])).toEqual([
      ['eu-west-1', copyInput],
      ['eu-central-1', copyInput],
    ]);
    const tagged = ec2.calls.filter((c) => c.command === 'CreateTags').map((c) => [c.region, c.input['Resources']]);
    expect(tagged).toEqual([
      ['eu-central-1', ['ami-3', 'snap-3']],
      ['eu-west-1', ['ami-2', 'snap-2']],
      ['us-east-1', ['ami-1', 'snap-1']],
    ]);
    const shared = ec2.calls.filter((c) => c.command === 'ModifyImageAttribute');
    expect(shared).toHaveLength(0);
  });
});
