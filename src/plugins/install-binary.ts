import { createReadStream } from 'node:fs';
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { isAbsolute, join, resolve } from 'node:path';
import { errorDiag, type Diagnostic } from '../hcl/diagnostics.js';
import { goQuote } from '../hcl/quote.js';
import { parseGoVersion } from '../template/version-constraint.js';
import { CHECKSUM_FILE_SUFFIX, writeHashed } from './checksums.js';
import { describePlugin, type Describe, type PluginDescription } from './describe.js';
import type { PluginIdentifier } from './identifier.js';
import { pluginInstallDir } from './layout.js';
import { filenameSuffix, type BinaryPlatform } from './platform.js';

/*
 * `plugins install -path BINARY SOURCE` (command/plugins_install.go
 * InstallFromBinary): a local binary that answers `describe` with a release
 * or -dev version is copied into Packer's layout under the name its
 * description gives, with its `_SHA256SUM`.
 */

export interface BinaryInstallOptions {
  readonly pluginDir: string;
  readonly platform: BinaryPlatform;
  readonly cwd: string;
  readonly describe?: Describe;
}

/** The installed path, or the diagnostic Packer writes. */
export async function installFromBinary(
  givenPath: string,
  sourceText: string,
  id: PluginIdentifier,
  opts: BinaryInstallOptions,
): Promise<{ binaryPath?: string; diag?: Diagnostic }> {
  const path = isAbsolute(givenPath) ? givenPath : resolve(opts.cwd, givenPath);
  const fail = (summary: string, detail: string) => ({ diag: errorDiag(summary, detail) });
  let isDir: boolean;
  try {
    isDir = (await stat(path)).isDirectory();
  } catch (e) {
    return fail(
      'Unable to find plugin to promote',
      `The plugin ${goQuote(sourceText)} failed to be opened because of an error: ${(e as Error).message}`,
    );
  }
  if (isDir) {
    return fail(
      'Plugin to promote cannot be a directory',
      'The packer plugin promote command can only install binaries, not directories',
    );
  }
  let desc: PluginDescription;
  try {
    desc = await (opts.describe ?? describePlugin)(path);
  } catch (e) {
    return fail('Failed to describe the plugin', `Packer failed to run ${path} describe: ${(e as Error).message}`);
  }
  // go-version's NewSemver: at most three numeric segments ("1.0" is 1.0.0), a pre-release only after "-".
  const version = /^v?\d+(\.\d+){0,2}([-+]|$)/.test(desc.version) ? parseGoVersion(desc.version) : undefined;
  if (!version) {
    return fail(
      'Invalid version',
      `Plugin's reported version (${goQuote(desc.version)}) is not semver-compatible: Malformed version: ${desc.version}`,
    );
  }
  if (version.prerelease !== '' && version.prerelease !== 'dev') {
    return fail(
      'Invalid version',
      `Packer can only install plugin releases with this command (ex: 1.0.0) or development pre-releases (ex: 1.0.0-dev), the binary's reported version is ${goQuote(desc.version)}`,
    );
  }
  const installDir = pluginInstallDir(opts.pluginDir, id);
  try {
    await mkdir(installDir, { recursive: true, mode: 0o755 });
  } catch (e) {
    return fail(
      'Failed to create output directory',
      `The installation directory ${goQuote(installDir)} failed to be created because of an error: ${(e as Error).message}`,
    );
  }
  const core = version.segments.slice(0, 3).join('.');
  const noMeta = version.prerelease ? `${core}-${version.prerelease}` : core;
  const binaryPath = join(
    installDir,
    `packer-plugin-${id.name}_v${noMeta}_${desc.api_version}${filenameSuffix(opts.platform)}`,
  );
  const staged = `${binaryPath}.kiln-${process.pid}`;
  let sum: Buffer;
  try {
    sum = await writeHashed(createReadStream(path), staged, 0o755);
    await rename(staged, binaryPath);
  } catch (e) {
    await rm(staged, { force: true });
    return fail(
      "Failed to copy plugin binary's contents",
      `Failed to copy plugin binary from ${goQuote(path)} to ${goQuote(binaryPath)}: ${(e as Error).message}`,
    );
  }
  const shasumPath = binaryPath + CHECKSUM_FILE_SUFFIX;
  try {
    await writeFile(shasumPath, sum.toString('hex'), { mode: 0o644 });
  } catch (e) {
    return fail(
      'Failed to create plugin SHA256SUM file',
      `Failed to create SHA256SUM file at ${goQuote(shasumPath)}: ${(e as Error).message}`,
    );
  }
  return { binaryPath };
}
