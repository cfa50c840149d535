import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runBuild } from '../../src/cli/build.js';
import { memoryIO } from '../support/cli.js';
import { startEc2Emulator, type Ec2Emulator, type Ec2EmulatorOptions } from '../support/ec2-emulator/index.js';
import { startKiln } from '../support/kiln-process.js';

/*
 * `kiln build` with an amazon-ebs source against the EC2 emulator: the AMI
 * ends up available with the template's tags (and without Kiln's run tags),
 * and no instance, key pair, security group or volume of the run is left,
 * after success, after SIGINT while the instance starts, and with throttled
 * API answers. The emulator listens on 127.0.0.88 (amazon-ebs tests).
 */

const HOST = '127.0.0.88';
let emulator: Ec2Emulator | undefined;
let dir: string | undefined;

afterEach(async () => {
  await emulator?.stop();
  emulator = undefined;
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function setUp(options: Ec2EmulatorOptions = {}): Promise<{ emu: Ec2Emulator; dir: string }> {
  emulator = await startEc2Emulator({ host: HOST, ...options });
  dir = mkdtempSync(join(tmpdir(), 'kiln-ebs-'));
  writeFileSync(join(dir, 't.pkr.hcl'), template(emulator));
  return { emu: emulator, dir };
}

function template(emu: Ec2Emulator): string {
  return `
source "amazon-ebs" "main" {
  region                     = "${emu.region}"
  access_key                 = "${emu.accessKeyId}"
  secret_key                 = "${emu.secretAccessKey}"
  custom_endpoint_ec2        = "${emu.endpoint}"
  skip_credential_validation = true
  source_ami_filter {
    filters     = { name = "debian-12-*" }
    owners      = ["136693071363"]
    most_recent = true
  }
  instance_type = "t3.micro"
  ssh_username  = "root"
  ami_name      = "kiln-e2e"
  tags = {
    Name = "kiln-e2e"
    Base = "{{ .SourceAMIName }}"
  }
}

build {
  sources = ["source.amazon-ebs.main"]
  provisioner "shell" {
    inline = ["echo kiln-provisioned-$(cat /etc/debian_version | cut -c1-2) > /root/marker", "cat /root/marker"]
  }
}
`;
}

/** What the run left: live instances, key pairs, non-default groups and volumes tagged with a run id. */
function leftovers(emu: Ec2Emulator) {
  const inv = emu.inventory();
  const runTagged = new Set(inv.tags.filter((t) => t.key === 'kiln:run-id').map((t) => t.resourceId));
  return {
    instances: inv.instances.filter((i) => i.state !== 'terminated').map((i) => i.instanceId),
    keyPairs: inv.keyPairs.map((k) => k.keyName),
    securityGroups: inv.securityGroups.filter((g) => g.groupName !== 'default').map((g) => g.groupId),
    volumes: inv.volumes.filter((v) => runTagged.has(v.volumeId)).map((v) => v.volumeId),
  };
}

const NOTHING = { instances: [], keyPairs: [], securityGroups: [], volumes: [] };

describe('amazon-ebs against the EC2 emulator', () => {
  it('builds an available AMI with the template tags and leaves nothing behind', async () => {
    const { emu, dir } = await setUp();
    const { io, stdout, stderr } = memoryIO({ cwd: dir });
    const code = await runBuild(['-color=false', 't.pkr.hcl'], io);
    const out = stdout();
    expect(stderr()).toBe('');
    expect(out).not.toContain('errored');
    expect(code, out).toBe(0);
    expect(out).toContain('amazon-ebs.main: kiln-provisioned-12');
    const images = emu.inventory().images.filter((i) => i.name === 'kiln-e2e');
    expect(images.map((i) => i.state)).toEqual(['available']);
    const ami = images[0]?.imageId ?? '';
    expect(out).toContain(`--> amazon-ebs.main: AMIs were created:\nus-east-1: ${ami}\n`);
    const amiTags = emu
      .inventory()
      .tags.filter((t) => t.resourceId === ami)
      .map((t) => [t.key, t.value])
      .sort();
    expect(amiTags).toEqual([
      ['Base', 'debian-12-amd64-20240101-1614'],
      ['Name', 'kiln-e2e'],
    ]);
    expect(leftovers(emu)).toEqual(NOTHING);
  }, 180_000);

  it('leaves nothing behind after SIGINT while the instance starts', async () => {
    const { emu, dir } = await setUp({ delays: { instanceRunningMs: 60_000 } });
    const kiln = startKiln(['build', '-color=false', 't.pkr.hcl'], { cwd: dir });
    await kiln.waitFor('to become ready...', 60_000);
    kiln.child.kill('SIGINT');
    expect(await kiln.exited).not.toBe(0);
    expect(kiln.stdout()).toContain('Terminating the source AWS instance...');
    expect(leftovers(emu)).toEqual(NOTHING);
    expect(emu.inventory().instances).toHaveLength(1);
  }, 180_000);

  it('retries throttled and failing API calls and still builds', async () => {
    const { emu, dir } = await setUp({ faults: { throttleFraction: 0.1, serverErrorFraction: 0.05, seed: 7 } });
    const { io, stdout } = memoryIO({ cwd: dir });
    expect(await runBuild(['-color=false', 't.pkr.hcl'], io)).toBe(0);
    expect(stdout()).not.toContain('errored');
    const throttled = emu.inventory().calls.filter((c) => c.errorCode === 'RequestLimitExceeded');
    expect(throttled.length).toBeGreaterThan(0);
    expect(leftovers(emu)).toEqual(NOTHING);
  }, 240_000);
});
