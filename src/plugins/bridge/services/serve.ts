import type { PluginProcess } from '../plugin-process.js';
import { serveRpc, type RpcResolver } from '../rpc/server.js';

/* Serving host callbacks on a fresh broker id, as the SDK's newServerWithMux(mux, NextId()). */

/** The first resolver that knows a method answers it. */
export function combine(...resolvers: readonly RpcResolver[]): RpcResolver {
  return (serviceMethod) => {
    for (const resolve of resolvers) {
      const handler = resolve(serviceMethod);
      if (handler !== undefined) return handler;
    }
    return undefined;
  };
}

/**
 * Allocates a broker id and serves `resolver` on the stream the plugin dials
 * there, until it ends; returns the id to pass to the plugin. A plugin that
 * never dials is given up on after 5 s, as Go's Accept does.
 */
export function serveOnBroker(plugin: PluginProcess, resolver: RpcResolver): number {
  const id = plugin.broker.nextId();
  void plugin.broker.accept(id).then(
    (stream) => serveRpc(stream, resolver),
    () => undefined,
  );
  return id;
}
