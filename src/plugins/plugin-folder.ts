import { existsSync } from 'node:fs';
import { join } from 'node:path';

/*
 * Where plugins are installed and looked up: Packer's PluginFolder
 * (packer/plugin_folders.go) over the SDK's pathing.ConfigDir. PACKER_PLUGIN_PATH
 * names one directory; else <config dir>/plugins, the config dir being
 * $PACKER_CONFIG_DIR/.packer.d, an existing ~/.packer.d, $XDG_CONFIG_HOME/packer
 * or ~/.config/packer (Windows: %APPDATA%\packer.d or $PACKER_CONFIG_DIR\packer.d).
 */

export function pluginFolder(
  env: Readonly<Record<string, string | undefined>>,
  platform: NodeJS.Platform = process.platform,
  exists: (path: string) => boolean = existsSync,
): string {
  const path = env['PACKER_PLUGIN_PATH'];
  if (path) {
    const sep = platform === 'win32' ? ';' : ':';
    if (path.includes(sep)) {
      const lines = path.split(sep).map((p) => `\n* PACKER_PLUGIN_PATH=${p}`);
      throw new Error(
        'Multiple paths are no longer supported for PACKER_PLUGIN_PATH.\n' +
          `This should be defined as one of the following options for your environment:${lines.join('')}`,
      );
    }
    return path;
  }
  return join(configDir(env, platform, exists), 'plugins');
}

function configDir(
  env: Readonly<Record<string, string | undefined>>,
  platform: NodeJS.Platform,
  exists: (path: string) => boolean,
): string {
  const windows = platform === 'win32';
  const packerDir = windows ? 'packer.d' : '.packer.d';
  if (env['PACKER_CONFIG_DIR']) return join(env['PACKER_CONFIG_DIR'], packerDir);
  const home = (windows ? env['APPDATA'] : undefined) || env['HOME'];
  if (!home) throw new Error('No $HOME environment variable found, required to set Config Directory');
  if (windows) return join(home, packerDir);
  if (exists(join(home, packerDir))) return join(home, packerDir);
  if (env['XDG_CONFIG_HOME']) return join(env['XDG_CONFIG_HOME'], 'packer');
  return join(home, '.config', 'packer');
}
