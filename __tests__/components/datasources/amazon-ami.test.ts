import { DescribeImagesCommand, EC2Client, type Image } from '@aws-sdk/client-ec2';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runBuild } from '../../../src/cli/build.js';
import { runValidate } from '../../../src/cli/validate.js';
import { executeAmazonAmi } from '../../../src/components/datasources/amazon-ami/datasource.js';
import type { AmazonAmiConfig } from '../../../src/components/datasources/amazon-ami/schema.js';
import { StringType } from '../../../src/eval/types.js';
import { Value } from '../../../src/eval/value.js';
import { memoryIO } from '../../support/cli.js';
import { startEc2Emulator, type Ec2Emulator } from '../../support/ec2-emulator/index.js';

/* data "amazon-ami": DescribeImages with filters, owners and most_recent, and Packer's errors. */

const ACCESS = { access_key: 'AKIDEXAMPLE', secret_key: 'secret', region: 'eu-west-1' };

const UBUNTU_OLD: Image = {
  ImageId: 'ami-0000000000000old',
  Name: 'ubuntu-jammy-22.04-20240101',
  CreationDate: '2024-01-01T10:00:00.000Z',
  OwnerId: '099720109477',
  Tags: [{ Key: 'os', Value: 'ubuntu' }],
};
const UBUNTU_NEW: Image = {
  ImageId: 'ami-0000000000000new',
  Name: 'ubuntu-jammy-22.04-20240301',
  CreationDate: '2024-03-01T10:00:00.000Z',
  OwnerId: '099720109477',
  ImageOwnerAlias: 'amazon',
  Tags: [
    { Key: 'os', Value: 'ubuntu' },
    { Key: 'release', Value: '22.04' },
  ],
};

describe('data "amazon-ami" against a mocked EC2', () => {
  const ec2 = mockClient(EC2Client);
  const sts = mockClient(STSClient);
  afterEach(() => {
    ec2.reset();
    sts.reset();
  });
  afterAll(() => {
    ec2.restore();
    sts.restore();
  });

  const config = (extra: Partial<AmazonAmiConfig>): AmazonAmiConfig => ({
    ...ACCESS,
    skip_credential_validation: true,
    owners: ['099720109477'],
    ...extra,
  });

  it('sends the filters (sorted), owners and include_deprecated, and returns the image', async () => {
    ec2.on(DescribeImagesCommand).resolves({ Images: [UBUNTU_NEW] });
    const value = await executeAmazonAmi(
      config({ filters: { 'virtualization-type': 'hvm', name: 'ubuntu-jammy-*' }, include_deprecated: true }),
    );
    expect(ec2.commandCalls(DescribeImagesCommand).map((c) => c.args[0].input)).toEqual([
      {
        Filters: [
          { Name: 'name', Values: ['ubuntu-jammy-*'] },
          { Name: 'virtualization-type', Values: ['hvm'] },
        ],
        Owners: ['099720109477'],
        IncludeDeprecated: true,
      },
    ]);
    expect(value).toEqual(
      Value.object({
        id: Value.string('ami-0000000000000new'),
        name: Value.string('ubuntu-jammy-22.04-20240301'),
        creation_date: Value.string('2024-03-01T10:00:00.000Z'),
        owner: Value.string('099720109477'),
        owner_name: Value.string('amazon'),
        tags: Value.map({ os: Value.string('ubuntu'), release: Value.string('22.04') }, StringType),
      }),
    );
  });

  it('gives empty strings and an empty tag map for what the image lacks; no filters are sent when none are set', async () => {
    ec2.on(DescribeImagesCommand).resolves({ Images: [{ ImageId: 'ami-1' }] });
    const value = await executeAmazonAmi(config({}));
    expect(ec2.commandCalls(DescribeImagesCommand)[0]?.args[0].input).toEqual({
      Owners: ['099720109477'],
      IncludeDeprecated: false,
    });
    expect(value).toEqual(
      Value.object({
        id: Value.string('ami-1'),
        name: Value.string(''),
        creation_date: Value.string(''),
        owner: Value.string(''),
        owner_name: Value.string(''),
        tags: Value.map({}, StringType),
      }),
    );
  });

  it('most_recent takes the newest image by creation date', async () => {
    ec2.on(DescribeImagesCommand).resolves({ Images: [UBUNTU_OLD, UBUNTU_NEW, { ...UBUNTU_OLD, ImageId: 'ami-2' }] });
    const value = await executeAmazonAmi(config({ most_recent: true }));
    expect(value.attr('id')).toEqual(Value.string('ami-0000000000000new'));
  });

  it.each([
    [
      'several images without most_recent',
      { Images: [UBUNTU_OLD, UBUNTU_NEW] },
      'Your query returned more than one result. Please try a more specific search, or set most_recent to true.',
    ],
    [
      'no image',
      { Images: [] },
      'No AMI was found matching filters: {"Filters":[{"Name":"name","Values":["nope-*"]}],"Owners":["099720109477"],"IncludeDeprecated":false}',
    ],
  ])('fails with Packer’s message for %s', async (_, answer, message) => {
    ec2.on(DescribeImagesCommand).resolves(answer);
    await expect(executeAmazonAmi(config({ filters: { name: 'nope-*' } }))).rejects.toThrow(message);
  });

  it('wraps an API error as "Error querying AMI"', async () => {
    const error = Object.assign(new Error('The filter name is invalid'), {
      name: 'InvalidParameterValue',
      $fault: 'client',
    });
    ec2.on(DescribeImagesCommand).rejects(error);
    await expect(executeAmazonAmi(config({}))).rejects.toThrow(
      'Error querying AMI: InvalidParameterValue: The filter name is invalid',
    );
  });

  it('checks the credentials with STS first unless skip_credential_validation', async () => {
    ec2.on(DescribeImagesCommand).resolves({ Images: [UBUNTU_NEW] });
    sts.on(GetCallerIdentityCommand).rejects(
      Object.assign(new Error('The security token included in the request is invalid.'), {
        name: 'InvalidClientTokenId',
        $fault: 'client',
      }),
    );
    await expect(executeAmazonAmi({ ...config({}), skip_credential_validation: false })).rejects.toThrow(
      'error validating provider credentials: InvalidClientTokenId: The security token included in the request is invalid.',
    );
    expect(ec2.commandCalls(DescribeImagesCommand)).toEqual([]);
  });
});

describe('data "amazon-ami" end to end against the EC2 emulator', () => {
  let emulator: Ec2Emulator;
  let dir: string;
  beforeAll(async () => {
    emulator = await startEc2Emulator({
      host: '127.0.0.84',
      // Images only: no instance is started, so no Docker image is needed.
      sourceImages: [
        {
          imageId: 'ami-0aaaaaaaaaaaaaaa1',
          name: 'kiln-base-2024-01',
          ownerId: '111122223333',
          dockerImage: 'none',
          creationDate: '2024-01-05T00:00:00.000Z',
        },
        {
          imageId: 'ami-0aaaaaaaaaaaaaaa2',
          name: 'kiln-base-2024-02',
          ownerId: '111122223333',
          dockerImage: 'none',
          creationDate: '2024-02-05T00:00:00.000Z',
        },
        {
          imageId: 'ami-0bbbbbbbbbbbbbbb1',
          name: 'kiln-base-2024-03',
          ownerId: '444455556666',
          dockerImage: 'none',
          creationDate: '2024-03-05T00:00:00.000Z',
        },
      ],
    });
    dir = mkdtempSync(join(tmpdir(), 'kiln-amazon-ami-'));
  }, 60_000);
  afterAll(async () => emulator?.stop());

  const template = (nameFilter: string) => `
data "amazon-ami" "base" {
  access_key                 = "${emulator.accessKeyId}"
  secret_key                 = "${emulator.secretAccessKey}"
  region                     = "us-east-1"
  custom_endpoint_ec2        = "${emulator.endpoint}"
  skip_credential_validation = true
  filters = {
    name = "${nameFilter}"
  }
  owners      = ["111122223333"]
  most_recent = true
}

source "amazon-ebs" "main" {
  access_key                 = "${emulator.accessKeyId}"
  secret_key                 = "${emulator.secretAccessKey}"
  region                     = "us-east-1"
  custom_endpoint_ec2        = "${emulator.endpoint}"
  skip_credential_validation = true
  source_ami                 = data.amazon-ami.base.id
  instance_type              = "t3.micro"
  ssh_username               = "root"
  ami_name                   = "from-\${data.amazon-ami.base.name}"
}

source "null" "echo" {
  communicator = "none"
}

build {
  sources = ["source.amazon-ebs.main"]
}

build {
  name    = "show"
  sources = ["source.null.echo"]
  provisioner "shell-local" {
    inline = ["echo '\${data.amazon-ami.base.id} \${data.amazon-ami.base.owner} \${data.amazon-ami.base.creation_date}' > ami.txt"]
  }
}
`;

  it('kiln validate -evaluate-datasources: source_ami comes from the newest matching image', async () => {
    writeFileSync(join(dir, 'ok.pkr.hcl'), template('kiln-base-*'));
    const m = memoryIO({ cwd: dir });
    expect(await runValidate(['-evaluate-datasources', 'ok.pkr.hcl'], m.io)).toBe(0);
    expect(m.stdout()).toBe('The configuration is valid.\n');
    const calls = emulator.inventory().calls.filter((c) => c.action === 'DescribeImages');
    expect(calls.map((c) => c.status)).toEqual([200]);
  });

  it('kiln build: the data source output reaches a provisioner', async () => {
    writeFileSync(join(dir, 'ok.pkr.hcl'), template('kiln-base-*'));
    const m = memoryIO({ cwd: dir });
    expect(await runBuild(['-only=show.*', 'ok.pkr.hcl'], m.io)).toBe(0);
    expect(readFileSync(join(dir, 'ami.txt'), 'utf8')).toBe(
      'ami-0aaaaaaaaaaaaaaa2 111122223333 2024-02-05T00:00:00.000Z\n',
    );
  });

  it('kiln validate -evaluate-datasources reports Packer’s error when nothing matches', async () => {
    writeFileSync(join(dir, 'none.pkr.hcl'), template('debian-*'));
    const m = memoryIO({ cwd: dir });
    expect(await runValidate(['-evaluate-datasources', 'none.pkr.hcl'], m.io)).toBe(1);
    expect(m.stdout()).toContain(
      'Error: No AMI was found matching filters: {"Filters":[{"Name":"name","Values":["debian-*"]}],"Owners":["111122223333"],"IncludeDeprecated":false}',
    );
  });
});
