import type { PluginProcess } from './plugin-process.js';

/*
 * Plugins kept running beyond one call, as Packer keeps its plugin clients
 * until the end of the run (CleanupClients): a component instance started at
 * plan time (its ConfigSpec and Prepare) that the run uses again, and a plugin
 * serving an artifact Kiln still holds (its Destroy goes back to it).
 * Whatever plans plugin components calls releasePlugins() when it is done.
 */

const retained = new Set<PluginProcess>();

/** Keeps `plugin` running until releasePlugins(); the returned function kills it sooner (once). */
export function retain(plugin: PluginProcess): () => Promise<void> {
  retained.add(plugin);
  return async () => {
    if (!retained.delete(plugin)) return;
    await plugin.kill();
  };
}

/** Kills every plugin still kept; each command that planned or ran plugin components calls it when it ends. */
export async function releasePlugins(): Promise<void> {
  const plugins = [...retained];
  retained.clear();
  await Promise.all(plugins.map((plugin) => plugin.kill()));
}
