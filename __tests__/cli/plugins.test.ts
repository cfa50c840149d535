import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runPlugins } from '../../src/cli/plugins.js';
import { hostPlatform } from '../../src/plugins/platform.js';
import { memoryIO } from '../support/cli.js';
import { startKiln } from '../support/kiln-process.js';
import { startSlowGithub } from '../support/slow-github.js';
import { pluginRelease, pluginScript, sha256Hex, startFakeGithub, type FakeGithub } from '../support/fake-github.js';

const host = hostPlatform();
const suffix = `x5.0_${host.os}_${host.arch}`;
let fake: FakeGithub;
let root: string;
let pluginDir: string;

beforeAll(async () => {
  fake = await startFakeGithub();
});
afterAll(async () => {
  await fake.close();
});
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'kiln-plugins-'));
  pluginDir = join(root, 'plugins');
});
afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

async function plugins(args: string[], env: Record<string, string> = {}) {
  const { io, stdout, stderr } = memoryIO({
    cwd: root,
    env: { HOME: root, PACKER_PLUGIN_PATH: pluginDir, GITHUB_API_URL: fake.url, TMPDIR: root, ...env },
  });
  const status = await runPlugins(args, io);
  return { status, out: stdout(), ...(stderr() ? { err: stderr() } : {}) };
}

const binary = (owner: string, name: string, version: string) =>
  join(pluginDir, 'github.com', owner, name, `packer-plugin-${name}_v${version}_${suffix}`);

function installBinary(owner: string, name: string, version: string): string {
  const path = binary(owner, name, version);
  mkdirSync(dirname(path), { recursive: true });
  const data = pluginScript(version);
  writeFileSync(path, data, { mode: 0o755 });
  writeFileSync(`${path}_SHA256SUM`, sha256Hex(data));
  return path;
}

describe('kiln plugins', () => {
  it('lists its subcommands', async () => {
    expect(await plugins([])).toEqual({
      status: 1,
      out:
        'Usage: kiln plugins <subcommand> [options] [args]\n' +
        '  This command groups subcommands for interacting with Packer plugins.\n\n' +
        'Related but not under the "plugins" command :\n\n' +
        '- "kiln init <path>" will install all plugins required by a config.\n\n' +
        'Subcommands:\n' +
        '    install      Install latest Packer plugin [matching version constraint]\n' +
        '    installed    List all installed Packer plugin binaries\n' +
        '    remove       Remove Packer plugins [matching a version]\n' +
        '    required     List plugins required by a config\n',
    });
  });

  it('installed: every installed binary, one a line', async () => {
    const a = installBinary('hashicorp', 'happycloud', '1.0.0');
    const b = installBinary('hashicorp', 'happycloud', '1.1.0');
    const c = installBinary('sylviamoss', 'comment', '0.2.23');
    expect(await plugins(['installed'])).toEqual({ status: 0, out: `${c}\n${a}\n${b}\n` });
  });

  it('install SOURCE VERSION downloads the highest matching release', async () => {
    fake.setReleases('hashicorp', 'packer-plugin-happycloud', [
      await pluginRelease({ name: 'happycloud', version: '1.0.0', platforms: [host] }),
      await pluginRelease({ name: 'happycloud', version: '1.1.0', platforms: [host] }),
    ]);
    const path = binary('hashicorp', 'happycloud', '1.0.0');
    expect(await plugins(['install', 'github.com/hashicorp/happycloud', '< 1.1.0'])).toEqual({
      status: 0,
      out: `\x1b[1;36mInstalled plugin github.com/hashicorp/happycloud v1.0.0 in "${path}"\x1b[0m\n`,
    });
    expect(await plugins(['install', 'github.com/hashicorp/happycloud', '< 1.1.0'])).toEqual({ status: 0, out: '' });
    expect(await plugins(['install', '-force', 'github.com/hashicorp/happycloud', '< 1.1.0'])).toEqual({
      status: 0,
      out: `\x1b[1;36mInstalled plugin github.com/hashicorp/happycloud v1.0.0 in "${path}"\x1b[0m\n`,
    });
  });

  it.each([
    [
      ['install', 'happycloud'],
      'Invalid source string "happycloud": The provided source URL is invalid.\nThe following errors have been discovered:\n' +
        '* A source URL must at least contain a host and a path with 2 components\n\n' +
        'A valid source looks like "github.com/hashicorp/happycloud"\n',
    ],
    [
      ['install', 'github.com/hashicorp/packer-plugin-happycloud'],
      'Invalid source string "github.com/hashicorp/packer-plugin-happycloud": Plugin source has a type with the prefix "packer-plugin-", which isn\'t valid.\n' +
        'Although that prefix is often used in the names of version control repositories for Packer plugins, plugin source strings should not include it.\n' +
        '\nDid you mean "happycloud"?\n',
    ],
    [['install', 'github.com/hashicorp/happycloud', 'latest'], 'Malformed constraint: latest\n'],
    [
      ['install', 'github.com/hashicorp/happycloud', '1.0.0-dev'],
      'Unsupported prerelease for constraint "1.0.0-dev"\n',
    ],
  ])("install %j refuses with Packer's message", async (args, out) => {
    expect(await plugins(args)).toEqual({ status: 1, out });
  });

  it('install -path copies a local binary under the name its describe gives', async () => {
    const local = join(root, 'my-plugin');
    writeFileSync(local, pluginScript('0.3.0-dev'), { mode: 0o755 });
    const path = binary('acme', 'thing', '0.3.0-dev');
    expect(await plugins(['install', '-path', local, 'github.com/acme/thing'])).toEqual({
      status: 0,
      out: `Successfully installed plugin github.com/acme/thing from ${local} to ${path}\n`,
    });
    expect(readFileSync(`${path}_SHA256SUM`, 'utf8')).toBe(sha256Hex(readFileSync(local)));
  });

  it('install -path takes a describe version of fewer than three segments, as go-version NewSemver', async () => {
    const local = join(root, 'my-plugin');
    writeFileSync(local, pluginScript('1.0'), { mode: 0o755 });
    const path = binary('acme', 'thing', '1.0.0');
    expect(await plugins(['install', '-path', local, 'github.com/acme/thing'])).toEqual({
      status: 0,
      out: `Successfully installed plugin github.com/acme/thing from ${local} to ${path}\n`,
    });
  });

  it.each(['1.2.3.4', '1.0beta'])('install -path refuses the describe version %j', async (version) => {
    const local = join(root, 'my-plugin');
    writeFileSync(local, pluginScript(version), { mode: 0o755 });
    expect(await plugins(['install', '-path', local, 'github.com/acme/thing'])).toEqual({
      status: 1,
      out:
        'Error: Invalid version\n\n' +
        `Plugin's reported version ("${version}") is not semver-compatible: Malformed\nversion: ${version}\n\n\n`,
    });
  });

  it("install with an unknown flag prints Go's flag error, the help, then Packer's", async () => {
    const { status, out } = await plugins(['install', '-badflag', 'x']);
    expect(status).toBe(1);
    const help = (await plugins(['install', '-h'])).out;
    expect(out).toBe(
      `flag provided but not defined: -badflag\n${help}Failed to parse options: flag provided but not defined: -badflag\n`,
    );
  });

  it('install refuses a GITHUB_API_URL that is not a URL', async () => {
    expect(await plugins(['install', 'github.com/hashicorp/happycloud'], { GITHUB_API_URL: 'not a url' })).toEqual({
      status: 1,
      out: 'Invalid GITHUB_API_URL "not a url": expected an http or https URL such as https://api.github.com\n',
    });
  });

  it("writes an unusable PACKER_PLUGIN_PATH to stderr, as Packer's main does", async () => {
    const { status, out, err } = await plugins(['installed'], { PACKER_PLUGIN_PATH: '/a:/b' });
    expect({ status, out }).toEqual({ status: 1, out: '' });
    expect(err).toMatch(/^Error loading configuration: \n\n.+\n$/s);
  });

  it('install on SIGINT stops the download, removes its files and fails', { timeout: 60_000 }, async () => {
    const slow = await startSlowGithub('127.0.0.93', 'slowcloud');
    const tmp = join(root, 'tmp');
    mkdirSync(tmp);
    try {
      const kiln = startKiln(['plugins', 'install', 'github.com/hashicorp/slowcloud'], {
        cwd: root,
        env: { HOME: root, PACKER_PLUGIN_PATH: pluginDir, GITHUB_API_URL: slow.url, TMPDIR: tmp },
      });
      await slow.zipRequested;
      // What tsx (running Kiln from source) caches in TMPDIR is not Kiln's.
      const leftInTmp = () => readdirSync(tmp).filter((n) => !n.startsWith('tsx-'));
      await expect.poll(() => leftInTmp().flatMap((d) => readdirSync(join(tmp, d)))).toEqual(['plugin.zip']);
      kiln.child.kill('SIGINT');
      expect(await kiln.exited).toBe(1);
      expect(kiln.stdout()).toBe(
        'Cancelling build after receiving interrupt\n' +
          '1 error occurred:\n' +
          '\t* could not get binary for github.com/hashicorp/slowcloud version 1.0.0. Is the file present on the release and correctly named ? context canceled\n\n\n',
      );
      expect(leftInTmp()).toEqual([]);
      expect(existsSync(pluginDir)).toBe(false);
    } finally {
      slow.close();
    }
  });

  it('remove SOURCE [VERSION] deletes matching binaries and their checksum files', async () => {
    const a = installBinary('hashicorp', 'happycloud', '1.0.0');
    const b = installBinary('hashicorp', 'happycloud', '1.1.0');
    expect(await plugins(['remove', 'github.com/hashicorp/happycloud', '>= 1.1.0'])).toEqual({
      status: 0,
      out: `${b}\n`,
    });
    expect([existsSync(a), existsSync(b), existsSync(`${b}_SHA256SUM`)]).toEqual([true, false, false]);
    expect(await plugins(['remove', 'github.com/hashicorp/happycloud'])).toEqual({ status: 0, out: `${a}\n` });
    expect(await plugins(['remove', 'github.com/hashicorp/happycloud', '1.0.0'])).toEqual({
      status: 1,
      out: 'No installed plugin found matching the plugin constraints github.com/hashicorp/happycloud 1.0.0\n',
    });
  });

  it('remove PATH deletes one binary under the plugin directory only', async () => {
    const a = installBinary('hashicorp', 'happycloud', '1.0.0');
    expect(await plugins(['remove', a])).toEqual({ status: 0, out: `${a}\n` });
    expect(existsSync(`${a}_SHA256SUM`)).toBe(false);
    const outside = join(root, 'elsewhere');
    expect(await plugins(['remove', outside])).toEqual({
      status: 1,
      out:
        'Error: Invalid plugin location\n\n' +
        `The path "${outside}" is not under the plugin directory\ninferred by Packer (${pluginDir}) and will not be removed.\n\n\n`,
    });
  });

  it('required lists each requirement with its installed binaries', async () => {
    const a = installBinary('hashicorp', 'happycloud', '1.0.0');
    const b = installBinary('hashicorp', 'happycloud', '1.1.0');
    writeFileSync(
      join(root, 't.pkr.hcl'),
      'packer {\n  required_plugins {\n' +
        '    happycloud = {\n      source  = "github.com/hashicorp/happycloud"\n      version = ">= 1.0.0"\n    }\n' +
        '    comment = {\n      source  = "github.com/sylviamoss/comment"\n      version = "v0.2.23"\n    }\n' +
        '  }\n}\n',
    );
    expect(await plugins(['required', 't.pkr.hcl'])).toEqual({
      status: 0,
      out: `happycloud github.com/hashicorp/happycloud ">= 1.0.0" ${a} ${b}\ncomment github.com/sylviamoss/comment "v0.2.23"\n`,
    });
  });
});
