/*
 * One amazon-ebs template built by Kiln and by Packer 1.6.6 against the same
 * EC2 emulator, in one run:
 *
 *   npm run bench:amazon [-- --runs 3 --kiln bundle|dist|src]
 *
 * The emulator (127.0.0.87) has instances running 5 s after RunInstances and
 * AMIs available 10 s after CreateImage/CopyImage. The template looks its
 * source AMI up by filter, makes a temporary key pair and security group,
 * runs a file and a shell provisioner and copies the AMI to a second region.
 * Kiln and Packer alternate, `runs` times each; the median wall-time ratio is
 * the result (goal: Kiln <= 0.6x Packer). Packer's waiters poll every 15 s;
 * Kiln's start at a quarter second and grow by half each time.
 *
 * --kiln picks how `kiln` starts (bench/support/kiln-entry.ts); the default,
 * bundle, is src/cli bundled now with esbuild, since dist may be stale.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_SOURCE_IMAGE, startEc2Emulator } from '../__tests__/support/ec2-emulator/index.js';
import { kilnCommand, type KilnEntry } from './support/kiln-entry.js';
import { median, ms, timed, verdict } from './support/timing.js';

const root = path.resolve(import.meta.dirname, '..');
const GOAL = 0.6;

const { values } = parseArgs({
  options: { runs: { type: 'string', default: '3' }, kiln: { type: 'string', default: 'bundle' } },
});
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a positive integer, got ${values.runs}`);
const entry = values.kiln as KilnEntry;
if (!['dist', 'bundle', 'src'].includes(entry)) throw new Error(`--kiln must be dist, bundle or src, got ${entry}`);

const TEMPLATE = `
variable "endpoint" {
  type = string
}

variable "run" {
  type = string
}

source "amazon-ebs" "bench" {
  region                     = "us-east-1"
  custom_endpoint_ec2        = var.endpoint
  skip_credential_validation = true
  skip_metadata_api_check    = true
  skip_region_validation     = true
  source_ami_filter {
    filters = {
      name = "debian-12-*"
    }
    owners      = ["${DEFAULT_SOURCE_IMAGE.ownerId}"]
    most_recent = true
  }
  instance_type = "t3.micro"
  ssh_username  = "root"
  ssh_interface = "public_ip"
  ami_name      = "bench-\${var.run}"
  ami_regions   = ["us-west-2"]
  tags = {
    Name   = "bench-\${var.run}"
    Source = "{{ .SourceAMI }}"
  }
}

build {
  sources = ["source.amazon-ebs.bench"]

  provisioner "file" {
    source      = "motd.txt"
    destination = "/root/motd.txt"
  }

  provisioner "shell" {
    inline = ["echo provisioned > /root/provisioned.txt"]
  }
}
`;

const emulator = await startEc2Emulator({
  host: '127.0.0.87',
  delays: { instanceRunningMs: 5_000, imageAvailableMs: 10_000 },
});
const work = mkdtempSync(path.join(tmpdir(), 'kiln-bench-amazon-'));
const kiln = await kilnCommand(root, entry);
try {
  writeFileSync(path.join(work, 'build.pkr.hcl'), TEMPLATE);
  writeFileSync(path.join(work, 'motd.txt'), 'benchmark\n');
  const env = {
    AWS_ACCESS_KEY_ID: emulator.accessKeyId,
    AWS_SECRET_ACCESS_KEY: emulator.secretAccessKey,
    AWS_SESSION_TOKEN: '',
    AWS_EC2_METADATA_DISABLED: 'true',
  };
  const vars = (run: string) => ['-color=false', `-var=endpoint=${emulator.endpoint}`, `-var=run=${run}`];
  const options = () => ({ cwd: work, env });
  const tools = {
    kiln: (run: string) => timed(process.execPath, [...kiln.args, 'build', ...vars(run), 'build.pkr.hcl'], options()),
    packer: (run: string) => timed('packer', ['build', ...vars(run), 'build.pkr.hcl'], options()),
  };

  console.log(`amazon-ebs build against the EC2 emulator (instance running after 5 s, AMI available after 10 s)`);
  console.log(`  kiln = node ${entry === 'src' ? '--import tsx src/cli/index.ts' : kiln.args.join(' ')} build`);
  console.log(`  packer = packer 1.6.6 build; ${runs} run(s) each, alternating\n`);
  const times: Record<keyof typeof tools, number[]> = { kiln: [], packer: [] };
  for (let i = 1; i <= runs; i++) {
    for (const name of ['kiln', 'packer'] as const) {
      const { ms: took, stdout } = await tools[name](`${name}-${i}-${Date.now()}`);
      if (!/us-west-2: ami-/.test(stdout)) throw new Error(`${name} did not report the copied AMI:\n${stdout}`);
      times[name].push(took);
      console.log(`  run ${i} ${name.padEnd(6)} ${ms(took)}`);
    }
  }
  const kilnMedian = median(times.kiln);
  const packerMedian = median(times.packer);
  console.log(`\n  median kiln   ${ms(kilnMedian)}`);
  console.log(`  median packer ${ms(packerMedian)}`);
  console.log(`  kiln / packer, wall: ${verdict(kilnMedian / packerMedian, GOAL)}`);
} finally {
  kiln.dispose();
  await emulator.stop();
  rmSync(work, { recursive: true, force: true });
}
