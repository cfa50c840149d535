import type { Artifact } from '../../../core/events.js';

/* The plugin's two artifacts: ImportArtifact for commit, ExportArtifact for export_path and discard. */

export const BUILDER_ID = 'packer.docker';
export const BUILDER_ID_IMPORT = 'packer.post-processor.docker-import';

export function importArtifact(imageId: string): Artifact {
  return { builderId: BUILDER_ID_IMPORT, id: imageId, files: [], description: `Imported Docker image: ${imageId}` };
}

/** discard passes an empty path, as the plugin does: one file "" and "Exported Docker file: ". */
export function exportArtifact(path: string): Artifact {
  return { builderId: BUILDER_ID, id: 'Container', files: [path], description: `Exported Docker file: ${path}` };
}
