import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBuild } from '../../src/cli/build.js';
import { memoryIO } from '../support/cli.js';

const template = `
source "file" "a" {
  content = "hello"
  target  = "out/a.txt"
}
source "null" "b" {
  communicator = "none"
}
build {
  sources = ["source.file.a", "source.null.b"]
  provisioner "shell-local" {
    inline = ["echo \${source.name} $PACKER_BUILD_NAME $PACKER_BUILDER_TYPE >> log.txt"]
  }
}
`;

function workspace(text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'kiln-build-'));
  writeFileSync(join(dir, 't.pkr.hcl'), text);
  return dir;
}

/** Durations and temp script names vary between runs. */
function stable(out: string): string {
  return out
    .replace(/after [0-9a-z ]+?(\.|:)/g, 'after <d>$1')
    .replace(/after [0-9a-z ]+$/gm, 'after <d>')
    .replace(/packer-shell\d+/g, 'packer-shell<n>')
    .replace(/^\d+,/gm, '<t>,');
}

describe('kiln build', () => {
  it('builds a file and a null source with shell-local, one at a time', async () => {
    const dir = workspace(template);
    const { io, stdout } = memoryIO({ cwd: dir });
    const code = await runBuild(['-color=false', '-parallel-builds=1', 't.pkr.hcl'], io);
    expect(stable(stdout())).toBe(
      [
        '==> file.a: Running local shell script: /tmp/packer-shell<n>',
        "Build 'file.a' finished after <d>.",
        '==> null.b: Running local shell script: /tmp/packer-shell<n>',
        "Build 'null.b' finished after <d>.",
        '',
        '==> Wait completed after <d>',
        '',
        '==> Builds finished. The artifacts of successful builds are:',
        '--> file.a: Stored file: out/a.txt',
        '--> null.b: Did not export anything. This is the null builder',
        '',
      ].join('\n'),
    );
    expect(code).toBe(0);
    expect(readFileSync(join(dir, 'out/a.txt'), 'utf8')).toBe('hello');
    expect(readFileSync(join(dir, 'log.txt'), 'utf8')).toBe('a a file\nb b null\n');
  });

  it('writes artifact records with -machine-readable and selects with -only', async () => {
    const dir = workspace(template);
    const { io, stdout } = memoryIO({ cwd: dir });
    const code = await runBuild(['-machine-readable', '-only=file.a', 't.pkr.hcl'], io);
    const records = stable(stdout())
      .split('\n')
      .filter((l) => !l.includes(',ui,'));
    expect(records).toEqual([
      '<t>,file.a,artifact-count,1',
      '<t>,file.a,artifact,0,builder-id,packer.file',
      '<t>,file.a,artifact,0,id,File',
      '<t>,file.a,artifact,0,string,Stored file: out/a.txt',
      '<t>,file.a,artifact,0,files-count,1',
      '<t>,file.a,artifact,0,file,0,out/a.txt',
      '<t>,file.a,artifact,0,end',
      '',
    ]);
    expect(code).toBe(0);
    expect(readFileSync(join(dir, 'log.txt'), 'utf8')).toBe('a a file\n');
  });

  it('fails the build with exit 1 when a shell-local command fails', async () => {
    const dir = workspace(`
source "null" "b" {
  communicator = "none"
}
build {
  sources = ["source.null.b"]
  provisioner "shell-local" {
    inline = ["echo out", "exit 3"]
  }
}
`);
    const { io, stdout } = memoryIO({ cwd: dir });
    const code = await runBuild(['-color=false', 't.pkr.hcl'], io);
    const failure = 'Script exited with non-zero exit status: 3. Allowed exit codes are: [0]';
    expect(stable(stdout())).toBe(
      [
        '==> null.b: Running local shell script: /tmp/packer-shell<n>',
        '==> null.b: out',
        '==> null.b: Provisioner shell-local (t.pkr.hcl:7) failed',
        '==> null.b: Provisioning step had errors: Running the cleanup provisioner, if present...',
        `Build 'null.b' errored after <d>: ${failure}`,
        '',
        '==> Wait completed after <d>',
        '',
        "==> Some builds didn't complete successfully and had errors:",
        `--> null.b: ${failure}`,
        '',
        '==> Builds finished but no artifacts were created.',
        '',
      ].join('\n'),
    );
    expect(code).toBe(1);
  });

  it('fails a null builder whose SSH host never answers once ssh_timeout has passed, naming the host', async () => {
    const dir = workspace(`
source "null" "b" {
  communicator = "ssh"
  ssh_host     = "127.0.0.30"
  ssh_port     = 9
  ssh_username = "u"
  ssh_password = "p"
  ssh_timeout  = "1s"
}
build {
  sources = ["source.null.b"]
}
`);
    const { io, stdout } = memoryIO({ cwd: dir });
    expect(await runBuild(['-color=false', 't.pkr.hcl'], io)).toBe(1);
    const out = stdout();
    expect(out).toContain('==> null.b: Using SSH communicator to connect: 127.0.0.30\n');
    expect(out).toContain('==> null.b: Waiting for SSH to become available...\n');
    expect(out).toMatch(
      /==> null\.b: Error waiting for SSH: u@127\.0\.0\.30:9: Timeout waiting for SSH on u@127\.0\.0\.30:9 after 1\.\ds \(\d+ attempts\); last attempt failed: .*ECONNREFUSED/,
    );
    expect(out).toContain("Build 'null.b' errored after");
  });

  // Paths are absolute: the post-processors resolve relative ones against the process directory.
  function chainTemplate(dir: string, checksumOutput: string): string {
    return `
source "file" "a" {
  content = "hello"
  target  = "${dir}/a.txt"
}
build {
  sources = ["source.file.a"]
  post-processors {
    post-processor "manifest" {
      output = "${dir}/m.json"
    }
    post-processor "checksum" {
      name   = "sums"
      output = "${checksumOutput}"
    }
  }
}
`;
  }

  it('runs a manifest + checksum chain and lists every kept artifact, as packer build', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kiln-build-'));
    writeFileSync(join(dir, 't.pkr.hcl'), chainTemplate(dir, `${dir}/a.sum`));
    const { io, stdout } = memoryIO({ cwd: dir });
    const code = await runBuild(['-color=false', 't.pkr.hcl'], io);
    // Packer 1.6.6 prints ":  (type manifest)" for an unnamed one; current Packer names it by its type.
    expect(stable(stdout())).toBe(
      [
        '==> file.a: Running post-processor: manifest',
        '==> file.a: Running post-processor: sums (type checksum)',
        "Build 'file.a' finished after <d>.",
        '',
        '==> Wait completed after <d>',
        '',
        '==> Builds finished. The artifacts of successful builds are:',
        `--> file.a: Stored file: ${dir}/a.txt`,
        `--> file.a: Stored file: ${dir}/a.txt`,
        `--> file.a: Created artifact from files: ${dir}/a.txt, ${dir}/a.sum`,
        '',
      ].join('\n'),
    );
    expect(code).toBe(0);
    expect(readFileSync(join(dir, 'a.sum'), 'utf8')).toBe('5d41402abc4b2a76b9719d911017c592\ta.txt\n');
    const manifest = JSON.parse(readFileSync(join(dir, 'm.json'), 'utf8')) as {
      builds: { name: string; builder_type: string; files: unknown; artifact_id: string }[];
    };
    expect(manifest.builds.map((b) => [b.name, b.builder_type, b.files, b.artifact_id])).toEqual([
      ['a', 'file', [{ name: `${dir}/a.txt`, size: 5 }], 'File'],
    ]);
  });

  it('fails the build with "Post-processor failed" when a post-processor errors', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kiln-build-'));
    writeFileSync(join(dir, 't.pkr.hcl'), chainTemplate(dir, dir));
    const { io, stdout } = memoryIO({ cwd: dir });
    const code = await runBuild(['-color=false', 't.pkr.hcl'], io);
    const out = stable(stdout());
    expect(out).toContain("Build 'file.a' errored after <d>: 1 error(s) occurred:\n\n* Post-processor failed: ");
    expect(out).toContain('==> Builds finished but no artifacts were created.');
    expect(code).toBe(1);
  });

  it('reports "No builds to run" when -only matches nothing', async () => {
    const dir = workspace(template);
    const { io, stdout } = memoryIO({ cwd: dir });
    expect(await runBuild(['-only=nothing', 't.pkr.hcl'], io)).toBe(1);
    expect(stdout()).toContain('Error: No builds to run');
  });

  it('deletes the artifacts no chain keeps: the builder file and the middle archive of a chain', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kiln-build-'));
    writeFileSync(
      join(dir, 't.pkr.hcl'),
      `
source "file" "a" {
  content = "hello"
  target  = "${dir}/a.txt"
}
build {
  sources = ["source.file.a"]
  post-processors {
    post-processor "compress" {
      output = "${dir}/a.tar"
    }
    post-processor "compress" {
      output = "${dir}/a.tar.gz"
    }
  }
}
`,
    );
    const { io, stdout } = memoryIO({ cwd: dir });
    expect(await runBuild(['-color=false', 't.pkr.hcl'], io)).toBe(0);
    expect(stdout()).toContain(`--> file.a: compressed artifacts in: ${dir}/a.tar.gz\n`);
    expect(readdirSync(dir).sort()).toEqual(['a.tar.gz', 't.pkr.hcl']);
  });

  it('prints the value of a sensitive variable as <sensitive>, as Packer does', async () => {
    const dir = workspace(`
variable "pw" {
  type      = string
  default   = "hunter2-canary"
  sensitive = true
}
source "null" "b" {
  communicator = "none"
}
build {
  sources = ["source.null.b"]
  provisioner "shell-local" {
    inline = ["echo the pw is \${var.pw}"]
  }
}
`);
    const { io, stdout, stderr } = memoryIO({ cwd: dir, env: { PACKER_LOG: '1' } });
    expect(await runBuild(['-color=false', 't.pkr.hcl'], io)).toBe(0);
    expect(stdout()).toContain('==> null.b: the pw is <sensitive>\n');
    expect(stdout() + stderr()).not.toContain('hunter2-canary');
  });
});
