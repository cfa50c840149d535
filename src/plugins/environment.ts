import { tmpdir } from 'node:os';
import { pluginFolder } from './plugin-folder.js';
import { hostPlatform, type BinaryPlatform } from './platform.js';

/*
 * What the plugin commands work with, from the process environment: the
 * plugin directory (Packer's, shared with it), this machine's platform, and
 * a temporary directory for downloads ($TMPDIR as Go's os.TempDir reads it).
 */

export interface PluginEnvironment {
  readonly pluginDir: string;
  readonly platform: BinaryPlatform;
  readonly tmpDir: string;
}

/** The environment, or the error Packer prints at start-up ("Error loading configuration: ..."). */
export function pluginEnvironment(env: Readonly<Record<string, string | undefined>>): PluginEnvironment | string {
  try {
    return { pluginDir: pluginFolder(env), platform: hostPlatform(), tmpDir: env['TMPDIR'] || tmpdir() };
  } catch (e) {
    return `Error loading configuration: \n\n${(e as Error).message}`;
  }
}
