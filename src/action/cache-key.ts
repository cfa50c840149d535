import { createHash } from 'node:crypto';
import type { RequiredPlugin } from '../template/packer-block.js';
import type { PlannedBuild } from '../template/plan.js';

/*
 * The cache key of a build run: what the template requires, on this OS and
 * architecture. Plugins (source and version constraint of each
 * required_plugins entry) and downloads (iso_url/iso_urls with iso_checksum of
 * the planned builds) are each a sorted, de-duplicated list hashed on its own,
 * so a run whose downloads changed still restores its plugins from the
 * restore key that matches the plugins' hash:
 *
 *   kiln-<platform>-<arch>-<plugins hash>-<downloads hash>
 */

export interface CacheRequirements {
  /** `<source> <version constraint>`, sorted. */
  readonly plugins: readonly string[];
  /** `["<url>","<checksum>"]` (JSON), sorted. */
  readonly downloads: readonly string[];
}

export interface CacheKeys {
  readonly key: string;
  /** Tried in order when no entry has `key`: the same plugins, then anything for this OS and architecture. */
  readonly restoreKeys: readonly string[];
}

export function templateRequirements(
  plugins: readonly RequiredPlugin[],
  builds: readonly PlannedBuild[],
): CacheRequirements {
  const pluginLines = plugins.flatMap((p) =>
    p.source !== undefined && p.version !== undefined ? [`${p.source} ${p.version}`] : [],
  );
  const downloadLines = builds.flatMap((b) => isoDownloads(b.builder.config));
  return { plugins: sortedUnique(pluginLines), downloads: sortedUnique(downloadLines) };
}

/** The ISO fields of a builder's config (packer-plugin-sdk ISOConfig), as they were written. */
function isoDownloads(config: unknown): string[] {
  if (typeof config !== 'object' || config === null) return [];
  const fields = config as { iso_url?: unknown; iso_urls?: unknown; iso_checksum?: unknown };
  const urls = [
    ...(typeof fields.iso_url === 'string' && fields.iso_url !== '' ? [fields.iso_url] : []),
    ...(Array.isArray(fields.iso_urls) ? fields.iso_urls.filter((u): u is string => typeof u === 'string') : []),
  ];
  const checksum = typeof fields.iso_checksum === 'string' ? fields.iso_checksum : '';
  return urls.map((url) => JSON.stringify([url, checksum]));
}

export function isEmpty(req: CacheRequirements): boolean {
  return req.plugins.length === 0 && req.downloads.length === 0;
}

export function cacheKeys(req: CacheRequirements, platform: string, arch: string): CacheKeys {
  const prefix = `kiln-${platform}-${arch}-`;
  const plugins = `${prefix}${listHash(req.plugins)}-`;
  return { key: `${plugins}${listHash(req.downloads)}`, restoreKeys: [plugins, prefix] };
}

/** The first 16 hex digits of the SHA-256 of the lines, each ended by "\n". */
export function listHash(lines: readonly string[]): string {
  const hash = createHash('sha256');
  for (const line of lines) hash.update(`${line}\n`);
  return hash.digest('hex').slice(0, 16);
}

function sortedUnique(lines: readonly string[]): string[] {
  return [...new Set(lines)].sort();
}
