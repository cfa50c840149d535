import { checkConstraints, parseGoVersion } from '../template/version-constraint.js';
import type { PluginRequirement } from './requirement.js';

/*
 * The official plugins some of whose components Kiln implements itself. A
 * required_plugins entry naming one of these sources is satisfied without a
 * download only when Kiln can stand in for the plugin entirely: every
 * component the template uses through the entry's accessor is one Kiln has,
 * and the entry's version constraint admits the release Kiln's implementation
 * follows. Otherwise the plugin is installed and required like any other (the
 * components Kiln has still run natively, as for any plugin). KILN_PREFER_PLUGINS=1
 * asks for installed plugins even where Kiln has its own implementation.
 * Names are the component types a template writes with the plugin's usual
 * accessor (`amazon-ebs` through `amazon = { source = ".../amazon" }`).
 */

export interface NativePlugin {
  /** The plugin release whose behaviour Kiln's implementation follows. */
  readonly version: string;
  readonly builders: readonly string[];
  readonly provisioners: readonly string[];
  readonly postProcessors: readonly string[];
  readonly datasources: readonly string[];
}

/** A component a template uses, by kind and the type it writes. */
export interface ComponentUse {
  readonly kind: 'builder' | 'provisioner' | 'post-processor' | 'datasource';
  readonly type: string;
}

export const NATIVE_PLUGINS: ReadonlyMap<string, NativePlugin> = new Map([
  [
    'github.com/hashicorp/docker',
    {
      // hashicorp/packer-plugin-docker v1.1.4
      version: '1.1.4',
      builders: ['docker'],
      provisioners: [],
      postProcessors: ['docker-import', 'docker-push', 'docker-save', 'docker-tag'],
      datasources: [],
    },
  ],
  [
    'github.com/hashicorp/amazon',
    {
      // hashicorp/packer-plugin-amazon v1.8.2
      version: '1.8.2',
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

/**
 * The native implementation standing in for `req`'s plugin, unless the
 * environment prefers plugins, the constraint excludes the version Kiln
 * follows, or the template uses a component of it Kiln does not have.
 * Without `uses` (a caller that does not know the template's components)
 * only the source and version are checked.
 */
export function nativePlugin(
  req: PluginRequirement,
  env: Readonly<Record<string, string | undefined>>,
  uses?: readonly ComponentUse[],
): NativePlugin | undefined {
  const native = preferPlugins(env) ? undefined : NATIVE_PLUGINS.get(req.id.source.toLowerCase());
  if (!native || !checkConstraints(req.constraints, parseGoVersion(native.version)!)) return undefined;
  const missing = (uses ?? []).some(
    (use) => servedThrough(req.accessor, use.type) && !nativeTypes(native, use.kind).includes(use.type),
  );
  return missing ? undefined : native;
}

/** Whether `type` names a component of the plugin required as `accessor`: its default one, or ACCESSOR-NAME. */
function servedThrough(accessor: string, type: string): boolean {
  return type === accessor || type.startsWith(`${accessor}-`);
}

function nativeTypes(native: NativePlugin, kind: ComponentUse['kind']): readonly string[] {
  switch (kind) {
    case 'builder':
      return native.builders;
    case 'provisioner':
      return native.provisioners;
    case 'post-processor':
      return native.postProcessors;
    case 'datasource':
      return native.datasources;
  }
}
