import { lstat, readdir } from 'node:fs/promises';
import { basename, dirname, join, relative, sep } from 'node:path';
import {
  checkConstraints,
  parseGoVersion,
  type GoVersion,
  type VersionConstraintTerm,
} from '../template/version-constraint.js';
import { matchesChecksumFile } from './checksums.js';
import { describePlugin, type Describe } from './describe.js';
import type { PluginIdentifier } from './identifier.js';
import { checkProtocolVersion, filenameSuffix, type BinaryPlatform } from './platform.js';

/*
 * Installed plugins in Packer's layout (plugin-getter/plugins.go
 * ListInstallations): <plugin dir>/<host>/<owner>/<name>/
 * packer-plugin-<name>_v<X.Y.Z>_x<API>_<os>_<arch>, each with its `_SHA256SUM`.
 * A binary counts only when its checksum file matches, its name is canonical,
 * `describe` reports the same version and API version, and its API version is
 * one Kiln speaks. Packer and Kiln read the same directory.
 */

export interface Installation {
  readonly binaryPath: string;
  /** "v1.2.3" */
  readonly version: string;
  /** "x5.0" */
  readonly apiVersion: string;
}

export interface ListOptions {
  readonly pluginDir: string;
  readonly platform: BinaryPlatform;
  /** Ignore x.y.z-dev binaries (validate/build -ignore-prerelease-plugins; init). */
  readonly releasesOnly?: boolean;
  /** Skip the API version check (`plugins installed` and `remove` list every binary). */
  readonly anyApiVersion?: boolean;
  readonly describe?: Describe;
}

const MAX_DEPTH = 16;

/** "packer-plugin-NAME_" for one plugin; "packer-plugin-" for every plugin. */
function filenamePrefix(id: PluginIdentifier | undefined): string {
  return id ? `packer-plugin-${id.name}_` : 'packer-plugin-';
}

/** Where a plugin's binaries are installed. */
export function pluginInstallDir(pluginDir: string, id: PluginIdentifier): string {
  return join(pluginDir, ...id.parts);
}

/** ListInstallations: the matching binaries, sorted by name then ascending version. */
export async function listInstallations(
  id: PluginIdentifier | undefined,
  constraints: readonly VersionConstraintTerm[],
  opts: ListOptions,
): Promise<Installation[]> {
  const describe = opts.describe ?? describePlugin;
  const prefix = filenamePrefix(id);
  const suffix = filenameSuffix(opts.platform);
  const root = id ? join(opts.pluginDir, dirname(id.parts.join('/'))) : opts.pluginDir;
  const found: { install: Installation; version: GoVersion }[] = [];
  for (const path of await walkFiles(root)) {
    const name = basename(path);
    if (dirname(path) === opts.pluginDir || !name.startsWith(prefix) || !name.endsWith(suffix)) continue;
    if (relative(opts.pluginDir, dirname(path)).split(sep).filter(Boolean).length > MAX_DEPTH) continue;
    if (!(await matchesChecksumFile(path))) continue;
    let versions = name.slice(prefix.length, name.length - suffix.length);
    if (!id && versions.indexOf('_') > 0) versions = versions.slice(versions.indexOf('_') + 1);
    const underscore = versions.indexOf('_');
    if (underscore < 0) continue;
    const versionText = versions.slice(0, underscore);
    const apiText = versions.slice(underscore + 1);
    const version = canonicalVersion(versionText);
    if (!version || (version.prerelease && opts.releasesOnly)) continue;
    let described;
    try {
      described = await describe(path);
    } catch {
      continue;
    }
    const reported = parseGoVersion(described.version);
    if (!reported || compareVersions(reported, version) !== 0 || described.api_version !== apiText) continue;
    if (!checkConstraints(constraints, { ...version, prerelease: '' })) continue;
    if (!opts.anyApiVersion && checkProtocolVersion(apiText) !== undefined) continue;
    found.push({ install: { binaryPath: path, version: versionText, apiVersion: described.api_version }, version });
  }
  found.sort((a, b) => {
    const an = rawPluginName(a.install.binaryPath);
    const bn = rawPluginName(b.install.binaryPath);
    if (an !== bn) return an < bn ? -1 : 1;
    return compareVersions(a.version, b.version) || compareApi(a.install.apiVersion, b.install.apiVersion);
  });
  return found.map((f) => f.install);
}

/** A "vX.Y.Z[-pre]" file-name version, as go-version prints it back; no build metadata. */
function canonicalVersion(text: string): GoVersion | undefined {
  const v = parseGoVersion(text);
  if (!v || text.includes('+')) return undefined;
  const printed = `v${v.segments.join('.')}${v.prerelease ? `-${v.prerelease}` : ''}`;
  return printed === text ? v : undefined;
}

function rawPluginName(path: string): string {
  return /packer-plugin-[^_]+/.exec(basename(path))?.[0] ?? '';
}

function compareApi(a: string, b: string): number {
  const [amaj = 0, amin = 0] = a.replace(/^x/, '').split('.').map(Number);
  const [bmaj = 0, bmin = 0] = b.replace(/^x/, '').split('.').map(Number);
  return amaj - bmaj || amin - bmin;
}

/** Semantic version order: numeric segments, then a pre-release before its release. */
export function compareVersions(a: GoVersion, b: GoVersion): number {
  for (let i = 0; i < Math.max(a.segments.length, b.segments.length); i++) {
    const d = (a.segments[i] ?? 0) - (b.segments[i] ?? 0);
    if (d !== 0) return Math.sign(d);
  }
  if (a.prerelease === b.prerelease) return 0;
  if (!a.prerelease) return 1;
  if (!b.prerelease) return -1;
  return a.prerelease < b.prerelease ? -1 : 1;
}

/** Every non-directory entry under `root` (symbolic links not followed); none when it does not exist. */
async function walkFiles(root: string): Promise<string[]> {
  try {
    await lstat(root);
  } catch {
    return [];
  }
  const files: string[] = [];
  const visit = async (dir: string): Promise<void> => {
    const entries = await readdir(dir, { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const path = join(dir, e.name);
      if (e.isDirectory()) await visit(path);
      else files.push(path);
    }
  };
  await visit(root);
  return files;
}
