import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { cpus } from 'node:os';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Artifact } from '../../../src/core/events.js';
import { pluginPostProcessor } from '../../../src/plugins/bridge/post-processor.js';
import { releasePlugins } from '../../../src/plugins/bridge/retained.js';
import { childProcesses, packerPlugin, recordingUi, tempDir } from './support.js';

afterEach(async () => {
  await releasePlugins();
  expect(await childProcesses()).toEqual([]);
});

async function fileArtifact(): Promise<{ artifact: Artifact; file: string; dir: string }> {
  const dir = await tempDir();
  const file = join(dir, 'image.raw');
  await writeFile(file, 'image bytes\n');
  const artifact: Artifact = {
    builderId: 'packer.file',
    id: 'File',
    files: [file],
    description: `Stored file: ${file}`,
  };
  return { artifact, file, dir };
}

const context = (ui = recordingUi()) => ({
  buildName: 'example',
  builderType: 'file',
  runUuid: 'r-1',
  signal: new AbortController().signal,
  ui,
});

describe('pluginPostProcessor with Packer 1.6.6 checksum', () => {
  it("reads Kiln's artifact through the served Artifact and returns the plugin's", async () => {
    const { artifact, file, dir } = await fileArtifact();
    const postProcess = pluginPostProcessor(packerPlugin('packer-post-processor-checksum'));
    const output = join(dir, 'image.{{.ChecksumType}}');
    const result = await postProcess({ checksum_types: ['sha256'], output }, artifact, context());
    const sums = join(dir, 'image.sha256');
    expect(result).toEqual({
      artifact: {
        builderId: 'packer.post-processor.checksum',
        id: '',
        files: [file, sums],
        description: `Created artifact from files: ${file}, ${sums}`,
        destroy: expect.any(Function),
        state: expect.any(Function),
      },
      keepInputArtifact: true,
      forceKeep: true,
    });
    const digest = createHash('sha256').update('image bytes\n').digest('hex');
    expect(await readFile(sums, 'utf8')).toBe(`${digest}\timage.raw\n`);
  });
});

describe('pluginPostProcessor with Packer 1.6.6 compress', () => {
  it("writes the archive and says so on Kiln's Ui", async () => {
    const { artifact, dir } = await fileArtifact();
    const ui = recordingUi();
    const postProcess = pluginPostProcessor(packerPlugin('packer-post-processor-compress'));
    const output = join(dir, 'image.tar.gz');
    const result = await postProcess({ output }, artifact, context(ui));
    expect(result.artifact.builderId).toBe('packer.post-processor.compress');
    expect(result.artifact.files).toEqual([output]);
    expect(result.keepInputArtifact).toBe(false);
    expect(ui.lines[0]).toBe(`say: Using pgzip compression with ${cpus().length} cores for ${output}`);
    // A gzip stream holding a tar entry for the input file.
    const archive = await readFile(output);
    expect([...archive.subarray(0, 2)]).toEqual([0x1f, 0x8b]);
    const tar = gunzipSync(archive);
    expect(tar.subarray(0, 100).toString('latin1').replace(/\0+$/, '')).toBe('image.raw');
  });
});
