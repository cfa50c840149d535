import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importArtifact } from '../../../../src/components/builders/docker/artifact.js';
import { runDockerTag } from '../../../../src/components/postprocessors/docker-tag/post-processor.js';
import { dockerTags } from '../../../../src/components/postprocessors/docker/image-artifact.js';
import { engine, engineAvailable } from '../../../support/docker.js';
import { recordingContext, referencesUnder, removeImages, repoTags, tinyImage, uniqueRepository } from './fixtures.js';

const PREFIX = 'kiln-pp-tag/';

describe('docker-tag post-processor', () => {
  const images: string[] = [];
  let image: string;

  beforeAll(async () => {
    expect(await engineAvailable()).toBe(true);
    image = await tinyImage();
    images.push(image);
  });

  afterAll(async () => {
    await removeImages(images);
    expect(await referencesUnder(PREFIX)).toEqual([]);
    for (const id of images) expect(await repoTags(id)).toEqual([]);
  });

  it('tags every tag, then the deprecated tag, and names the artifact after the last', async () => {
    const repo = uniqueRepository('kiln-pp-tag');
    const { ctx, lines } = recordingContext();
    const input = { ...importArtifact(image), generatedData: { ImageSha256: image } };
    const result = await runDockerTag({ repository: repo, tags: ['1.0', 'latest'], tag: ['old'] }, input, ctx);

    expect(lines).toEqual([
      'say: Deprecation warning: "tag" option has been replaced with "tags". In future versions of Packer, this configuration may not work. Please call `packer fix` on your template to update.',
      `message: Tagging image: ${image}`,
      `message: Repository: ${repo}:1.0`,
      `message: Tagging image: ${image}`,
      `message: Repository: ${repo}:latest`,
      `message: Tagging image: ${image}`,
      `message: Repository: ${repo}:old`,
    ]);
    expect(result).toMatchObject({
      artifact: {
        builderId: 'packer.post-processor.docker-tag',
        id: `${repo}:old`,
        files: [],
        description: `Imported Docker image: ${repo}:old with tags ${repo}:1.0 ${repo}:latest ${repo}:old`,
        generatedData: { ImageSha256: image },
      },
      keepInputArtifact: true,
      forceKeep: true,
    });
    expect(dockerTags(result.artifact)).toEqual([`${repo}:1.0`, `${repo}:latest`, `${repo}:old`]);
    expect(await repoTags(image)).toEqual([`${repo}:1.0`, `${repo}:latest`, `${repo}:old`]);

    // The plugin's ImportArtifact.Destroy is `docker rmi <id>`: only the last reference goes.
    await result.artifact.destroy?.();
    expect(await repoTags(image)).toEqual([`${repo}:1.0`, `${repo}:latest`]);
  });

  it('tags the bare repository (as :latest) when there are no tags', async () => {
    const repo = uniqueRepository('kiln-pp-tag');
    const { ctx, lines } = recordingContext();
    const result = await runDockerTag({ repository: repo }, importArtifact(image), ctx);
    expect(lines).toEqual([`message: Tagging image: ${image}`, `message: Repository: ${repo}`]);
    expect(result.artifact.id).toBe(repo);
    expect(result.artifact.description).toBe(`Imported Docker image: ${repo}`);
    expect(result.artifact.generatedData).toBeUndefined();
    expect(dockerTags(result.artifact)).toEqual([]);
    expect(await repoTags(image)).toContain(`${repo}:latest`);
  });

  it('tags the artifact of an earlier docker-tag and moves a tag with force', async () => {
    const repo = uniqueRepository('kiln-pp-tag');
    const other = await tinyImage();
    images.push(other);
    const first = await runDockerTag({ repository: repo, tags: ['a'] }, importArtifact(other), recordingContext().ctx);
    const { ctx } = recordingContext();
    await runDockerTag({ repository: repo, tags: ['a'], force: true }, importArtifact(image), ctx);
    expect(await engineImageId(`${repo}:a`)).toBe(image);
    expect(await repoTags(other)).toEqual([]);
    const chained = await runDockerTag({ repository: repo, tags: ['b'] }, first.artifact, recordingContext().ctx);
    // first.artifact's ID is the reference repo:a, which now names `image`.
    expect(chained.artifact.id).toBe(`${repo}:b`);
    expect(await engineImageId(`${repo}:b`)).toBe(image);
  });

  it.each([
    ['packer.docker', 'Unknown artifact type: packer.docker\nCan only tag from Docker builder artifacts.'],
    [
      'packer.post-processor.docker-save',
      'Unknown artifact type: packer.post-processor.docker-save\nCan only tag from Docker builder artifacts.',
    ],
  ])('refuses an artifact of %s', async (builderId, message) => {
    const { ctx, lines } = recordingContext();
    const input = { builderId, id: 'Container', files: [], description: '' };
    await expect(runDockerTag({ repository: 'x', tags: ['1'] }, input, ctx)).rejects.toMatchObject({ message });
    expect(lines).toEqual([]);
  });

  it.each([
    [
      { repository: 'kiln-pp-tag/x', tags: ['1'] },
      'sha256:0000000000000000000000000000000000000000000000000000000000000000',
      'Error tagging image: No such image: sha256:0000000000000000000000000000000000000000000000000000000000000000',
    ],
    [
      { repository: 'kiln-pp-tag/UPPER', tags: ['1'] },
      undefined,
      'Error tagging image: invalid reference format: repository name must be lowercase',
    ],
  ])('reports the daemon refusing %j', async (config, id, message) => {
    const { ctx } = recordingContext();
    await expect(runDockerTag(config, importArtifact(id ?? image), ctx)).rejects.toMatchObject({ message });
  });
});

async function engineImageId(reference: string): Promise<string> {
  return (await engine.getImage(reference).inspect()).Id;
}
