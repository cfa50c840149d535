/*
 * The official plugins whose components Kiln implements itself. A
 * required_plugins entry naming one of these sources is satisfied without a
 * download, unless KILN_PREFER_PLUGINS=1 asks for installed plugins even where
 * Kiln has its own implementation. Names are the component types a template
 * writes (the plugin's accessor prefix included).
 */

export interface NativePlugin {
  readonly builders: readonly string[];
  readonly provisioners: readonly string[];
  readonly postProcessors: readonly string[];
  readonly datasources: readonly string[];
}

export const NATIVE_PLUGINS: ReadonlyMap<string, NativePlugin> = new Map([
  [
    'github.com/hashicorp/docker',
    {
      builders: ['docker'],
      provisioners: [],
      postProcessors: ['docker-import', 'docker-push', 'docker-save', 'docker-tag'],
      datasources: [],
    },
  ],
  [
    'github.com/hashicorp/amazon',
    {
      builders: ['amazon-ebs'],
      provisioners: [],
      postProcessors: ['amazon-import'],
      datasources: ['amazon-ami', 'amazon-parameterstore', 'amazon-secretsmanager'],
    },
  ],
]);

export function preferPlugins(env: Readonly<Record<string, string | undefined>>): boolean {
  return env['KILN_PREFER_PLUGINS'] === '1';
}

/** The native implementation serving `source`, unless the environment prefers plugins. */
export function nativePlugin(
  source: string,
  env: Readonly<Record<string, string | undefined>>,
): NativePlugin | undefined {
  return preferPlugins(env) ? undefined : NATIVE_PLUGINS.get(source.toLowerCase());
}
