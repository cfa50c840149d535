import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBuild } from '../../src/cli/build.js';
import { memoryIO } from '../support/cli.js';
import { startEc2Emulator, type Ec2Emulator } from '../support/ec2-emulator/index.js';

/*
 * `kiln build` with spot_price against the EC2 emulator (127.0.0.89): the
 * instance comes from a launch template and an instant fleet, the shell
 * provisioner runs on it, and afterwards no instance, launch template, key
 * pair or security group of the run is left.
 */

const HOST = '127.0.0.89';

function template(emu: Ec2Emulator): string {
  return `
source "amazon-ebs" "spot" {
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
  spot_price          = "auto"
  spot_instance_types = ["t3.micro", "t3a.micro"]
  ssh_username        = "root"
  ami_name            = "kiln-spot"
  run_tags = {
    run = "spot-1"
  }
}

build {
  sources = ["source.amazon-ebs.spot"]
  provisioner "shell" {
    inline = ["echo spot-provisioned-$(cat /etc/debian_version | cut -c1-2)"]
  }
}
`;
}

describe('amazon-ebs spot build against the EC2 emulator', () => {
  let emulator: Ec2Emulator;
  let dir: string;
  let code: number;
  let out: string;

  beforeAll(async () => {
    emulator = await startEc2Emulator({ host: HOST });
    dir = mkdtempSync(join(tmpdir(), 'kiln-ebs-spot-'));
    writeFileSync(join(dir, 't.pkr.hcl'), template(emulator));
    const { io, stdout } = memoryIO({ cwd: dir });
    code = await runBuild(['-color=false', 't.pkr.hcl'], io);
    out = stdout();
  }, 240_000);

  afterAll(async () => {
    await emulator?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  it('provisions a spot instance from a fleet and leaves nothing of the run behind', () => {
    expect(code, out).toBe(0);
    expect(out).toContain('amazon-ebs.spot: spot-provisioned-12');
    const inv = emulator.inventory();
    const actions = inv.calls.map((c) => c.action);
    expect(actions.filter((a) => /LaunchTemplate|Fleet|RunInstances/.test(a))).toEqual([
      'CreateLaunchTemplate',
      'CreateFleet',
      'DeleteLaunchTemplate',
    ]);
    const [instance] = inv.instances;
    expect(inv.instances).toHaveLength(1);
    expect([instance?.instanceType, instance?.state]).toEqual(['t3.micro', 'terminated']);
    expect(instance?.spotInstanceRequestId).toMatch(/^sir-/);
    expect(instance?.tags).toEqual(expect.arrayContaining([{ key: 'run', value: 'spot-1' }]));
    expect(inv.launchTemplates).toEqual([]);
    expect(inv.keyPairs).toEqual([]);
    expect(inv.securityGroups.filter((g) => g.groupName !== 'default')).toEqual([]);
    expect(inv.images.filter((i) => i.name === 'kiln-spot').map((i) => i.state)).toEqual(['available']);
  });
});
