import { connectEngine } from '../../../communicator/docker/engine.js';
import type { Artifact } from '../../../core/events.js';
import { BUILDER_ID_IMPORT } from '../../builders/docker/artifact.js';
import type { PostProcessorContext, PostProcessorResult } from '../../common/post-processor.js';
import { daemonMessage } from '../docker/engine-error.js';
import { DOCKER_TAG_BUILDER_ID, imageArtifact } from '../docker/image-artifact.js';
import { splitReference } from '../docker/reference.js';
import type { DockerTagConfig } from './schema.js';

/*
 * post-processor/docker-tag PostProcess of packer-plugin-docker: tags the
 * image of a docker image artifact as repository:tag for each of `tags` then
 * the deprecated `tag` (or as the bare repository when there are none). The
 * new artifact's ID is the last reference tagged; the input image is always
 * kept. `force` is ignored as the plugin ignores it on Docker >= 1.12: the
 * engine moves an existing tag anyway.
 */

const DEPRECATED_TAG =
  'Deprecation warning: "tag" option has been replaced with "tags". In future versions of Packer, this ' +
  'configuration may not work. Please call `packer fix` on your template to update.';

export async function runDockerTag(
  config: DockerTagConfig,
  artifact: Artifact,
  ctx: PostProcessorContext,
): Promise<PostProcessorResult> {
  const deprecated = config.tag ?? [];
  if (deprecated.length > 0) ctx.ui.say(DEPRECATED_TAG);
  if (artifact.builderId !== DOCKER_TAG_BUILDER_ID && artifact.builderId !== BUILDER_ID_IMPORT) {
    throw new Error(`Unknown artifact type: ${artifact.builderId}\nCan only tag from Docker builder artifacts.`);
  }

  const engine = connectEngine();
  const repository = config.repository ?? '';
  const tags = [...(config.tags ?? []), ...deprecated];
  const references = tags.length > 0 ? tags.map((tag) => `${repository}:${tag}`) : [repository];
  for (const reference of references) {
    ctx.signal.throwIfAborted();
    ctx.ui.message(`Tagging image: ${artifact.id}`);
    ctx.ui.message(`Repository: ${reference}`);
    try {
      await engine.getImage(artifact.id).tag({ ...splitReference(reference), abortSignal: ctx.signal });
    } catch (error) {
      ctx.signal.throwIfAborted();
      throw new Error(`Error tagging image: ${daemonMessage(error)}`, { cause: error });
    }
  }

  return {
    artifact: imageArtifact(engine, {
      builderId: DOCKER_TAG_BUILDER_ID,
      id: references.at(-1) ?? repository,
      // Only references made from `tags` are docker_tags; a bare repository is not.
      tags: tags.length > 0 ? references : [],
      ...(artifact.generatedData ? { generatedData: artifact.generatedData } : {}),
    }),
    // Tagging an image and then deleting it would be pointless: the input is always kept.
    keepInputArtifact: true,
    forceKeep: true,
  };
}
