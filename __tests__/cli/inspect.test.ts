import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runInspect } from '../../src/cli/inspect.js';
import { memoryIO } from '../support/cli.js';

const dir = new URL('../fixtures/templates/', import.meta.url).pathname;

async function inspect(args: string[], cwd = `${dir}validate-cases`, env: Record<string, string> = {}) {
  const m = memoryIO({ cwd, env });
  const code = await runInspect(args, m.io);
  return { code, stdout: m.stdout() };
}

// Kiln marks each component with the implementation serving it.
describe('kiln inspect', () => {
  test('lists variables, locals (data sources executed) and builds', async () => {
    expect(await inspect(['datasource.pkr.hcl'])).toEqual({
      code: 0,
      stdout: `Packer Inspect: HCL2 mode

> input-variables:

var.who: "world"

> local-variables:

local.message: "HELLO WORLD"

> builds:

  > b:

    sources:

      null.x (native)

    provisioners:

      shell-local (native)

    post-processors:

      <no post-processor>

`,
    });
  });

  test('sensitive values, unnamed builds, named components and chains', async () => {
    expect(await inspect(['build.pkr.hcl'], `${dir}validate-basic`)).toEqual({
      code: 0,
      stdout: `Packer Inspect: HCL2 mode

> input-variables:

var.v: "<sensitive>"

> local-variables:

local.x: "<sensitive>"

> builds:

  > bn:

    sources:

      null.x (native)

      null.x (native)

    provisioners:

      shell-local (native)

    post-processors:

      0:
        manifest (native)

      1:
        checksum (native)
        manifest.m2 (native)

`,
    });
  });

  test('components served by plugin binaries, and those nothing serves', async () => {
    const root = await mkdtemp(join(tmpdir(), 'kiln-inspect-'));
    const plugins = join(root, 'plugins');
    await mkdir(plugins);
    for (const name of ['packer-builder-qemu', 'packer-provisioner-shell-local', 'packer-post-processor-upload']) {
      await writeFile(join(plugins, name), '#!/bin/sh\nexit 1\n');
      await chmod(join(plugins, name), 0o755);
    }
    await writeFile(
      join(root, 't.pkr.hcl'),
      `source "null" "a" {
  communicator = "none"
}
source "qemu" "b" {
  iso_url      = "/x.iso"
  iso_checksum = "none"
}
build {
  sources = ["source.null.a", "source.qemu.b"]
  provisioner "shell-local" {
    inline = ["true"]
  }
  provisioner "shell" {
    inline = ["true"]
  }
  provisioner "windows-restart" {}
  post-processor "upload" {}
  post-processor "ansible" {}
}
`,
    );
    const env = { HOME: root, PACKER_PLUGIN_PATH: plugins, KILN_PREFER_PLUGINS: 'provisioner.shell-local' };
    expect(await inspect(['t.pkr.hcl'], root, env)).toEqual({
      code: 0,
      stdout: `Packer Inspect: HCL2 mode

> input-variables:


> local-variables:


> builds:

  > <unnamed build 0>:

    sources:

      null.a (native)

      qemu.b (plugin ${plugins}/packer-builder-qemu)

    provisioners:

      shell-local (plugin ${plugins}/packer-provisioner-shell-local)
      shell (native)
      windows-restart (not implemented in Kiln yet, no plugin installed)

    post-processors:

      0:
        upload (plugin ${plugins}/packer-post-processor-upload)

      1:
        ansible (unknown, no plugin installed)

`,
    });
    await rm(root, { recursive: true, force: true });
  });

  test('a legacy JSON template: Packer 1.6.6 text, each builder and provisioner with its implementation', async () => {
    const root = await mkdtemp(join(tmpdir(), 'kiln-inspect-legacy-'));
    const plugins = join(root, 'plugins');
    await mkdir(plugins);
    for (const name of ['packer-builder-azure-arm', 'packer-provisioner-shell-local']) {
      await writeFile(join(plugins, name), '#!/bin/sh\nexit 1\n');
      await chmod(join(plugins, name), 0o755);
    }
    const template = {
      builders: [{ type: 'null', name: 'nn', communicator: 'none' }, { type: 'azure-arm' }, { type: 'nosuch' }],
      provisioners: [
        { type: 'shell-local', inline: ['true'] },
        { type: 'shell', inline: ['true'] },
        { type: 'windows-restart' },
      ],
      'post-processors': ['manifest'],
    };
    await writeFile(join(root, 't.json'), JSON.stringify(template));
    const env = { HOME: root, PACKER_PLUGIN_PATH: plugins, KILN_PREFER_PLUGINS: 'provisioner.shell-local' };
    expect(await inspect(['t.json'], root, env)).toEqual({
      code: 0,
      stdout: `Packer Inspect: JSON mode
Variables:

  <No variables>

Builders:

  azure-arm (plugin ${plugins}/packer-builder-azure-arm)
  nn        (null) (native)
  nosuch    (unknown, no plugin installed)

Provisioners:

  shell-local (plugin ${plugins}/packer-provisioner-shell-local)
  shell (native)
  windows-restart (not implemented in Kiln yet, no plugin installed)

Note: If your build names contain user variables or template
functions such as 'timestamp', these are processed at build time,
and therefore only show in their raw form here.
`,
    });
    await rm(root, { recursive: true, force: true });
  });

  test('parse errors end the command with status 1', async () => {
    const r = await inspect(['unsupported-block.pkr.hcl']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('Error: Unsupported block type');
  });
});
