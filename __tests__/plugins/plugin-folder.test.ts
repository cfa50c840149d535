import { describe, expect, it } from 'vitest';
import { pluginFolder } from '../../src/plugins/plugin-folder.js';

/* Packer's PluginFolder over pathing.ConfigDir (packer-plugin-sdk), case by case. */

describe('pluginFolder', () => {
  const none = () => false;
  it.each([
    [{ PACKER_PLUGIN_PATH: '/opt/plugins', HOME: '/home/u' }, '/opt/plugins'],
    [{ PACKER_CONFIG_DIR: '/cfg', HOME: '/home/u' }, '/cfg/.packer.d/plugins'],
    [{ HOME: '/home/u', XDG_CONFIG_HOME: '/xdg' }, '/xdg/packer/plugins'],
    [{ HOME: '/home/u' }, '/home/u/.config/packer/plugins'],
  ])('%j -> %s', (env, expected) => {
    expect(pluginFolder(env, 'linux', none)).toBe(expected);
  });

  it('prefers an existing ~/.packer.d over XDG_CONFIG_HOME', () => {
    const exists = (p: string) => p === '/home/u/.packer.d';
    expect(pluginFolder({ HOME: '/home/u', XDG_CONFIG_HOME: '/xdg' }, 'linux', exists)).toBe(
      '/home/u/.packer.d/plugins',
    );
  });

  it('uses APPDATA on Windows', () => {
    expect(pluginFolder({ APPDATA: '/appdata', HOME: '/home/u' }, 'win32', none)).toBe('/appdata/packer.d/plugins');
  });

  it('refuses several paths in PACKER_PLUGIN_PATH as Packer does', () => {
    expect(() => pluginFolder({ PACKER_PLUGIN_PATH: '/a:/b' }, 'linux', none)).toThrow(
      'Multiple paths are no longer supported for PACKER_PLUGIN_PATH.\n' +
        'This should be defined as one of the following options for your environment:\n' +
        '* PACKER_PLUGIN_PATH=/a\n* PACKER_PLUGIN_PATH=/b',
    );
  });

  it('needs HOME without PACKER_CONFIG_DIR', () => {
    expect(() => pluginFolder({}, 'linux', none)).toThrow(
      'No $HOME environment variable found, required to set Config Directory',
    );
  });
});
