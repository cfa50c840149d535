import {
  mkdtempSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
  existsSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runInit } from '../../src/cli/init.js';
import { hostPlatform } from '../../src/plugins/platform.js';
import { memoryIO } from '../support/cli.js';
import { startKiln } from '../support/kiln-process.js';
import { pluginRelease, sha256Hex, startFakeGithub, type FakeGithub } from '../support/fake-github.js';
import { startSlowGithub } from '../support/slow-github.js';

const host = hostPlatform();
const platforms = [host, { os: 'darwin', arch: 'arm64' }];
const suffix = `x5.0_${host.os}_${host.arch}`;

let fake: FakeGithub;
let root: string;
let pluginDir: string;
let tmp: string;

beforeAll(async () => {
  fake = await startFakeGithub({ pageSize: 2 });
});
afterAll(async () => {
  await fake.close();
});
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'kiln-init-'));
  pluginDir = join(root, 'plugins');
  tmp = join(root, 'tmp');
  mkdirSync(tmp);
  fake.requests.length = 0;
});
afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

async function releases(name: string, versions: string[], extra: Partial<Parameters<typeof pluginRelease>[0]> = {}) {
  fake.setReleases(
    'hashicorp',
    `packer-plugin-${name}`,
    await Promise.all(versions.map((version) => pluginRelease({ name, version, platforms, ...extra }))),
  );
}

function template(plugins: Record<string, [string, string]>, rest = ''): string {
  const entries = Object.entries(plugins)
    .map(
      ([name, [source, version]]) =>
        `    ${name} = {\n      source  = "${source}"\n      version = "${version}"\n    }\n`,
    )
    .join('');
  writeFileSync(join(root, 'template.pkr.hcl'), `packer {\n  required_plugins {\n${entries}  }\n}\n${rest}`);
  return 'template.pkr.hcl';
}

async function init(args: string[], env: Record<string, string> = {}) {
  const { io, stdout, stderr } = memoryIO({
    cwd: root,
    env: { HOME: root, PACKER_PLUGIN_PATH: pluginDir, GITHUB_API_URL: fake.url, TMPDIR: tmp, ...env },
  });
  const status = await runInit(args, io);
  return { status, out: stdout(), ...(stderr() ? { err: stderr() } : {}) };
}

const binary = (name: string, version: string) =>
  join(pluginDir, 'github.com', 'hashicorp', name, `packer-plugin-${name}_v${version}_${suffix}`);

/** Packer's ColoredUi says it in bold cyan, piped output included. */
const installedLine = (name: string, version: string) =>
  `\x1b[1;36mInstalled plugin github.com/hashicorp/${name} v${version} in "${binary(name, version)}"\x1b[0m\n`;

describe('kiln init', () => {
  it('installs the highest release meeting the constraint, verified, in Packer layout', async () => {
    await releases('happycloud', ['1.0.0', '1.1.0', '1.2.0', '2.0.0']);
    const file = template({ happycloud: ['github.com/hashicorp/happycloud', '>= 1.1.0, < 2.0.0'] });
    expect(await init([file])).toEqual({ status: 0, out: installedLine('happycloud', '1.2.0') });
    const path = binary('happycloud', '1.2.0');
    expect(statSync(path).mode & 0o777).toBe(0o755);
    expect(readFileSync(`${path}_SHA256SUM`, 'utf8')).toBe(sha256Hex(readFileSync(path)));
    expect(readdirSync(join(pluginDir, 'github.com', 'hashicorp', 'happycloud'))).toEqual([
      `packer-plugin-happycloud_v1.2.0_${suffix}`,
      `packer-plugin-happycloud_v1.2.0_${suffix}_SHA256SUM`,
    ]);
    expect(readdirSync(tmp)).toEqual([]);
    // Two pages of releases, the sums, one zip.
    expect(fake.requests.map((r) => r.path)).toEqual([
      '/repos/hashicorp/packer-plugin-happycloud/releases?per_page=100',
      '/repos/hashicorp/packer-plugin-happycloud/releases?per_page=100&page=2',
      '/download/hashicorp/packer-plugin-happycloud/v1.2.0/packer-plugin-happycloud_v1.2.0_SHA256SUMS',
      `/download/hashicorp/packer-plugin-happycloud/v1.2.0/packer-plugin-happycloud_v1.2.0_${suffix}.zip`,
    ]);
  });

  it.each([
    ['~> 1.1', '1.2.0'],
    ['~> 1.1.0', '1.1.5'],
    ['>= 1.0.0, != 1.2.0, < 2.0.0', '1.1.5'],
    ['1.0.0', '1.0.0'],
    ['>= 1.0.0', '2.0.0'],
  ])('resolves %j to v%s', async (constraint, expected) => {
    await releases('happycloud', ['1.0.0', '1.1.0', '1.1.5', '1.2.0', '2.0.0']);
    const file = template({ happycloud: ['github.com/hashicorp/happycloud', constraint] });
    expect(await init([file])).toEqual({ status: 0, out: installedLine('happycloud', expected) });
  });

  it('does nothing, without a network call, when every plugin is installed', async () => {
    await releases('happycloud', ['1.0.0']);
    const file = template({ happycloud: ['github.com/hashicorp/happycloud', '>= 1.0.0'] });
    await init([file]);
    fake.requests.length = 0;
    expect(await init([file])).toEqual({ status: 0, out: '' });
    expect(fake.requests).toEqual([]);
  });

  it('-upgrade installs a higher allowed release beside the installed one', async () => {
    await releases('happycloud', ['1.0.0']);
    const file = template({ happycloud: ['github.com/hashicorp/happycloud', '< 2.0.0'] });
    expect((await init([file])).out).toBe(installedLine('happycloud', '1.0.0'));
    await releases('happycloud', ['1.0.0', '1.1.0', '2.0.0']);
    expect(await init([file])).toEqual({ status: 0, out: '' });
    expect(await init(['-upgrade', file])).toEqual({ status: 0, out: installedLine('happycloud', '1.1.0') });
    expect(existsSync(binary('happycloud', '1.0.0'))).toBe(true);
    // Already at the highest allowed release: the releases and sums are read, no zip.
    fake.requests.length = 0;
    expect(await init(['-upgrade', file])).toEqual({ status: 0, out: '' });
    expect(fake.requests.map((r) => r.path)).toEqual([
      '/repos/hashicorp/packer-plugin-happycloud/releases?per_page=100',
      '/repos/hashicorp/packer-plugin-happycloud/releases?per_page=100&page=2',
      '/download/hashicorp/packer-plugin-happycloud/v1.1.0/packer-plugin-happycloud_v1.1.0_SHA256SUMS',
    ]);
  });

  it('-force reinstalls the installed release; with -upgrade the highest', async () => {
    await releases('happycloud', ['1.0.0']);
    const file = template({ happycloud: ['github.com/hashicorp/happycloud', '>= 1.0.0'] });
    await init([file]);
    await releases('happycloud', ['1.0.0', '1.1.0']);
    fake.requests.length = 0;
    expect(await init(['-force', file])).toEqual({ status: 0, out: installedLine('happycloud', '1.0.0') });
    expect(fake.requests.at(-1)!.path).toBe(
      `/download/hashicorp/packer-plugin-happycloud/v1.0.0/packer-plugin-happycloud_v1.0.0_${suffix}.zip`,
    );
    expect(await init(['-force', '-upgrade', file])).toEqual({ status: 0, out: installedLine('happycloud', '1.1.0') });
  });

  it('refuses a zip whose checksum does not match: nothing installed, no temporary file left', async () => {
    await releases('happycloud', ['1.0.0'], { wrongChecksum: true });
    const file = template({ happycloud: ['github.com/hashicorp/happycloud', '>= 1.0.0'] });
    const zip = (await pluginRelease({ name: 'happycloud', version: '1.0.0', platforms })).assets.get(
      `packer-plugin-happycloud_v1.0.0_${suffix}.zip`,
    )!;
    expect(await init([file])).toEqual({
      status: 1,
      out:
        'Failed getting the "github.com/hashicorp/happycloud" plugin:\n' +
        '2 errors occurred:\n' +
        '\t* Checksums (*sha256.digest) did not match.\n' +
        `Expected: ${sha256Hex(Buffer.from('not the zip'))}\n` +
        `Got     : ${sha256Hex(zip)}\n` +
        '. Is the checksum file correct ? Is the binary file correct ?\n' +
        '\t* could not install any compatible version of plugin "github.com/hashicorp/happycloud"\n\n\n',
    });
    expect(existsSync(pluginDir)).toBe(false);
    expect(readdirSync(tmp)).toEqual([]);
  });

  it('falls back to the next version when one fails its checksum', async () => {
    fake.setReleases('hashicorp', 'packer-plugin-happycloud', [
      await pluginRelease({ name: 'happycloud', version: '1.1.0', platforms, wrongChecksum: true }),
      await pluginRelease({ name: 'happycloud', version: '1.0.0', platforms }),
    ]);
    const file = template({ happycloud: ['github.com/hashicorp/happycloud', '>= 1.0.0'] });
    expect(await init([file])).toEqual({ status: 0, out: installedLine('happycloud', '1.0.0') });
    expect(existsSync(binary('happycloud', '1.1.0'))).toBe(false);
  });

  it('skips a binary that describes itself as another version', async () => {
    fake.setReleases('hashicorp', 'packer-plugin-happycloud', [
      await pluginRelease({ name: 'happycloud', version: '1.1.0', platforms, reported: '1.0.9' }),
      await pluginRelease({ name: 'happycloud', version: '1.0.0', platforms }),
    ]);
    const file = template({ happycloud: ['github.com/hashicorp/happycloud', '>= 1.0.0'] });
    expect(await init([file])).toEqual({ status: 0, out: installedLine('happycloud', '1.0.0') });
  });

  it('reports no matching version', async () => {
    await releases('happycloud', ['1.0.0', '1.1.0']);
    const file = template({ happycloud: ['github.com/hashicorp/happycloud', '>= 3.0.0'] });
    expect(await init([file])).toEqual({
      status: 1,
      out:
        'Failed getting the "github.com/hashicorp/happycloud" plugin:\n' +
        '1 error occurred:\n\t* no matching version found in releases. In [{v1.0.0} {v1.1.0}]\n\n\n',
    });
  });

  it('reports an unknown repository with the API error', async () => {
    const file = template({ nocloud: ['github.com/hashicorp/nocloud', '>= 1.0.0'] });
    expect(await init([file])).toEqual({
      status: 1,
      out:
        'Failed getting the "github.com/hashicorp/nocloud" plugin:\n' +
        `1 error occurred:\n\t* GET ${fake.url}/repos/hashicorp/packer-plugin-nocloud/releases?per_page=100: 404 Not Found []\n\n\n`,
    });
  });

  it('satisfies natively served sources without a download', async () => {
    const file = template({
      docker: ['github.com/hashicorp/docker', '>= 1.0.0'],
      amazon: ['github.com/hashicorp/amazon', '~> 1'],
    });
    expect(await init([file])).toEqual({
      status: 0,
      out:
        'Plugin github.com/hashicorp/docker is served natively by Kiln (following v1.1.4); nothing to install\n' +
        'Plugin github.com/hashicorp/amazon is served natively by Kiln (following v1.8.2); nothing to install\n',
    });
    expect(fake.requests).toEqual([]);
  });

  it('downloads a natively served source when KILN_PREFER_PLUGINS=1', async () => {
    await releases('docker', ['1.0.8']);
    const file = template({ docker: ['github.com/hashicorp/docker', '>= 1.0.0'] });
    expect(await init([file], { KILN_PREFER_PLUGINS: '1' })).toEqual({
      status: 0,
      out: installedLine('docker', '1.0.8'),
    });
  });

  it.each([
    [{ PACKER_GITHUB_API_TOKEN: 'packer-token', GITHUB_TOKEN: 'gh-token' }, 'Bearer packer-token'],
    [{ GITHUB_TOKEN: 'gh-token' }, 'Bearer gh-token'],
    [{}, undefined],
  ])('sends the token of %j to the API', async (env, expected) => {
    await releases('happycloud', ['1.0.0']);
    const file = template({ happycloud: ['github.com/hashicorp/happycloud', '>= 1.0.0'] });
    expect((await init([file], env)).status).toBe(0);
    expect(fake.requests.map((r) => r.authorization)).toEqual([expected, expected, expected]);
    expect(fake.requests[0]!.userAgent).toMatch(/^kiln-getter-github-/);
  });

  it('says so when the template requires no plugin', async () => {
    writeFileSync(join(root, 'empty.pkr.hcl'), 'source "null" "a" {\n  communicator = "none"\n}\n');
    expect(await init(['empty.pkr.hcl'])).toEqual({
      status: 0,
      out:
        '\nNo plugins requirement found, make sure you reference a Packer config\n' +
        'containing a packer.required_plugins block. See\n' +
        'https://www.packer.io/docs/templates/hcl_templates/blocks/packer\n' +
        'for more info.\n',
    });
  });

  it('refuses legacy JSON templates as Packer does', async () => {
    writeFileSync(join(root, 'legacy.json'), '{"builders":[{"type":"null","communicator":"none"}]}');
    const { status, out } = await init(['legacy.json']);
    expect(status).toBe(1);
    expect(out).toBe(
      'Error: Packer plugins currently only works with HCL2 configuration templates\n\n' +
        'Please manually install plugins with the plugins command or use a HCL2\n' +
        'configuration that will do that for you.\n\n\n',
    );
  });

  it('prints the help for a missing template', async () => {
    const { status, out } = await init([]);
    expect(status).toBe(1);
    expect(out.startsWith('Usage: kiln init [options] TEMPLATE\n')).toBe(true);
  });

  it('pins -force to the installed version as Packer writes it, "v" included', async () => {
    await releases('happycloud', ['1.0.0']);
    const file = template({ happycloud: ['github.com/hashicorp/happycloud', '>= 1.0.0'] });
    await init([file]);
    // The release now has no zip for this platform: the pinned constraint shows in the error.
    await releases('happycloud', ['1.0.0'], { platforms: [{ os: 'plan9', arch: 'arm' }] });
    expect(await init(['-force', file])).toEqual({
      status: 1,
      out:
        'Failed getting the "github.com/hashicorp/happycloud" plugin:\n' +
        '2 errors occurred:\n' +
        '\t* could not find a local nor a remote checksum for plugin "github.com/hashicorp/happycloud" "=v1.0.0"\n' +
        '\t* could not install any compatible version of plugin "github.com/hashicorp/happycloud"\n\n\n',
    });
  });

  it('says "Installed plugin" without color when PACKER_NO_COLOR is set', async () => {
    await releases('happycloud', ['1.0.0']);
    const file = template({ happycloud: ['github.com/hashicorp/happycloud', '>= 1.0.0'] });
    expect(await init([file], { PACKER_NO_COLOR: '1' })).toEqual({
      status: 0,
      out: `Installed plugin github.com/hashicorp/happycloud v1.0.0 in "${binary('happycloud', '1.0.0')}"\n`,
    });
  });

  it('installs a native source when the template uses a component of it Kiln does not have', async () => {
    await releases('amazon', ['1.8.2']);
    const file = template(
      { amazon: ['github.com/hashicorp/amazon', '~> 1'], docker: ['github.com/hashicorp/docker', '>= 1.0.0'] },
      'source "amazon-chroot" "c" {}\nsource "amazon-ebs" "e" {}\nsource "docker" "d" {}\n' +
        'build {\n  sources = ["source.amazon-chroot.c"]\n  post-processor "docker-tag" {}\n}\n',
    );
    expect(await init([file])).toEqual({
      status: 0,
      out:
        installedLine('amazon', '1.8.2') +
        'Plugin github.com/hashicorp/docker is served natively by Kiln (following v1.1.4); nothing to install\n',
    });
  });

  it('installs a native source whose constraint excludes the version Kiln follows', async () => {
    await releases('docker', ['1.0.8', '1.1.4']);
    const file = template({ docker: ['github.com/hashicorp/docker', '< 1.1.0'] });
    expect(await init([file])).toEqual({ status: 0, out: installedLine('docker', '1.0.8') });
  });

  it('words a connection failure as Go does, with the URL', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.91', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    const file = template({ happycloud: ['github.com/hashicorp/happycloud', '>= 1.0.0'] });
    const url = `http://127.0.0.91:${port}/repos/hashicorp/packer-plugin-happycloud/releases?per_page=100`;
    expect(await init([file], { GITHUB_API_URL: `http://127.0.0.91:${port}` })).toEqual({
      status: 1,
      out:
        'Failed getting the "github.com/hashicorp/happycloud" plugin:\n' +
        `1 error occurred:\n\t* Get "${url}": dial tcp 127.0.0.91:${port}: connect: connection refused\n\n\n`,
    });
  });

  it('refuses a GITHUB_API_URL that is not a URL', async () => {
    const file = template({ happycloud: ['github.com/hashicorp/happycloud', '>= 1.0.0'] });
    expect(await init([file], { GITHUB_API_URL: 'not a url' })).toEqual({
      status: 1,
      out: 'Invalid GITHUB_API_URL "not a url": expected an http or https URL such as https://api.github.com\n',
    });
  });

  it("writes an unusable PACKER_PLUGIN_PATH to stderr, as Packer's main does", async () => {
    const file = template({ happycloud: ['github.com/hashicorp/happycloud', '>= 1.0.0'] });
    const { status, out, err } = await init([file], { PACKER_PLUGIN_PATH: '/a:/b' });
    expect({ status, out }).toEqual({ status: 1, out: '' });
    expect(err).toMatch(/^Error loading configuration: \n\n.+\n$/s);
  });
});

describe('kiln init interrupted', { timeout: 60_000 }, () => {
  it.each(['SIGINT', 'SIGTERM'] as const)('on %s stops the download, removes its files and fails', async (sig) => {
    const slow = await startSlowGithub('127.0.0.92', 'slowcloud');
    try {
      const file = template({ slowcloud: ['github.com/hashicorp/slowcloud', '>= 1.0.0'] });
      const kiln = startKiln(['init', file], {
        cwd: root,
        env: { HOME: root, PACKER_PLUGIN_PATH: pluginDir, GITHUB_API_URL: slow.url, TMPDIR: tmp },
      });
      await slow.zipRequested;
      // What tsx (running Kiln from source) caches in TMPDIR is not Kiln's.
      const leftInTmp = () => readdirSync(tmp).filter((n) => !n.startsWith('tsx-'));
      await expect.poll(() => leftInTmp().flatMap((d) => readdirSync(join(tmp, d)))).toEqual(['plugin.zip']);
      kiln.child.kill(sig);
      expect(await kiln.exited).toBe(1);
      const name = sig === 'SIGINT' ? 'interrupt' : 'terminated';
      expect(kiln.stdout()).toBe(
        `Cancelling build after receiving ${name}\n` +
          'Failed getting the "github.com/hashicorp/slowcloud" plugin:\n' +
          '1 error occurred:\n' +
          '\t* could not get binary for github.com/hashicorp/slowcloud version 1.0.0. Is the file present on the release and correctly named ? context canceled\n\n\n',
      );
      expect(leftInTmp()).toEqual([]);
      expect(existsSync(pluginDir)).toBe(false);
    } finally {
      slow.close();
    }
  });
});
