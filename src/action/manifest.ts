import { mkdir, stat, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { ManifestBuild } from '../components/postprocessors/manifest/post-processor.js';
import { goJsonIndent } from '../core/go-json.js';
import type { BuildRecord } from './run-record.js';

/*
 * The manifest of this run, always written by the action whether or not the
 * template has a manifest post-processor: Packer's manifest format, one entry
 * per artifact a build ended with (after its post-processors), in build order.
 * Strings are masked before they are serialized.
 */

export interface ManifestSource {
  readonly record: BuildRecord;
  /** The manifest's "name": the source's name, as the manifest post-processor writes it. */
  readonly name: string;
  readonly builderType: string;
}

export async function manifestEntries(
  builds: readonly ManifestSource[],
  runUuid: string,
  cwd: string,
  mask: (text: string) => string,
): Promise<ManifestBuild[]> {
  const entries: ManifestBuild[] = [];
  for (const { record, name, builderType } of builds) {
    for (const artifact of record.artifacts) {
      const files = [];
      for (const file of artifact.files) {
        const size = await stat(resolve(cwd, file)).then(
          (s) => s.size,
          () => 0,
        );
        files.push({ name: mask(file), size });
      }
      entries.push({
        name: mask(name),
        builder_type: builderType,
        ...(record.finishedAt ? { build_time: record.finishedAt } : {}),
        files: files.length > 0 ? files : null,
        artifact_id: mask(artifact.id),
        packer_run_uuid: runUuid,
        custom_data: null,
      });
    }
  }
  return entries;
}

export async function writeManifest(path: string, builds: readonly ManifestBuild[], runUuid: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, goJsonIndent({ builds, last_run_uuid: runUuid }));
}
