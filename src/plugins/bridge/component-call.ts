import type { PluginProcess } from './plugin-process.js';
import { isRecord } from './rpc/codec.js';

/* What the builder, provisioner and post-processor proxies share. */

export interface ComponentOptions {
  /** Bound on the quick calls (Prepare, Configure); Packer has none, a hung plugin must not hang Kiln. */
  readonly callTimeoutMs?: number;
  /** After cancellation, how long the plugin has to return before it is killed. */
  readonly cancelGraceMs?: number;
}

export const DEFAULT_CALL_TIMEOUT_MS = 120_000;
const DEFAULT_CANCEL_GRACE_MS = 30_000;

/** The config as it goes on the wire: a map, as Packer passes a legacy JSON template's config. */
export function configMap(config: unknown, what: string): Record<string, unknown> {
  if (config === undefined || config === null) return {};
  if (!isRecord(config)) throw new Error(`${what}: the configuration must be an object`);
  return config;
}

/**
 * Calls a long-running method (Run, Provision, PostProcess). When `signal`
 * aborts, the component's Cancel is called as Packer does; a plugin that still
 * has not returned after the grace period is killed, which fails the call.
 */
export async function callCancellable(
  plugin: PluginProcess,
  method: string,
  args: unknown,
  signal: AbortSignal,
  options: ComponentOptions,
): Promise<unknown> {
  const service = method.slice(0, method.indexOf('.'));
  let timer: NodeJS.Timeout | undefined;
  const onAbort = () => {
    void plugin.call(`${service}.Cancel`, null).catch(() => undefined);
    timer = setTimeout(() => void plugin.kill(), options.cancelGraceMs ?? DEFAULT_CANCEL_GRACE_MS);
  };
  if (signal.aborted) onAbort();
  else signal.addEventListener('abort', onAbort, { once: true });
  try {
    return await plugin.call(method, args);
  } finally {
    signal.removeEventListener('abort', onAbort);
    clearTimeout(timer);
  }
}
