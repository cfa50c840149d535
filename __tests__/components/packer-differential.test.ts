import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lookupComponent } from '../../src/components/registry.js';
import { decodeComponent, type ComponentKind } from '../../src/components/schema/index.js';
import { packerAvailable, runPacker } from '../support/packer.js';
import { hclBlock } from './helpers.js';

/*
 * `packer validate` (1.6.6, plugins built in) on small templates against our
 * decode + Prepare. `packer166` holds what 1.6.6 says where the current plugin
 * (which Kiln follows) words it differently.
 */

interface Case {
  readonly name: string;
  readonly kind: ComponentKind;
  readonly block: string;
  /** What 1.6.6 prints instead, where it differs from the current plugin. */
  readonly packer166?: readonly string[];
}

const CASES: Case[] = [
  {
    name: 'docker wrong type',
    kind: 'builder',
    block: 'source "docker" "x" {\n  image = "debian"\n  commit = "yes"\n}',
  },
  {
    name: 'docker unsupported argument',
    kind: 'builder',
    block: 'source "docker" "x" {\n  image = "debian"\n  export_path = "o.tar"\n  imagee = "x"\n}',
  },
  {
    name: 'docker conflicting artifact modes (current wording for the missing image)',
    kind: 'builder',
    block: 'source "docker" "x" {\n  commit = true\n  discard = true\n}',
    packer166: ['Image must be specified', 'Cannot specify more than one of commit, discard, and export_path'],
  },
  { name: 'null ssh without settings', kind: 'builder', block: 'source "null" "x" { communicator = "ssh" }' },
  { name: 'null ok', kind: 'builder', block: 'source "null" "x" { communicator = "none" }' },
  {
    name: 'amazon-ebs checks',
    kind: 'builder',
    block: 'source "amazon-ebs" "x" {\n  ami_name = "a!"\n  ssh_username = "ubuntu"\n  region = "us-east-1"\n}',
  },
  {
    name: 'shell script and inline',
    kind: 'provisioner',
    block: 'provisioner "shell" {\n  script = "nope.sh"\n  inline = ["echo"]\n}',
  },
  {
    name: 'file builder duration-free ok',
    kind: 'builder',
    block: 'source "file" "x" {\n  target = "out"\n  content = "x"\n}',
  },
  {
    name: 'null bad duration',
    kind: 'builder',
    block: 'source "null" "x" {\n  communicator = "none"\n  ssh_timeout = "5x"\n}',
  },
  {
    name: 'powershell checks',
    kind: 'provisioner',
    block:
      'provisioner "powershell" {\n  script = "nope.ps1"\n  scripts = ["a.ps1"]\n  elevated_password = "x"\n  environment_vars = ["FOO"]\n  execution_policy = "9"\n  debug_mode = 3\n}',
  },
  {
    name: 'powershell unknown execution policy',
    kind: 'provisioner',
    block: 'provisioner "powershell" {\n  inline = ["x"]\n  execution_policy = "sometimes"\n}',
  },
  { name: 'windows-shell without scripts', kind: 'provisioner', block: 'provisioner "windows-shell" {}' },
  {
    name: 'shell-local too many options',
    kind: 'provisioner',
    block: 'provisioner "shell-local" {\n  command = "x"\n  script = "nope.sh"\n  environment_vars = ["=a"]\n}',
  },
  {
    name: 'shell-local unknown OS alone',
    kind: 'provisioner',
    block: 'provisioner "shell-local" {\n  inline = ["x"]\n  script = "nope.sh"\n  only_on = ["plan9"]\n}',
  },
  {
    // 1.6.6 cannot decode the sleep provisioner from HCL2 at all (its plugin panics).
    name: 'sleep bad duration',
    kind: 'provisioner',
    block: 'provisioner "sleep" { duration = "5x" }',
    packer166: ['Failed preparing provisioner-block "sleep"'],
  },
  { name: 'breakpoint ok', kind: 'provisioner', block: 'provisioner "breakpoint" { disable = true }' },
  { name: 'windows-restart ok', kind: 'provisioner', block: 'provisioner "windows-restart" {}' },
  { name: 'shell-local post-processor empty', kind: 'post-processor', block: 'post-processor "shell-local" {}' },
  { name: 'artifice without files', kind: 'post-processor', block: 'post-processor "artifice" {}' },
  {
    name: 'docker-push ECR without server',
    kind: 'post-processor',
    block: 'post-processor "docker-push" { ecr_login = true }',
  },
  { name: 'docker-tag ok', kind: 'post-processor', block: 'post-processor "docker-tag" { repository = "r" }' },
  {
    name: 'checksum unknown type',
    kind: 'post-processor',
    block: 'post-processor "checksum" { checksum_types = ["md5", "crc32"] }',
  },
  {
    // Packer's decoding validates every string as a template before Configure runs.
    name: 'manifest output template',
    kind: 'post-processor',
    block: 'post-processor "manifest" { output = "{{ .Foo" }',
    packer166: ["invalid 'output': template: root:1: unclosed action in:\n\n{{ .Foo"],
  },
  {
    name: 'amazon-import checks',
    kind: 'post-processor',
    block:
      'post-processor "amazon-import" {\n  format = "qcow2"\n  s3_encryption = "x"\n  access_key = "a"\n  region = "us-east-1"\n}',
  },
  {
    name: 'qemu checks (1.6.6 lacks the HTTP address, CPU count and VNC port checks)',
    kind: 'builder',
    block:
      'source "qemu" "x" {\n  disk_size = "10 GB"\n  floppy_files = ["nope.txt", "a[.txt"]\n  cd_files = ["nope.iso"]\n  boot_command = ["<enter>"]\n  disable_vnc = true\n  iso_url = "a.iso"\n  iso_urls = ["b.iso"]\n  http_port_min = 9500\n  http_interface = "eth0"\n  http_bind_address = "1.2.3.4"\n  ssh_host_port_min = 5000\n  communicator = "none"\n  format = "vmdk"\n  use_backing_file = true\n  skip_resize_disk = true\n  accelerator = "fast"\n  disk_interface = "nvme"\n  disk_cache = "x"\n  disk_discard = "x"\n  disk_detect_zeroes = "x"\n  cpus = -1\n  vnc_port_min = 100\n  output_directory = "/tmp"\n}',
    packer166: [
      'Invalid disk size.',
      "Bad Floppy disk file 'nope.txt': stat nope.txt: no such file or directory",
      "Bad Floppy disk file 'a[.txt': syntax error in pattern",
      "Bad CD disk file 'nope.iso': stat nope.iso: no such file or directory",
      'A boot command cannot be used when vnc is disabled.',
      'Only one of iso_url or iso_urls must be specified',
      'http_port_min must be less than http_port_max',
      'host_port_min must be less than host_port_max',
      "invalid format, only 'qcow2' or 'raw' are allowed",
      'use_backing_file can only be enabled for QCOW2 images and when disk_image is true',
      'skip_resize_disk can only be used when disk_image is true',
      "invalid accelerator, only 'kvm', 'tcg', 'xen', 'hax', 'hvf', 'whpx', or 'none' are allowed",
      'unrecognized disk interface type',
      'unrecognized disk cache type',
      'unrecognized disk discard type',
      'unrecognized disk detect zeroes setting',
      "Output directory '/tmp' already exists. It must not exist.",
    ],
  },
  {
    name: 'qemu host ports',
    kind: 'builder',
    block:
      'source "qemu" "x" {\n  iso_url = "a.iso"\n  iso_checksum = "none"\n  ssh_username = "u"\n  host_port_min = 5000\n  host_port_max = 4000\n  output_directory = "/nonexistent/out"\n}',
  },
  {
    name: 'amazon-ebs KMS and block devices',
    kind: 'builder',
    block:
      'source "amazon-ebs" "x" {\n  ami_name = "kiln-test"\n  ssh_username = "u"\n  source_ami = "ami-1"\n  instance_type = "t3.micro"\n  region = "us-east-1"\n  ami_regions = ["eu-west-1"]\n  region_kms_key_ids = { "ap-south-1" = "alias/x" }\n  launch_block_device_mappings {\n    volume_size = 10\n  }\n}',
  },
  {
    name: 'amazon-ebs spot tags and block duration',
    kind: 'builder',
    block:
      'source "amazon-ebs" "x" {\n  ami_name = "kiln-test"\n  ssh_username = "u"\n  source_ami = "ami-1"\n  instance_type = "t3.micro"\n  region = "us-east-1"\n  spot_tags = { a = "b" }\n  block_duration_minutes = 90\n}',
  },
];

function template(c: Case): string {
  if (c.kind === 'builder') {
    const [, type] = /"([^"]+)"/.exec(c.block) ?? [];
    return `${c.block}\nbuild { sources = ["source.${type}.x"] }\n`;
  }
  return `source "null" "n" { communicator = "none" }\nbuild {\n  sources = ["source.null.n"]\n  ${c.block}\n}\n`;
}

/** Our errors: the first decode error (summary and detail), else every Prepare error; empty when valid. */
function ours(c: Case): string[] {
  const block = hclBlock(c.block);
  const spec = lookupComponent(c.kind, block.labels[0] ?? '')?.spec;
  if (!spec) throw new Error('no spec');
  const decoded = decodeComponent(spec, block.body, undefined);
  const diag = decoded.diags.find((d) => d.severity === 'error');
  if (diag) return diag.detail ? [diag.summary, diag.detail] : [diag.summary];
  if (!decoded.config) throw new Error('no config');
  return [...spec.prepare(decoded.config).errors];
}

/** Packer wraps long lines and frames errors by layer; compare words only. */
const words = (text: string) => text.replace(/\s+/g, ' ').trim();

const dir = mkdtempSync(join(tmpdir(), 'kiln-validate-'));

describe.skipIf(!packerAvailable())('components against packer 1.6.6 validate', () => {
  it.each(CASES)('$name', async (c) => {
    const file = join(dir, `${c.name.replace(/\W+/g, '-')}.pkr.hcl`);
    writeFileSync(file, template(c));
    const run = await runPacker(['validate', file], { cwd: dir });
    const out = words(run.stdout + run.stderr);
    const mine = ours(c);
    expect(run.exit === 0).toBe((c.packer166 ?? mine).length === 0);
    for (const message of c.packer166 ?? mine) expect(out).toContain(words(message));
  });
});
