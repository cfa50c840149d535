import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEFAULT_SOURCE_IMAGE,
  EMULATOR_LABEL,
  startEc2Emulator,
  type Ec2Emulator,
  type Inventory,
} from '../support/ec2-emulator/index.js';

/*
 * Emulator fidelity: Packer 1.6.6's own amazon-ebs builder (aws-sdk-go v1) builds an
 * AMI against the emulator from start to finish, cleanup included.
 */

const run = promisify(execFile);

const TEMPLATE = `
variable "endpoint" {
  type = string
}

source "amazon-ebs" "fidelity" {
  region                     = "us-east-1"
  custom_endpoint_ec2        = var.endpoint
  skip_credential_validation = true
  skip_metadata_api_check    = true
  skip_region_validation     = true
  source_ami                 = "${DEFAULT_SOURCE_IMAGE.imageId}"
  instance_type              = "t3.micro"
  ssh_username               = "root"
  ssh_interface              = "public_ip"
  ami_name                   = "kiln-fidelity-\${formatdate("YYYYMMDDhhmmss", timestamp())}"
  tags = {
    Name  = "kiln-fidelity"
    Built = "packer-1.6.6"
  }
}

build {
  sources = ["source.amazon-ebs.fidelity"]

  provisioner "shell" {
    inline = ["echo provisioned-by-packer > /root/provisioned.txt"]
  }
}
`;

interface PackerBuild {
  exit: number;
  stdout: string;
  log: string;
}

/** `packer build` of one template in dir, against the emulator, with PACKER_LOG kept for failure messages. */
async function packerBuild(emulator: Ec2Emulator, dir: string, template: string): Promise<PackerBuild> {
  writeFileSync(path.join(dir, 'build.pkr.hcl'), template);
  const logFile = path.join(dir, 'packer.log');
  const result = await run('packer', ['build', '-color=false', 'build.pkr.hcl'], {
    cwd: dir,
    timeout: 240_000,
    maxBuffer: 64 * 1024 * 1024,
    env: {
      ...process.env,
      CHECKPOINT_DISABLE: '1',
      PACKER_LOG: '1',
      PACKER_LOG_PATH: logFile,
      PKR_VAR_endpoint: emulator.endpoint,
      AWS_ACCESS_KEY_ID: emulator.accessKeyId,
      AWS_SECRET_ACCESS_KEY: emulator.secretAccessKey,
      AWS_SESSION_TOKEN: '',
      AWS_EC2_METADATA_DISABLED: 'true',
    },
  }).then(
    (ok) => ({ exit: 0, stdout: ok.stdout }),
    (error: { code?: number; stdout?: string }) => ({ exit: error.code ?? -1, stdout: error.stdout ?? '' }),
  );
  return { ...result, log: readFileSync(logFile, 'utf8') };
}

describe('packer 1.6.6 amazon-ebs against the EC2 emulator', () => {
  let emulator: Ec2Emulator;
  let dir: string;
  let build: PackerBuild;
  let inventory: Inventory;

  beforeAll(async () => {
    emulator = await startEc2Emulator({ host: '127.0.0.81' });
    dir = mkdtempSync(path.join(tmpdir(), 'kiln-packer-ebs-'));
    build = await packerBuild(emulator, dir, TEMPLATE);
    inventory = emulator.inventory();
  }, 300_000);

  afterAll(async () => {
    await emulator?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  it('succeeds and reports the new AMI as its artifact', () => {
    expect(build.exit, build.stdout + build.log.slice(-4000)).toBe(0);
    const built = inventory.images.find((i) => i.name.startsWith('kiln-fidelity-'));
    expect(built).toBeDefined();
    expect(build.stdout).toContain(`us-east-1: ${built?.imageId}`);
  });

  it('leaves the AMI available with its tags and a tagged root snapshot mapping', () => {
    const built = inventory.images.find((i) => i.name.startsWith('kiln-fidelity-'));
    expect(built?.state).toBe('available');
    expect(built?.name).toMatch(/^kiln-fidelity-\d{14}$/);
    expect(built?.tags).toEqual(
      expect.arrayContaining([
        { key: 'Name', value: 'kiln-fidelity' },
        { key: 'Built', value: 'packer-1.6.6' },
      ]),
    );
    const root = built?.blockDeviceMappings.find((d) => d.deviceName === '/dev/xvda');
    expect(root?.snapshotId).toMatch(/^snap-[0-9a-f]{17}$/);
    expect(inventory.snapshots.find((s) => s.snapshotId === root?.snapshotId)?.state).toBe('completed');
  });

  it('deleted the temporary key pair and security group it created', () => {
    const created = (action: string, param: string) =>
      inventory.calls.filter((c) => c.action === action && c.status === 200).map((c) => c.params[param]);
    const [keyName] = created('CreateKeyPair', 'KeyName');
    const [groupName] = created('CreateSecurityGroup', 'GroupName');
    expect(keyName).toMatch(/^packer_/);
    expect(groupName).toMatch(/^packer_/);
    expect(created('DeleteKeyPair', 'KeyName')).toEqual([keyName]);
    expect(inventory.keyPairs).toEqual([]);
    expect(inventory.securityGroups.map((g) => g.groupName)).toEqual(['default']);
  });

  it('terminated the instance, removed its container and deleted its root volume', () => {
    expect(inventory.instances.map((i) => [i.state, i.containerRemoved, i.instanceType])).toEqual([
      ['terminated', true, 't3.micro'],
    ]);
    expect(inventory.instances[0]?.tags).toEqual([{ key: 'Name', value: 'Packer Builder' }]);
    expect(inventory.volumes).toEqual([]);
  });

  it('made the AMI from the provisioned instance', async () => {
    const built = inventory.images.find((i) => i.name.startsWith('kiln-fidelity-'));
    const { stdout } = await run('docker', [
      'run',
      '--rm',
      '--entrypoint',
      'cat',
      built?.dockerImage ?? 'missing',
      '/root/provisioned.txt',
    ]);
    expect(stdout).toBe('provisioned-by-packer\n');
  });

  it('leaves no container or image behind after stop()', async () => {
    const id = emulator.id;
    const before = await run('docker', ['images', '-q', '--filter', `label=${EMULATOR_LABEL}=${id}`]);
    expect(before.stdout.trim()).not.toBe('');
    await emulator.stop();
    const containers = await run('docker', ['ps', '-a', '-q', '--filter', `label=${EMULATOR_LABEL}=${id}`]);
    const images = await run('docker', ['images', '-q', '--filter', `label=${EMULATOR_LABEL}=${id}`]);
    expect(containers.stdout).toBe('');
    expect(images.stdout).toBe('');
  }, 60_000);
});

const SPOT_TEMPLATE = `
variable "endpoint" {
  type = string
}

source "amazon-ebs" "spot" {
  region                     = "us-east-1"
  custom_endpoint_ec2        = var.endpoint
  skip_credential_validation = true
  skip_metadata_api_check    = true
  skip_region_validation     = true
  source_ami                 = "${DEFAULT_SOURCE_IMAGE.imageId}"
  instance_type              = "t3.micro"
  spot_price                 = "auto"
  ssh_username               = "root"
  ssh_interface              = "public_ip"
  ami_name                   = "kiln-spot-\${formatdate("YYYYMMDDhhmmss", timestamp())}"
  run_tags = {
    run = "spot-1"
  }
  launch_block_device_mappings {
    device_name           = "/dev/xvda"
    volume_size           = 12
    delete_on_termination = true
  }
}

build {
  sources = ["source.amazon-ebs.spot"]

  provisioner "shell" {
    inline = ["true"]
  }
}
`;

describe('packer 1.6.6 amazon-ebs with spot_price against the EC2 emulator', () => {
  let emulator: Ec2Emulator;
  let dir: string;
  let build: PackerBuild;
  let inventory: Inventory;

  beforeAll(async () => {
    emulator = await startEc2Emulator({ host: '127.0.0.81' });
    dir = mkdtempSync(path.join(tmpdir(), 'kiln-packer-spot-'));
    build = await packerBuild(emulator, dir, SPOT_TEMPLATE);
    inventory = emulator.inventory();
  }, 300_000);

  afterAll(async () => {
    await emulator?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  it('launches through a launch template and an instant fleet, and builds the AMI', () => {
    expect(build.exit, build.stdout + build.log.slice(-4000)).toBe(0);
    const actions = inventory.calls.map((c) => c.action);
    expect(actions).toEqual(expect.arrayContaining(['CreateLaunchTemplate', 'CreateFleet', 'DeleteLaunchTemplate']));
    expect(actions).not.toContain('RunInstances');
    expect(inventory.launchTemplates).toEqual([]);
    const [instance] = inventory.instances;
    expect(instance?.spotInstanceRequestId).toMatch(/^sir-/);
    expect(instance?.tags).toEqual(expect.arrayContaining([{ key: 'run', value: 'spot-1' }]));
    expect([instance?.state, instance?.containerRemoved]).toEqual(['terminated', true]);
    const built = inventory.images.find((i) => i.name.startsWith('kiln-spot-'));
    expect(built?.state).toBe('available');
    expect(built?.blockDeviceMappings.map((d) => [d.deviceName, d.volumeSize])).toEqual([['/dev/xvda', 12]]);
  });
});
