import { open } from 'node:fs/promises';
import { connectEngine, type Engine } from '../../../communicator/docker/engine.js';
import type { Artifact } from '../../../core/events.js';
import { BUILDER_ID, BUILDER_ID_IMPORT } from '../../builders/docker/artifact.js';
import type { PostProcessorContext, PostProcessorResult } from '../../common/post-processor.js';
import { goPathError } from '../../provisioners/file/go-path.js';
import { ARTIFICE_BUILDER_ID } from '../artifice/post-processor.js';
import { daemonMessage } from '../docker/engine-error.js';
import { imageArtifact } from '../docker/image-artifact.js';
import { followMessages } from '../../../communicator/docker/json-messages.js';
import type { DockerImportConfig } from './schema.js';

/*
 * post-processor/docker-import PostProcess of packer-plugin-docker: the
 * container tar of a docker builder (export_path) or artifice artifact is
 * streamed from its file into the Engine's image import endpoint as
 * repository[:tag] with `changes` and `platform`. The input is not kept by
 * default; the new artifact's ID is that reference.
 */

const UNKNOWN_ARTIFACT =
  '\nCan only import from Docker builder and Artifice post-processor artifacts. If you are getting this error ' +
  'after having run the docker builder, it may be because you set commit: true in your Docker builder, so the ' +
  'image is already imported. ';

export async function runDockerImport(
  config: DockerImportConfig,
  artifact: Artifact,
  ctx: PostProcessorContext,
): Promise<PostProcessorResult> {
  if (artifact.builderId !== BUILDER_ID && artifact.builderId !== ARTIFICE_BUILDER_ID) {
    throw new Error(`Unknown artifact type: ${artifact.builderId}${UNKNOWN_ARTIFACT}`);
  }
  const reference = config.tag ? `${config.repository ?? ''}:${config.tag}` : (config.repository ?? '');
  ctx.ui.message(`Importing image: ${artifact.id}`);
  ctx.ui.message(`Repository: ${reference}`);

  const engine = connectEngine();
  const id = await importTar(engine, artifact.files[0] ?? '', reference, config, ctx.signal);
  ctx.ui.message(`Imported ID: ${id}`);
  return {
    artifact: imageArtifact(engine, { builderId: BUILDER_ID_IMPORT, id: reference }),
    keepInputArtifact: false,
    forceKeep: false,
  };
}

/** POST /images/create?fromSrc=- with the file as the body; resolves the image ID the daemon reports last. */
async function importTar(
  engine: Engine,
  path: string,
  reference: string,
  config: DockerImportConfig,
  signal: AbortSignal,
): Promise<string> {
  let file;
  try {
    file = await open(path, 'r');
  } catch (error) {
    throw goPathError('open', path, error);
  }
  try {
    const stream = await engine.importImage(file.createReadStream({ autoClose: false }), {
      ...(reference ? { repo: reference } : {}),
      ...(config.changes?.length ? { changes: config.changes } : {}),
      ...(config.platform ? { platform: config.platform } : {}),
      abortSignal: signal,
    });
    const messages = await followMessages(engine, stream, () => undefined);
    return messages.at(-1)?.status ?? '';
  } catch (error) {
    signal.throwIfAborted();
    throw new Error(`Error importing container: ${daemonMessage(error)}`, { cause: error });
  } finally {
    await file.close();
  }
}
