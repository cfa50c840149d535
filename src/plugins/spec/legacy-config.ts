/*
 * A legacy JSON template's config for a plugin component: the Configs its
 * Prepare (Configure) receives, as Packer's CoreBuild.Prepare passes them:
 * the raw maps (a provisioner's config, then its override for the build),
 * Packer's config (packer_build_name, packer_user_variables ...), then, for
 * provisioners and post-processors, the placeholder data the plugin renders
 * `{{ build "Host" }}` with. The plugin does all decoding; the config is
 * sent again as it was prepared when the component runs.
 */

const LEGACY_CONFIG = Symbol('legacy plugin config');

export interface LegacyConfigs {
  readonly raws: readonly Readonly<Record<string, unknown>>[];
  readonly packer: Readonly<Record<string, unknown>>;
  readonly data?: Readonly<Record<string, string>>;
}

/** Keyed by a symbol, so that a copy with keys added (a chain's packer_force) still carries it. */
export interface LegacyPluginConfig {
  readonly [LEGACY_CONFIG]: LegacyConfigs;
}

export function legacyPluginConfig(configs: LegacyConfigs): LegacyPluginConfig {
  return { [LEGACY_CONFIG]: configs };
}

/** The Configs of `config` when it is a legacy one; keys added to it join Packer's config. */
export function legacyWireConfigs(config: unknown): unknown[] | undefined {
  if (typeof config !== 'object' || config === null || !(LEGACY_CONFIG in config)) return undefined;
  const { raws, packer, data } = (config as LegacyPluginConfig)[LEGACY_CONFIG];
  return [...raws, { ...packer, ...config }, ...(data ? [data] : [])];
}
