import { randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { extract } from 'tar-stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBuild } from '../../../src/cli/build.js';
import { buildContext } from '../../../src/components/builders/docker/build-context.js';
import { sendingLine } from '../../../src/components/builders/docker/step-build.js';
import { memoryIO } from '../../support/cli.js';
import { BASE_IMAGE, engine, ensureBaseImage } from '../../support/docker.js';

let work: string;

beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), 'kiln-docker-build-'));
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A directory with these files (a trailing "/" makes a directory). */
function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(work, 'ctx-'));
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(dir, name);
    if (name.endsWith('/')) mkdirSync(file, { recursive: true });
    else {
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, content);
    }
  }
  return dir;
}

interface Entry {
  name: string;
  type: string;
  uid: number;
  gid: number;
  linkname?: string;
  content?: string;
}

async function entries(stream: Readable, gzip = false): Promise<Entry[]> {
  const out: Entry[] = [];
  const tar = extract();
  tar.on('entry', (header, body, next) => {
    const chunks: Buffer[] = [];
    body.on('data', (c: unknown) => chunks.push(c as Buffer));
    body.on('end', () => {
      const entry: Entry = { name: header.name, type: header.type ?? '', uid: header.uid ?? -1, gid: header.gid ?? -1 };
      if (header.linkname) entry.linkname = header.linkname;
      if (header.type === 'file') entry.content = Buffer.concat(chunks).toString();
      out.push(entry);
      next();
    });
  });
  const done = new Promise((resolve, reject) => tar.on('finish', () => resolve(undefined)).on('error', reject));
  (gzip ? stream.pipe(createGunzip()) : stream).pipe(tar);
  await done;
  return out;
}

describe('sendingLine', () => {
  it.each([
    [0, '      0B'],
    [512, '    512B'],
    [2048, ' 2.048kB'],
    [3072, ' 3.072kB'],
    [10_000, '    10kB'],
    [1_234_567, ' 1.235MB'],
  ])('%d bytes', (bytes, size) => {
    expect(sendingLine(bytes)).toBe(`Sending build context to Docker daemon ${size}\r\r\n`);
  });
});

describe('build context', () => {
  it('archives the directory as the docker CLI does, honouring .dockerignore', async () => {
    const dir = tree({
      Dockerfile: 'FROM scratch\n',
      '.dockerignore': '# comment\nsecret.txt\n/logs\n!logs/keep.log\n*.tmp\nDockerfile\n.dockerignore\n',
      'app.txt': 'app\n',
      'secret.txt': 'secret\n',
      'a.tmp': 'x',
      'sub/b.tmp': 'kept: *.tmp matches at the root only',
      'logs/drop.log': 'drop',
      'logs/keep.log': 'keep',
      'empty/': '',
    });
    symlinkSync('app.txt', path.join(dir, 'link'));
    linkSync(path.join(dir, 'app.txt'), path.join(dir, 'z-hard'));
    const context = await buildContext(dir, path.join(dir, 'Dockerfile'), false);
    expect(context.dockerfile).toBe('Dockerfile');
    const list = await entries(context.stream);
    const root = { uid: 0, gid: 0 };
    expect(list).toEqual([
      { name: '.dockerignore', type: 'file', ...root, content: expect.stringContaining('secret.txt') },
      { name: 'Dockerfile', type: 'file', ...root, content: 'FROM scratch\n' },
      { name: 'app.txt', type: 'file', ...root, content: 'app\n' },
      { name: 'empty/', type: 'directory', ...root },
      { name: 'link', type: 'symlink', ...root, linkname: 'app.txt' },
      { name: 'logs/keep.log', type: 'file', ...root, content: 'keep' },
      { name: 'sub/', type: 'directory', ...root },
      { name: 'sub/b.tmp', type: 'file', ...root, content: 'kept: *.tmp matches at the root only' },
      { name: 'z-hard', type: 'link', ...root, linkname: 'app.txt' },
    ]);
    expect(context.sent()).toBeGreaterThan(0);
  });

  it('adds a Dockerfile from outside the directory under a random name that .dockerignore lists', async () => {
    const outside = tree({ 'build.Dockerfile': 'FROM scratch\nCOPY a /\n' });
    const dir = tree({ a: 'a' });
    const context = await buildContext(dir, path.join(outside, 'build.Dockerfile'), true);
    expect(context.dockerfile).toMatch(/^\.dockerfile\.[0-9a-f]{20}$/);
    expect(await entries(context.stream, true)).toEqual([
      { name: 'a', type: 'file', uid: 0, gid: 0, content: 'a' },
      { name: context.dockerfile, type: 'file', uid: 0, gid: 0, content: 'FROM scratch\nCOPY a /\n' },
      { name: '.dockerignore', type: 'file', uid: 0, gid: 0, content: `.dockerignore\n${context.dockerfile}\n` },
    ]);
  });

  it('refuses a build directory that does not exist', async () => {
    await expect(buildContext(path.join(work, 'nowhere'), path.join(work, 'Dockerfile'), false)).rejects.toThrow(
      `unable to prepare context: path ${JSON.stringify(path.join(work, 'nowhere'))} not found`,
    );
  });
});

describe('docker builder with a build block, against the engine', () => {
  const images: string[] = [];

  beforeAll(async () => {
    await ensureBaseImage();
    process.env.PACKER_TMP_DIR = path.join(work, 'packer-tmp');
  }, 300_000);

  afterAll(async () => {
    delete process.env.PACKER_TMP_DIR;
    // Children first: the committed image depends on the built one.
    for (const id of images.reverse())
      await engine
        .getImage(id)
        .remove({ force: true })
        .catch(() => undefined);
  });

  // Prepare checks path and build_dir against the process's directory, as Packer does: the tests give them whole.
  const build = async (dir: string, template: string) => {
    writeFileSync(path.join(dir, 't.pkr.hcl'), template);
    const { io, stdout } = memoryIO({ cwd: dir });
    const code = await runBuild(['-color=false', 't.pkr.hcl'], io);
    return { code, stdout: stdout() };
  };

  /** Containers whose command carries the marker: a build's intermediate containers. */
  const containersWith = async (marker: string) =>
    (await engine.listContainers({ all: true })).filter((c) => c.Command.includes(marker)).map((c) => c.Id);

  it('builds the source image from a Dockerfile, then provisions and commits on top of it', async () => {
    const name = `b${randomBytes(4).toString('hex')}`;
    const dir = tree({
      'docker/Dockerfile': [
        `FROM ${BASE_IMAGE}`,
        'ARG GREETING=unset',
        'ARG TARGET',
        'RUN echo "$GREETING $TARGET" > /greeting',
        'COPY . /ctx/',
        '',
      ].join('\n'),
      'docker/.dockerignore': 'secret.txt\n',
      'docker/app.txt': 'app\n',
      'docker/secret.txt': 'secret\n',
    });
    const { code, stdout } = await build(
      dir,
      `
source "docker" "${name}" {
  build {
    path      = "${dir}/docker/Dockerfile"
    build_dir = "${dir}/docker"
    pull      = false
    arguments = { GREETING = "hello", TARGET = "kiln" }
  }
  commit  = true
  changes = ["ENV BUILT=yes"]
}
build {
  sources = ["source.docker.${name}"]
  provisioner "shell" {
    inline = ["cat /greeting /ctx/app.txt", "ls -A /ctx", "echo provisioned > /provisioned"]
  }
}
`,
    );
    const built = /Finished building base image "(sha256:[0-9a-f]{64})"/.exec(stdout)?.[1] ?? '';
    const committed = /Image ID: (sha256:[0-9a-f]{64})/.exec(stdout)?.[1] ?? '';
    images.push(built, committed);
    expect(code).toBe(0);
    const prefix = `docker.${name}`;
    const lines = stdout.split('\n');
    expect(lines.slice(0, 4)).toEqual([
      `==> ${prefix}: Creating a temporary directory for sharing data...`,
      `==> ${prefix}: Building base image...`,
      `==> ${prefix}: Finished building base image "${built}"`,
      `==> ${prefix}: Starting docker container...`,
    ]);
    expect(stdout).toContain(`    ${prefix}: Run command: docker run -v `);
    expect(stdout).toContain(`-d -i -t --entrypoint=/bin/sh -- ${built}\n`);
    // The Dockerfile's RUN saw the build arguments; COPY took the context without the ignored file.
    expect(stdout).toContain(`==> ${prefix}: hello kiln\n==> ${prefix}: app\n`);
    expect(stdout).toContain(
      `==> ${prefix}: .dockerignore\n==> ${prefix}: Dockerfile\n==> ${prefix}: app.txt\n==> ${prefix}: Committing`,
    );
    expect(stdout).not.toContain('secret.txt');
    expect(stdout).toContain(
      `==> ${prefix}: final image is not discarded, removing the built image will fail because of existing dependencies, skipping cleanup for docker build.\n`,
    );
    const image = await engine.getImage(committed).inspect();
    expect(image.Parent === '' ? (await engine.getImage(built).inspect()).Id : image.Parent).toBe(built);
    expect(image.Config.Env).toContain('BUILT=yes');
    // The source image came from no registry: no digest, and no error about it.
    expect(stdout).not.toContain('Error determining source Docker image digest');
  }, 120_000);

  it('removes the built image when the container is discarded', async () => {
    const name = `b${randomBytes(4).toString('hex')}`;
    const dir = tree({ Dockerfile: `FROM ${BASE_IMAGE}\nRUN echo ${name} > /marker\n` });
    const { code, stdout } = await build(
      dir,
      `
source "docker" "${name}" {
  build {
    path      = "${dir}/Dockerfile"
    build_dir = "${dir}"
    pull = false
  }
  discard = true
}
build { sources = ["source.docker.${name}"] }
`,
    );
    const built = /Finished building base image "(sha256:[0-9a-f]{64})"/.exec(stdout)?.[1] ?? '';
    images.push(built);
    expect(code).toBe(0);
    expect(built).not.toBe('');
    await expect(engine.getImage(built).inspect()).rejects.toMatchObject({ statusCode: 404 });
  }, 120_000);

  it.each([
    [
      'an unknown instruction',
      (marker: string) => `FROM ${BASE_IMAGE}\nFOO ${marker}\n`,
      () =>
        'docker build failed: exit status 1; stdout: Sending build context to Docker daemon <size>\r\r\n; ' +
        'stderr: Error response from daemon: dockerfile parse error line 2: unknown instruction: FOO\n',
    ],
    [
      'a failing RUN',
      (marker: string) => `FROM ${BASE_IMAGE}\nRUN echo ${marker} && exit 3\n`,
      (marker: string) =>
        `docker build failed: exit status 3; stdout: Sending build context to Docker daemon <size>\r\r\n` +
        `Step 1/2 : FROM ${BASE_IMAGE}\n ---> <id>\nStep 2/2 : RUN echo ${marker} && exit 3\n ---> Running in <id>\n` +
        // Kiln removes the failed step's container (the CLI's --force-rm).
        `${marker}\nRemoving intermediate container <id>\n; stderr: The command '/bin/sh -c echo ${marker} && exit 3' returned a non-zero code: 3\n`,
    ],
  ])(
    'fails on %s with the daemon error and leaves no container',
    async (_what, dockerfile, expected) => {
      const name = `b${randomBytes(4).toString('hex')}`;
      const marker = `marker-${name}`;
      const dir = tree({ Dockerfile: dockerfile(marker) });
      const { code, stdout } = await build(
        dir,
        `
source "docker" "${name}" {
  build {
    path      = "${dir}/Dockerfile"
    build_dir = "${dir}"
    pull = false
  }
  discard = true
}
build { sources = ["source.docker.${name}"] }
`,
      );
      expect(code).toBe(1);
      const error = /errored after [^:]+: ([\s\S]*?)\n\n==> Wait completed/.exec(stdout)?.[1] ?? stdout;
      const stable = error
        .replace(/daemon +[0-9.]+k?B\r/, 'daemon <size>\r')
        .replace(/ ---> [0-9a-f]{12}\n/, ' ---> <id>\n')
        .replace(/Running in [0-9a-f]{12}/, 'Running in <id>')
        .replace(/intermediate container [0-9a-f]{12}/, 'intermediate container <id>');
      expect(stable.trimEnd()).toBe(expected(marker).trimEnd());
      expect(stdout).not.toContain('Starting docker container');
      expect(await containersWith(marker)).toEqual([]);
    },
    120_000,
  );
});
