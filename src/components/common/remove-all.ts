import { rm } from 'node:fs/promises';

/** Go's os.RemoveAll over each path in turn, stopping at the first error (artifact Destroy). */
export async function removeAll(paths: readonly string[]): Promise<void> {
  for (const path of paths) await rm(path, { recursive: true, force: true });
}
