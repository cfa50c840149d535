import type { Value } from '../../eval/value.js';
import type { ObjectPluginSpec } from './model.js';

/*
 * A builder, provisioner or post-processor a plugin serves, as the template
 * code sees it: the spec its ConfigSpec returned (the body is decoded with
 * it, see decode-body.ts) and its Prepare (Configure for a post-processor),
 * which does every other check. The config it receives is a PluginConfig:
 * the decoded cty value, encoded as cty JSON on the wire.
 */

export type PluginComponentKind = 'builder' | 'provisioner' | 'post-processor';

export interface PluginComponent {
  readonly kind: PluginComponentKind;
  readonly type: string;
  readonly spec: ObjectPluginSpec;
  /** Builder.Prepare, Provisioner.Prepare or PostProcessor.Configure with the config. */
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
}

export function pluginConfig(config: HclPluginConfig): PluginConfig {
  return { [PLUGIN_CONFIG]: config };
}

/** The decoded HCL2 config inside `config`, when it is a PluginConfig. */
export function hclPluginConfig(config: unknown): HclPluginConfig | undefined {
  if (typeof config !== 'object' || config === null || !(PLUGIN_CONFIG in config)) return undefined;
  return (config as PluginConfig)[PLUGIN_CONFIG];
}
