import type { Engine } from '../../../communicator/docker/engine.js';
import type { Artifact } from '../../../core/events.js';
import { daemonMessage } from './engine-error.js';

/*
 * The plugin's docker.ImportArtifact as the docker post-processors build it:
 * the ID is an image reference, "docker_tags" (state the next docker
 * post-processor reads) are listed in the description, and Destroy removes
 * the image reference as `docker rmi <id>` does.
 */

export const DOCKER_TAG_BUILDER_ID = 'packer.post-processor.docker-tag';

/** artifact.State("docker_tags") of the artifacts made here; other artifacts have none. */
const dockerTagsState = new WeakMap<Artifact, readonly string[]>();

export function dockerTags(artifact: Artifact): readonly string[] {
  return dockerTagsState.get(artifact) ?? [];
}

export interface ImageArtifactInit {
  readonly builderId: string;
  readonly id: string;
  readonly tags?: readonly string[];
  readonly generatedData?: Artifact['generatedData'];
}

export function imageArtifact(engine: Engine, init: ImageArtifactInit): Artifact {
  const tags = init.tags ?? [];
  const artifact: Artifact = {
    builderId: init.builderId,
    id: init.id,
    files: [],
    description:
      tags.length > 0
        ? `Imported Docker image: ${init.id} with tags ${tags.join(' ')}`
        : `Imported Docker image: ${init.id}`,
    ...(init.generatedData ? { generatedData: init.generatedData } : {}),
    async destroy() {
      try {
        await engine.getImage(init.id).remove();
      } catch (error) {
        throw new Error(`Error deleting image: ${daemonMessage(error)}`, { cause: error });
      }
    },
  };
  if (init.tags) dockerTagsState.set(artifact, tags);
  return artifact;
}
