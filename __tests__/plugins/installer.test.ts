import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { InstallError, installLatest } from '../../src/plugins/installer.js';
import { githubReleases, type GithubOptions, type ReleaseSource } from '../../src/plugins/releases.js';
import { requirementOf, type PluginRequirement } from '../../src/plugins/requirement.js';
import { pluginScript, sha256Hex, startFakeGithub, zipOf, type FakeGithub } from '../support/fake-github.js';

const linux = { os: 'linux', arch: 'amd64', ext: '' };
let fake: FakeGithub;
let root: string;

beforeAll(async () => {
  fake = await startFakeGithub();
});
afterAll(async () => {
  await fake.close();
});
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'kiln-installer-'));
});
afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

function releasesOf(env: Record<string, string>, opts?: GithubOptions): ReleaseSource {
  const source = githubReleases(env, opts);
  if (typeof source === 'string') throw new Error(source);
  return source;
}

const req = (source: string, constraint = '') => requirementOf('x', source, constraint) as PluginRequirement;

async function install(r: PluginRequirement) {
  try {
    return await installLatest(r, {
      pluginDir: join(root, 'plugins'),
      platform: linux,
      releases: releasesOf({ GITHUB_API_URL: fake.url }),
      tmpDir: root,
    });
  } catch (e) {
    if (e instanceof InstallError) return e.message;
    throw e;
  }
}

describe('installLatest', () => {
  it('stops at a zip without the expected binary, writing nothing', async () => {
    const zip = await zipOf({ 'some-other-file': pluginScript('1.0.0') });
    const name = 'packer-plugin-odd_v1.0.0_x5.0_linux_amd64';
    fake.setReleases('acme', 'packer-plugin-odd', [
      {
        tag: 'v1.0.0',
        assets: new Map([
          [`${name}.zip`, zip],
          ['packer-plugin-odd_v1.0.0_SHA256SUMS', Buffer.from(`${sha256Hex(zip)}  ${name}.zip\n`)],
        ]),
      },
    ]);
    expect(await install(req('github.com/acme/odd'))).toBe(
      `1 error occurred:\n\t* could not find a "${name}" file in zipfile\n\n`,
    );
    expect(existsSync(join(root, 'plugins'))).toBe(false);
    expect(readdirSync(root)).toEqual([]);
  });

  it('reports a release without checksums, then gives up', async () => {
    fake.setReleases('acme', 'packer-plugin-bare', [{ tag: 'v1.0.0', assets: new Map() }]);
    expect(await install(req('github.com/acme/bare', '>= 1.0'))).toBe(
      '2 errors occurred:\n' +
        '\t* could not get sha256 checksum file for github.com/acme/bare version 1.0.0. Is the file present on the release and correctly named ? the release has no asset named "packer-plugin-bare_v1.0.0_SHA256SUMS"\n' +
        '\t* could not install any compatible version of plugin "github.com/acme/bare"\n\n',
    );
  });

  it('ignores drafts and reports a release list without a match', async () => {
    fake.setReleases('acme', 'packer-plugin-drafty', [{ tag: 'v1.0.0', assets: new Map(), draft: true }]);
    expect(await install(req('github.com/acme/drafty'))).toBe('1 error occurred:\n\t* no release found\n\n');
  });

  it.each([
    [
      'gitlab.com/acme/thing',
      '"gitlab.com/acme/thing" doesn\'t appear to be a valid "github.com" source address; check source and try again.',
    ],
    [
      'github.com/acme/sub/thing',
      'Invalid github.com URI "github.com/acme/sub/thing": a Github-compatible source must be in the github.com/<namespace>/<name> format.',
    ],
  ])('refuses %s, which GitHub cannot serve', async (source, error) => {
    expect(await install(req(source))).toBe(`1 error occurred:\n\t* ${error}\n\n`);
  });
});

describe('githubReleases', () => {
  const stub =
    (body: string, init: ResponseInit): typeof fetch =>
    async () =>
      new Response(body, init);
  const listUrl = 'https://api.github.com/repos/acme/packer-plugin-x/releases?per_page=100';

  it("words a spent rate limit as Packer's RateLimitError, go-github's reset time last", async () => {
    const reset = Math.floor(Date.now() / 1000) + 90;
    const client = releasesOf(
      {},
      {
        fetch: stub(JSON.stringify({ message: 'API rate limit exceeded' }), {
          status: 403,
          headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(reset) },
        }),
      },
    );
    await expect(client.listReleases('acme', 'packer-plugin-x')).rejects.toThrow(
      /^Plugin host rate limited the plugin getter\. Try again in 1m\d+(\.\d+)?s\.\nHINT: Set the PACKER_GITHUB_API_TOKEN env var with a token to get more requests\.\nGET https:\/\/api\.github\.com\/repos\/acme\/packer-plugin-x\/releases\?per_page=100: 403 API rate limit exceeded \[rate reset in 1m(29|30)s\]$/,
    );
  });

  it.each([
    ['a JSON message', JSON.stringify({ message: 'Server Error' }), `GET ${listUrl}: 500 Server Error []`],
    ['no JSON body: an empty message, as go-github', '<html>oops</html>', `GET ${listUrl}: 500  []`],
  ])('words an HTTP error with %s', async (_, body, expected) => {
    const client = releasesOf({}, { fetch: stub(body, { status: 500, statusText: 'Internal Server Error' }) });
    await expect(client.listReleases('acme', 'packer-plugin-x')).rejects.toThrow(expected);
  });

  it.each([
    [
      Object.assign(new TypeError('fetch failed'), {
        cause: Object.assign(new Error('getaddrinfo ENOTFOUND nowhere.invalid'), {
          code: 'ENOTFOUND',
          hostname: 'nowhere.invalid',
        }),
      }),
      'dial tcp: lookup nowhere.invalid: no such host',
    ],
    [
      Object.assign(new TypeError('fetch failed'), {
        cause: Object.assign(
          new AggregateError([
            Object.assign(new Error('connect ECONNREFUSED ::1:8'), { code: 'ECONNREFUSED', address: '::1', port: 8 }),
          ]),
          {},
        ),
      }),
      'dial tcp [::1]:8: connect: connection refused',
    ],
    [
      Object.assign(new TypeError('fetch failed'), {
        cause: Object.assign(new Error('connect ETIMEDOUT 10.0.0.1:443'), {
          code: 'ETIMEDOUT',
          address: '10.0.0.1',
          port: 443,
        }),
      }),
      'dial tcp 10.0.0.1:443: connect: connection timed out',
    ],
    [Object.assign(new TypeError('fetch failed'), { cause: new Error('bad port') }), 'bad port'],
  ])('words a request without a response as Go: %#', async (error, cause) => {
    const client = releasesOf(
      {},
      {
        fetch: async () => {
          throw error;
        },
      },
    );
    await expect(client.listReleases('acme', 'packer-plugin-x')).rejects.toThrow(`Get "${listUrl}": ${cause}`);
  });

  it.each(['not a url', 'ftp://example.com', '/api'])('refuses GITHUB_API_URL=%j', (url) => {
    expect(githubReleases({ GITHUB_API_URL: url })).toBe(
      `Invalid GITHUB_API_URL ${JSON.stringify(url)}: expected an http or https URL such as https://api.github.com`,
    );
  });
});
