import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { downloadCacheDir } from '../../src/action/cache.js';
import { startFakeResultsService, type FakeResultsService } from './support/fake-results-service.js';
import {
  bundleAction,
  runAction,
  runActionAsync,
  tempTree,
  type ActionBundle,
  type ActionRun,
} from './support/run-action.js';

/*
 * The caches, run as the runner runs the main and post steps: without a cache
 * service (one notice, success), and against a local results service
 * (support/fake-results-service.ts on 127.0.0.70) that @actions/cache really
 * saves to and restores from. The build stands in for a plugin install and an
 * ISO download: it writes a file into the plugin folder and one into
 * $KILN_DOWNLOAD_CACHE when they are not there yet, and says which it found.
 */

const HOST = '127.0.0.70';

const template = (version: string) => `
packer {
  required_plugins {
    docker = {
      source  = "github.com/hashicorp/docker"
      version = "${version}"
    }
  }
}
source "null" "b" {
  communicator = "none"
}
build {
  sources = ["source.null.b"]
  provisioner "shell-local" {
    inline = [
      "mkdir -p \\"$PACKER_PLUGIN_PATH\\" \\"$KILN_DOWNLOAD_CACHE\\"",
      "for f in \\"$PACKER_PLUGIN_PATH/packer-plugin-docker\\" \\"$KILN_DOWNLOAD_CACHE/os.iso\\"; do if [ -f \\"$f\\" ]; then echo \\"found $(cat \\"$f\\")\\"; else echo \\"$(basename \\"$f\\") v${version}\\" > \\"$f\\"; echo \\"made $f\\"; fi; done",
    ]
  }
}
`;

const platform = `${process.platform}-${process.arch}`;
const KEY_1_0 = `kiln-${platform}-b421a3a9479a67d5-e3b0c44298fc1c14`;
const KEY_1_1 = `kiln-${platform}-1b30983c3e468341-e3b0c44298fc1c14`;

let main: ActionBundle;
let post: ActionBundle;
beforeAll(() => {
  main = bundleAction();
  post = bundleAction('post');
});
afterAll(() => {
  main.dispose();
  post.dispose();
});

/** A runner's machine: its workspace, home, tool cache and plugin folder (temp dirs). */
function machine() {
  const root = mkdtempSync(join(tmpdir(), 'kiln-cache-machine-'));
  return {
    root,
    plugins: join(root, 'plugins'),
    downloads: join(root, 'tool-cache', 'kiln', 'downloads'),
    env: {
      HOME: join(root, 'home'),
      RUNNER_TOOL_CACHE: join(root, 'tool-cache'),
      PACKER_PLUGIN_PATH: join(root, 'plugins'),
    },
  };
}

/** The main step's saved state as the runner hands it to the post step. */
const stateEnv = (run: ActionRun) => Object.fromEntries(Object.entries(run.state).map(([k, v]) => [`STATE_${k}`, v]));

const lines = (text: string, prefix: string) => text.split('\n').filter((l) => l.startsWith(prefix));

describe('the action caches, without a cache service', () => {
  it('builds, and says once that the cache is skipped', () => {
    const m = machine();
    try {
      const ws = tempTree({ 't.pkr.hcl': template('>= 1.0.0') });
      const r = runAction(main, { command: 'build', 'upload-artifact': 'false' }, { workspace: ws, env: m.env });
      expect(r.status).toBe(0);
      expect(lines(r.stdout, '::notice::')).toEqual([
        '::notice::Kiln cache skipped: no cache service is configured ' +
          '(a local run, or GitHub Enterprise Server without the Actions cache).',
      ]);
      expect(r.stdout).toContain(`==> null.b: made ${m.downloads}/os.iso`);
      expect(r.state).toEqual({ 'run-id': r.state['run-id'] });
      const p = runAction(
        post,
        {},
        { workspace: ws, env: { ...m.env, ...stateEnv(r), DOCKER_HOST: 'unix:///nonexistent' } },
      );
      expect(p.status).toBe(0);
      expect(lines(p.stdout, '::notice::')).toEqual([]);
    } finally {
      rmSync(m.root, { recursive: true, force: true });
    }
  });

  it('does nothing with cache: false, but still tells the engine where downloads go', () => {
    const m = machine();
    try {
      const ws = tempTree({ 't.pkr.hcl': template('>= 1.0.0') });
      const r = runAction(
        main,
        { command: 'build', cache: 'false', 'upload-artifact': 'false' },
        { workspace: ws, env: m.env },
      );
      expect(r.status).toBe(0);
      expect(lines(r.stdout, '::notice::')).toEqual([]);
      expect(r.stdout).toContain(`==> null.b: made ${m.downloads}/os.iso`);
    } finally {
      rmSync(m.root, { recursive: true, force: true });
    }
  });
});

describe('the action caches, against a local cache service', () => {
  let service: FakeResultsService;
  beforeAll(async () => {
    service = await startFakeResultsService(HOST);
  });
  afterAll(() => service.close());

  it('saves in the post step, restores in the next run, and falls back to a restore key', async () => {
    const m = machine();
    const ws = tempTree({ 't.pkr.hcl': template('>= 1.0.0') });
    const env = {
      ...m.env,
      ACTIONS_CACHE_SERVICE_V2: 'true',
      ACTIONS_RESULTS_URL: service.url,
      ACTIONS_RUNTIME_TOKEN: 'cache-token',
      DOCKER_HOST: 'unix:///nonexistent',
    };
    const step = async (bundle: ActionBundle, extra: Record<string, string> = {}) =>
      runActionAsync(
        bundle,
        { command: 'build', 'upload-artifact': 'false' },
        { workspace: ws, env: { ...env, ...extra } },
      );
    try {
      // Run 1: nothing cached; the build "installs" and "downloads"; the post step saves.
      const first = await step(main);
      expect(first.status).toBe(0);
      expect(first.stdout).toContain(`Kiln cache: no entry for ${KEY_1_0} or its restore keys\n`);
      expect(first.stdout).toContain(`==> null.b: made ${m.plugins}/packer-plugin-docker`);
      expect(first.state['cache-key']).toBe(KEY_1_0);
      expect(JSON.parse(first.state['cache-paths'] ?? '')).toEqual([m.plugins, m.downloads]);
      const save = await step(post, stateEnv(first));
      expect(save.status).toBe(0);
      expect(save.stdout).toContain(`Kiln cache saved as ${KEY_1_0}\n`);
      expect(service.caches.map((c) => [c.key, c.finalized])).toEqual([[KEY_1_0, true]]);
      expect(service.calls.map((c) => c.call)).toEqual([
        'CacheService/GetCacheEntryDownloadURL',
        'CacheService/CreateCacheEntry',
        'CacheService/FinalizeCacheEntryUpload',
      ]);
      expect(new Set(service.calls.map((c) => c.token))).toEqual(new Set(['cache-token']));

      // Run 2, on a fresh machine state: the files come back from the cache.
      rmSync(m.plugins, { recursive: true });
      rmSync(m.downloads, { recursive: true });
      const second = await step(main);
      expect(second.status).toBe(0);
      expect(second.stdout).toContain(`Cache hit for: ${KEY_1_0}\n`);
      expect(lines(second.stdout, '==> null.b: found')).toEqual([
        '==> null.b: found packer-plugin-docker v>= 1.0.0',
        '==> null.b: found os.iso v>= 1.0.0',
      ]);
      expect(second.state['cache-matched-key']).toBe(KEY_1_0);
      const skip = await step(post, stateEnv(second));
      expect(skip.stdout).toContain(`Kiln cache: restored from ${KEY_1_0}, not saving it again\n`);
      expect(service.caches).toHaveLength(1);

      // Run 3: another plugin version; the OS/arch restore key brings back the old files, saved under the new key.
      rmSync(m.plugins, { recursive: true });
      const ws3 = tempTree({ 't.pkr.hcl': template('>= 1.1.0') });
      const third = await runActionAsync(
        main,
        { command: 'build', 'upload-artifact': 'false' },
        { workspace: ws3, env },
      );
      expect(third.status).toBe(0);
      expect(third.stdout).toContain(`Cache hit for restore-key: ${KEY_1_0}\n`);
      expect(third.state['cache-key']).toBe(KEY_1_1);
      const save3 = await runActionAsync(post, {}, { workspace: ws3, env: { ...env, ...stateEnv(third) } });
      expect(save3.stdout).toContain(`Kiln cache saved as ${KEY_1_1}\n`);
      expect(service.caches.map((c) => c.key)).toEqual([KEY_1_0, KEY_1_1]);
      expect(lines(third.stdout + save3.stdout, '::notice::')).toEqual([]);
      expect(lines(third.stdout + save3.stdout, '::warning::')).toEqual([]);
      expect(readFileSync(join(m.downloads, 'os.iso'), 'utf8')).toBe('os.iso v>= 1.0.0\n');
    } finally {
      rmSync(m.root, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('downloadCacheDir', () => {
  it.each([
    [{ KILN_DOWNLOAD_CACHE: '/set', RUNNER_TOOL_CACHE: '/tc' }, '/set'],
    [{ RUNNER_TOOL_CACHE: '/tc', HOME: '/h' }, '/tc/kiln/downloads'],
    [{ XDG_CACHE_HOME: '/xdg', HOME: '/h' }, '/xdg/kiln/downloads'],
    [{ HOME: '/h' }, '/h/.cache/kiln/downloads'],
  ])('%j -> %s', (env, expected) => {
    expect(downloadCacheDir(env)).toBe(expected);
  });
});
