import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runBuild } from '../../src/cli/build.js';
import { memoryIO } from '../support/cli.js';
import { startSshd, type Sshd } from '../support/sshd.js';
import { childProcesses, tempDir } from '../plugins/bridge/support.js';

/*
 * `kiln build` with components served by plugin binaries: Packer 1.6.6's
 * built-in components, each installed as an older single-component plugin
 * (a script named packer-KIND-NAME in PACKER_PLUGIN_PATH that notes its start
 * and execs `packer plugin packer-KIND-NAME`). KILN_PREFER_PLUGINS makes Kiln
 * take the plugin over its own implementation of a component. As in Packer,
 * each use of a plugin component has one process, from its ConfigSpec and
 * Prepare before any build starts (GetBuilds) to its run.
 */

let root: string;
let plugins: string;
let ws: string;

beforeEach(async () => {
  root = await tempDir();
  plugins = join(root, 'plugins');
  ws = join(root, 'ws');
  await mkdir(plugins);
  await mkdir(ws);
});

afterEach(async () => {
  // Every plugin process ended with the run, retained ones (serving an artifact) included; sshd is the test's.
  expect((await childProcesses()).filter((p) => !p.includes('sshd'))).toEqual([]);
});

async function install(name: string): Promise<string> {
  const path = join(plugins, name);
  await writeFile(path, `#!/bin/sh\necho $$ >> ${join(root, `started-${name}`)}\nexec packer plugin ${name} "$@"\n`);
  await chmod(path, 0o755);
  return path;
}

/** How many times the plugin binary was started. */
async function starts(name: string): Promise<number> {
  const text = await readFile(join(root, `started-${name}`), 'utf8').catch(() => '');
  return text.split('\n').filter(Boolean).length;
}

async function build(template: string, env: Record<string, string>, args: string[] = []) {
  await writeFile(join(ws, 't.pkr.hcl'), template);
  const m = memoryIO({
    cwd: ws,
    env: { PATH: process.env['PATH'] ?? '', HOME: root, PACKER_PLUGIN_PATH: plugins, ...env },
  });
  const code = await runBuild(['-color=false', ...args, 't.pkr.hcl'], m.io);
  return { code, out: normalize(m.stdout()), err: m.stderr() };
}

function normalize(text: string): string {
  return text.replace(/after \d[\da-z. ]*?(?=\.?\n|: )/g, 'after <d>');
}

describe('a native builder with plugin provisioners and post-processors', () => {
  it("runs Packer 1.6.6's shell-local provisioner through its plugin binary", async () => {
    await install('packer-provisioner-shell-local');
    const template = `source "null" "x" {
  communicator = "none"
}
build {
  sources = ["source.null.x"]
  provisioner "shell-local" {
    inline = ["echo hello from $PACKER_BUILD_NAME", "echo type=$PACKER_BUILDER_TYPE"]
  }
}
`;
    const { code, out } = await build(template, { KILN_PREFER_PLUGINS: 'provisioner.shell-local' });
    expect(out).toMatch(
      new RegExp(
        '^==> null\\.x: Running local shell script: /tmp/packer-shell\\d+\n' +
          [
            '    null.x: hello from x',
            '    null.x: type=null',
            "Build 'null.x' finished after <d>.",
            '',
            '==> Wait completed after <d>',
            '',
            '==> Builds finished. The artifacts of successful builds are:',
            '--> null.x: Did not export anything. This is the null builder',
            '',
          ]
            .join('\n')
            .replace(/[.()$]/g, '\\$&') +
          '$',
      ),
    );
    expect(code).toBe(0);
    // One process from ConfigSpec through Prepare to the run, as Packer's one instance per use.
    expect(await starts('packer-provisioner-shell-local')).toBe(1);
  });

  it('gives each use of a component its own process, which its retries and its re-Prepare use too', async () => {
    await install('packer-provisioner-shell-local');
    const marker = join(ws, 'failed-once');
    const template = `source "null" "x" {
  communicator = "none"
}
build {
  sources = ["source.null.x"]
  provisioner "shell-local" {
    inline = ["echo first"]
  }
  provisioner "shell-local" {
    max_retries = 1
    inline = ["test -f ${marker} || { touch ${marker}; exit 3; }", "echo second on \${build.ID}"]
  }
}
`;
    const { code, out } = await build(template, { KILN_PREFER_PLUGINS: 'provisioner.shell-local' });
    expect(out).toContain('    null.x: first\n');
    expect(out).toContain('Provisioner failed with "Script exited with non-zero exit status: 3.');
    expect(out).toContain('    null.x: second on Null\n');
    expect(code).toBe(0);
    // The spec's process served the first use; the second use started one of its own.
    expect(await starts('packer-provisioner-shell-local')).toBe(2);
  });

  it('ends the processes of a plan that fails after some components were prepared', async () => {
    await install('packer-provisioner-shell-local');
    const template = `source "null" "x" {
  communicator = "none"
}
build {
  sources = ["source.null.x"]
  provisioner "shell-local" {
    inline = ["echo fine"]
  }
  provisioner "shell-local" {
  }
}
`;
    const { code, out } = await build(template, { KILN_PREFER_PLUGINS: 'provisioner.shell-local' });
    expect(out).toContain('Error: Failed preparing provisioner-block "shell-local" ""');
    expect(out).not.toContain('fine');
    expect(code).toBe(1);
    expect(await starts('packer-provisioner-shell-local')).toBe(2);
  });

  it("runs Kiln's own shell-local when KILN_PREFER_PLUGINS does not name it", async () => {
    await install('packer-provisioner-shell-local');
    const template = `source "null" "x" {
  communicator = "none"
}
build {
  sources = ["source.null.x"]
  provisioner "shell-local" {
    inline = ["echo native"]
  }
}
`;
    const { code } = await build(template, { KILN_PREFER_PLUGINS: 'post-processor.shell-local' });
    expect(code).toBe(0);
    expect(await starts('packer-provisioner-shell-local')).toBe(0);
  });

  it("passes the file builder's artifact to Packer 1.6.6's compress plugin and ends the plugin with the run", async () => {
    await install('packer-post-processor-compress');
    const template = `source "file" "f" {
  content = "hello\\n"
  target  = "out.txt"
}
build {
  sources = ["source.file.f"]
  post-processor "compress" {
    output = "out.tar.gz"
  }
}
`;
    const { code, out } = await build(template, { KILN_PREFER_PLUGINS: '1' });
    expect(out).toBe(
      [
        '==> file.f: Running post-processor: compress',
        `==> file.f (compress): Using pgzip compression with ${cpus().length} cores for out.tar.gz`,
        '==> file.f (compress): Tarring out.tar.gz with pgzip',
        '==> file.f (compress): Archive out.tar.gz completed',
        "Build 'file.f' finished after <d>.",
        '',
        '==> Wait completed after <d>',
        '',
        '==> Builds finished. The artifacts of successful builds are:',
        '--> file.f: compressed artifacts in: out.tar.gz',
        '',
      ].join('\n'),
    );
    expect(code).toBe(0);
    // One process from ConfigSpec through Prepare to the run, as Packer's one instance per use.
    expect(await starts('packer-post-processor-compress')).toBe(1);
    const tar = gunzipSync(await readFile(join(ws, 'out.tar.gz')));
    expect(tar.subarray(0, 100).toString('latin1').replace(/\0+$/, '')).toBe('out.txt');
    expect(tar.subarray(512, 518).toString('latin1')).toBe('hello\n');
  });
});

describe('a plugin builder with native provisioners and post-processors', () => {
  it("runs Packer 1.6.6's null builder with Kiln's shell-local and manifest", async () => {
    await install('packer-builder-null');
    const manifest = join(ws, 'manifest.json');
    const template = `source "null" "x" {
  communicator = "none"
}
build {
  sources = ["source.null.x"]
  provisioner "shell-local" {
    inline = ["echo native shell-local in $PACKER_BUILD_NAME"]
  }
  post-processor "manifest" {
    output = "${manifest}"
  }
}
`;
    const { code, out } = await build(template, { KILN_PREFER_PLUGINS: 'builder.null' });
    expect(out).toMatch(/^==> null\.x: Running local shell script: \/tmp\/packer-shell\d+\n/);
    expect(out.replace(/^.*\n/, '')).toBe(
      [
        '==> null.x: native shell-local in x',
        '==> null.x: Running post-processor: manifest',
        "Build 'null.x' finished after <d>.",
        '',
        '==> Wait completed after <d>',
        '',
        '==> Builds finished. The artifacts of successful builds are:',
        '--> null.x: Did not export anything. This is the null builder',
        '--> null.x: Did not export anything. This is the null builder',
        '',
      ].join('\n'),
    );
    expect(code).toBe(0);
    // One process from ConfigSpec through Prepare to the run, as Packer's one instance per use.
    expect(await starts('packer-builder-null')).toBe(1);
    const written = JSON.parse(await readFile(manifest, 'utf8')) as { builds: Record<string, unknown>[] };
    expect(written.builds).toEqual([
      {
        name: 'x',
        builder_type: 'null',
        build_time: expect.any(Number),
        files: null,
        artifact_id: 'Null',
        packer_run_uuid: expect.any(String),
        custom_data: null,
      },
    ]);
  });

  it("runs Packer 1.6.6's qemu builder, which Kiln knows but does not run, with the config its spec decoded", async () => {
    await install('packer-builder-qemu');
    const template = `source "qemu" "q" {
  iso_url          = "/nonexistent/disk.iso"
  iso_checksum     = "none"
  communicator     = "none"
  qemu_binary      = "kiln-no-such-qemu"
  output_directory = "qemu-out"
}
build {
  sources = ["source.qemu.q"]
}
`;
    const { code, out } = await build(template, {});
    const failure = 'Failed creating Qemu driver: exec: "kiln-no-such-qemu": executable file not found in $PATH';
    expect(out).toContain(`Build 'qemu.q' errored after <d>: ${failure}\n`);
    expect(out).toContain(`--> qemu.q: ${failure}\n`);
    expect(code).toBe(1);
    // One process from ConfigSpec through Prepare to the run, as Packer's one instance per use.
    expect(await starts('packer-builder-qemu')).toBe(1);
  });

  describe('with an SSH communicator', () => {
    let sshd: Sshd;
    beforeAll(async () => {
      sshd = await startSshd('127.0.0.38');
    });
    afterAll(async () => {
      await sshd.stop();
    });

    it("runs Kiln's shell provisioner over the plugin's SSH communicator", async () => {
      await install('packer-builder-null');
      const template = `source "null" "s" {
  ssh_host             = "127.0.0.38"
  ssh_port             = ${sshd.port}
  ssh_username         = "root"
  ssh_private_key_file = "${sshd.userKeyFile}"
}
build {
  sources = ["source.null.s"]
  provisioner "shell" {
    inline = ["echo over ssh from $(id -un)"]
  }
}
`;
      const { code, out } = await build(template, { KILN_PREFER_PLUGINS: 'builder.null' });
      expect(out.replace(/packer-shell\d+/, 'packer-shellN')).toBe(
        [
          '==> null.s: Using ssh communicator to connect: 127.0.0.38',
          '==> null.s: Waiting for SSH to become available...',
          '==> null.s: Connected to SSH!',
          '==> null.s: Provisioning with shell script: /tmp/packer-shellN',
          '==> null.s: over ssh from root',
          "Build 'null.s' finished after <d>.",
          '',
          '==> Wait completed after <d>',
          '',
          '==> Builds finished. The artifacts of successful builds are:',
          '--> null.s: Did not export anything. This is the null builder',
          '',
        ].join('\n'),
      );
      expect(code).toBe(0);
    });
  });
});

describe('a component neither native nor provided by a plugin', () => {
  it("is refused before any build starts, in Packer's words for a missing plugin", async () => {
    const template = `source "qemu" "q" {
  iso_url      = "/nonexistent/disk.iso"
  iso_checksum = "none"
  communicator = "none"
}
build {
  sources = ["source.qemu.q"]
  provisioner "windows-restart" {}
  provisioner "windows-restart" {}
}
`;
    const { code, out } = await build(template, {});
    expect(out).toBe(
      `Warning: A checksum of 'none' was specified. Since ISO files are so big,
a checksum is highly recommended.

  on t.pkr.hcl line 1:
  (source code not available)


Error: Unknown source type qemu

The source qemu is unknown by Packer, and is likely part of a plugin that is not
installed.
You may find the needed plugin along with installation instructions documented
on the Packer integrations page.

https://developer.hashicorp.com/packer/integrations?filter=qemu

Kiln knows the builder qemu but does not run it natively: it runs through a
plugin once one is installed (a required_plugins entry and kiln init, or a
packer-builder-qemu binary in PACKER_PLUGIN_PATH).

Error: Unknown provisioner type "windows-restart"

The provisioner windows-restart is unknown by Packer, and is likely part of a
plugin that is not installed.
You may find the needed plugin along with installation instructions documented
on the Packer integrations page.

https://developer.hashicorp.com/packer/integrations?filter=windows

Kiln knows the provisioner windows-restart but does not run it natively: it runs
through a plugin once one is installed (a required_plugins entry and kiln init,
or a packer-provisioner-windows-restart binary in PACKER_PLUGIN_PATH).


`,
    );
    expect(code).toBe(1);
  });
});
