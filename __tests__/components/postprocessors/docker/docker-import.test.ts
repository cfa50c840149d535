import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportArtifact, importArtifact } from '../../../../src/components/builders/docker/artifact.js';
import { runDockerImport } from '../../../../src/components/postprocessors/docker-import/post-processor.js';
import { dockerTags } from '../../../../src/components/postprocessors/docker/image-artifact.js';
import { engine, engineAvailable } from '../../../support/docker.js';
import { recordingContext, referencesUnder, removeImages, rootfsTar, uniqueRepository } from './fixtures.js';

describe('docker-import post-processor', () => {
  const images: string[] = [];
  let work: string;
  let tarFile: string;

  beforeAll(async () => {
    expect(await engineAvailable()).toBe(true);
    work = mkdtempSync(path.join(tmpdir(), 'kiln-docker-import-'));
    tarFile = path.join(work, 'container.tar');
    writeFileSync(tarFile, await rootfsTar('imported'));
  });

  afterAll(async () => {
    await removeImages(images);
    rmSync(work, { recursive: true, force: true });
    expect(await referencesUnder('kiln-pp-import/')).toEqual([]);
  });

  it('imports the export tar as repository:tag with changes and platform', async () => {
    const repo = uniqueRepository('kiln-pp-import');
    const { ctx, lines } = recordingContext();
    const result = await runDockerImport(
      {
        repository: repo,
        tag: 'v2',
        changes: ['ENV A=1', 'CMD ["/hello.txt"]', 'LABEL by=kiln'],
        platform: 'linux/amd64',
      },
      exportArtifact(tarFile),
      ctx,
    );
    const image = await engine.getImage(`${repo}:v2`).inspect();
    images.push(image.Id);
    expect(lines).toEqual([
      'message: Importing image: Container',
      `message: Repository: ${repo}:v2`,
      `message: Imported ID: ${image.Id}`,
    ]);
    expect(result).toMatchObject({
      artifact: {
        builderId: 'packer.post-processor.docker-import',
        id: `${repo}:v2`,
        files: [],
        description: `Imported Docker image: ${repo}:v2`,
      },
      keepInputArtifact: false,
      forceKeep: false,
    });
    expect(result.artifact.generatedData).toBeUndefined();
    expect(dockerTags(result.artifact)).toEqual([]);
    expect({ env: image.Config.Env, cmd: image.Config.Cmd, labels: image.Config.Labels }).toEqual({
      env: ['A=1'],
      cmd: ['/hello.txt'],
      labels: { by: 'kiln' },
    });
    expect(image.Architecture).toBe('amd64');

    await result.artifact.destroy?.();
    await expect(engine.getImage(`${repo}:v2`).inspect()).rejects.toMatchObject({ statusCode: 404 });
  });

  it('imports an artifice artifact into the bare repository', async () => {
    const repo = uniqueRepository('kiln-pp-import');
    const input = { builderId: 'packer.post-processor.artifice', id: '', files: [tarFile], description: '' };
    const { ctx, lines } = recordingContext();
    const result = await runDockerImport({ repository: repo }, input, ctx);
    const image = await engine.getImage(`${repo}:latest`).inspect();
    images.push(image.Id);
    expect(lines).toEqual([
      'message: Importing image: ',
      `message: Repository: ${repo}`,
      `message: Imported ID: ${image.Id}`,
    ]);
    expect(result.artifact.id).toBe(repo);
    await result.artifact.destroy?.();
  });

  it('refuses a commit artifact with the plugin hint', async () => {
    await expect(
      runDockerImport({ repository: 'x' }, importArtifact('sha256:abc'), recordingContext().ctx),
    ).rejects.toMatchObject({
      message:
        'Unknown artifact type: packer.post-processor.docker-import\nCan only import from Docker builder and ' +
        'Artifice post-processor artifacts. If you are getting this error after having run the docker builder, it ' +
        'may be because you set commit: true in your Docker builder, so the image is already imported. ',
    });
  });

  it.each([
    ['a missing file', 'missing.tar', (p: string) => `open ${p}: no such file or directory`],
    ['discard (no file)', '', () => 'open : no such file or directory'],
  ])('reports %s', async (_what, name, message) => {
    const file = name && path.join(work, name);
    const { ctx, lines } = recordingContext();
    await expect(runDockerImport({ repository: 'kiln-pp-import/x' }, exportArtifact(file), ctx)).rejects.toMatchObject({
      message: message(file),
    });
    expect(lines).toEqual(['message: Importing image: Container', 'message: Repository: kiln-pp-import/x']);
  });

  it('reports what the daemon says of a file that is not a tar', async () => {
    const file = path.join(work, 'not-a.tar');
    writeFileSync(file, 'just text, no tar header here');
    await expect(
      runDockerImport({ repository: 'kiln-pp-import/bad' }, exportArtifact(file), recordingContext().ctx),
    ).rejects.toMatchObject({
      message: 'Error importing container: Error processing tar file(exit status 1): unexpected EOF',
    });
  });
});
