import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importArtifact } from '../../../../src/components/builders/docker/artifact.js';
import { runDockerPush } from '../../../../src/components/postprocessors/docker-push/post-processor.js';
import { runDockerTag } from '../../../../src/components/postprocessors/docker-tag/post-processor.js';
import { dockerTags } from '../../../../src/components/postprocessors/docker/image-artifact.js';
import type { Artifact } from '../../../../src/core/events.js';
import { engine, engineAvailable } from '../../../support/docker.js';
import { registryInstalled, startRegistry, type Registry } from '../../../support/registry.js';
import { recordingContext, removeImages, repoTags, tinyImage } from './fixtures.js';

const USER = { name: 'kiln', password: 'kiln-registry-pw' };

/** Layer IDs and digests vary between images. */
function stable(lines: readonly string[]): string[] {
  return lines.map((l) =>
    l
      .replace(/sha256:[0-9a-f]{64}/g, 'sha256:<digest>')
      .replace(/^message: [0-9a-f]{12}: /, 'message: <layer>: ')
      .replace(/size: \d+$/, 'size: <n>'),
  );
}

describe('docker-push post-processor', () => {
  const images: string[] = [];
  let open: Registry;
  let secured: Registry;
  let work: string;

  beforeAll(async () => {
    expect(await engineAvailable()).toBe(true);
    expect(registryInstalled()).toBe(true);
    open = await startRegistry('127.0.0.60', 5000);
    secured = await startRegistry('127.0.0.61', 5000, { user: USER });
    work = mkdtempSync(path.join(tmpdir(), 'kiln-docker-push-'));
  });

  afterAll(async () => {
    await removeImages(images);
    for (const id of images) expect(await repoTags(id)).toEqual([]);
    await open?.stop();
    await secured?.stop();
    rmSync(work, { recursive: true, force: true });
  });

  /** A fresh image tagged into the registry's repository as docker-tag does it. */
  async function tagged(registry: Registry, name: string, tags: string[]): Promise<Artifact> {
    const image = await tinyImage();
    images.push(image);
    const input = { ...importArtifact(image), generatedData: { ImageSha256: image } };
    const result = await runDockerTag(
      { repository: `${registry.address}/${name}`, tags },
      input,
      recordingContext().ctx,
    );
    return result.artifact;
  }

  it('pushes the artifact ID and every docker tag to an open registry', async () => {
    const artifact = await tagged(open, 'kiln/open', ['1.0', 'latest']);
    const repo = `${open.address}/kiln/open`;
    const { ctx, lines } = recordingContext();
    const result = await runDockerPush({}, artifact, ctx);

    expect(stable(lines)).toEqual([
      `message: Pushing: ${repo}:latest`,
      `message: The push refers to repository [${repo}]`,
      'message: <layer>: Preparing',
      'message: <layer>: Pushed',
      'message: latest: digest: sha256:<digest> size: <n>',
      `message: Pushing: ${repo}:1.0`,
      `message: The push refers to repository [${repo}]`,
      'message: <layer>: Preparing',
      'message: <layer>: Layer already exists',
      'message: 1.0: digest: sha256:<digest> size: <n>',
      `message: Pushing: ${repo}:latest`,
      `message: The push refers to repository [${repo}]`,
      'message: <layer>: Preparing',
      'message: <layer>: Layer already exists',
      'message: latest: digest: sha256:<digest> size: <n>',
    ]);
    expect(await open.tags('kiln/open')).toEqual(['1.0', 'latest']);
    expect(result).toMatchObject({
      artifact: {
        builderId: 'packer.post-processor.docker-import',
        id: `${repo}:latest`,
        files: [],
        description: `Imported Docker image: ${repo}:latest with tags ${repo}:1.0 ${repo}:latest`,
      },
      keepInputArtifact: true,
      forceKeep: false,
    });
    expect(dockerTags(result.artifact)).toEqual([`${repo}:1.0`, `${repo}:latest`]);
    expect(result.artifact.generatedData).toEqual({
      ImageSha256: artifact.generatedData?.ImageSha256,
      Digest: expect.stringMatching(new RegExp(`^${repo.replace(/\./g, '\\.')}@sha256:[0-9a-f]{64}$`)),
    });
  });

  it('pushes a docker-import artifact, which has no docker tags, by its ID alone', async () => {
    const image = await tinyImage();
    images.push(image);
    const reference = `${open.address}/kiln/imported:only`;
    await engine.getImage(image).tag({ repo: `${open.address}/kiln/imported`, tag: 'only' });
    const { ctx, lines } = recordingContext();
    const result = await runDockerPush({}, importArtifact(reference), ctx);
    expect(lines.filter((l) => l.includes('Pushing:'))).toEqual([`message: Pushing: ${reference}`]);
    expect(result.artifact.description).toBe(`Imported Docker image: ${reference}`);
    expect(result.artifact.generatedData).toEqual({ Digest: expect.stringMatching(/@sha256:[0-9a-f]{64}$/) });
    expect(await open.tags('kiln/imported')).toEqual(['only']);
  });

  it('stops when the build is cancelled', async () => {
    const artifact = await tagged(open, 'kiln/cancelled', ['c1']);
    const controller = new AbortController();
    controller.abort(new Error('interrupted'));
    await expect(runDockerPush({}, artifact, recordingContext(controller.signal).ctx)).rejects.toMatchObject({
      message: 'interrupted',
    });
    expect(await open.tags('kiln/cancelled')).toEqual([]);
  });

  it('logs in, pushes with the credentials and logs out', async () => {
    const artifact = await tagged(secured, 'kiln/secured', ['v1']);
    const { ctx, lines } = recordingContext();
    await runDockerPush(
      { login: true, login_server: secured.address, login_username: USER.name, login_password: USER.password },
      artifact,
      ctx,
    );
    const shown = stable(lines);
    expect(shown.slice(0, 3)).toEqual([
      'message: Logging in...',
      'message: Login Succeeded',
      `message: Pushing: ${secured.address}/kiln/secured:v1`,
    ]);
    expect(shown.at(-1)).toBe('message: Logging out...');
    expect(await secured.tags('kiln/secured')).toEqual(['v1']);
  });

  it('uses the credentials stored in DOCKER_CONFIG when login is off', async () => {
    const artifact = await tagged(secured, 'kiln/stored', ['s1']);
    const auth = Buffer.from(`${USER.name}:${USER.password}`).toString('base64');
    // A key with a scheme, as older `docker login` wrote them, names the same registry.
    writeFileSync(
      path.join(work, 'config.json'),
      JSON.stringify({ auths: { [`http://${secured.address}`]: { auth } } }),
    );
    const saved = process.env.DOCKER_CONFIG;
    process.env.DOCKER_CONFIG = work;
    try {
      await runDockerPush({}, artifact, recordingContext().ctx);
    } finally {
      if (saved === undefined) delete process.env.DOCKER_CONFIG;
      else process.env.DOCKER_CONFIG = saved;
    }
    expect(await secured.tags('kiln/stored')).toEqual(['s1']);
  });

  it('fails to push to a registry that wants a login, without one', async () => {
    const artifact = await tagged(secured, 'kiln/anonymous', ['a1']);
    const { ctx } = recordingContext();
    await expect(runDockerPush({}, artifact, ctx)).rejects.toMatchObject({ message: 'no basic auth credentials' });
    expect(await secured.tags('kiln/anonymous')).toEqual([]);
  });

  it('reports a refused login and does not push', async () => {
    const artifact = await tagged(secured, 'kiln/refused', ['r1']);
    const { ctx, lines } = recordingContext();
    await expect(
      runDockerPush(
        { login: true, login_server: secured.address, login_username: USER.name, login_password: 'wrong' },
        artifact,
        ctx,
      ),
    ).rejects.toMatchObject({
      message: `Error logging in to Docker: login attempt to http://${secured.address}/v2/ failed with status: 401 Unauthorized`,
    });
    expect(lines).toEqual(['message: Logging in...']);
  });

  it('refuses an export artifact', async () => {
    const input = { builderId: 'packer.docker', id: 'Container', files: ['x.tar'], description: '' };
    await expect(runDockerPush({}, input, recordingContext().ctx)).rejects.toMatchObject({
      message: 'Unknown artifact type: packer.docker\nCan only import from docker-import and docker-tag artifacts.',
    });
  });
});
