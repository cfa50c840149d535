import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { hostPlatform } from '../../src/plugins/platform.js';
import { pluginRelease, startFakeGithub, type FakeGithub } from '../support/fake-github.js';
import { bundleAction, runActionAsync, tempTree, type ActionBundle } from './support/run-action.js';

/*
 * command init, and the init build and validate run first when a required
 * plugin is missing, run as the runner runs the main step against the fake
 * GitHub API (GITHUB_API_URL): plugins are installed from their releases with
 * the github-token input as the API token, into PACKER_PLUGIN_PATH.
 */

const TOKEN = 'ghs-token-4b1d';
const host = hostPlatform();
const suffix = `x5.0_${host.os}_${host.arch}`;

const template = (constraint: string) => `
packer {
  required_plugins {
    happycloud = {
      source  = "github.com/hashicorp/happycloud"
      version = "${constraint}"
    }
  }
}
source "null" "a" {
  communicator = "none"
}
build {
  sources = ["source.null.a"]
}
`;

let bundle: ActionBundle;
let fake: FakeGithub;
let root: string;
let pluginDir: string;
beforeAll(async () => {
  bundle = bundleAction();
  fake = await startFakeGithub();
  fake.setReleases(
    'hashicorp',
    'packer-plugin-happycloud',
    await Promise.all(
      ['1.0.0', '1.2.0'].map((version) => pluginRelease({ name: 'happycloud', version, platforms: [host] })),
    ),
  );
});
afterAll(async () => {
  bundle.dispose();
  await fake.close();
});
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'kiln-action-init-'));
  pluginDir = join(root, 'plugins');
  mkdirSync(join(root, 'tmp'));
  fake.requests.length = 0;
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const binary = (version: string) =>
  join(pluginDir, 'github.com', 'hashicorp', 'happycloud', `packer-plugin-happycloud_v${version}_${suffix}`);

function run(inputs: Record<string, string>, constraint = '>= 1.0.0') {
  const ws = tempTree({ 'pkr/t.pkr.hcl': template(constraint) });
  return runActionAsync(
    bundle,
    { template: 'pkr', 'github-token': TOKEN, summary: 'false', 'upload-artifact': 'false', ...inputs },
    {
      workspace: ws,
      env: {
        HOME: join(root, 'home'),
        PACKER_PLUGIN_PATH: pluginDir,
        GITHUB_API_URL: fake.url,
        TMPDIR: join(root, 'tmp'),
      },
    },
  );
}

/** In bold cyan, as Packer's ColoredUi prints it (colours show in the workflow log too). */
const installed = (version: string) =>
  `\x1b[1;36mInstalled plugin github.com/hashicorp/happycloud v${version} in "${binary(version)}"\x1b[0m`;

const downloads = (version: string) => [
  '/repos/hashicorp/packer-plugin-happycloud/releases?per_page=100',
  `/download/hashicorp/packer-plugin-happycloud/v${version}/packer-plugin-happycloud_v${version}_SHA256SUMS`,
  `/download/hashicorp/packer-plugin-happycloud/v${version}/packer-plugin-happycloud_v${version}_${suffix}.zip`,
];

describe('the action, command init', () => {
  it('installs the missing plugins as kiln init does, with github-token as the API token', async () => {
    const r = await run({ command: 'init' }, '< 1.2.0');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(`::add-mask::${TOKEN}\n${installed('1.0.0')}\n`);
    expect(r.outputFile).toBe('');
    expect(existsSync(binary('1.0.0'))).toBe(true);
    expect(fake.requests.map((q) => q.path)).toEqual(downloads('1.0.0'));
    // The token goes to the API's host only, which the fake is on for releases and downloads alike.
    expect(new Set(fake.requests.map((q) => q.authorization))).toEqual(new Set([`Bearer ${TOKEN}`]));
  });

  it('installs nothing, and asks nothing, when the plugins are installed', async () => {
    await run({ command: 'init' });
    fake.requests.length = 0;
    const r = await run({ command: 'init' });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(`::add-mask::${TOKEN}\n`);
    expect(fake.requests).toEqual([]);
  });

  it('sends no token when github-token is empty', async () => {
    const r = await run({ command: 'init', 'github-token': '' });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(`${installed('1.2.0')}\n`);
    expect(fake.requests.map((q) => q.authorization)).toEqual([undefined, undefined, undefined]);
  });

  it('fails the step when a plugin cannot be installed', async () => {
    const r = await run({ command: 'init' }, '>= 3.0.0');
    expect(r.status).toBe(1);
    expect(r.stdout).toBe(
      [
        `::add-mask::${TOKEN}`,
        'Failed getting the "github.com/hashicorp/happycloud" plugin:',
        '1 error occurred:',
        '\t* no matching version found in releases. In [{v1.0.0} {v1.2.0}]',
        '',
        '',
        '::error::kiln init failed; see the log.',
        '',
      ].join('\n'),
    );
  });
});

describe('the action installs missing plugins before', () => {
  it('build: kiln init in a log group, then the build', async () => {
    const r = await run({ command: 'build' });
    expect(r.status).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines.slice(0, 5)).toEqual([
      '::notice::Kiln cache skipped: no cache service is configured (a local run, or GitHub Enterprise Server without the Actions cache).',
      '::group::Installing the missing plugins (kiln init)',
      `::add-mask::${TOKEN}`,
      installed('1.2.0'),
      '::endgroup::',
    ]);
    expect(lines.filter((l) => l.startsWith("Build 'null.a' "))).toEqual([
      expect.stringMatching(/^Build 'null\.a' finished after \d.*\.$/),
    ]);
    expect(fake.requests.map((q) => q.path)).toEqual(downloads('1.2.0'));

    // The next run finds the plugin installed.
    fake.requests.length = 0;
    const again = await run({ command: 'build' });
    expect(again.status).toBe(0);
    expect(again.stdout).not.toContain('kiln init');
    expect(fake.requests).toEqual([]);
  });

  it('build: fails, running nothing, when init cannot install them', async () => {
    const r = await run({ command: 'build' }, '>= 3.0.0');
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('::group::Installing the missing plugins (kiln init)\n');
    expect(r.stdout).toContain(
      '::error title=Missing plugins::The following plugins are required, but not installed:%0A%0A' +
        '* github.com/hashicorp/happycloud >= 3.0.0%0A%0ADid you run kiln init for this project ?\n',
    );
    expect(r.stdout).not.toContain("Build 'null.a'");
    expect(r.stdout.endsWith('::error::Missing plugins\n')).toBe(true);
    expect(r.state).toEqual({});
  });

  it.each([
    ['>= 1.0.0', 0, 'true'],
    ['>= 3.0.0', 1, 'false'],
  ])('validate (%s): kiln init in a log group, and valid', async (constraint, status, valid) => {
    const r = await run({ command: 'validate' }, constraint);
    expect(r.status).toBe(status);
    expect(r.outputs).toEqual({ valid });
    expect(r.stdout.startsWith(`::group::Installing the missing plugins (kiln init)\n::add-mask::${TOKEN}\n`)).toBe(
      true,
    );
  });
});
