import { realpathSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { lookupComponent } from '../components/registry.js';
import { DEFAULT_COMPONENT_NAME, pluginCommand, type ComponentKind } from './bridge/command.js';
import type { PluginCommand } from './bridge/plugin-process.js';
import { describePlugin, type Describe, type PluginDescription } from './describe.js';
import { listInstallations } from './layout.js';
import { hostPlatform } from './platform.js';
import { pluginFolder } from './plugin-folder.js';
import type { ResolvedPlugin } from './required.js';
import { chooseSpecEncoding, type ProtocolSource, type SpecEncoding } from './spec/protocol.js';

/*
 * Which plugin binary serves a builder, provisioner, post-processor or data
 * source type. Two sources, as Packer has them:
 *  - the older single-component binaries packer-builder-NAME,
 *    packer-provisioner-NAME and packer-post-processor-NAME, found where
 *    Packer 1.6.6 looked (packer/plugin/discover.go): the executable's
 *    directory, then <config dir>/plugins, then the working directory, then
 *    each PACKER_PLUGIN_PATH entry, a later find replacing an earlier one;
 *  - the installed required_plugins binaries, then every other plugin
 *    installed in the plugin directory (named by its binary), over those:
 *    each component its `describe` lists is started with
 *    `start KIND [--protobuf] NAME` and addressed as ACCESSOR-NAME, the
 *    default component as ACCESSOR (packer/plugin.go DiscoverMultiPlugin);
 *    the first plugin to claim a name keeps it.
 *
 * Kiln runs a component natively when it can, else through its plugin.
 * KILN_PREFER_PLUGINS turns that round where a plugin is found: "1" for
 * every component, or a comma-separated list of KIND.TYPE
 * ("provisioner.shell-local,datasource.http") for those only.
 *
 * The spec encoding is chosen once for the catalog, as Packer's
 * PackerUseProto: protobuf unless PACKER_FORCE_GOB is set or a plugin that
 * serves a component Kiln would run through it cannot speak it. A plugin
 * whose components Kiln runs natively is left out, as Packer leaves out a
 * plugin whose names its bundled components took.
 */

export type BuildComponentKind = 'builder' | 'provisioner' | 'post-processor';

/** The kinds a plugin serves, as `start` names them. */
export type CatalogKind = ComponentKind;

type Env = Readonly<Record<string, string | undefined>>;

export interface PluginCatalog {
  /** The command starting the plugin component that serves `type`, if one was found. */
  find(kind: CatalogKind, type: string): PluginCommand | undefined;
  /** Every type plugins serve of `kind`, sorted. */
  types(kind: CatalogKind): string[];
  /** How specs and data-source values travel with every multi-component plugin of this run. */
  readonly encoding: SpecEncoding;
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
  /** -ignore-prerelease-plugins, for the installed plugins no requirement names. */
  readonly releasesOnly?: boolean;
}

const SINGLE_PREFIXES: readonly [BuildComponentKind, string][] = [
  ['builder', 'packer-builder-'],
  ['post-processor', 'packer-post-processor-'],
  ['provisioner', 'packer-provisioner-'],
];

/** One name in the catalog: a binary, the component it starts (none for a single-component one) and what it speaks. */
interface Entry {
  readonly binaryPath: string;
  readonly component?: { readonly kind: CatalogKind; readonly name: string };
  readonly protocol: ProtocolSource;
}

export async function discoverPlugins(opts: DiscoverOptions): Promise<PluginCatalog> {
  const legacy = new Map<string, Entry>();
  const platform = opts.platform ?? process.platform;
  for (const dir of legacyPluginDirs(opts, platform)) {
    for (const [key, path] of await singleComponentBinaries(dir, platform)) {
      legacy.set(key, { binaryPath: path, protocol: null });
    }
  }
  const multi = new Map<string, Entry>();
  const describe = opts.describe ?? describePlugin;
  const addPlugin = async (accessor: string, binaryPath: string): Promise<void> => {
    const description = await describe(binaryPath);
    for (const [kind, name] of describedComponents(description)) {
      const type = name === DEFAULT_COMPONENT_NAME ? accessor : `${accessor}-${name}`;
      const key = `${kind}.${type}`;
      if (!multi.has(key)) multi.set(key, { binaryPath, component: { kind, name }, protocol: description });
    }
  };
  for (const { requirement, installation } of opts.resolved) {
    if (installation) await addPlugin(requirement.accessor, installation.binaryPath);
  }
  for (const [name, binaryPath] of await otherInstallations(opts, platform)) await addPlugin(name, binaryPath);
  const entries = new Map([...legacy, ...multi]);

  // Packer's "registered": a plugin counts when some name of it would be used.
  const used = new Map<string, ProtocolSource>();
  for (const [key, entry] of entries) {
    const [kind, type] = splitKey(key);
    if (!runsNatively(kind, type) || prefersPlugin(opts.env, kind, type)) used.set(entry.binaryPath, entry.protocol);
  }
  const encoding = chooseSpecEncoding(used.values(), opts.env);
  const commands = new Map<string, PluginCommand>();
  for (const [key, { binaryPath, component }] of entries) {
    const selector = component && { ...component, protobuf: encoding === 'protobuf' };
    commands.set(key, pluginCommand(binaryPath, selector));
  }
  return {
    find: (kind, type) => commands.get(`${kind}.${type}`),
    types: (kind) =>
      [...commands.keys()]
        .map(splitKey)
        .filter(([k]) => k === kind)
        .map(([, type]) => type)
        .sort(),
    encoding,
  };
}

/**
 * Packer's second pass (PluginConfig.Discover): every plugin installed in the
 * plugin directory, required or not, its highest version addressed by the
 * NAME of its packer-plugin-NAME binary.
 */
async function otherInstallations(opts: DiscoverOptions, platform: NodeJS.Platform): Promise<Map<string, string>> {
  let pluginDir: string;
  try {
    pluginDir = pluginFolder(opts.env, platform);
  } catch {
    return new Map(); // detectPluginBinaries reported it
  }
  const installs = await listInstallations(undefined, [], {
    pluginDir,
    platform: hostPlatform(platform),
    releasesOnly: opts.releasesOnly,
    ...(opts.describe ? { describe: opts.describe } : {}),
  }).catch(() => []);
  const byName = new Map<string, string>();
  // Sorted by name, then ascending version: the last of each name is its highest.
  for (const { binaryPath } of installs) {
    const name = /^packer-plugin-([^_]+)/.exec(basename(binaryPath))?.[1];
    if (name !== undefined) byName.set(name, binaryPath);
  }
  return byName;
}

function describedComponents(description: PluginDescription): [CatalogKind, string][] {
  const lists: [CatalogKind, readonly string[] | undefined][] = [
    ['builder', description.builders],
    ['provisioner', description.provisioners],
    ['post-processor', description.post_processors],
    ['datasource', description.datasources],
  ];
  return lists.flatMap(([kind, names]) => (names ?? []).map((name): [CatalogKind, string] => [kind, name]));
}

function splitKey(key: string): [CatalogKind, string] {
  const dot = key.indexOf('.');
  return [key.slice(0, dot) as CatalogKind, key.slice(dot + 1)];
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
export function prefersPlugin(env: Env, kind: CatalogKind, type: string): boolean {
  const value = env['KILN_PREFER_PLUGINS'] ?? '';
  if (value === '1') return true;
  return value
    .split(',')
    .map((s) => s.trim())
    .includes(`${kind}.${type}`);
}

/** Whether Kiln runs this component itself; every data source Kiln knows it also executes (template/datasource-exec.ts). */
function runsNatively(kind: CatalogKind, type: string): boolean {
  if (kind === 'datasource') return lookupComponent('data', type) !== undefined;
  return lookupComponent(kind, type)?.implemented === true;
}

/** Who runs a component: Kiln itself, or a plugin. */
export type Implementation = { readonly native: true } | { readonly native: false; readonly plugin: PluginCommand };

/** Native first (unless KILN_PREFER_PLUGINS says otherwise), else the plugin; undefined when neither serves it. */
export function chooseImplementation(
  kind: CatalogKind,
  type: string,
  catalog: Pick<PluginCatalog, 'find'>,
  env: Env,
): Implementation | undefined {
  const native = runsNatively(kind, type);
  const plugin = catalog.find(kind, type);
  if (plugin && (!native || prefersPlugin(env, kind, type))) return { native: false, plugin };
  return native ? { native: true } : undefined;
}
