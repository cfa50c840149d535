import { open, rm } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { connectEngine } from '../../../communicator/docker/engine.js';
import type { Artifact } from '../../../core/events.js';
import { BUILDER_ID_IMPORT } from '../../builders/docker/artifact.js';
import type { PostProcessorContext, PostProcessorResult } from '../../common/post-processor.js';
import { goPathError } from '../../provisioners/file/go-path.js';
import { daemonMessage } from '../docker/engine-error.js';
import { DOCKER_TAG_BUILDER_ID } from '../docker/image-artifact.js';
import type { DockerSaveConfig } from './schema.js';

/*
 * post-processor/docker-save PostProcess of packer-plugin-docker: the image
 * of a docker-import or docker-tag artifact is streamed from the Engine's
 * image export endpoint (`docker save`) into `path`, created or truncated
 * first; on failure the file is removed. The input artifact is passed on.
 */

export async function runDockerSave(
  config: DockerSaveConfig,
  artifact: Artifact,
  ctx: PostProcessorContext,
): Promise<PostProcessorResult> {
  if (artifact.builderId !== BUILDER_ID_IMPORT && artifact.builderId !== DOCKER_TAG_BUILDER_ID) {
    throw new Error(`Unknown artifact type: ${artifact.builderId}\nCan only save Docker builder artifacts.`);
  }
  const path = config.path ?? '';
  let file;
  try {
    file = await open(path, 'w', 0o666);
  } catch (error) {
    throw new Error(`Error creating output file: ${goPathError('open', path, error).message}`, { cause: error });
  }

  ctx.ui.message(`Saving image: ${artifact.id}`);
  const out = file.createWriteStream();
  try {
    const tar = await connectEngine().getImage(artifact.id).get();
    await pipeline(tar, out, { signal: ctx.signal });
  } catch (error) {
    out.destroy();
    await file.close().catch(() => undefined);
    await rm(path, { force: true });
    ctx.signal.throwIfAborted();
    throw new Error(`Error exporting: ${daemonMessage(error)}`, { cause: error });
  }
  ctx.ui.message(`Saved to: ${path}`);
  return { artifact, keepInputArtifact: true, forceKeep: false };
}
