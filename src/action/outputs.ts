import type { ManifestBuild } from '../components/postprocessors/manifest/post-processor.js';
import { setOutput, type ActionContext } from './context.js';
import type { BuildRecord } from './run-record.js';

/*
 * The outputs of `command: build`: image-ids (build name -> artifact ID, or a
 * list when a build yields several), image-id (only when the run made exactly
 * one artifact), artifacts (the manifest entries of this run) and manifest
 * (the manifest file's path). Builds without artifacts are left out.
 */

export function setBuildOutputs(
  ctx: ActionContext,
  records: readonly BuildRecord[],
  entries: readonly ManifestBuild[],
  manifestPath: string,
): void {
  const ids: Record<string, string | string[]> = {};
  const all: string[] = [];
  for (const record of records) {
    const list = record.artifacts.map((a) => a.id);
    all.push(...list);
    if (list.length === 1) ids[record.name] = list[0] ?? '';
    else if (list.length > 1) ids[record.name] = list;
  }
  setOutput(ctx, 'image-ids', JSON.stringify(ids));
  if (all.length === 1) setOutput(ctx, 'image-id', all[0] ?? '');
  setOutput(ctx, 'artifacts', JSON.stringify(entries));
  setOutput(ctx, 'manifest', manifestPath);
}
