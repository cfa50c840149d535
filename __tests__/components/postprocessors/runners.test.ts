import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { postProcessorRunner, preloadPostProcessor } from '../../../src/components/postprocessors/runners.js';

const input = { builderId: 'packer.file', id: 'File', files: ['in'], description: 'd' };

function context(said: string[]) {
  return {
    buildName: 'app',
    builderType: 'file',
    runUuid: 'u',
    signal: new AbortController().signal,
    ui: { say: (t: string) => void said.push(t), message: () => undefined, error: () => undefined },
  };
}

describe('postProcessorRunner', () => {
  it.each([
    'artifice',
    'checksum',
    'compress',
    'docker-import',
    'docker-push',
    'docker-save',
    'docker-tag',
    'manifest',
    'shell-local',
  ])('runs %s natively', (type) => {
    expect(postProcessorRunner(type)).toBeTypeOf('function');
  });

  it.each(['vagrant', 'docker', ''])('has no runner for %j', (type) => {
    expect(postProcessorRunner(type)).toBeUndefined();
  });

  it('runs the post-processor its module exports once loaded', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kiln-pp-runners-'));
    const file = join(dir, 'out.img');
    writeFileSync(file, 'x');
    const said: string[] = [];
    const result = await postProcessorRunner('artifice')?.({ files: [file] }, input, context(said));
    expect(result?.artifact.files).toEqual([file]);
    expect(said).toEqual(['Discarding files from artifact: in', `Using these artifact files: ${file}`]);
  });

  it('rejects with the post-processor’s own error', async () => {
    const run = postProcessorRunner('artifice')?.({ files: [join(tmpdir(), '[a')] }, input, context([]));
    await expect(run).rejects.toThrow('syntax error in pattern');
  });
});

describe('preloadPostProcessor', () => {
  it.each(['docker-tag', 'nope'])('returns at once for %j', (type) => {
    expect(preloadPostProcessor(type)).toBeUndefined();
  });
});
