import type { PluginProcess } from './plugin-process.js';

/*
 * Plugins kept running after their call because they serve an artifact Kiln
 * still holds (its Destroy goes back to them), as Packer keeps its plugin
 * clients until the end of the run (CleanupClients).
 */

const retained = new Set<PluginProcess>();

/** Keeps `plugin` running; the returned function kills it (once). */
export function retain(plugin: PluginProcess): () => Promise<void> {
  retained.add(plugin);
  return async () => {
    if (!retained.delete(plugin)) return;
    await plugin.kill();
  };
}

/** Kills every plugin still kept for an artifact; the run calls it when it ends. */
export async function releasePlugins(): Promise<void> {
  const plugins = [...retained];
  retained.clear();
  await Promise.all(plugins.map((plugin) => plugin.kill()));
}
