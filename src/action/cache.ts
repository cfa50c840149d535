import { readdir } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import * as core from '@actions/core';
import { pluginFolder } from '../plugins/plugin-folder.js';
import { cacheKeys, isEmpty, type CacheRequirements } from './cache-key.js';

/*
 * The action's caches: the plugin folder (where Packer, and Kiln, install
 * plugins) and Kiln's download cache (ISOs and other files builders fetch),
 * restored by the main step before the builds run and saved by the post step
 * under the key of what the template requires (cache-key.ts). The cache is an
 * optimisation: a cache service that is missing or failing gives one notice,
 * never a failure. @actions/cache is imported only when a cache is used: it
 * is large, and the main step's start-up is on the way to the first build step.
 */

/** The variable that tells the engine where to keep downloaded files; set in the main step's process. */
export const DOWNLOAD_CACHE_ENV = 'KILN_DOWNLOAD_CACHE';

const STATE_KEY = 'cache-key';
const STATE_PATHS = 'cache-paths';
const STATE_MATCHED = 'cache-matched-key';

type Env = Readonly<Record<string, string | undefined>>;

/** KILN_DOWNLOAD_CACHE when set; else $RUNNER_TOOL_CACHE/kiln/downloads; else ~/.cache/kiln/downloads (XDG_CACHE_HOME). */
export function downloadCacheDir(env: Env): string {
  const set = env[DOWNLOAD_CACHE_ENV];
  if (set) return set;
  if (env['RUNNER_TOOL_CACHE']) return join(env['RUNNER_TOOL_CACHE'], 'kiln', 'downloads');
  return join(env['XDG_CACHE_HOME'] || join(env['HOME'] || homedir(), '.cache'), 'kiln', 'downloads');
}

type CacheModule = typeof import('@actions/cache');

/** Why the cache service cannot be used here (`cache` reads process.env), or undefined when it can. */
function cacheServiceProblem(cache: CacheModule, env: Env): string | undefined {
  if (!cache.isFeatureAvailable()) {
    return 'no cache service is configured (a local run, or GitHub Enterprise Server without the Actions cache)';
  }
  if (!env['ACTIONS_RUNTIME_TOKEN']) return 'ACTIONS_RUNTIME_TOKEN is not set';
  return undefined;
}

/**
 * Points the engine at the download cache, then (when `enabled` and the
 * template requires something) restores the caches and saves in the step's
 * state what the post step needs to save them. True when the cache was
 * looked up (its key can then be settled with settleCacheKey).
 */
export async function restoreCaches(enabled: boolean, req: CacheRequirements): Promise<boolean> {
  const downloads = downloadCacheDir(process.env);
  process.env[DOWNLOAD_CACHE_ENV] = downloads;
  if (!enabled) return false;
  if (isEmpty(req)) {
    core.debug('Kiln cache: the template requires no plugins and no downloads; nothing to cache');
    return false;
  }
  let plugins: string;
  try {
    plugins = pluginFolder(process.env);
  } catch (error) {
    core.notice(`Kiln cache skipped: ${message(error)}`);
    return false;
  }
  const cache = await import('@actions/cache');
  const problem = cacheServiceProblem(cache, process.env);
  if (problem) {
    core.notice(`Kiln cache skipped: ${problem}.`);
    return false;
  }
  const { key, restoreKeys } = cacheKeys(req, process.platform, process.arch);
  // The same paths, in the same order, at save: they are part of the cache version.
  const paths = [plugins, downloads];
  core.saveState(STATE_KEY, key);
  core.saveState(STATE_PATHS, JSON.stringify(paths));
  try {
    const matched = await core.group(`Restore the Kiln cache (${key})`, () =>
      cache.restoreCache(paths, key, [...restoreKeys]),
    );
    if (matched === undefined) core.info(`Kiln cache: no entry for ${key} or its restore keys`);
    else core.saveState(STATE_MATCHED, matched);
  } catch (error) {
    core.notice(`Kiln cache not restored: ${message(error)}`);
  }
  return true;
}

/**
 * The key the post step saves under, once the builds are planned: a cache
 * restored before planning (to bring back the plugins planning needs) was
 * looked up without the builds' downloads; a later state value wins.
 */
export function settleCacheKey(req: CacheRequirements): void {
  core.saveState(STATE_KEY, cacheKeys(req, process.platform, process.arch).key);
}

/** The post step: saves the caches the main step restored, unless it restored exactly this key. */
export async function saveCaches(): Promise<void> {
  const key = core.getState(STATE_KEY);
  if (key === '') return;
  const paths = JSON.parse(core.getState(STATE_PATHS)) as string[];
  if (core.getState(STATE_MATCHED) === key) {
    core.info(`Kiln cache: restored from ${key}, not saving it again`);
    return;
  }
  if (!(await anyFile(paths))) {
    core.info(`Kiln cache: nothing to save in ${paths.join(', ')}`);
    return;
  }
  const cache = await import('@actions/cache');
  const problem = cacheServiceProblem(cache, process.env);
  if (problem) {
    core.notice(`Kiln cache not saved: ${problem}.`);
    return;
  }
  try {
    // saveCache reports its own service errors (as warnings) and returns -1.
    const id = await core.group(`Save the Kiln cache (${key})`, () => cache.saveCache(paths, key));
    if (id !== -1) core.info(`Kiln cache saved as ${key}`);
  } catch (error) {
    core.notice(`Kiln cache not saved: ${message(error)}`);
  }
}

async function anyFile(paths: readonly string[]): Promise<boolean> {
  for (const path of paths) {
    const entries = await readdir(path, { recursive: true, withFileTypes: true }).catch(() => []);
    if (entries.some((e) => !e.isDirectory())) return true;
  }
  return false;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
