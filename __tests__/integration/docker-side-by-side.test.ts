import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engine, ensureBaseImage } from '../support/docker.js';
import { startKiln } from '../support/kiln-process.js';
import { runPacker } from '../support/packer.js';
import { copyQuickstart } from '../support/quickstart.js';
import { imageFileTree } from '../support/image-tree.js';

/*
 * The same template built by `packer build` (1.6.6, whose docker builder
 * drives the docker CLI against the same engine) and `kiln build`: the images
 * must have the same file tree and the same config changes. The template is
 * examples/quickstart without its post-processors (1.6.6 compatible, see
 * support/quickstart.ts). Its `changes` set both ENTRYPOINT and CMD: with
 * only one of them, Packer 1.6.6 and the current plugin (StepSetDefaults)
 * give the image different defaults for the other.
 */

/** The temp script names provisioners use: removed after running, ignored in case one is left. */
const shapeTree = (image: string) => imageFileTree(image, { ignore: [/^tmp\/(script_\d+\.sh|packer-shell\d+)$/] });

async function imageConfig(image: string) {
  const { Env, Labels, Cmd, Entrypoint, WorkingDir, User, ExposedPorts } = (await engine.getImage(image).inspect())
    .Config;
  return { Env, Labels, Cmd, Entrypoint, WorkingDir, User, ExposedPorts };
}

const imageId = (out: string) => /Image ID: (sha256:[0-9a-f]{64})/.exec(out)?.[1];

describe('examples/quickstart built by Packer 1.6.6 and by Kiln', { timeout: 300_000 }, () => {
  let dir: string;
  const images: string[] = [];

  beforeAll(async () => {
    await ensureBaseImage();
    dir = mkdtempSync(path.join(tmpdir(), 'kiln-docker-side-'));
    copyQuickstart(dir, { postProcessors: false });
  }, 600_000);

  afterAll(async () => {
    for (const id of images) await engine.getImage(id).remove({ force: true });
    rmSync(dir, { recursive: true, force: true });
  });

  it('gives images with the same file tree and the same config', async () => {
    const packer = await runPacker(['build', '-color=false', '.'], { cwd: dir });
    const packerImage = imageId(packer.stdout);
    if (packerImage) images.push(packerImage);
    expect(packer.exit, packer.stdout + packer.stderr).toBe(0);

    // As its own process, in the template's directory as Packer ran.
    const kiln = startKiln(['build', '-color=false', '.'], { cwd: dir });
    const code = await kiln.exited;
    const kilnImage = imageId(kiln.stdout());
    if (kilnImage) images.push(kilnImage);
    expect(code, kiln.stdout()).toBe(0);
    expect(kilnImage).not.toBe(packerImage);

    const [packerConfig, kilnConfig] = await Promise.all([imageConfig(packerImage!), imageConfig(kilnImage!)]);
    expect(kilnConfig).toEqual(packerConfig);
    expect(kilnConfig).toEqual({
      Env: ['APP_NAME=hello-kiln', 'APP_VERSION=1.0.0'],
      Labels: { 'org.opencontainers.image.title': 'hello-kiln', 'org.opencontainers.image.version': '1.0.0' },
      Cmd: ['world'],
      Entrypoint: ['/srv/hello-kiln/bin/hello'],
      WorkingDir: '/srv/hello-kiln',
      User: 'app',
      ExposedPorts: { '8080/tcp': {} },
    });

    const [packerTree, kilnTree] = await Promise.all([shapeTree(packerImage!), shapeTree(kilnImage!)]);
    // The whole tree (thousands of entries) is compared; the app's part is spelled out as a check of the reader.
    expect([...kilnTree].filter(([name]) => name.startsWith('srv')).sort()).toEqual([
      ['srv', { type: 'directory', mode: '755', size: 0, uid: 0, gid: 0, linkname: null }],
      ['srv/hello-kiln', { type: 'directory', mode: '755', size: 0, uid: 999, gid: 999, linkname: null }],
      ['srv/hello-kiln/VERSION', { type: 'file', mode: '644', size: 6, uid: 999, gid: 999, linkname: null }],
      ['srv/hello-kiln/bin', { type: 'directory', mode: '755', size: 0, uid: 999, gid: 999, linkname: null }],
      ['srv/hello-kiln/bin/hello', { type: 'file', mode: '755', size: 219, uid: 999, gid: 999, linkname: null }],
      ['srv/hello-kiln/etc', { type: 'directory', mode: '755', size: 0, uid: 999, gid: 999, linkname: null }],
      ['srv/hello-kiln/etc/hello.conf', { type: 'file', mode: '644', size: 90, uid: 999, gid: 999, linkname: null }],
    ]);
    expect(kilnTree.get('bin')).toEqual({
      type: 'symlink',
      mode: '777',
      size: 0,
      uid: 0,
      gid: 0,
      linkname: 'usr/bin',
    });
    expect(kilnTree.size).toBeGreaterThan(3000);
    expect(Object.fromEntries(kilnTree)).toEqual(Object.fromEntries(packerTree));
  });
});
