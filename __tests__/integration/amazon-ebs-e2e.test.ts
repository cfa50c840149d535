import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import {
  CreateKeyPairCommand,
  DeleteKeyPairCommand,
  DescribeInstancesCommand,
  EC2Client,
  RunInstancesCommand,
  TerminateInstancesCommand,
  type Instance,
} from '@aws-sdk/client-ec2';
import { afterEach, describe, expect, it } from 'vitest';
import { runBuild } from '../../src/cli/build.js';
import { SshCommunicator } from '../../src/communicator/ssh/communicator.js';
import { memoryIO } from '../support/cli.js';
import {
  DEFAULT_SOURCE_IMAGE,
  startEc2Emulator,
  type Ec2Emulator,
  type Ec2EmulatorOptions,
  type Inventory,
} from '../support/ec2-emulator/index.js';

/*
 * `kiln build` of an amazon-ebs template (source_ami_filter, temporary key
 * pair and security group, file and shell provisioners, two ami_regions,
 * tags with Go templates) against the EC2 emulator; then a new instance
 * started from the copied AMI shows over SSH that the provisioners ran. The
 * fault test has 10% throttled and 10% 5xx answers and new AMIs invisible for
 * 20 s. The emulator listens on 127.0.0.85.
 */

const HOST = '127.0.0.85';
const SOURCE_AMI = DEFAULT_SOURCE_IMAGE.imageId;
let emulator: Ec2Emulator | undefined;
let dir: string | undefined;

afterEach(async () => {
  await emulator?.stop();
  emulator = undefined;
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
}, 60_000);

async function setUp(options: Ec2EmulatorOptions = {}): Promise<{ emu: Ec2Emulator; dir: string }> {
  emulator = await startEc2Emulator({ host: HOST, ...options });
  dir = mkdtempSync(join(tmpdir(), 'kiln-ebs-e2e-'));
  writeFileSync(join(dir, 'build.pkr.hcl'), template(emulator, dir));
  writeFileSync(join(dir, 'motd.txt'), 'uploaded by the file provisioner\n');
  return { emu: emulator, dir };
}

/** Packer resolves a provisioner's source against the process's directory, so the file's path is absolute. */
function template(emu: Ec2Emulator, dir: string): string {
  return `
source "amazon-ebs" "e2e" {
  region                     = "us-east-1"
  access_key                 = "${emu.accessKeyId}"
  secret_key                 = "${emu.secretAccessKey}"
  custom_endpoint_ec2        = "${emu.endpoint}"
  skip_credential_validation = true
  skip_metadata_api_check    = true
  source_ami_filter {
    filters = {
      name                = "debian-12-*"
      root-device-type    = "ebs"
    }
    owners      = ["${DEFAULT_SOURCE_IMAGE.ownerId}"]
    most_recent = true
  }
  instance_type = "t3.micro"
  ssh_username  = "root"
  ami_name      = "kiln-e2e"
  ami_regions   = ["us-west-2"]
  tags = {
    Name   = "kiln-e2e"
    Source = "{{ .SourceAMI }}"
    Built  = "{{ timestamp }}"
  }
}

build {
  sources = ["source.amazon-ebs.e2e"]

  provisioner "file" {
    source      = "${join(dir, 'motd.txt')}"
    destination = "/root/motd.txt"
  }

  provisioner "shell" {
    inline = ["echo shell ran on $(cat /etc/debian_version | cut -d. -f1) > /root/shell.txt"]
  }
}
`;
}

/** What is left besides the AMIs: live instances, key pairs, non-default groups, volumes, anything run-tagged. */
function leftovers(inv: Inventory) {
  const terminated = new Set(inv.instances.filter((i) => i.state === 'terminated').map((i) => i.instanceId));
  return {
    instances: inv.instances.filter((i) => i.state !== 'terminated').map((i) => i.instanceId),
    keyPairs: inv.keyPairs.map((k) => k.keyName),
    securityGroups: inv.securityGroups.filter((g) => g.groupName !== 'default').map((g) => g.groupId),
    volumes: inv.volumes.map((v) => v.volumeId),
    runTagged: inv.tags
      .filter((t) => t.key.startsWith('kiln:') && !terminated.has(t.resourceId))
      .map((t) => t.resourceId),
  };
}

const NOTHING = { instances: [], keyPairs: [], securityGroups: [], volumes: [], runTagged: [] };

async function build(dir: string): Promise<{ code: number; out: string }> {
  const { io, stdout, stderr } = memoryIO({ cwd: dir });
  const code = await runBuild(['-color=false', 'build.pkr.hcl'], io);
  return { code, out: stdout() + stderr() };
}

/** The built AMIs by region, with their tags and their snapshots' tags. */
function builtImages(inv: Inventory) {
  return inv.images
    .filter((i) => i.name === 'kiln-e2e')
    .map((i) => ({
      region: i.region,
      imageId: i.imageId,
      state: i.state,
      tags: Object.fromEntries(i.tags.map((t) => [t.key, t.value])),
      snapshots: i.blockDeviceMappings.flatMap((d) => (d.snapshotId ? [d.snapshotId] : [])),
    }))
    .sort((a, b) => a.region.localeCompare(b.region));
}

/** Starts an instance of ami in region with a new key pair, reads the provisioned files over SSH, terminates it. */
async function provisionedFiles(emu: Ec2Emulator, region: string, ami: string): Promise<string> {
  const ec2 = new EC2Client({
    region,
    endpoint: emu.endpoint,
    credentials: { accessKeyId: emu.accessKeyId, secretAccessKey: emu.secretAccessKey },
  });
  const keyName = 'e2e-check';
  let instanceId = '';
  try {
    const key = await ec2.send(new CreateKeyPairCommand({ KeyName: keyName }));
    const run = await ec2.send(
      new RunInstancesCommand({ ImageId: ami, InstanceType: 't3.micro', MinCount: 1, MaxCount: 1, KeyName: keyName }),
    );
    instanceId = run.Instances?.[0]?.InstanceId ?? '';
    const instance = await instanceIn(ec2, instanceId, 'running');
    const comm = await SshCommunicator.connect({
      ssh_host: instance?.PublicIpAddress ?? '',
      ssh_username: 'root',
      ssh_private_key: key.KeyMaterial ?? '',
      ssh_timeout: 30_000,
    });
    try {
      let text = '';
      const stdout = new Writable({
        write(chunk: Buffer, _enc, done) {
          text += chunk.toString();
          done();
        },
      });
      const result = await comm.start({ command: 'cat /root/motd.txt /root/shell.txt', stdout });
      expect(result.exitStatus).toBe(0);
      return text;
    } finally {
      await comm.close();
    }
  } finally {
    if (instanceId) {
      await ec2.send(new TerminateInstancesCommand({ InstanceIds: [instanceId] }));
      await instanceIn(ec2, instanceId, 'terminated');
    }
    await ec2.send(new DeleteKeyPairCommand({ KeyName: keyName }));
    ec2.destroy();
  }
}

/** Polls the instance until it is in state (bounded); resolves it as last described. */
async function instanceIn(ec2: EC2Client, instanceId: string, state: string): Promise<Instance | undefined> {
  let instance: Instance | undefined;
  for (let i = 0; i < 150 && instance?.State?.Name !== state; i++) {
    await new Promise((r) => setTimeout(r, 200));
    const out = await ec2.send(new DescribeInstancesCommand({ InstanceIds: [instanceId] }));
    instance = out.Reservations?.[0]?.Instances?.[0];
  }
  expect(instance?.State?.Name).toBe(state);
  return instance;
}

describe('amazon-ebs end to end against the EC2 emulator', () => {
  it('builds AMIs in two regions whose instances hold the provisioned files, and leaves nothing behind', async () => {
    const { emu, dir } = await setUp();
    const started = Math.floor(Date.now() / 1000);
    const { code, out } = await build(dir);
    expect(code, out).toBe(0);
    expect(out).toContain(`amazon-ebs.e2e: Found Image ID: ${SOURCE_AMI}`);
    expect(out).toContain('amazon-ebs.e2e: Creating temporary keypair: packer_');
    expect(out).toContain('amazon-ebs.e2e: Creating temporary security group for this instance: packer_');
    expect(out).toContain(`amazon-ebs.e2e: Uploading ${join(dir, 'motd.txt')} => /root/motd.txt`);

    const inv = emu.inventory();
    const images = builtImages(inv);
    expect(images.map((i) => [i.region, i.state])).toEqual([
      ['us-east-1', 'available'],
      ['us-west-2', 'available'],
    ]);
    const [east, west] = images;
    expect(out).toContain(
      `--> amazon-ebs.e2e: AMIs were created:\nus-east-1: ${east?.imageId}\nus-west-2: ${west?.imageId}\n`,
    );
    for (const image of images) {
      const built = Number(image.tags['Built']);
      expect(built).toBeGreaterThanOrEqual(started);
      expect(built).toBeLessThanOrEqual(Math.floor(Date.now() / 1000));
      expect(image.tags).toEqual({ Name: 'kiln-e2e', Source: SOURCE_AMI, Built: String(built) });
      expect(image.snapshots).toHaveLength(1);
      const snapshot = inv.snapshots.find((s) => s.snapshotId === image.snapshots[0]);
      expect([snapshot?.region, snapshot?.state]).toEqual([image.region, 'completed']);
      expect(Object.fromEntries(snapshot?.tags.map((t) => [t.key, t.value]) ?? [])).toEqual(image.tags);
    }
    // The run's instance is terminated; nothing else of the run is left, and no run tag remains anywhere.
    expect(inv.instances.map((i) => [i.state, i.containerRemoved])).toEqual([['terminated', true]]);
    expect(leftovers(inv)).toEqual(NOTHING);

    expect(await provisionedFiles(emu, 'us-west-2', west?.imageId ?? '')).toBe(
      'uploaded by the file provisioner\nshell ran on 12\n',
    );
    expect(leftovers(emu.inventory())).toEqual(NOTHING);
  }, 240_000);

  it('builds through 10% throttled and 10% failing answers and AMIs invisible for 20 s', async () => {
    const { emu, dir } = await setUp({
      faults: { throttleFraction: 0.1, serverErrorFraction: 0.1, seed: 9 },
      amiVisibilityDelayMs: 20_000,
    });
    const started = Date.now();
    const { code, out } = await build(dir);
    expect(code, out).toBe(0);
    const inv = emu.inventory();
    const errors = (code: string) => inv.calls.filter((c) => c.errorCode === code).length;
    expect(errors('RequestLimitExceeded')).toBeGreaterThan(0);
    expect(errors('InternalError')).toBeGreaterThan(0);
    // Both the new AMI and its copy were looked up while still invisible, then found.
    expect(inv.calls.filter((c) => c.errorCode === 'InvalidAMIID.NotFound').map((c) => c.region)).toEqual(
      expect.arrayContaining(['us-east-1', 'us-west-2']),
    );
    expect(Date.now() - started).toBeGreaterThanOrEqual(20_000);
    expect(builtImages(inv).map((i) => [i.region, i.state])).toEqual([
      ['us-east-1', 'available'],
      ['us-west-2', 'available'],
    ]);
    expect(leftovers(inv)).toEqual(NOTHING);
  }, 240_000);
});
