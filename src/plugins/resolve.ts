import { realpathSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { lookupComponent } from '../components/registry.js';
import { DEFAULT_COMPONENT_NAME, pluginCommand } from './bridge/command.js';
import type { PluginCommand } from './bridge/plugin-process.js';
import { describePlugin, type Describe } from './describe.js';
import type { ResolvedPlugin } from './required.js';

/*
 * Which plugin binary serves a builder, provisioner or post-processor type.
 * Two sources, as Packer has them:
 *  - the older single-component binaries packer-builder-NAME,
 *    packer-provisioner-NAME and packer-post-processor-NAME, found where
 *    Packer 1.6.6 looked (packer/plugin/discover.go): the executable's
 *    directory, then <config dir>/plugins, then the working directory, then
 *    each PACKER_PLUGIN_PATH entry, a later find replacing an earlier one;
 *  - the installed required_plugins binaries, over those: each component its
 *    `describe` lists is started with `start KIND NAME` and addressed as
 *    ACCESSOR-NAME (the default component as ACCESSOR).
 *
 * Kiln runs a component natively when it can, else through its plugin.
 * KILN_PREFER_PLUGINS turns that round where a plugin is found: "1" for
 * every component, or a comma-separated list of KIND.TYPE
 * ("provisioner.shell-local,post-processor.compress") for those only.
 */

export type BuildComponentKind = 'builder' | 'provisioner' | 'post-processor';

type Env = Readonly<Record<string, string | undefined>>;

export interface PluginCatalog {
  /** The command starting the plugin component that serves `type`, if one was found. */
  find(kind: BuildComponentKind, type: string): PluginCommand | undefined;
}

export interface DiscoverOptions {
  readonly env: Env;
  readonly cwd: string;
  /** detectPluginBinaries' result: required plugins with their installed binaries. */
  readonly resolved: readonly ResolvedPlugin[];
  /** Packer looked beside its own executable first; Kiln's entry script by default. */
  readonly executableDir?: string;
  readonly platform?: NodeJS.Platform;
  readonly describe?: Describe;
}

const SINGLE_PREFIXES: readonly [BuildComponentKind, string][] = [
  ['builder', 'packer-builder-'],
  ['post-processor', 'packer-post-processor-'],
  ['provisioner', 'packer-provisioner-'],
];

export async function discoverPlugins(opts: DiscoverOptions): Promise<PluginCatalog> {
  const found = new Map<string, PluginCommand>();
  const platform = opts.platform ?? process.platform;
  for (const dir of legacyPluginDirs(opts, platform)) {
    for (const [key, path] of await singleComponentBinaries(dir, platform)) found.set(key, pluginCommand(path));
  }
  const describe = opts.describe ?? describePlugin;
  for (const { requirement, installation } of opts.resolved) {
    if (!installation) continue;
    const description = await describe(installation.binaryPath);
    const lists: [BuildComponentKind, readonly string[] | undefined][] = [
      ['builder', description.builders],
      ['provisioner', description.provisioners],
      ['post-processor', description.post_processors],
    ];
    for (const [kind, names] of lists) {
      for (const name of names ?? []) {
        const type = name === DEFAULT_COMPONENT_NAME ? requirement.accessor : `${requirement.accessor}-${name}`;
        found.set(`${kind}.${type}`, pluginCommand(installation.binaryPath, { kind, name }));
      }
    }
  }
  return { find: (kind, type) => found.get(`${kind}.${type}`) };
}

/** The directories Packer 1.6.6 searched for single-component binaries, lowest priority first. */
export function legacyPluginDirs(
  opts: Pick<DiscoverOptions, 'env' | 'cwd' | 'executableDir'>,
  platform: NodeJS.Platform,
): string[] {
  const dirs: string[] = [];
  const exeDir = opts.executableDir ?? entryScriptDir();
  if (exeDir) dirs.push(exeDir);
  // pathing.ConfigDir of the 1.6.6 SDK: $PACKER_CONFIG_DIR, else $APPDATA or $HOME, then .packer.d.
  const home = opts.env['PACKER_CONFIG_DIR'] || opts.env['APPDATA'] || opts.env['HOME'];
  if (home) dirs.push(join(home, '.packer.d', 'plugins'));
  dirs.push(opts.cwd);
  const pluginPath = opts.env['PACKER_PLUGIN_PATH'];
  if (pluginPath) dirs.push(...pluginPath.split(platform === 'win32' ? ';' : ':').map((p) => resolve(opts.cwd, p)));
  return dirs;
}

function entryScriptDir(): string | undefined {
  const script = process.argv[1];
  if (!script) return undefined;
  try {
    return dirname(realpathSync(script));
  } catch {
    return undefined;
  }
}

/** discoverSingle over one directory: "KIND.NAME" → binary path; directories and (on Windows) non-.exe files skipped. */
async function singleComponentBinaries(dir: string, platform: NodeJS.Platform): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  let names: string[];
  try {
    names = (await readdir(dir)).sort();
  } catch {
    return found; // a directory that does not exist holds no plugins
  }
  for (const file of names) {
    const match = SINGLE_PREFIXES.find(([, prefix]) => file.startsWith(prefix));
    if (!match) continue;
    const windows = platform === 'win32';
    if (windows && !file.toLowerCase().endsWith('.exe')) continue;
    const path = join(dir, file);
    try {
      if ((await stat(path)).isDirectory()) continue;
    } catch {
      continue;
    }
    const exe = file.indexOf('.exe');
    const name = (exe >= 0 ? file.slice(0, exe) : file).slice(match[1].length);
    if (name !== '') found.set(`${match[0]}.${name}`, path);
  }
  return found;
}

/** Whether KILN_PREFER_PLUGINS asks for the plugin over Kiln's own implementation of this component. */
export function prefersPlugin(env: Env, kind: BuildComponentKind, type: string): boolean {
  const value = env['KILN_PREFER_PLUGINS'] ?? '';
  if (value === '1') return true;
  return value
    .split(',')
    .map((s) => s.trim())
    .includes(`${kind}.${type}`);
}

/** Who runs a component: Kiln itself, or a plugin. */
export type Implementation = { readonly native: true } | { readonly native: false; readonly plugin: PluginCommand };

/** Native first (unless KILN_PREFER_PLUGINS says otherwise), else the plugin; undefined when neither serves it. */
export function chooseImplementation(
  kind: BuildComponentKind,
  type: string,
  catalog: PluginCatalog,
  env: Env,
): Implementation | undefined {
  const native = lookupComponent(kind, type)?.implemented === true;
  const plugin = catalog.find(kind, type);
  if (plugin && (!native || prefersPlugin(env, kind, type))) return { native: false, plugin };
  return native ? { native: true } : undefined;
}
