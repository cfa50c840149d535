import type { Value } from '../../eval/value.js';
import type { PluginProcess } from '../bridge/plugin-process.js';
import type { ObjectPluginSpec } from './model.js';

/*
 * A builder, provisioner or post-processor a plugin serves, as the template
 * code sees it: the spec its ConfigSpec returned (the body is decoded with
 * it, see decode-body.ts) and its Prepare (Configure for a post-processor),
 * which does every other check. The config it receives is a PluginConfig:
 * the decoded cty value, encoded as cty JSON on the wire. As in Packer, one
 * plugin process serves one use of a component (a source of a build, a
 * provisioner or post-processor block of a build) from its Prepare at plan
 * time to its run: the config carries it (ComponentInstance).
 */

export type PluginComponentKind = 'builder' | 'provisioner' | 'post-processor';

export interface PluginComponent {
  readonly kind: PluginComponentKind;
  readonly type: string;
  readonly spec: ObjectPluginSpec;
  /**
   * Builder.Prepare, Provisioner.Prepare or PostProcessor.Configure with the
   * config, on the process of the config's instance (started, and kept in it,
   * when it has none yet).
   */
  prepare(config: PluginConfig): Promise<PrepareReply>;
}

export interface PrepareReply {
  /** A builder's generated-variable names (its Prepare's first result). */
  readonly generatedVars: readonly string[];
  readonly warnings: readonly string[];
  /** The error's text, as Packer prints it. */
  readonly error?: string;
}

const PLUGIN_CONFIG = Symbol('plugin config');

/**
 * A config decoded from HCL2 with the plugin's spec. It is a plain object
 * keyed by a symbol so that a copy made with spread syntax (which may add
 * Packer's own keys, as packer_force) still carries it.
 */
export interface PluginConfig {
  readonly [PLUGIN_CONFIG]: HclPluginConfig;
}

export interface HclPluginConfig {
  /** Packer's variables for the component (packer_build_name, packer_builder_type ...), its first config. */
  readonly variables: Readonly<Record<string, unknown>>;
  /** The decoded value, unknowns replaced by placeholders; sensitive parts keep their marks. */
  readonly value: Value;
  /** A provisioner's `override` for the source: the third config its Prepare decodes. */
  readonly override?: Readonly<Record<string, unknown>>;
  /** The component use this config belongs to; configs decoded again for the run share it. */
  readonly instance?: ComponentInstance;
}

/**
 * The plugin process of one component use, set by its first Prepare and
 * used again by the run (kept until releasePlugins(), see retained.ts).
 */
export interface ComponentInstance {
  plugin?: PluginProcess;
}

export function pluginConfig(config: HclPluginConfig): PluginConfig {
  return { [PLUGIN_CONFIG]: config };
}

/** The plugin process `config` was prepared on, when it was. */
export function preparedPlugin(config: unknown): PluginProcess | undefined {
  return hclPluginConfig(config)?.instance?.plugin;
}

/**
 * `config` (decoded again, as a provisioner's with the builder's values) as
 * part of the same component use as `planned`, so that its run uses the
 * process `planned` was prepared on. Any other config is returned as is.
 */
export function sameInstance(planned: unknown, config: unknown): unknown {
  const instance = hclPluginConfig(planned)?.instance;
  const hcl = hclPluginConfig(config);
  if (instance === undefined || hcl === undefined || hcl.instance === instance) return config;
  return { ...(config as object), ...pluginConfig({ ...hcl, instance }) };
}

/** The decoded HCL2 config inside `config`, when it is a PluginConfig. */
export function hclPluginConfig(config: unknown): HclPluginConfig | undefined {
  if (typeof config !== 'object' || config === null || !(PLUGIN_CONFIG in config)) return undefined;
  return (config as PluginConfig)[PLUGIN_CONFIG];
}
