import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBuild } from '../../src/cli/build.js';
import { memoryIO } from '../support/cli.js';
import { packerAvailable, runPacker } from '../support/packer.js';
import { startSshd, type Sshd } from '../support/sshd.js';
import { snapshot } from '../components/provisioners/file.support.js';

/*
 * The same null + SSH template built by Packer 1.6.6 and by Kiln against one
 * real sshd, each into its own remote directory: the remote trees (names,
 * types, modes, sizes) and the manifests must agree.
 */

let sshd: Sshd;
let work: string;
beforeAll(async () => {
  sshd = await startSshd('127.0.0.36');
  work = mkdtempSync(join(tmpdir(), 'kiln-side-'));
  // The uploaded tree: ordinary modes (the remote umask question is the file provisioner differential's).
  mkdirSync(join(work, 'payload/etc/app'), { recursive: true });
  writeFileSync(join(work, 'payload/etc/app/app.conf'), 'port = 8080\n');
  writeFileSync(join(work, 'payload/run.sh'), '#!/bin/sh\necho run\n');
  chmodSync(join(work, 'payload/run.sh'), 0o755);
  writeFileSync(join(work, 'single.txt'), 'one file\n');
});
afterAll(async () => {
  await sshd.stop();
  rmSync(work, { recursive: true, force: true });
});

/** The template, in Packer 1.6.6's HCL2 (no features it lacks), writing under var.root on the machine. */
function template(): string {
  return `
variable "root" {
  type = string
}
source "null" "box" {
  ssh_host             = "${sshd.host}"
  ssh_port             = ${sshd.port}
  ssh_username         = "root"
  ssh_private_key_file = "${sshd.userKeyFile}"
}
build {
  sources = ["source.null.box"]
  provisioner "shell" {
    inline = [
      "mkdir -p \${var.root}/made \${var.root}/payload",
      "printf 'abc' > \${var.root}/made/three.txt",
      "chmod 0600 \${var.root}/made/three.txt",
      "ln -s three.txt \${var.root}/made/link",
    ]
  }
  provisioner "file" {
    source      = "payload/"
    destination = "\${var.root}/payload"
  }
  provisioner "file" {
    source      = "single.txt"
    destination = "\${var.root}/made/"
  }
  provisioner "shell" {
    environment_vars = ["GREETING=it's here"]
    inline           = ["echo \\"$GREETING $PACKER_BUILDER_TYPE\\" > \${var.root}/env.txt"]
  }
  post-processor "manifest" {
    output     = "\${var.root}-manifest.json"
    strip_path = true
    custom_data = {
      kind = "side-by-side"
    }
  }
}`;
}

interface ManifestBuild {
  name: string;
  builder_type: string;
  files: unknown;
  artifact_id: string;
  custom_data: unknown;
  build_time: number;
  packer_run_uuid: string;
}

function manifest(path: string): { builds: ManifestBuild[]; last_run_uuid: string } {
  return JSON.parse(readFileSync(path, 'utf8')) as { builds: ManifestBuild[]; last_run_uuid: string };
}

describe.runIf(packerAvailable() && process.getuid?.() === 0)('null + SSH side by side with Packer 1.6.6', () => {
  it('leaves the same remote tree and an equivalent manifest', { timeout: 60_000 }, async () => {
    writeFileSync(join(work, 't.pkr.hcl'), template());
    const packerRoot = join(work, 'remote-packer');
    const kilnRoot = join(work, 'remote-kiln');

    const packer = await runPacker(['build', '-color=false', `-var=root=${packerRoot}`, 't.pkr.hcl'], { cwd: work });
    expect(packer.stdout).toContain('Builds finished. The artifacts of successful builds are:');
    expect(packer.exit).toBe(0);

    // Prepare checks relative sources against the process directory, as Packer's does.
    const { io, stdout } = memoryIO({ cwd: work });
    const previous = process.cwd();
    process.chdir(work);
    const code = await runBuild(['-color=false', `-var=root=${kilnRoot}`, 't.pkr.hcl'], io).finally(() =>
      process.chdir(previous),
    );
    expect(stdout()).toContain('Builds finished. The artifacts of successful builds are:');
    expect(code).toBe(0);

    const tree = snapshot(kilnRoot);
    expect(tree).toEqual([
      'env.txt f 0644 15',
      'made d 0755',
      'made/link l',
      'made/single.txt f 0644 9',
      'made/three.txt f 0600 3',
      'payload d 0755',
      'payload/etc d 0755',
      'payload/etc/app d 0755',
      'payload/etc/app/app.conf f 0644 12',
      'payload/run.sh f 0755 19',
    ]);
    expect(tree).toEqual(snapshot(packerRoot));
    expect(readFileSync(join(kilnRoot, 'env.txt'), 'utf8')).toBe(readFileSync(join(packerRoot, 'env.txt'), 'utf8'));

    const ours = manifest(`${kilnRoot}-manifest.json`);
    const theirs = manifest(`${packerRoot}-manifest.json`);
    const comparable = (b: ManifestBuild) => ({ ...b, build_time: typeof b.build_time, packer_run_uuid: 'uuid' });
    expect(ours.builds.map(comparable)).toEqual(theirs.builds.map(comparable));
    expect(ours.builds.map(comparable)).toEqual([
      {
        name: 'box',
        builder_type: 'null',
        build_time: 'number',
        files: null,
        artifact_id: 'Null',
        packer_run_uuid: 'uuid',
        custom_data: { kind: 'side-by-side' },
      },
    ]);
    expect(ours.last_run_uuid).toBe(ours.builds[0]?.packer_run_uuid);
  });
});
