import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runValidate } from '../../src/cli/validate.js';
import { childProcesses, installedPlugin } from '../plugins/bridge/support.js';
import { memoryIO } from '../support/cli.js';
import { packerAvailable, runPacker, type PackerRun } from '../support/packer.js';

/*
 * `kiln validate` of templates whose components are served by plugins,
 * against `packer validate` of Packer 1.6.6 with the same plugin directory,
 * both run here on the same file. The plugins are Packer 1.6.6's own
 * azure-arm, vmware-iso and vsphere-iso builders, shell-local provisioner
 * and manifest and shell-local post-processors, installed as the older
 * single-component binaries (a wrapper script packer-KIND-NAME in
 * PACKER_PLUGIN_PATH). Kiln decodes each body with the spec the plugin's
 * ConfigSpec returns and hands the result to the plugin's Prepare as cty
 * JSON, so both must print the same diagnostics (summary, detail, file and
 * line) and exit alike. hcldec decodes the keys of an object spec in Go's
 * map order, which is random: errors about different keys of one body come
 * in any order from Packer (Kiln writes them in source order), so the
 * diagnostics are compared as a multiset of their full texts.
 *
 * Where Packer 1.6.6 and current Packer differ, Kiln follows current Packer:
 *  - on success current Packer says "The configuration is valid." after any
 *    warnings; 1.6.6 prints nothing more (see `expected`).
 */

const hasPacker = packerAvailable();
const VALID = 'The configuration is valid.\n';

interface Case {
  readonly name: string;
  readonly template: string;
  /** The first line of Kiln's output: what the case is about, so that it cannot pass vacuously. */
  readonly first: string;
  /** KILN_PREFER_PLUGINS for components Kiln also has natively. */
  readonly preferPlugins?: boolean;
}

const build = (...sources: string[]) => `build {\n  sources = [${sources.map((s) => `"source.${s}"`).join(', ')}]\n}\n`;

const cases: Case[] = [
  {
    name: 'azure-arm: an unknown argument, a value of the wrong type, a nested block problem',
    template: `source "azure-arm" "x" {
  colour     = "red"
  azure_tags = "prod"
  azure_tag {
    name = "a"
    size = 1
  }
}
${build('azure-arm.x')}`,
    first: 'Error: Unsupported argument',
  },
  {
    name: "azure-arm: required fields missing, reported by the plugin's Prepare",
    template: `source "azure-arm" "x" {
  client_id       = "abc"
  location        = 5
  image_publisher = "Canonical"
}
${build('azure-arm.x')}`,
    first: 'Error: 9 error(s) occurred:',
  },
  {
    name: 'azure-arm: a nested block of the wrong shape and a duplicate block',
    template: `source "azure-arm" "x" {
  plan_info {
    plan_name = ["a"]
  }
  shared_image_gallery {
    subscription = "s"
  }
  shared_image_gallery {
    subscription = "t"
  }
}
${build('azure-arm.x')}`,
    first: 'Error: Incorrect attribute value type',
  },
  {
    name: 'azure-arm: valid to Prepare (functions, Go templates and maps)',
    template: `source "azure-arm" "x" {
  subscription_id                   = "00000000-0000-0000-0000-000000000000"
  client_id                         = "11111111-1111-1111-1111-111111111111"
  client_secret                     = "secret"
  managed_image_resource_group_name = "images"
  managed_image_name                = "ubuntu-\${formatdate("YYYYMMDD", "2021-01-01T00:00:00Z")}"
  os_type                           = "Linux"
  image_publisher                   = "Canonical"
  image_offer                       = "UbuntuServer"
  image_sku                         = "18.04-LTS"
  location                          = "East US"
  vm_size                           = "Standard_DS2_v2"
  azure_tags = {
    team = "{{ build_name }}"
  }
}
${build('azure-arm.x')}`,
    first: VALID.trim(),
  },
  {
    name: 'vmware-iso: an attribute written as a block, a wrong type, then Prepare errors and a warning',
    template: `source "vmware-iso" "x" {
  iso_url   = "http://example.com/x.iso"
  disk_size = "big"
  vmx_data {
    memsize = "1024"
  }
}
source "vmware-iso" "y" {
  communicator = "ssh"
}
${build('vmware-iso.x', 'vmware-iso.y')}`,
    first: 'Error: Unsupported block type',
  },
  {
    name: 'vmware-iso: an unknown argument and a required field missing',
    template: `source "vmware-iso" "x" {
  iso_url      = "http://example.com/x.iso"
  iso_checksum = "none"
  colour       = "red"
}
source "vmware-iso" "y" {
  iso_url          = "http://example.com/x.iso"
  ssh_username     = "root"
  shutdown_command = "halt"
}
${build('vmware-iso.x', 'vmware-iso.y')}`,
    first: 'Error: Unsupported argument',
  },
  {
    name: 'vmware-iso: valid to Prepare, with its warnings',
    template: `source "vmware-iso" "x" {
  iso_url          = "http://example.com/x.iso"
  iso_checksum     = "none"
  ssh_username     = "root"
  ssh_password     = "root"
  shutdown_command = "shutdown -P now"
  disk_size        = 8192
  vmx_data = {
    memsize = "1024"
  }
}
${build('vmware-iso.x')}`,
    first: "Warning: A checksum of 'none' was specified. Since ISO files are so big,",
  },
  {
    name: 'vsphere-iso: block list problems, a duplicate block, then Prepare errors',
    template: `source "vsphere-iso" "x" {
  vcenter_server      = "vc.example.com"
  username            = "admin"
  password            = "pw"
  insecure_connection = true
  network_adapters {
    network = "VM Network"
    colour  = "x"
  }
  storage {
    disk_size = "large"
  }
}
source "vsphere-iso" "y" {
  vcenter_server = "vc.example.com"
  CPUs           = 2
  export {
    force = true
  }
  export {
    force = false
  }
}
source "vsphere-iso" "z" {
  host = "esx"
}
${build('vsphere-iso.x', 'vsphere-iso.y', 'vsphere-iso.z')}`,
    first: 'Error: Unsupported argument',
  },
  {
    name: 'vsphere-iso: one field missing for Prepare (a sensitive variable passed through)',
    template: `variable "password" {
  type      = string
  default   = "hunter2"
  sensitive = true
}
source "vsphere-iso" "x" {
  vcenter_server      = "vc.example.com"
  username            = "admin"
  password            = var.password
  insecure_connection = true
  vm_name             = "ubuntu"
  ssh_username        = "ubuntu"
  ssh_password        = "ubuntu"
  iso_paths           = ["[datastore1] iso/ubuntu.iso"]
  network_adapters {
    network      = "VM Network"
    network_card = "vmxnet3"
  }
  storage {
    disk_size             = 32768
    disk_thin_provisioned = true
  }
}
${build('vsphere-iso.x')}`,
    first: 'Error: 1 error(s) occurred:',
  },
  {
    name: 'vsphere-iso: valid to Prepare',
    template: `source "vsphere-iso" "x" {
  vcenter_server      = "vc.example.com"
  username            = "admin"
  password            = "pw"
  insecure_connection = true
  host                = "esx1"
  vm_name             = "ubuntu"
  ssh_username        = "ubuntu"
  ssh_password        = "ubuntu"
  iso_paths           = ["[datastore1] iso/ubuntu.iso"]
  network_adapters {
    network = "VM Network"
  }
  storage {
    disk_size = 32768
  }
}
${build('vsphere-iso.x')}`,
    first: VALID.trim(),
  },
  {
    name: "shell-local provisioner plugin: an unknown argument, then Prepare's error",
    preferPlugins: true,
    template: `source "null" "x" {
  communicator = "none"
}
build {
  sources = ["source.null.x"]
  provisioner "shell-local" {
    inline = ["echo \${build.ID}"]
    colour = "x"
  }
  provisioner "shell-local" {
    inline = ["echo hi"]
    script = "x.sh"
  }
}
`,
    first: 'Error: Failed preparing provisioner-block "shell-local" ""',
  },
  {
    name: 'manifest and shell-local post-processor plugins: a wrong type, an unknown argument, a Configure error',
    preferPlugins: true,
    template: `source "null" "x" {
  communicator = "none"
}
build {
  sources = ["source.null.x"]
  post-processor "manifest" {
    output     = "m-{{ .BuildName }}.json"
    strip_path = "perhaps"
  }
  post-processor "manifest" {
    output  = "x.json"
    mystery = 1
  }
  post-processor "shell-local" {
    inline = ["a"]
    script = "b"
  }
}
`,
    first: 'Error: Failed preparing post-processor-block "manifest" ""',
  },
  {
    name: 'provisioner and post-processor plugins: valid, with an override and build placeholders',
    preferPlugins: true,
    template: `source "null" "x" {
  communicator = "none"
}
build {
  sources = ["source.null.x"]
  provisioner "shell-local" {
    inline = ["echo \${build.ID}", "echo {{ build_name }}"]
    override = {
      x = { environment_vars = ["A=1"] }
    }
  }
  post-processor "manifest" {
    output      = "m-{{ build_name }}.json"
    custom_data = { a = "b" }
  }
}
`,
    first: VALID.trim(),
  },
];

let plugins = '';
const workDirs: string[] = [];

beforeAll(async () => {
  plugins = await mkdtemp(join(tmpdir(), 'kiln-validate-plugins-'));
  for (const name of [
    'packer-builder-azure-arm',
    'packer-builder-vmware-iso',
    'packer-builder-vsphere-iso',
    'packer-provisioner-shell-local',
    'packer-post-processor-manifest',
    'packer-post-processor-shell-local',
  ]) {
    await installedPlugin(plugins, name);
  }
});

afterEach(async () => {
  expect(await childProcesses()).toEqual([]);
});

afterAll(async () => {
  await Promise.all([plugins, ...workDirs].map((d) => rm(d, { recursive: true, force: true })));
});

function env(c: Case): Record<string, string> {
  return { PACKER_PLUGIN_PATH: plugins, ...(c.preferPlugins ? { KILN_PREFER_PLUGINS: '1' } : {}) };
}

function packerValidate(c: Case, cwd: string): Promise<PackerRun> {
  return runPacker(['validate', 't.pkr.hcl'], { cwd, env: env(c) });
}

async function kilnValidate(c: Case, cwd: string): Promise<PackerRun> {
  const m = memoryIO({ cwd, env: env(c) });
  const exit = await runValidate(['t.pkr.hcl'], m.io);
  return { stdout: m.stdout(), stderr: m.stderr(), exit };
}

/** What current Packer prints where 1.6.6 stops: the success line after the diagnostics. */
function expected(packer: PackerRun): string {
  return packer.exit === 0 ? `${packer.stdout}${VALID}` : packer.stdout;
}

/** The printed diagnostics (each from its "Error:" or "Warning:" line to the next), sorted. */
function diagnostics(text: string): string[] {
  const lines = text.split('\n');
  const starts = lines.flatMap((l, i) => (/^(Error|Warning): /.test(l) && (i === 0 || lines[i - 1] === '') ? [i] : []));
  const tail = lines.findIndex((l, i) => i > (starts.at(-1) ?? -1) && l === VALID.trim());
  const end = tail < 0 ? lines.length : tail;
  return starts
    .map((s, k) =>
      lines
        .slice(s, starts[k + 1] ?? end)
        .join('\n')
        .trimEnd(),
    )
    .sort();
}

describe.skipIf(!hasPacker)('kiln validate of plugin components against packer validate 1.6.6', () => {
  it.each(cases)('$name', async (c) => {
    const dir = await mkdtemp(join(tmpdir(), 'kiln-validate-plugin-case-'));
    workDirs.push(dir);
    await writeFile(join(dir, 't.pkr.hcl'), c.template);
    const packer = await packerValidate(c, dir);
    const kiln = await kilnValidate(c, dir);
    expect(kiln.stdout.split('\n')[0]).toBe(c.first);
    expect({ exit: kiln.exit, stderr: kiln.stderr, diagnostics: diagnostics(kiln.stdout) }).toEqual({
      exit: packer.exit,
      stderr: packer.stderr,
      diagnostics: diagnostics(packer.stdout),
    });
    expect(kiln.stdout.length).toBe(expected(packer).length);
    expect(kiln.stdout.endsWith(VALID)).toBe(packer.exit === 0);
  });
});
