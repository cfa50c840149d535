import { describe, expect, it } from 'vitest';
import { pluginCommand } from '../../../src/plugins/bridge/command.js';

describe('pluginCommand', () => {
  it.each([
    ['/p/packer-builder-null', undefined, { path: '/p/packer-builder-null', args: [], name: 'packer-builder-null' }],
    [
      '/p/packer-plugin-azure_v2.0.0_x5.0_linux_amd64',
      { kind: 'builder', name: 'arm' } as const,
      {
        path: '/p/packer-plugin-azure_v2.0.0_x5.0_linux_amd64',
        args: ['start', 'builder', 'arm'],
        name: 'packer-plugin-azure_v2.0.0_x5.0_linux_amd64 builder arm',
      },
    ],
  ])('%s %o', (path, component, expected) => {
    expect(pluginCommand(path, component)).toEqual(expected);
  });
});
