import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PluginDescription } from '../../src/plugins/describe.js';
import type { ResolvedPlugin } from '../../src/plugins/required.js';
import {
  chooseImplementation,
  discoverPlugins,
  legacyPluginDirs,
  prefersPlugin,
  type BuildComponentKind,
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
        native: { builders: ['docker'], provisioners: [], postProcessors: [], datasources: [] },
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
    expect(catalog.find('builder', 'docker')).toBeUndefined();
  });
});

describe('prefersPlugin (KILN_PREFER_PLUGINS)', () => {
  it.each<[string | undefined, BuildComponentKind, string, boolean]>([
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
  ])('%j: %s %s → %s', (value, kind, type, expected) => {
    const env = value === undefined ? {} : { KILN_PREFER_PLUGINS: value };
    expect(prefersPlugin(env, kind, type)).toBe(expected);
  });
});

describe('chooseImplementation', () => {
  const plugin = { path: '/p/packer-provisioner-x', args: [], name: 'packer-provisioner-x' };
  const catalog = (has: boolean): PluginCatalog => ({ find: () => (has ? plugin : undefined) });
  it.each<[string, BuildComponentKind, string, boolean, Record<string, string>, unknown]>([
    ['native, no plugin', 'provisioner', 'shell-local', false, {}, { native: true }],
    ['native over a plugin', 'provisioner', 'shell-local', true, {}, { native: true }],
    ['plugin preferred', 'provisioner', 'shell-local', true, { KILN_PREFER_PLUGINS: '1' }, { native: false, plugin }],
    ['preferred but none found', 'provisioner', 'shell-local', false, { KILN_PREFER_PLUGINS: '1' }, { native: true }],
    ['known, not native: the plugin', 'builder', 'qemu', true, {}, { native: false, plugin }],
    ['known, not native, no plugin', 'builder', 'qemu', false, {}, undefined],
    ['unknown to Kiln: the plugin', 'post-processor', 'upload', true, {}, { native: false, plugin }],
    ['unknown to Kiln, no plugin', 'post-processor', 'upload', false, {}, undefined],
  ])('%s', (_, kind, type, has, env, expected) => {
    expect(chooseImplementation(kind, type, catalog(has), env)).toEqual(expected);
  });
});
