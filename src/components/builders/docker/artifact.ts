import { unlink } from 'node:fs/promises';
import type { Artifact } from '../../../core/events.js';
import { connectEngine, type Engine } from '../../../communicator/docker/engine.js';
import type { GeneratedData } from '../../runtime.js';

/*
 * The plugin's two artifacts: ImportArtifact for commit (Destroy removes the
 * image), ExportArtifact for export_path and discard (Destroy removes the tar).
 * Both carry the build's generated data for the post-processors.
 */

export const BUILDER_ID = 'packer.docker';
export const BUILDER_ID_IMPORT = 'packer.post-processor.docker-import';

export function importArtifact(imageId: string, generatedData?: GeneratedData, engine?: Engine): Artifact {
  return {
    builderId: BUILDER_ID_IMPORT,
    id: imageId,
    files: [],
    description: `Imported Docker image: ${imageId}`,
    ...(generatedData ? { generatedData } : {}),
    destroy: async () => {
      await (engine ?? connectEngine()).getImage(imageId).remove();
    },
  };
}

/** discard passes an empty path, as the plugin does: one file "" and "Exported Docker file: ". */
export function exportArtifact(path: string, generatedData?: GeneratedData): Artifact {
  return {
    builderId: BUILDER_ID,
    id: 'Container',
    files: [path],
    description: `Exported Docker file: ${path}`,
    ...(generatedData ? { generatedData } : {}),
    destroy: () => (path !== '' ? unlink(path) : Promise.resolve()),
  };
}
