import { createReadStream, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { extract } from 'tar-stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importArtifact } from '../../../../src/components/builders/docker/artifact.js';
import { runDockerSave } from '../../../../src/components/postprocessors/docker-save/post-processor.js';
import { runDockerTag } from '../../../../src/components/postprocessors/docker-tag/post-processor.js';
import { engineAvailable } from '../../../support/docker.js';
import { recordingContext, referencesUnder, removeImages, repoTags, tinyImage, uniqueRepository } from './fixtures.js';

describe('docker-save post-processor', () => {
  const images: string[] = [];
  let image: string;
  let work: string;

  beforeAll(async () => {
    expect(await engineAvailable()).toBe(true);
    image = await tinyImage();
    images.push(image);
    work = mkdtempSync(path.join(tmpdir(), 'kiln-docker-save-'));
  });

  afterAll(async () => {
    await removeImages(images);
    rmSync(work, { recursive: true, force: true });
    expect(await referencesUnder('kiln-pp-save/')).toEqual([]);
    expect(await repoTags(image)).toEqual([]);
  });

  /** The entry names of a tar file, sorted. */
  async function tarEntries(file: string): Promise<string[]> {
    const names: string[] = [];
    const reader = extract();
    reader.on('entry', (header, stream, next) => {
      names.push(header.name);
      stream.on('end', next).resume();
    });
    await pipeline(createReadStream(file), reader);
    return names.sort();
  }

  it('streams the image of a commit artifact to the file and passes the artifact on', async () => {
    const out = path.join(work, 'image.tar');
    writeFileSync(out, 'old content that is truncated');
    const { ctx, lines } = recordingContext();
    const input = importArtifact(image);
    const result = await runDockerSave({ path: out }, input, ctx);
    expect(lines).toEqual([`message: Saving image: ${image}`, `message: Saved to: ${out}`]);
    expect(result).toEqual({ artifact: input, keepInputArtifact: true, forceKeep: false });
    const entries = await tarEntries(out);
    expect(entries).toContain('manifest.json');
    expect(entries).toContain(`${image.slice('sha256:'.length)}.json`);
  });

  it('saves a docker-tag artifact by its reference', async () => {
    const repo = uniqueRepository('kiln-pp-save');
    const tagged = await runDockerTag(
      { repository: repo, tags: ['v1'] },
      importArtifact(image),
      recordingContext().ctx,
    );
    const out = path.join(work, 'tagged.tar');
    const { ctx, lines } = recordingContext();
    const result = await runDockerSave({ path: out }, tagged.artifact, ctx);
    expect(lines).toEqual([`message: Saving image: ${repo}:v1`, `message: Saved to: ${out}`]);
    expect(result.artifact).toBe(tagged.artifact);
    // A save by reference records it in the tar's repositories file.
    expect(await tarEntries(out)).toContain('repositories');
    await tagged.artifact.destroy?.();
  });

  it('refuses an export artifact', async () => {
    const out = path.join(work, 'refused.tar');
    const input = { builderId: 'packer.docker', id: 'Container', files: ['x.tar'], description: '' };
    await expect(runDockerSave({ path: out }, input, recordingContext().ctx)).rejects.toMatchObject({
      message: 'Unknown artifact type: packer.docker\nCan only save Docker builder artifacts.',
    });
    expect(existsSync(out)).toBe(false);
  });

  it('reports a file it cannot create', async () => {
    const out = path.join(work, 'missing', 'image.tar');
    const { ctx, lines } = recordingContext();
    await expect(runDockerSave({ path: out }, importArtifact(image), ctx)).rejects.toMatchObject({
      message: `Error creating output file: open ${out}: no such file or directory`,
    });
    expect(lines).toEqual([]);
  });

  it('removes the file when the engine cannot save the image', async () => {
    const out = path.join(work, 'gone.tar');
    const { ctx, lines } = recordingContext();
    await expect(runDockerSave({ path: out }, importArtifact('kiln-pp-save/none:1'), ctx)).rejects.toMatchObject({
      message: 'Error exporting: reference does not exist',
    });
    expect(lines).toEqual(['message: Saving image: kiln-pp-save/none:1']);
    expect(existsSync(out)).toBe(false);
  });

  it('removes the file when the build is cancelled', async () => {
    const out = path.join(work, 'cancelled.tar');
    const controller = new AbortController();
    controller.abort(new Error('interrupted'));
    const { ctx } = recordingContext(controller.signal);
    await expect(runDockerSave({ path: out }, importArtifact(image), ctx)).rejects.toMatchObject({
      message: 'interrupted',
    });
    expect(existsSync(out)).toBe(false);
  });
});
