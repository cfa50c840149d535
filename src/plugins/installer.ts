import { copyFile, mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseGoVersion, checkConstraints, type GoVersion } from '../template/version-constraint.js';
import {
  CHECKSUM_FILE_SUFFIX,
  checksumMismatch,
  matchesChecksumFile,
  parseChecksumFile,
  parseHexChecksum,
  writeHashed,
} from './checksums.js';
import { describePlugin, type Describe } from './describe.js';
import { compareVersions, pluginInstallDir, type Installation } from './layout.js';
import { checkProtocolVersion, type BinaryPlatform } from './platform.js';
import type { ReleaseSource } from './releases.js';
import type { PluginRequirement } from './requirement.js';
import { extractZipEntry } from './unzip.js';

/*
 * Requirement.InstallLatest (plugin-getter/plugins.go) with the GitHub getter:
 * the releases of OWNER/packer-plugin-NAME whose versions meet the
 * constraints are tried from the highest down. For each, the release's
 * `packer-plugin-NAME_vX.Y.Z_SHA256SUMS` names the zip for this OS, architecture
 * and API version; a binary already installed with a matching `_SHA256SUM` ends
 * the search (unless forced). The zip is streamed to a temporary file through
 * SHA-256 and checked against the sums before it is opened; the binary must
 * `describe` itself as the version its name says; then it is moved into Packer's
 * layout with its `_SHA256SUM`. Nothing is written to the plugin directory
 * before every check passed, and temporary files are always removed, on an
 * interrupt too.
 */

export interface InstallOptions {
  readonly pluginDir: string;
  readonly platform: BinaryPlatform;
  readonly releases: ReleaseSource;
  /** Reinstall even when the chosen version is installed. */
  readonly force?: boolean;
  /** Where the download and the extracted binary wait for their checks. */
  readonly tmpDir: string;
  readonly describe?: Describe;
  /** The interrupt: no further version is tried once it aborted (the release source aborts its requests). */
  readonly signal?: AbortSignal;
}

/** A failed installation; its message lists every error as go-multierror does. */
export class InstallError extends Error {
  constructor(readonly errors: readonly string[]) {
    super(multiErrorText(errors));
  }
}

export function multiErrorText(errors: readonly string[]): string {
  if (errors.length === 1) return `1 error occurred:\n\t* ${errors[0]}\n\n`;
  return `${errors.length} errors occurred:\n\t${errors.map((e) => `* ${e}`).join('\n\t')}\n\n`;
}

/** Thrown inside one attempt: `fatal` ends the installation, else the next candidate is tried. */
class AttemptError extends Error {
  constructor(
    message: string,
    readonly fatal = false,
  ) {
    super(message);
  }
}

/** The installed binary, or undefined when the version to install was already installed. */
export async function installLatest(req: PluginRequirement, opts: InstallOptions): Promise<Installation | undefined> {
  const errors: string[] = [];
  const { id } = req;
  if (id.parts.length !== 3) {
    throw new InstallError([
      `Invalid github.com URI ${JSON.stringify(id.source)}: a Github-compatible source must be in the github.com/<namespace>/<name> format.`,
    ]);
  }
  if (id.parts[0] !== 'github.com') {
    throw new InstallError([
      `${JSON.stringify(id.source)} doesn't appear to be a valid "github.com" source address; check source and try again.`,
    ]);
  }
  let releases;
  try {
    releases = await opts.releases.listReleases(id.parts[1]!, `packer-plugin-${id.name}`);
  } catch (e) {
    throw new InstallError([(e as Error).message]);
  }
  const candidates: { version: GoVersion; assets: ReadonlyMap<string, string> }[] = [];
  if (releases.length === 0) errors.push('no release found');
  for (const release of releases) {
    const version = parseGoVersion(release.tag);
    if (!version) {
      errors.push(`could not parse release version ${release.tag}. Malformed version: ${release.tag}`);
      continue;
    }
    if (checkConstraints(req.constraints, version)) candidates.push({ version, assets: release.assets });
  }
  if (releases.length > 0 && candidates.length === 0) {
    errors.push(`no matching version found in releases. In [${releases.map((r) => `{${r.tag}}`).join(' ')}]`);
  }
  candidates.sort((a, b) => compareVersions(b.version, a.version));

  for (const { version, assets } of candidates) {
    if (opts.signal?.aborted) throw new InstallError(errors.length > 0 ? errors : ['context canceled']);
    const v = versionString(version);
    const sumsName = `packer-plugin-${id.name}_v${v}_SHA256SUMS`;
    const sumsUrl = assets.get(sumsName);
    let sums: string;
    try {
      if (!sumsUrl) throw new Error(`the release has no asset named ${JSON.stringify(sumsName)}`);
      sums = await readAll(await opts.releases.download(sumsUrl));
    } catch (e) {
      errors.push(
        `could not get sha256 checksum file for ${id.source} version ${v}. Is the file present on the release and correctly named ? ${(e as Error).message}`,
      );
      continue;
    }
    for (const entry of parseChecksumFile(sums)) {
      if (entry.filename.endsWith('.json')) continue;
      const parsed = parseAssetName(entry.filename, id.name);
      if (typeof parsed === 'string') {
        errors.push(`could not parse checksum filename ${entry.filename}. Is it correctly formatted ? ${parsed}`);
        continue;
      }
      if (
        parsed.version !== `v${v}` ||
        parsed.os !== opts.platform.os ||
        parsed.arch !== opts.platform.arch ||
        checkProtocolVersion(parsed.api) !== undefined
      )
        continue;
      let expected: Buffer;
      try {
        expected = parseHexChecksum(entry.checksum);
      } catch (e) {
        errors.push(
          `could not parse sha256 checksum: ${(e as Error).message}. Make sure the checksum file contains the checksum and only the checksum`,
        );
        continue;
      }
      const binaryName = `packer-plugin-${id.parts[2]}_${parsed.version}_${parsed.api}_${parsed.os}_${parsed.arch}${opts.platform.ext}`;
      const outputFile = join(pluginInstallDir(opts.pluginDir, id), binaryName);
      if (!opts.force && (await matchesChecksumFile(outputFile))) return undefined;
      const zipUrl = assets.get(entry.filename);
      try {
        if (!zipUrl) throw new AttemptError(`the release has no asset named ${JSON.stringify(entry.filename)}`);
        await attempt({ url: zipUrl, expected, binaryName, outputFile, version, source: id.source }, opts);
        return { binaryPath: outputFile.replaceAll('\\', '/'), version: `v${v}`, apiVersion: parsed.api };
      } catch (e) {
        if (!(e instanceof AttemptError)) throw e;
        errors.push(e.message);
        if (e.fatal || opts.signal?.aborted) throw new InstallError(errors);
      }
    }
  }
  if (candidates.length === 0) {
    if (errors.length === 0)
      errors.push(`no release version found for constraints: ${JSON.stringify(req.constraintText)}`);
    throw new InstallError(errors);
  }
  if (errors.length === 0) {
    errors.push(
      `could not find a local nor a remote checksum for plugin ${JSON.stringify(id.source)} ${JSON.stringify(req.constraintText)}`,
    );
  }
  errors.push(`could not install any compatible version of plugin ${JSON.stringify(id.source)}`);
  throw new InstallError(errors);
}

interface Attempt {
  readonly url: string;
  readonly expected: Buffer;
  readonly binaryName: string;
  readonly outputFile: string;
  readonly version: GoVersion;
  readonly source: string;
}

/** Download, verify, extract, describe, install: one zip of one version. */
async function attempt(a: Attempt, opts: InstallOptions): Promise<void> {
  let work: string;
  try {
    work = await mkdtemp(join(opts.tmpDir, 'kiln-plugin-'));
  } catch (e) {
    throw new AttemptError(`could not create temporary file to download plugin: ${(e as Error).message}`, true);
  }
  try {
    const zipPath = join(work, 'plugin.zip');
    let actual: Buffer;
    try {
      actual = await writeHashed(await opts.releases.download(a.url), zipPath, 0o600);
    } catch (e) {
      // A download cut by the interrupt fails as Go's does once its context is cancelled.
      const cause = (e as Error).name === 'AbortError' ? 'context canceled' : (e as Error).message;
      throw new AttemptError(
        `could not get binary for ${a.source} version ${versionString(a.version)}. Is the file present on the release and correctly named ? ${cause}`,
      );
    }
    if (!actual.equals(a.expected)) {
      throw new AttemptError(
        `${checksumMismatch(a.expected, actual)}. Is the checksum file correct ? Is the binary file correct ?`,
      );
    }
    const binaryPath = join(work, a.binaryName);
    let binarySum: Buffer | undefined;
    try {
      binarySum = await extractZipEntry(zipPath, a.binaryName, binaryPath);
    } catch (e) {
      throw new AttemptError(`zip : ${(e as Error).message}`, true);
    }
    if (!binarySum) throw new AttemptError(`could not find a ${JSON.stringify(a.binaryName)} file in zipfile`, true);
    await checkDescribedVersion(binaryPath, a, opts.describe ?? describePlugin);
    try {
      await moveIntoPlace(binaryPath, a.outputFile, binarySum);
    } catch (e) {
      throw new AttemptError(`could not create final plugin binary file: ${(e as Error).message}`, true);
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** checkVersion: the binary must report the release's version, and not a pre-release. */
async function checkDescribedVersion(binaryPath: string, a: Attempt, describe: Describe): Promise<void> {
  const expected = versionString(a.version);
  let reported: string;
  try {
    reported = (await describe(binaryPath)).version;
  } catch (e) {
    throw new AttemptError(
      `Continuing to next available version: failed to describe plugin binary ${JSON.stringify(binaryPath)}: ${(e as Error).message}`,
    );
  }
  const described = parseGoVersion(reported);
  if (!described) {
    throw new AttemptError(
      `Continuing to next available version: invalid self-reported version ${JSON.stringify(reported)}: Malformed version: ${reported}`,
    );
  }
  if (compareVersions({ ...described, prerelease: '' }, { ...a.version, prerelease: '' }) !== 0) {
    throw new AttemptError(
      `Continuing to next available version: binary reported version (${JSON.stringify(reported)}) is different from the expected ${JSON.stringify(expected)}, skipping`,
    );
  }
  const pre = a.version.prerelease ? expected : described.prerelease ? versionString(described) : undefined;
  if (pre !== undefined) {
    throw new AttemptError(
      `binary reported a pre-release version of ${pre}\n` +
        'Remote installation of pre-release plugin versions is unsupported.\n' +
        'This is likely an upstream issue, which should be reported.\n' +
        'If you require this specific version of the plugin, download the binary and install it manually.\n' +
        `\nkiln plugins install --path '<plugin_binary>' ${a.source}`,
      true,
    );
  }
}

/**
 * The binary goes in under a temporary name and is renamed over the final one,
 * so a running copy of an older binary is never written to; its `_SHA256SUM`
 * follows.
 */
export async function moveIntoPlace(binaryPath: string, outputFile: string, sum: Buffer): Promise<void> {
  const dir = join(outputFile, '..');
  await mkdir(dir, { recursive: true, mode: 0o755 });
  const staged = `${outputFile}.kiln-${process.pid}`;
  try {
    await copyFile(binaryPath, staged);
    await rename(staged, outputFile);
  } finally {
    await rm(staged, { force: true });
  }
  await writeFile(outputFile + CHECKSUM_FILE_SUFFIX, sum.toString('hex'), { mode: 0o644 });
}

/** go-version's Version.String(): segments, then "-pre-release". */
function versionString(v: GoVersion): string {
  return `${v.segments.join('.')}${v.prerelease ? `-${v.prerelease}` : ''}`;
}

/** The github getter's Init: `packer-plugin-NAME_vX.Y.Z_xA.B_OS_ARCH.zip`, or the error text. */
function parseAssetName(
  filename: string,
  name: string,
): { version: string; api: string; os: string; arch: string } | string {
  const prefix = `packer-plugin-${name}_`;
  let rest = filename.startsWith(prefix) ? filename.slice(prefix.length) : filename;
  const dot = rest.lastIndexOf('.');
  if (dot > 0 && !rest.slice(dot).includes('/')) rest = rest.slice(0, dot);
  const parts = rest.split('_');
  if (parts.length < 4) return `malformed filename expected ${prefix}{version}_x{protocol-version}_{os}_{arch}`;
  return { version: parts[0]!, api: parts[1]!, os: parts[2]!, arch: parts[3]! };
}

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}
