import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBuild } from '../../../src/cli/build.js';
import { memoryIO } from '../../support/cli.js';
import { startSshd, type Sshd } from '../../support/sshd.js';

/*
 * The null builder end to end through `kiln build`: StepConnect against a
 * real sshd, then provisioners whose bodies see the builder's values as build.*.
 */

let sshd: Sshd;
let dir: string;

beforeAll(async () => {
  sshd = await startSshd('127.0.0.31');
});
afterAll(async () => {
  await sshd.stop();
});

function build(template: string) {
  dir = mkdtempSync(join(tmpdir(), 'kiln-null-'));
  writeFileSync(join(dir, 't.pkr.hcl'), template);
  return memoryIO({ cwd: dir });
}

function sshSource(extra = ''): string {
  return `
source "null" "n" {
  ssh_host             = "${sshd.host}"
  ssh_port             = ${sshd.port}
  ssh_username         = "root"
  ssh_private_key_file = "${sshd.userKeyFile}"
  ${extra}
}`;
}

describe('null builder', () => {
  it('connects over SSH and gives provisioners the connection as build.*', async () => {
    const { io, stdout } = build(`${sshSource()}
build {
  sources = ["source.null.n"]
  provisioner "shell-local" {
    inline = ["echo '\${build.Host} \${build.Port} \${build.User} \${build.ID} \${build.ConnType} \${build.PackerHTTPAddr}' > values.txt"]
  }
}`);
    const code = await runBuild(['-color=false', 't.pkr.hcl'], io);
    const out = stdout();
    expect(out).not.toContain('errored');
    expect(code).toBe(0);
    expect(out).toContain(
      [
        `==> null.n: Using SSH communicator to connect: ${sshd.host}`,
        '==> null.n: Waiting for SSH to become available...',
        '==> null.n: Connected to SSH!',
        '==> null.n: Running local shell script: ',
      ].join('\n'),
    );
    expect(readFileSync(join(dir, 'values.txt'), 'utf8')).toBe(
      `${sshd.host} ${sshd.port} root Null ssh ERR_HTTP_ADDR_NOT_IMPLEMENTED_BY_BUILDER\n`,
    );
    rmSync(dir, { recursive: true, force: true });
  });

  it('passes the run UUID as build.PackerRunUUID', async () => {
    const { io } = build(`${sshSource()}
build {
  sources = ["source.null.n"]
  provisioner "shell-local" {
    inline = ["echo '\${build.PackerRunUUID}' > uuid.txt"]
  }
}`);
    expect(await runBuild(['-color=false', 't.pkr.hcl'], io)).toBe(0);
    expect(readFileSync(join(dir, 'uuid.txt'), 'utf8')).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}\n$/,
    );
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps the placeholders for what communicator "none" does not set', async () => {
    const { io } = build(`
source "null" "n" {
  communicator = "none"
}
build {
  sources = ["source.null.n"]
  provisioner "shell-local" {
    inline = ["echo '\${build.Host} \${build.ID} \${build.name}' > values.txt"]
  }
}`);
    expect(await runBuild(['-color=false', 't.pkr.hcl'], io)).toBe(0);
    expect(readFileSync(join(dir, 'values.txt'), 'utf8')).toBe('<unknown> Null \n');
    rmSync(dir, { recursive: true, force: true });
  });

  it('reports a provisioner body that fails once build.* is known, as Packer re-prepares it', async () => {
    const { io, stdout } = build(`${sshSource()}
build {
  sources = ["source.null.n"]
  provisioner "shell-local" {
    inline = ["exit \${build.Port == "<unknown>" ? 0 : file("/nonexistent/kiln")}"]
  }
}`);
    expect(await runBuild(['-color=false', 't.pkr.hcl'], io)).toBe(1);
    expect(stdout()).toContain("Build 'null.n' errored after");
    expect(stdout()).toContain('Call to function "file" failed: no file exists at /nonexistent/kiln.');
    rmSync(dir, { recursive: true, force: true });
  });

  it('pauses and reconnects with pause_before_connecting', async () => {
    const { io, stdout } = build(`${sshSource('pause_before_connecting = "100ms"')}
build {
  sources = ["source.null.n"]
}`);
    expect(await runBuild(['-color=false', 't.pkr.hcl'], io)).toBe(0);
    expect(stdout()).toContain(
      [
        '==> null.n: Connected to SSH!',
        '==> null.n: Pausing 100ms before connecting...',
        '==> null.n: Waiting for SSH to become available...',
        '==> null.n: Connected to SSH!',
      ].join('\n'),
    );
    rmSync(dir, { recursive: true, force: true });
  });

  it('runs a remote shell provisioner over the connection, with build.* in its body', async () => {
    const { io, stdout } = build(`${sshSource()}
build {
  sources = ["source.null.n"]
  provisioner "shell" {
    inline = ["echo \${build.User}@\${build.Host} $PACKER_BUILD_NAME $PACKER_BUILDER_TYPE", "echo oops >&2"]
  }
}`);
    const code = await runBuild(['-color=false', 't.pkr.hcl'], io);
    const lines = stdout()
      .split('\n')
      .filter((l) => l.startsWith('==> null.n: ') && !l.includes('SSH'));
    expect(lines).toEqual([
      expect.stringMatching(/^==> null\.n: Provisioning with shell script: \/tmp\/packer-shell\d+$/),
      `==> null.n: root@${sshd.host} n null`,
      '==> null.n: oops',
    ]);
    expect(code).toBe(0);
    rmSync(dir, { recursive: true, force: true });
  });
});
