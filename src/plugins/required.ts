import { errorDiag, hasErrors, type Diagnostic } from '../hcl/diagnostics.js';
import type { RequiredPlugin } from '../template/packer-block.js';
import type { Describe } from './describe.js';
import { listInstallations, type Installation } from './layout.js';
import { nativePlugin, type ComponentUse, type NativePlugin } from './native.js';
import { pluginFolder } from './plugin-folder.js';
import { hostPlatform, type BinaryPlatform } from './platform.js';
import { pluginRequirements, type PluginRequirement } from './requirement.js';

/*
 * The plugin check `validate` and `build` make before initializing a template
 * (PackerConfig.DetectPluginBinaries, hcl2template/plugin.go): every
 * required_plugins entry must be served natively (native.ts: every component
 * the template uses through it is Kiln's own) or have an installed binary
 * meeting its constraint, the highest such binary being the one used. Packer
 * ends its "Missing plugins" detail with "Did you run packer init for this
 * project ?"; Kiln keeps the sentence and names its own command.
 */

export interface ResolvedPlugin {
  readonly requirement: PluginRequirement;
  /** Set when Kiln serves the source itself. */
  readonly native?: NativePlugin;
  /** The binary used otherwise. */
  readonly installation?: Installation;
}

export interface DetectOptions {
  readonly env: Readonly<Record<string, string | undefined>>;
  /** -ignore-prerelease-plugins */
  readonly releasesOnly?: boolean;
  readonly platform?: BinaryPlatform;
  readonly describe?: Describe;
  /** The template's components (templateComponentUses), so a native source stands in only for what Kiln has. */
  readonly uses?: readonly ComponentUse[];
}

export async function detectPluginBinaries(
  plugins: readonly RequiredPlugin[],
  opts: DetectOptions,
): Promise<{ resolved: ResolvedPlugin[]; diags: Diagnostic[] }> {
  const { requirements, diags } = pluginRequirements(plugins);
  if (hasErrors(diags)) return { resolved: [], diags };
  const resolved: ResolvedPlugin[] = [];
  const missing = new Map<string, string>();
  let pluginDir: string | undefined;
  for (const requirement of requirements) {
    const native = nativePlugin(requirement, opts.env, opts.uses);
    if (native) {
      resolved.push({ requirement, native });
      continue;
    }
    try {
      pluginDir ??= pluginFolder(opts.env);
    } catch (e) {
      return { resolved, diags: [errorDiag('Failed to discover installed plugins', (e as Error).message)] };
    }
    let installs: Installation[];
    try {
      installs = await listInstallations(requirement.id, requirement.constraints, {
        pluginDir,
        platform: opts.platform ?? hostPlatform(),
        releasesOnly: opts.releasesOnly,
        describe: opts.describe,
      });
    } catch (e) {
      diags.push(
        errorDiag(
          `Failed to list installation for ${requirement.id.source}`,
          `ListInstallations: failed to list installed plugins: ${(e as Error).message}`,
        ),
      );
      continue;
    }
    const installation = installs[installs.length - 1];
    if (installation) resolved.push({ requirement, installation });
    else missing.set(requirement.id.source, requirement.constraintText);
  }
  if (missing.size > 0) diags.push(missingPlugins(missing));
  return { resolved, diags };
}

function missingPlugins(missing: ReadonlyMap<string, string>): Diagnostic {
  const lines = [...missing].map(([source, constraint]) => `* ${source} ${constraint}\n`).join('');
  return errorDiag(
    'Missing plugins',
    `The following plugins are required, but not installed:\n\n${lines}\nDid you run kiln init for this project ?`,
  );
}
