import type { Artifact } from '../../core/events.js';
import type { PluginProcess } from './plugin-process.js';
import { asGeneratedData, asText, asTextList, basicError } from './wire.js';

/*
 * An artifact a plugin serves on a broker stream (sdk rpc/artifact.go), read
 * at once into Kiln's Artifact. State (other than generated_data) and Destroy
 * go back to the plugin, which must still be running: `release` is called once
 * it is no longer needed.
 */

const CALL_TIMEOUT_MS = 30_000;

export async function remoteArtifact(
  plugin: PluginProcess,
  streamId: number,
  release: () => Promise<void>,
): Promise<Artifact> {
  const client = await plugin.dialClient(streamId);
  const get = (method: string, args: unknown = null) =>
    plugin.callOn(client, `Artifact.${method}`, args, CALL_TIMEOUT_MS);
  const builderId = asText(await get('BuilderId'));
  const id = asText(await get('Id'));
  const description = asText(await get('String'));
  const files = asTextList(await get('Files'));
  const state = await get('State', 'generated_data');
  const generatedData = state === null || state === undefined ? undefined : asGeneratedData(state);
  return {
    builderId,
    id,
    files,
    description,
    ...(generatedData === undefined ? {} : { generatedData }),
    state: (name) => get('State', name),
    async destroy() {
      try {
        const failure = basicError(await plugin.callOn(client, 'Artifact.Destroy', null));
        if (failure !== undefined) throw new Error(failure);
      } finally {
        await release();
      }
    },
  };
}
