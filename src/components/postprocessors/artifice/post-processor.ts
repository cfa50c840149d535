import { stat } from 'node:fs/promises';
import { removeAll } from '../../common/remove-all.js';
import type { Artifact } from '../../../core/events.js';
import type { PostProcessorContext, PostProcessorResult } from '../../common/post-processor.js';
import { goGlob } from './glob.js';
import type { ArtificeConfig } from './schema.js';

/*
 * post-processor/artifice PostProcess of Packer: the artifact becomes the
 * files the `files` globs match (each must stat), the input artifact's files
 * are discarded from it (kept on disk unless keep_input_artifact = false).
 */

export const ARTIFICE_BUILDER_ID = 'packer.post-processor.artifice';

export async function runArtifice(
  config: ArtificeConfig,
  artifact: Artifact,
  ctx: PostProcessorContext,
): Promise<PostProcessorResult> {
  ctx.signal.throwIfAborted();
  if (artifact.files.length > 0) ctx.ui.say(`Discarding files from artifact: ${artifact.files.join(', ')}`);
  const files: string[] = [];
  for (const pattern of config.files ?? []) {
    for (const match of await goGlob(pattern)) {
      await stat(match);
      files.push(match);
    }
  }
  ctx.ui.say(`Using these artifact files: ${files.join(', ')}`);
  return {
    artifact: {
      builderId: ARTIFICE_BUILDER_ID,
      id: '',
      files,
      description: `Created artifact from files: ${files.join(', ')}`,
      destroy: () => removeAll(files),
    },
    keepInputArtifact: true,
  };
}
