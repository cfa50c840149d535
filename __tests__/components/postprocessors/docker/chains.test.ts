import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBuild } from '../../../../src/cli/build.js';
import { memoryIO } from '../../../support/cli.js';
import { BASE_IMAGE, engine, engineAvailable, ensureBaseImage } from '../../../support/docker.js';
import { registryInstalled, startRegistry, type Registry } from '../../../support/registry.js';
import { referencesUnder, removeImages, repoTags } from './fixtures.js';

/* The docker post-processors chained after the docker builder through `kiln build`, as Packer chains them. */

describe('docker post-processor chains through kiln build', () => {
  const images: string[] = [];
  let registry: Registry;
  let work: string;
  let packerTmp: string;
  const savedTmp = process.env.PACKER_TMP_DIR;

  beforeAll(async () => {
    expect(await engineAvailable()).toBe(true);
    expect(registryInstalled()).toBe(true);
    await ensureBaseImage();
    registry = await startRegistry('127.0.0.62', 5000);
    work = mkdtempSync(path.join(tmpdir(), 'kiln-docker-chains-'));
    packerTmp = path.join(work, 'packer-tmp');
    process.env.PACKER_TMP_DIR = packerTmp;
  }, 300_000);

  afterAll(async () => {
    if (savedTmp === undefined) delete process.env.PACKER_TMP_DIR;
    else process.env.PACKER_TMP_DIR = savedTmp;
    await removeImages(images);
    for (const id of images) expect(await repoTags(id)).toEqual([]);
    expect(await referencesUnder('kiln-pp-chain/')).toEqual([]);
    expect(await referencesUnder(`${registry.address}/kiln-pp-chain/`)).toEqual([]);
    await registry?.stop();
    rmSync(work, { recursive: true, force: true });
  });

  const uniqueName = () => `c${randomBytes(4).toString('hex')}`;

  async function build(template: string) {
    const dir = mkdtempSync(path.join(work, 'build-'));
    writeFileSync(path.join(dir, 't.pkr.hcl'), template);
    const { io, stdout, stderr } = memoryIO({ cwd: dir });
    const code = await runBuild(['-color=false', 't.pkr.hcl'], io);
    return { code, stdout: stdout(), stderr: stderr(), dir };
  }

  /** The closing summary: the lines after "Builds finished", with image IDs made stable. */
  const summary = (out: string) =>
    out
      .slice(out.indexOf('==> Builds finished.'))
      .replace(/sha256:[0-9a-f]{64}/g, 'sha256:<id>')
      .split('\n');

  async function expectNoContainers(name: string) {
    const left = await engine.listContainers({ all: true, filters: { name: [`-docker.${name}`] } });
    expect(left.map((c) => c.Names[0])).toEqual([]);
    expect(readdirSync(packerTmp)).toEqual([]);
  }

  /** Every image ID the build printed (commit) or created under a reference, for cleanup. */
  async function track(stdout: string, references: string[]) {
    for (const m of stdout.matchAll(/Image ID: (sha256:[0-9a-f]{64})/g)) images.push(m[1] ?? '');
    for (const reference of references) {
      const info = await engine
        .getImage(reference)
        .inspect()
        .catch(() => undefined);
      if (info) images.push(info.Id);
    }
  }

  it('commit -> docker-tag -> docker-push pushes every tag to the registry', async () => {
    const name = uniqueName();
    const repo = `${registry.address}/kiln-pp-chain/${name}`;
    const { code, stdout, stderr } = await build(`
source "docker" "${name}" {
  image  = "${BASE_IMAGE}"
  pull   = false
  commit = true
}
build {
  sources = ["source.docker.${name}"]
  post-processors {
    post-processor "docker-tag" {
      repository = "${repo}"
      tags       = ["v1", "v2"]
    }
    post-processor "docker-push" {}
  }
}
`);
    await track(stdout, [`${repo}:v1`]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain(
      [
        `==> docker.${name}: Running post-processor: docker-tag`,
        `    docker.${name} (docker-tag): Tagging image: ${/Image ID: (\S+)/.exec(stdout)?.[1]}`,
        `    docker.${name} (docker-tag): Repository: ${repo}:v1`,
      ].join('\n'),
    );
    expect(stdout).toContain(`==> docker.${name}: Running post-processor: docker-push\n`);
    expect(stdout).toContain(`    docker.${name} (docker-push): Pushing: ${repo}:v2\n`);
    expect(stdout).toContain(`    docker.${name} (docker-push): Pushing: ${repo}:v1\n`);
    expect(summary(stdout)).toEqual([
      '==> Builds finished. The artifacts of successful builds are:',
      `--> docker.${name}: Imported Docker image: sha256:<id>`,
      `--> docker.${name}: Imported Docker image: ${repo}:v2 with tags ${repo}:v1 ${repo}:v2`,
      `--> docker.${name}: Imported Docker image: ${repo}:v2 with tags ${repo}:v1 ${repo}:v2`,
      '',
    ]);
    expect(await registry.tags(`kiln-pp-chain/${name}`)).toEqual(['v1', 'v2']);
    await expectNoContainers(name);
  }, 180_000);

  it('export_path -> docker-import -> docker-tag imports the export and tags it', async () => {
    const name = uniqueName();
    const repo = `kiln-pp-chain/${name}`;
    const exportPath = path.join(work, `${name}.tar`);
    const { code, stdout, stderr } = await build(`
source "docker" "${name}" {
  image       = "${BASE_IMAGE}"
  pull        = false
  export_path = "${exportPath}"
}
build {
  sources = ["source.docker.${name}"]
  post-processors {
    post-processor "docker-import" {
      repository = "${repo}"
      tag        = "imported"
      changes    = ["ENV FROM_IMPORT=1"]
    }
    post-processor "docker-tag" {
      repository = "${repo}"
      tags       = ["final"]
    }
  }
}
`);
    await track(stdout, [`${repo}:imported`]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain(
      [
        `==> docker.${name}: Running post-processor: docker-import`,
        `    docker.${name} (docker-import): Importing image: Container`,
        `    docker.${name} (docker-import): Repository: ${repo}:imported`,
      ].join('\n'),
    );
    expect(summary(stdout)).toEqual([
      '==> Builds finished. The artifacts of successful builds are:',
      `--> docker.${name}: Imported Docker image: ${repo}:imported`,
      `--> docker.${name}: Imported Docker image: ${repo}:final with tags ${repo}:final`,
      '',
    ]);
    const image = await engine.getImage(`${repo}:final`).inspect();
    expect(image.RepoTags.sort()).toEqual([`${repo}:final`, `${repo}:imported`]);
    expect(image.Config.Env).toEqual(['FROM_IMPORT=1']);
    // docker-import does not keep its input: the builder's export file is destroyed.
    expect(existsSync(exportPath)).toBe(false);
    await expectNoContainers(name);
  }, 180_000);

  it('commit -> docker-save writes the image tar and keeps the image', async () => {
    const name = uniqueName();
    const out = path.join(work, `${name}-saved.tar`);
    const { code, stdout, stderr } = await build(`
source "docker" "${name}" {
  image  = "${BASE_IMAGE}"
  pull   = false
  commit = true
}
build {
  sources = ["source.docker.${name}"]
  post-processor "docker-save" {
    path = "${out}"
  }
}
`);
    await track(stdout, []);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const imageId = /Image ID: (\S+)/.exec(stdout)?.[1] ?? '';
    expect(stdout).toContain(
      [
        `==> docker.${name}: Running post-processor: docker-save`,
        `    docker.${name} (docker-save): Saving image: ${imageId}`,
        `    docker.${name} (docker-save): Saved to: ${out}`,
      ].join('\n'),
    );
    expect(summary(stdout)).toEqual([
      '==> Builds finished. The artifacts of successful builds are:',
      `--> docker.${name}: Imported Docker image: sha256:<id>`,
      `--> docker.${name}: Imported Docker image: sha256:<id>`,
      '',
    ]);
    expect(statSync(out).size).toBeGreaterThan(1_000_000);
    await expectNoContainers(name);
  }, 180_000);
});
