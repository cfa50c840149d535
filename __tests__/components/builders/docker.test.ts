import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBuild } from '../../../src/cli/build.js';
import { parseRunArgs } from '../../../src/components/builders/docker/run-command.js';
import { memoryIO } from '../../support/cli.js';
import { BASE_IMAGE, engine, engineAvailable, ensureBaseImage } from '../../support/docker.js';

const repo = path.resolve(import.meta.dirname, '../../..');

describe('run_command mapped onto the Engine API', () => {
  it('maps the default run_command with the temp dir volume', () => {
    const spec = parseRunArgs(['-v', '/tmp/x:/packer-files', '-d', '-i', '-t', '--entrypoint=/bin/sh', '--', 'img:1']);
    expect(spec).toEqual({
      config: {
        Image: 'img:1',
        OpenStdin: true,
        Tty: true,
        Entrypoint: ['/bin/sh'],
        HostConfig: { Binds: ['/tmp/x:/packer-files'] },
      },
      query: {},
    });
  });

  it.each([
    [['-dit', 'img'], { Image: 'img', OpenStdin: true, Tty: true, HostConfig: {} }],
    [
      ['-uroot', '-w', '/srv', '-e', 'A=1', '--env=B=2', 'img', 'sleep', '9'],
      {
        Image: 'img',
        User: 'root',
        WorkingDir: '/srv',
        Env: ['A=1', 'B=2'],
        Cmd: ['sleep', '9'],
        HostConfig: {},
      },
    ],
    [
      ['--entrypoint', '', '-l', 'a=b', '--label=c', 'img'],
      {
        Image: 'img',
        Entrypoint: [''],
        Labels: { a: 'b', c: '' },
        HostConfig: {},
      },
    ],
    [
      [
        '--privileged',
        '--cap-add',
        'NET_ADMIN',
        '--cap-drop=MKNOD',
        '--device',
        '/dev/fuse',
        '--device=/dev/sda:/dev/xvda:r',
        '--tmpfs',
        '/run:rw,size=64m',
        '--runtime',
        'runc',
        '--rm=false',
        'img',
      ],
      {
        Image: 'img',
        HostConfig: {
          Privileged: true,
          CapAdd: ['NET_ADMIN'],
          CapDrop: ['MKNOD'],
          Devices: [
            { PathOnHost: '/dev/fuse', PathInContainer: '/dev/fuse', CgroupPermissions: 'rwm' },
            { PathOnHost: '/dev/sda', PathInContainer: '/dev/xvda', CgroupPermissions: 'r' },
          ],
          Tmpfs: { '/run': 'rw,size=64m' },
          Runtime: 'runc',
          AutoRemove: false,
        },
      },
    ],
  ])('parses %j', (args, config) => {
    expect(parseRunArgs(args).config).toEqual(config);
  });

  it('puts name and platform into the query', () => {
    expect(parseRunArgs(['--name', 'box', '--platform=linux/amd64', 'img']).query).toEqual({
      name: 'box',
      platform: 'linux/amd64',
    });
  });

  it.each([
    [['-p', '80:80', 'img'], "run_command: the docker run flag -p is not supported by Kiln's Engine API mapping"],
    [['--memory=1g', 'img'], "run_command: the docker run flag --memory is not supported by Kiln's Engine API mapping"],
    [['-d', '--'], 'run_command: "docker run" requires at least 1 argument (the image)'],
    [['-e'], 'run_command: flag needs an argument: -e'],
    [['--tty=maybe', 'img'], 'run_command: invalid argument "maybe" for "--tty=maybe"'],
  ])('refuses %j', (args, message) => {
    expect(() => parseRunArgs(args)).toThrow(message);
  });
});

it('has a Docker engine to test against', async () => {
  expect(await engineAvailable()).toBe(true);
});

describe('docker builder end to end through kiln build', () => {
  let work: string;
  let packerTmp: string;
  const savedTmp = process.env.PACKER_TMP_DIR;
  const images: string[] = [];

  beforeAll(async () => {
    await ensureBaseImage();
    work = mkdtempSync(path.join(tmpdir(), 'kiln-docker-build-'));
    packerTmp = path.join(work, 'packer-tmp');
    process.env.PACKER_TMP_DIR = packerTmp;
  }, 300_000);

  afterAll(async () => {
    if (savedTmp === undefined) delete process.env.PACKER_TMP_DIR;
    else process.env.PACKER_TMP_DIR = savedTmp;
    for (const id of images)
      await engine
        .getImage(id)
        .remove({ force: true })
        .catch(() => undefined);
    rmSync(work, { recursive: true, force: true });
  });

  /** A source name no other test uses, so the container name finds only this build's containers. */
  const uniqueName = () => `t${randomBytes(4).toString('hex')}`;

  /** The build's containers, named kiln-<run uuid>-docker.<name>. */
  const buildContainers = async (name: string) =>
    (await engine.listContainers({ all: true, filters: { name: [`-docker.${name}`] } })).map((c) => c.Names[0]);

  const build = async (template: string) => {
    const dir = mkdtempSync(path.join(work, 'build-'));
    writeFileSync(path.join(dir, 't.pkr.hcl'), template);
    const { io, stdout, stderr } = memoryIO({ cwd: dir });
    const code = await runBuild(['-color=false', 't.pkr.hcl'], io);
    return { code, stdout: stdout(), stderr: stderr(), dir };
  };

  const expectNoLeftovers = async (name: string) => {
    expect(await buildContainers(name)).toEqual([]);
    expect(readdirSync(packerTmp)).toEqual([]);
  };

  /** Container IDs, image IDs, temp dirs and durations vary between runs. */
  const stable = (out: string) =>
    out
      .replace(/[0-9a-f]{64}/g, '<id>')
      .replace(/packer-tmp\/tmp\w+/g, 'packer-tmp/tmp<x>')
      .replace(/packer-shell\d+/g, 'packer-shell<n>')
      .replace(/after [0-9a-z ]+?(\.|:)/g, 'after <d>$1')
      .replace(/after [0-9a-z ]+$/gm, 'after <d>');

  it('commits the container with changes, author and message', async () => {
    const name = uniqueName();
    const { code, stdout } = await build(`
source "docker" "${name}" {
  image   = "${BASE_IMAGE}"
  pull    = false
  commit  = true
  author  = "Kiln Tests <kiln@example.com>"
  message = "built by kiln"
  changes = [
    "ENV FOO=bar",
    "LABEL team=kiln",
    "WORKDIR /srv",
    "EXPOSE 8080",
    "USER nobody",
    "ONBUILD RUN true",
    "VOLUME /data",
  ]
}
build {
  sources = ["source.docker.${name}"]
  provisioner "shell-local" {
    inline = ["echo id=\${build.ID} type=\${build.ConnType} host=\${build.Host}"]
  }
}
`);
    const imageId = /Image ID: (sha256:[0-9a-f]{64})/.exec(stdout)?.[1] ?? '';
    images.push(imageId);
    const containerId = /Container ID: ([0-9a-f]{64})/.exec(stdout)?.[1] ?? '';
    // shell-local's own output line, whatever its prefix; the rest of the UI is compared whole.
    const provisionerLine = `docker.${name}: id=${containerId} type=docker host=\n`;
    expect(stdout).toContain(provisionerLine);
    expect(stable(stdout.replace(new RegExp(`^.*${provisionerLine}`, 'm'), ''))).toBe(
      [
        `==> docker.${name}: Creating a temporary directory for sharing data...`,
        `==> docker.${name}: Error determining source Docker image digest; this image may not have been pushed yet, which means no distribution digest has been created. If you plan to call docker push later, the digest value will be stored then.`,
        `==> docker.${name}: Starting docker container...`,
        `    docker.${name}: Run command: docker run -v ${packerTmp}/tmp<x>:/packer-files -d -i -t --entrypoint=/bin/sh -- ${BASE_IMAGE}`,
        `    docker.${name}: Container ID: <id>`,
        `==> docker.${name}: Using docker communicator to connect: ${/connect: (\S+)/.exec(stdout)?.[1]}`,
        `==> docker.${name}: Running local shell script: /tmp/packer-shell<n>`,
        `==> docker.${name}: Committing the container`,
        `    docker.${name}: Image ID: sha256:<id>`,
        `==> docker.${name}: Killing the container: <id>`,
        `Build 'docker.${name}' finished after <d>.`,
        '',
        '==> Wait completed after <d>',
        '',
        '==> Builds finished. The artifacts of successful builds are:',
        `--> docker.${name}: Imported Docker image: sha256:<id>`,
        '',
      ].join('\n'),
    );
    expect(code).toBe(0);
    const image = await engine.getImage(imageId).inspect();
    expect(image.Author).toBe('Kiln Tests <kiln@example.com>');
    expect(image.Comment).toBe('built by kiln');
    const { Env, Labels, Cmd, Entrypoint, WorkingDir, User, ExposedPorts, OnBuild, Volumes } = image.Config;
    expect({ Env, Cmd, Entrypoint, WorkingDir, User, ExposedPorts, OnBuild, Volumes }).toEqual({
      Env: ['FOO=bar'],
      // The source image's CMD is put back; it had no ENTRYPOINT (StepSetDefaults).
      Cmd: ['/bin/bash'],
      Entrypoint: [''],
      WorkingDir: '/srv',
      User: 'nobody',
      ExposedPorts: { '8080/tcp': {} },
      OnBuild: ['RUN true'],
      Volumes: { '/data': {} },
    });
    // The engine's commit keeps the container's labels, so Kiln tracks its containers by name, not label.
    expect(Labels).toEqual({ team: 'kiln' });
    await expectNoLeftovers(name);
  });

  it('provisions through the docker communicator with the remote shell provisioner', async () => {
    const name = uniqueName();
    const { code, stdout } = await build(`
source "docker" "${name}" {
  image     = "${BASE_IMAGE}"
  pull      = false
  commit    = true
}
build {
  sources = ["source.docker.${name}"]
  provisioner "shell" {
    inline = ["echo user=$(id -un) build=$PACKER_BUILD_NAME", "echo to-stderr >&2", "mkdir -p /tmp/made"]
  }
}
`);
    expect(code).toBe(0);
    expect(stdout).toMatch(new RegExp(`docker\\.${name}: user=root build=${name}\\n`));
    expect(stdout).toMatch(new RegExp(`docker\\.${name}: to-stderr\\n`));
    const imageId = /Image ID: (sha256:[0-9a-f]{64})/.exec(stdout)?.[1] ?? '';
    images.push(imageId);
    const out = collectText();
    const [result, checker] = (await engine.run(imageId, ['stat', '-c', '%U', '/tmp/made'], out, {
      Entrypoint: [],
    })) as [{ StatusCode: number }, { remove(options: { force: boolean }): Promise<unknown> }];
    await checker.remove({ force: true });
    expect(result.StatusCode).toBe(0);
    // The committed config keeps the build container's Tty, as `docker commit` does: CRLF line ends.
    expect(out.text).toBe('root\r\n');
    await expectNoLeftovers(name);
  });

  it('exports the container to export_path, streamed to a tar file', async () => {
    const name = uniqueName();
    const { code, stdout, dir } = await build(`
source "docker" "${name}" {
  image       = "${BASE_IMAGE}"
  pull        = false
  export_path = "out/image.tar"
  run_command = ["-d", "-i", "-t", "--entrypoint=/bin/sh", "--", "{{.Image}}"]
}
build {
  sources = ["source.docker.${name}"]
}
`);
    expect(code).toBe(0);
    expect(stdout).toContain(`==> docker.${name}: Exporting the container\n`);
    expect(stdout).toContain(`--> docker.${name}: Exported Docker file: out/image.tar\n`);
    const tar = spawnText('tar', ['-tf', path.join(dir, 'out/image.tar')]);
    expect((await tar).split('\n')).toContain('etc/debian_version');
    await expectNoLeftovers(name);
  });

  it('discards the container', async () => {
    const name = uniqueName();
    const { code, stdout } = await build(`
source "docker" "${name}" {
  image   = "${BASE_IMAGE}"
  pull    = false
  discard = true
}
build { sources = ["source.docker.${name}"] }
`);
    expect(code).toBe(0);
    expect(stdout).toContain(`--> docker.${name}: Exported Docker file: \n`);
    await expectNoLeftovers(name);
  });

  it('fails on a missing image and leaves nothing behind', async () => {
    const name = uniqueName();
    const { code, stdout } = await build(`
source "docker" "${name}" {
  image   = "kiln-test/missing:none"
  pull    = false
  discard = true
}
build { sources = ["source.docker.${name}"] }
`);
    expect(code).toBe(1);
    expect(stdout).toContain(
      `==> docker.${name}: Error determining source Docker image Id: no such image: kiln-test/missing:none: No such image: kiln-test/missing:none\n`,
    );
    expect(stdout).toMatch(
      new RegExp(
        `Build 'docker\\.${name}' errored after .*: Error running container: Unable to find image 'kiln-test/missing:none' locally: `,
      ),
    );
    expect(stdout).not.toContain('Container ID');
    await expectNoLeftovers(name);
  });

  it('fails when pull = true cannot pull, even with the image present (as the plugin)', async () => {
    const name = uniqueName();
    const { code, stdout } = await build(`
source "docker" "${name}" {
  image   = "${BASE_IMAGE}"
  discard = true
}
build { sources = ["source.docker.${name}"] }
`);
    expect(code).toBe(1);
    expect(stdout).toContain(`==> docker.${name}: Pulling Docker image: ${BASE_IMAGE}\n`);
    expect(stdout).toMatch(new RegExp(`==> docker\\.${name}: Error pulling Docker image: .+\\n`));
    expect(stdout).not.toContain('Starting docker container');
    await expectNoLeftovers(name);
  });

  it('fails on a failing provisioner and removes the container and temp dir', async () => {
    const name = uniqueName();
    const { code, stdout } = await build(`
source "docker" "${name}" {
  image  = "${BASE_IMAGE}"
  pull   = false
  commit = true
}
build {
  sources = ["source.docker.${name}"]
  provisioner "shell-local" { inline = ["exit 3"] }
}
`);
    expect(code).toBe(1);
    expect(stdout).toContain(
      `==> docker.${name}: Provisioning step had errors: Running the cleanup provisioner, if present...\n`,
    );
    expect(stdout).toContain(`==> docker.${name}: Killing the container: `);
    expect(stdout).not.toContain('Committing the container');
    expect(stdout).toContain('Script exited with non-zero exit status: 3.');
    await expectNoLeftovers(name);
  });

  it('cleans up on SIGINT after the container started', async () => {
    const name = uniqueName();
    const dir = mkdtempSync(path.join(work, 'sigint-'));
    writeFileSync(
      path.join(dir, 't.pkr.hcl'),
      `
source "docker" "${name}" {
  image  = "${BASE_IMAGE}"
  pull   = false
  commit = true
}
build {
  sources = ["source.docker.${name}"]
  provisioner "shell-local" { inline = ["echo provisioning"] }
  provisioner "sleep" { duration = "60s" }
}
`,
    );
    const child = spawn(
      process.execPath,
      [
        '--import',
        path.join(repo, 'node_modules/tsx/dist/esm/index.mjs'),
        path.join(repo, 'src/cli/index.ts'),
        'build',
        '-color=false',
        't.pkr.hcl',
      ],
      { cwd: dir, env: { ...process.env, PACKER_TMP_DIR: packerTmp }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    let named: Promise<(string | undefined)[]> | undefined;
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      // One interrupt: a second one makes kiln exit at once, without cleanup.
      if (!named && out.includes('provisioning\n')) {
        named = buildContainers(name).finally(() => child.kill('SIGINT'));
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    const uuid = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
    expect(await named).toEqual([expect.stringMatching(new RegExp(`^/kiln-${uuid}-docker\\.${name}$`))]);
    expect(out).toContain(`==> docker.${name}: Killing the container: `);
    expect(out).not.toContain('Committing the container');
    expect(code).toBe(1);
    await expectNoLeftovers(name);
  }, 60_000);
});

/** A writable collecting text (engine.run's output). */
function collectText(): Writable & { text: string } {
  const sink = Object.assign(
    new Writable({
      write(chunk: Buffer, _enc, done) {
        sink.text += chunk.toString();
        done();
      },
    }),
    { text: '' },
  );
  return sink;
}

function spawnText(cmd: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let text = '';
    child.stdout.on('data', (chunk: Buffer) => (text += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(text) : reject(new Error(`${cmd} exited ${code}`))));
  });
}
