import { hclPluginConfig, type PluginComponentKind, type PrepareReply } from '../spec/component.js';
import { marshalCtyJson } from '../spec/cty-json.js';
import { legacyWireConfigs } from '../spec/legacy-config.js';
import { launchPlugin, type LaunchOptions, type PluginCommand, type PluginProcess } from './plugin-process.js';
import { RemoteError } from './rpc/client.js';
import { isRecord } from './rpc/codec.js';
import { asTextList, basicError } from './wire.js';

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
 * The Configs of Prepare / Configure: Packer's variables, then the config.
 * A config decoded from HCL2 with the plugin's spec (a PluginConfig) goes as
 * cty JSON bytes, as the SDK's encodeCTYValues sends it, after the variables
 * it was planned with (over `variables`) and followed by a provisioner's
 * override; plain keys added to it (the chain's packer_force) join the
 * variables. A legacy JSON template's config planned for the plugin
 * (spec/legacy-config.ts) goes as it was prepared; any other as a map.
 */
export function wireConfigs(variables: Readonly<Record<string, unknown>>, config: unknown, what: string): unknown[] {
  const legacy = legacyWireConfigs(config);
  if (legacy !== undefined) return legacy;
  const hcl = hclPluginConfig(config);
  if (hcl === undefined) return [variables, configMap(config, what)];
  const added = Object.fromEntries(Object.entries(configMap(config, what)));
  const configs: unknown[] = [{ ...variables, ...hcl.variables, ...added }, marshalCtyJson(hcl.value)];
  if (hcl.override !== undefined) configs.push(hcl.override);
  return configs;
}

const PREPARE_METHOD: Readonly<Record<PluginComponentKind, string>> = {
  builder: 'Builder.Prepare',
  provisioner: 'Provisioner.Prepare',
  'post-processor': 'PostProcessor.Configure',
};

/**
 * Prepare (Configure) in a plugin process of its own, killed afterwards. A
 * rejected config is a reply with `error` set; a plugin that fails to answer
 * throws.
 */
export async function prepareComponent(
  command: PluginCommand,
  kind: PluginComponentKind,
  configs: readonly unknown[],
  options: ComponentOptions & LaunchOptions = {},
): Promise<PrepareReply> {
  const plugin = await launchPlugin(command, options);
  try {
    return await prepareOn(plugin, kind, configs, options);
  } finally {
    await plugin.kill();
  }
}

/** Prepare (Configure) on a running plugin, as prepareComponent. */
export async function prepareOn(
  plugin: PluginProcess,
  kind: PluginComponentKind,
  configs: readonly unknown[],
  options: ComponentOptions = {},
): Promise<PrepareReply> {
  try {
    const reply = await plugin.call(
      PREPARE_METHOD[kind],
      { Configs: configs },
      options.callTimeoutMs ?? DEFAULT_CALL_TIMEOUT_MS,
    );
    if (!isRecord(reply)) return { generatedVars: [], warnings: [] };
    const error = basicError(reply.Error);
    return {
      generatedVars: asTextList(reply.GeneratedVars),
      warnings: asTextList(reply.Warnings),
      ...(error === undefined ? {} : { error }),
    };
  } catch (error) {
    // Provisioner.Prepare and PostProcessor.Configure return their error as the call's.
    if (error instanceof RemoteError) return { generatedVars: [], warnings: [], error: error.message };
    throw error;
  }
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
