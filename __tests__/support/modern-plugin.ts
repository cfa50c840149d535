import { execFile } from 'node:child_process';
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { CHECKSUM_FILE_SUFFIX, sha256OfFile } from '../../src/plugins/checksums.js';
import { filenameSuffix, hostPlatform } from '../../src/plugins/platform.js';

/*
 * packer-plugin-kilntest: a multi-component plugin built from
 * packer-plugin-sdk's own sources (__tests__/support/modern-plugin, built by
 * scripts/modern-plugin.sh), so the bridge meets the SDK's real server: the
 * 4-field handshake, `describe`, `start KIND [--protobuf] NAME`, protobuf
 * specs and data sources. Its components (see main.go):
 *   builder        kilntest         (the plugin's default component)
 *   provisioner    kilntest-exec
 *   post-processor kilntest-report
 *   data source    kilntest-values
 */

const run = promisify(execFile);

export const MODERN_PLUGIN = {
  source: 'github.com/kiln-test/kilntest',
  name: 'kilntest',
  version: '0.0.1',
  apiVersion: 'x5.0',
  sdkVersion: '0.6.10',
} as const;

const SCRIPT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'scripts', 'modern-plugin.sh');
// A cold build (apt-get included) takes minutes on a slow runner; a cached one, a fraction of a second.
const BUILD_TIMEOUT_MS = 15 * 60_000;

let built: Promise<string> | undefined;

/** The plugin binary's path; built on first use (the script caches it across runs). */
export function modernPluginBinary(): Promise<string> {
  built ??= run('sh', [SCRIPT], { timeout: BUILD_TIMEOUT_MS, maxBuffer: 1 << 20 }).then(({ stdout }) => {
    const path = stdout.trim().split('\n').pop();
    if (!path) throw new Error(`${SCRIPT} printed no binary path`);
    return path;
  });
  return built;
}

/** The installed file name: packer-plugin-kilntest_v0.0.1_x5.0_OS_ARCH. */
export function modernPluginFilename(): string {
  const { name, version, apiVersion } = MODERN_PLUGIN;
  return `packer-plugin-${name}_v${version}_${apiVersion}${filenameSuffix(hostPlatform())}`;
}

/**
 * Installs the plugin into `pluginDir` (a PACKER_PLUGIN_PATH) in Packer's
 * layout, `github.com/kiln-test/kilntest/<file>` with its `_SHA256SUM`; gives
 * the installed binary's path.
 */
export async function installModernPlugin(pluginDir: string): Promise<string> {
  const binary = await modernPluginBinary();
  const dir = join(pluginDir, ...MODERN_PLUGIN.source.split('/'));
  await mkdir(dir, { recursive: true });
  const installed = join(dir, modernPluginFilename());
  await copyFile(binary, installed);
  const sum = await sha256OfFile(installed);
  await writeFile(installed + CHECKSUM_FILE_SUFFIX, sum.toString('hex'));
  return installed;
}
