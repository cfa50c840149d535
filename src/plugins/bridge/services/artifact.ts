import type { Artifact } from '../../../core/events.js';
import type { RpcHandler, RpcResolver } from '../rpc/server.js';
import { asText } from '../wire.js';

/* A Kiln artifact served to a post-processor plugin as Packer's "Artifact" service (sdk rpc/artifact.go). */

export function artifactService(artifact: Artifact): RpcResolver {
  const methods = new Map<string, RpcHandler>([
    ['Artifact.BuilderId', () => artifact.builderId],
    ['Artifact.Id', () => artifact.id],
    ['Artifact.String', () => artifact.description],
    ['Artifact.Files', () => [...artifact.files]],
    [
      'Artifact.State',
      async (name) => {
        const key = asText(name);
        if (key === 'generated_data' && artifact.generatedData) return artifact.generatedData;
        return (await artifact.state?.(key)) ?? null;
      },
    ],
    [
      'Artifact.Destroy',
      async () => {
        try {
          await artifact.destroy?.();
          return null;
        } catch (error) {
          return { Message: error instanceof Error ? error.message : String(error) };
        }
      },
    ],
  ]);
  return (serviceMethod) => methods.get(serviceMethod);
}
