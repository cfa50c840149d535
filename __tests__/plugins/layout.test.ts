import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parsePluginIdentifier } from '../../src/plugins/identifier.js';
import { listInstallations } from '../../src/plugins/layout.js';
import { checkProtocolVersion, hostPlatform } from '../../src/plugins/platform.js';
import { parseConstraints } from '../../src/template/version-constraint.js';
import { pluginScript, sha256Hex } from '../support/fake-github.js';

const linux = { os: 'linux', arch: 'amd64', ext: '' };
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kiln-layout-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** Writes a plugin binary (reporting `reported`) and, unless `sum` is null, its _SHA256SUM. */
function install(rel: string, reported: string, opts: { sum?: string | null; api?: string } = {}): string {
  const path = join(dir, rel);
  mkdirSync(dirname(path), { recursive: true });
  const data = pluginScript(reported, opts.api);
  writeFileSync(path, data, { mode: 0o755 });
  if (opts.sum !== null) writeFileSync(`${path}_SHA256SUM`, opts.sum ?? sha256Hex(data));
  return path;
}

const id = (source: string) => parsePluginIdentifier(source).id!;
const terms = (c: string) => parseConstraints(c).terms!;
const list = (
  source: string | undefined,
  constraint = '',
  extra: { releasesOnly?: boolean; anyApiVersion?: boolean } = {},
) =>
  listInstallations(source ? id(source) : undefined, constraint ? terms(constraint) : [], {
    pluginDir: dir,
    platform: linux,
    ...extra,
  }).then((installs) => installs.map((i) => [i.binaryPath.slice(dir.length + 1), i.version, i.apiVersion]));

describe('listInstallations', () => {
  it('lists checksummed binaries of this platform, sorted by name then version', async () => {
    install('github.com/hashicorp/amazon/packer-plugin-amazon_v1.10.0_x5.0_linux_amd64', '1.10.0');
    install('github.com/hashicorp/amazon/packer-plugin-amazon_v1.2.0_x5.0_linux_amd64', '1.2.0');
    install('github.com/hashicorp/amazon/packer-plugin-amazon_v1.3.0_x5.0_darwin_arm64', '1.3.0');
    install('github.com/hashicorp/alazon/packer-plugin-alazon_v9.0.0_x5.0_linux_amd64', '9.0.0');
    expect(await list('github.com/hashicorp/amazon')).toEqual([
      ['github.com/hashicorp/amazon/packer-plugin-amazon_v1.2.0_x5.0_linux_amd64', 'v1.2.0', 'x5.0'],
      ['github.com/hashicorp/amazon/packer-plugin-amazon_v1.10.0_x5.0_linux_amd64', 'v1.10.0', 'x5.0'],
    ]);
    expect(await list(undefined)).toEqual([
      ['github.com/hashicorp/alazon/packer-plugin-alazon_v9.0.0_x5.0_linux_amd64', 'v9.0.0', 'x5.0'],
      ['github.com/hashicorp/amazon/packer-plugin-amazon_v1.2.0_x5.0_linux_amd64', 'v1.2.0', 'x5.0'],
      ['github.com/hashicorp/amazon/packer-plugin-amazon_v1.10.0_x5.0_linux_amd64', 'v1.10.0', 'x5.0'],
    ]);
  });

  it('applies the version constraint to the release part of the version', async () => {
    install('github.com/hashicorp/amazon/packer-plugin-amazon_v1.2.0_x5.0_linux_amd64', '1.2.0');
    install('github.com/hashicorp/amazon/packer-plugin-amazon_v1.3.0-dev_x5.0_linux_amd64', '1.3.0-dev');
    expect(await list('github.com/hashicorp/amazon', '~> 1.3')).toEqual([
      ['github.com/hashicorp/amazon/packer-plugin-amazon_v1.3.0-dev_x5.0_linux_amd64', 'v1.3.0-dev', 'x5.0'],
    ]);
    expect(await list('github.com/hashicorp/amazon', '~> 1.3', { releasesOnly: true })).toEqual([]);
    expect(await list('github.com/hashicorp/amazon', '< 1.3.0')).toHaveLength(1);
  });

  it.each([
    ['no checksum file', 'packer-plugin-amazon_v1.2.0_x5.0_linux_amd64', '1.2.0', { sum: null }],
    ['a wrong checksum', 'packer-plugin-amazon_v1.2.0_x5.0_linux_amd64', '1.2.0', { sum: '00'.repeat(32) }],
    ['a non-canonical version', 'packer-plugin-amazon_v1.2_x5.0_linux_amd64', '1.2.0', {}],
    ['build metadata', 'packer-plugin-amazon_v1.2.0+abc_x5.0_linux_amd64', '1.2.0', {}],
    ['another reported version', 'packer-plugin-amazon_v1.2.0_x5.0_linux_amd64', '1.2.1', {}],
    ['another reported API version', 'packer-plugin-amazon_v1.2.0_x5.0_linux_amd64', '1.2.0', { api: 'x5.1' }],
    ['an API version Kiln does not speak', 'packer-plugin-amazon_v1.2.0_x6.0_linux_amd64', '1.2.0', { api: 'x6.0' }],
  ])('ignores a binary with %s', async (_what, name, reported, opts) => {
    install(`github.com/hashicorp/amazon/${name}`, reported, opts);
    expect(await list('github.com/hashicorp/amazon')).toEqual([]);
  });

  it('lists binaries of any API version when asked (plugins installed)', async () => {
    install('github.com/hashicorp/amazon/packer-plugin-amazon_v2.0.0_x6.0_linux_amd64', '2.0.0', { api: 'x6.0' });
    expect(await list(undefined, '', { anyApiVersion: true })).toEqual([
      ['github.com/hashicorp/amazon/packer-plugin-amazon_v2.0.0_x6.0_linux_amd64', 'v2.0.0', 'x6.0'],
    ]);
  });

  it('ignores binaries at the root of the plugin directory, and a missing directory', async () => {
    install('packer-plugin-amazon_v1.2.0_x5.0_linux_amd64', '1.2.0');
    expect(await list(undefined)).toEqual([]);
    rmSync(dir, { recursive: true });
    expect(await list('github.com/hashicorp/amazon')).toEqual([]);
  });
});

describe('platform', () => {
  it.each([
    ['x5.0', undefined],
    [
      'x4.0',
      'unsupported remote protocol MAJOR version 4. The current MAJOR protocol version is 5. This version of Packer can only communicate with plugins using that version',
    ],
    [
      'x5.1',
      'unsupported remote protocol MINOR version 1. The supported MINOR protocol versions are version 0 and below. Please upgrade Packer or use an older version of the plugin if possible',
    ],
    ['x5', `Invalid remote protocol: "5", expected something like '5.0'`],
  ])('checkProtocolVersion(%j)', (remote, expected) => {
    expect(checkProtocolVersion(remote)).toBe(expected);
  });

  it.each([
    ['linux', 'x64', { os: 'linux', arch: 'amd64', ext: '' }],
    ['darwin', 'arm64', { os: 'darwin', arch: 'arm64', ext: '' }],
    ['win32', 'ia32', { os: 'windows', arch: '386', ext: '.exe' }],
  ] as const)('names %s/%s as Go does', (platform, arch, expected) => {
    expect(hostPlatform(platform, arch)).toEqual(expected);
  });
});
