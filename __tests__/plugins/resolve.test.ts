import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { CHECKSUM_FILE_SUFFIX } from '../../src/plugins/checksums.js';
import type { PluginDescription } from '../../src/plugins/describe.js';
import { filenameSuffix, hostPlatform } from '../../src/plugins/platform.js';
import type { ResolvedPlugin } from '../../src/plugins/required.js';
import {
  chooseImplementation,
  discoverPlugins,
  legacyPluginDirs,
  prefersPlugin,
  type CatalogKind,
  type PluginCatalog,
} from '../../src/plugins/resolve.js';
import { requirementOf, type PluginRequirement } from '../../src/plugins/requirement.js';

let root: string;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'kiln-resolve-'));
});
afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

/** An executable file (its content is never run here). */
function binary(dir: string, name: string): string {
  mkdirSync(join(root, dir), { recursive: true });
  const path = join(root, dir, name);
  writeFileSync(path, '#!/bin/sh\nexit 1\n');
  chmodSync(path, 0o755);
  return path;
}

const noDescribe = () => Promise.reject(new Error('describe must not be called'));

describe('legacyPluginDirs', () => {
  it.each([
    {
      env: { HOME: '/home/u' },
      dirs: ['/opt/kiln', '/home/u/.packer.d/plugins', '/work'],
    },
    {
      env: { HOME: '/home/u', PACKER_CONFIG_DIR: '/cfg', PACKER_PLUGIN_PATH: '/a:rel/b' },
      dirs: ['/opt/kiln', '/cfg/.packer.d/plugins', '/work', '/a', '/work/rel/b'],
    },
    { env: { HOME: '/home/u', APPDATA: '/appdata' }, dirs: ['/opt/kiln', '/appdata/.packer.d/plugins', '/work'] },
    { env: {}, dirs: ['/opt/kiln', '/work'] },
  ])('$env', ({ env, dirs }) => {
    expect(legacyPluginDirs({ env, cwd: '/work', executableDir: '/opt/kiln' }, 'linux')).toEqual(dirs);
  });
});

describe('discoverPlugins: single-component binaries', () => {
  it('finds each kind, a later directory replacing an earlier one as Packer 1.6.6 did', async () => {
    binary('exe', 'packer-builder-happy');
    binary('exe', 'packer-provisioner-ansible');
    const fromConfig = binary('home/.packer.d/plugins', 'packer-provisioner-ansible');
    binary('home/.packer.d/plugins', 'packer-post-processor-upload');
    const fromCwd = binary('cwd', 'packer-post-processor-upload');
    binary('cwd', 'packer-builder-happy');
    const fromPath = binary('path', 'packer-builder-happy');
    binary('path', 'packer-plugin-other'); // multi-component binaries are only used through required_plugins
    binary('path', 'not-a-plugin');
    mkdirSync(join(root, 'path', 'packer-builder-dir'));
    const catalog = await discoverPlugins({
      env: { HOME: join(root, 'home'), PACKER_PLUGIN_PATH: join(root, 'path') },
      cwd: join(root, 'cwd'),
      executableDir: join(root, 'exe'),
      resolved: [],
      describe: noDescribe,
    });
    expect(catalog.find('builder', 'happy')).toEqual({ path: fromPath, args: [], name: 'packer-builder-happy' });
    expect(catalog.find('provisioner', 'ansible')).toEqual({
      path: fromConfig,
      args: [],
      name: 'packer-provisioner-ansible',
    });
    expect(catalog.find('post-processor', 'upload')).toEqual({
      path: fromCwd,
      args: [],
      name: 'packer-post-processor-upload',
    });
    expect(catalog.find('builder', 'dir')).toBeUndefined();
    expect(catalog.find('provisioner', 'happy')).toBeUndefined();
    expect(catalog.find('builder', 'other')).toBeUndefined();
  });

  it('on Windows takes only .exe files, named without the extension', async () => {
    const exe = binary('path', 'packer-builder-happy.exe');
    binary('path', 'packer-provisioner-plain');
    const catalog = await discoverPlugins({
      env: { PACKER_PLUGIN_PATH: join(root, 'path') },
      cwd: join(root, 'none'),
      executableDir: join(root, 'none'),
      resolved: [],
      platform: 'win32',
      describe: noDescribe,
    });
    expect(catalog.find('builder', 'happy')).toEqual({ path: exe, args: [], name: 'packer-builder-happy.exe' });
    expect(catalog.find('provisioner', 'plain')).toBeUndefined();
  });
});

describe('discoverPlugins: required plugins', () => {
  function requirement(accessor: string, source: string): PluginRequirement {
    const req = requirementOf(accessor, source, '');
    if (typeof req === 'string') throw new Error(req);
    return req;
  }

  it('addresses each component `describe` lists as ACCESSOR-NAME, over a single-component binary', async () => {
    binary('path', 'packer-builder-happycloud-vm');
    const multi = binary('installed', 'packer-plugin-happycloud_v1.2.0_x5.0_linux_amd64');
    const description: PluginDescription = {
      version: '1.2.0',
      api_version: 'x5.0',
      builders: ['-packer-default-plugin-name-', 'vm'],
      provisioners: ['agent'],
      post_processors: ['upload'],
      datasources: ['image'],
    };
    const described: string[] = [];
    const resolved: ResolvedPlugin[] = [
      {
        requirement: requirement('happycloud', 'github.com/hashicorp/happycloud'),
        installation: { binaryPath: multi, version: 'v1.2.0', apiVersion: 'x5.0' },
      },
      {
        requirement: requirement('docker', 'github.com/hashicorp/docker'),
        native: { version: '1.1.4', builders: ['docker'], provisioners: [], postProcessors: [], datasources: [] },
      },
    ];
    const catalog = await discoverPlugins({
      env: { PACKER_PLUGIN_PATH: join(root, 'path') },
      cwd: join(root, 'none'),
      executableDir: join(root, 'none'),
      resolved,
      describe: (path) => {
        described.push(path);
        return Promise.resolve(description);
      },
    });
    expect(described).toEqual([multi]);
    const name = 'packer-plugin-happycloud_v1.2.0_x5.0_linux_amd64';
    expect(catalog.find('builder', 'happycloud')).toEqual({
      path: multi,
      args: ['start', 'builder', '-packer-default-plugin-name-'],
      name: `${name} builder -packer-default-plugin-name-`,
    });
    expect(catalog.find('builder', 'happycloud-vm')).toEqual({
      path: multi,
      args: ['start', 'builder', 'vm'],
      name: `${name} builder vm`,
    });
    expect(catalog.find('provisioner', 'happycloud-agent')?.args).toEqual(['start', 'provisioner', 'agent']);
    expect(catalog.find('post-processor', 'happycloud-upload')?.args).toEqual(['start', 'post-processor', 'upload']);
    expect(catalog.find('datasource', 'happycloud-image')).toEqual({
      path: multi,
      args: ['start', 'datasource', 'image'],
      name: `${name} datasource image`,
    });
    expect(catalog.find('builder', 'docker')).toBeUndefined();
    expect(catalog.types('builder')).toEqual(['happycloud', 'happycloud-vm']);
    expect(catalog.types('datasource')).toEqual(['happycloud-image']);
    // No protocol_version: the plugin speaks gob only, so every plugin does.
    expect(catalog.encoding).toBe('gob');
  });

  it('gives a name to the first plugin claiming it', async () => {
    const first = binary('installed', 'packer-plugin-a_v1.0.0_x5.0_linux_amd64');
    const second = binary('installed', 'packer-plugin-a-b_v1.0.0_x5.0_linux_amd64');
    const describe = (path: string): Promise<PluginDescription> =>
      Promise.resolve({
        version: '1.0.0',
        api_version: 'x5.0',
        datasources: path === first ? ['b-c'] : ['c'],
      });
    const catalog = await discoverPlugins({
      env: {},
      cwd: join(root, 'none'),
      executableDir: join(root, 'none'),
      resolved: [installed('a', 'github.com/x/a', first), installed('a-b', 'github.com/x/a-b', second)],
      describe,
    });
    expect(catalog.find('datasource', 'a-b-c')?.path).toBe(first);
  });
});

function installed(accessor: string, source: string, binaryPath: string): ResolvedPlugin {
  const req = requirementOf(accessor, source, '');
  if (typeof req === 'string') throw new Error(req);
  return { requirement: req, installation: { binaryPath, version: 'v1.0.0', apiVersion: 'x5.0' } };
}

describe('discoverPlugins: installed plugins no requirement names', () => {
  /** A plugin binary in Packer's layout under root/plugins, with its checksum file. */
  function installedBinary(name: string, version: string): string {
    const file = `packer-plugin-${name}_v${version}_x5.0${filenameSuffix(hostPlatform())}`;
    const path = binary(`plugins/github.com/x/${name}`, file);
    const sum = createHash('sha256').update('#!/bin/sh\nexit 1\n').digest('hex');
    writeFileSync(path + CHECKSUM_FILE_SUFFIX, sum);
    return path;
  }

  it('addresses them by their binary name, the highest version, after the required ones', async () => {
    installedBinary('extra', '1.0.0');
    const extra = installedBinary('extra', '1.2.0');
    const required = installedBinary('req', '1.0.0');
    const catalog = await discoverPlugins({
      env: { PACKER_PLUGIN_PATH: join(root, 'plugins') },
      cwd: join(root, 'none'),
      executableDir: join(root, 'none'),
      // Required under the accessor "extra": its names win over the installed plugin of that name.
      resolved: [installed('extra', 'github.com/x/req', required)],
      describe: (path) =>
        Promise.resolve({
          version: path.includes('_v1.2.0_') ? '1.2.0' : '1.0.0',
          api_version: 'x5.0',
          protocol_version: 'v2',
          datasources: [path === required ? 'values' : 'thing'],
          builders: path === required ? [] : ['-packer-default-plugin-name-'],
        }),
    });
    expect(catalog.find('datasource', 'extra-values')?.path).toBe(required);
    expect(catalog.find('datasource', 'extra-thing')?.path).toBe(extra);
    expect(catalog.find('builder', 'extra')?.path).toBe(extra);
    expect(catalog.find('builder', 'req')).toBeUndefined();
    // The required binary is also installed as `req`.
    expect(catalog.types('datasource')).toEqual(['extra-thing', 'extra-values', 'req-values']);
    expect(catalog.encoding).toBe('protobuf');
  });

  it('make it gob for every plugin when one of them cannot speak protobuf', async () => {
    const modern = installedBinary('modern', '1.0.0');
    installedBinary('old', '1.0.0');
    const catalog = await discoverPlugins({
      env: { PACKER_PLUGIN_PATH: join(root, 'plugins') },
      cwd: join(root, 'none'),
      executableDir: join(root, 'none'),
      resolved: [installed('modern', 'github.com/x/modern', modern)],
      describe: (path) =>
        Promise.resolve({
          version: '1.0.0',
          api_version: 'x5.0',
          ...(path === modern ? { protocol_version: 'v2' } : {}),
          datasources: ['values'],
        }),
    });
    expect(catalog.find('datasource', 'old-values')).toBeDefined();
    expect(catalog.encoding).toBe('gob');
    expect(catalog.find('datasource', 'modern-values')?.args).toEqual(['start', 'datasource', 'values']);
  });
});

describe("discoverPlugins: Packer's gob/protobuf choice", () => {
  const v2: PluginDescription = {
    version: '1.0.0',
    api_version: 'x5.0',
    protocol_version: 'v2',
    builders: ['-packer-default-plugin-name-'],
    datasources: ['values'],
  };
  const v1: PluginDescription = { version: '1.0.0', api_version: 'x5.0', provisioners: ['run'] };

  async function catalogOf(opts: {
    env?: Record<string, string>;
    old?: boolean;
    legacy?: string;
  }): Promise<PluginCatalog> {
    const modern = binary('installed', 'packer-plugin-modern_v1.0.0_x5.0_linux_amd64');
    const old = binary('installed', 'packer-plugin-old_v1.0.0_x5.0_linux_amd64');
    if (opts.legacy) binary('path', opts.legacy);
    const resolved = [installed('modern', 'github.com/x/modern', modern)];
    if (opts.old) resolved.push(installed('old', 'github.com/x/old', old));
    return discoverPlugins({
      env: { PACKER_PLUGIN_PATH: join(root, 'path'), ...opts.env },
      cwd: join(root, 'none'),
      executableDir: join(root, 'none'),
      resolved,
      describe: (path) => Promise.resolve(path === modern ? v2 : v1),
    });
  }

  it('starts every component with --protobuf when each plugin says protocol v2', async () => {
    const catalog = await catalogOf({});
    expect(catalog.encoding).toBe('protobuf');
    expect(catalog.find('builder', 'modern')?.args).toEqual([
      'start',
      'builder',
      '--protobuf',
      '-packer-default-plugin-name-',
    ]);
    expect(catalog.find('datasource', 'modern-values')?.args).toEqual(['start', 'datasource', '--protobuf', 'values']);
  });

  it.each<[string, Parameters<typeof catalogOf>[0], 'gob' | 'protobuf']>([
    ['PACKER_FORCE_GOB=1', { env: { PACKER_FORCE_GOB: '1' } }, 'gob'],
    ['PACKER_FORCE_GOB=true', { env: { PACKER_FORCE_GOB: 'true' } }, 'gob'],
    ['PACKER_FORCE_GOB=0', { env: { PACKER_FORCE_GOB: '0' } }, 'protobuf'],
    ['PACKER_FORCE_GOB empty', { env: { PACKER_FORCE_GOB: '' } }, 'protobuf'],
    ['another plugin without protocol v2', { old: true }, 'gob'],
    ['a single-component binary serving a type Kiln lacks', { legacy: 'packer-builder-qemu' }, 'gob'],
    ['a single-component binary shadowed by a native component', { legacy: 'packer-provisioner-shell' }, 'protobuf'],
    [
      'a single-component binary preferred over the native component',
      { legacy: 'packer-provisioner-shell', env: { KILN_PREFER_PLUGINS: 'provisioner.shell' } },
      'gob',
    ],
  ])('%s: %s', async (_, opts, encoding) => {
    const catalog = await catalogOf(opts);
    expect(catalog.encoding).toBe(encoding);
    const args = catalog.find('datasource', 'modern-values')?.args;
    expect(args).toEqual(
      encoding === 'protobuf' ? ['start', 'datasource', '--protobuf', 'values'] : ['start', 'datasource', 'values'],
    );
  });
});

describe('prefersPlugin (KILN_PREFER_PLUGINS)', () => {
  it.each<[string | undefined, CatalogKind, string, boolean]>([
    [undefined, 'provisioner', 'shell-local', false],
    ['', 'provisioner', 'shell-local', false],
    ['1', 'provisioner', 'shell-local', true],
    ['1', 'builder', 'null', true],
    ['0', 'builder', 'null', false],
    ['provisioner.shell-local', 'provisioner', 'shell-local', true],
    ['provisioner.shell-local', 'post-processor', 'shell-local', false],
    ['builder.null, post-processor.compress', 'post-processor', 'compress', true],
    ['builder.null, post-processor.compress', 'builder', 'null', true],
    ['builder.null, post-processor.compress', 'builder', 'file', false],
    ['datasource.http', 'datasource', 'http', true],
    ['datasource.http', 'datasource', 'null', false],
  ])('%j: %s %s → %s', (value, kind, type, expected) => {
    const env = value === undefined ? {} : { KILN_PREFER_PLUGINS: value };
    expect(prefersPlugin(env, kind, type)).toBe(expected);
  });
});

describe('chooseImplementation', () => {
  const plugin = { path: '/p/packer-provisioner-x', args: [], name: 'packer-provisioner-x' };
  const catalog = (has: boolean): Pick<PluginCatalog, 'find'> => ({ find: () => (has ? plugin : undefined) });
  it.each<[string, CatalogKind, string, boolean, Record<string, string>, unknown]>([
    ['native, no plugin', 'provisioner', 'shell-local', false, {}, { native: true }],
    ['native over a plugin', 'provisioner', 'shell-local', true, {}, { native: true }],
    ['plugin preferred', 'provisioner', 'shell-local', true, { KILN_PREFER_PLUGINS: '1' }, { native: false, plugin }],
    ['preferred but none found', 'provisioner', 'shell-local', false, { KILN_PREFER_PLUGINS: '1' }, { native: true }],
    ['known, not native: the plugin', 'builder', 'qemu', true, {}, { native: false, plugin }],
    ['known, not native, no plugin', 'builder', 'qemu', false, {}, undefined],
    ['unknown to Kiln: the plugin', 'post-processor', 'upload', true, {}, { native: false, plugin }],
    ['unknown to Kiln, no plugin', 'post-processor', 'upload', false, {}, undefined],
    ['native data source over a plugin', 'datasource', 'http', true, {}, { native: true }],
    [
      'data source plugin preferred',
      'datasource',
      'http',
      true,
      { KILN_PREFER_PLUGINS: 'datasource.http' },
      { native: false, plugin },
    ],
    ['data source unknown to Kiln: the plugin', 'datasource', 'kilntest-values', true, {}, { native: false, plugin }],
    ['data source unknown to Kiln, no plugin', 'datasource', 'kilntest-values', false, {}, undefined],
  ])('%s', (_, kind, type, has, env, expected) => {
    expect(chooseImplementation(kind, type, catalog(has), env)).toEqual(expected);
  });
});
