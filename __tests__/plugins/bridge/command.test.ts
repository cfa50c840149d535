import { describe, expect, it } from 'vitest';
import { pluginCommand, specEncodingOf } from '../../../src/plugins/bridge/command.js';

describe('pluginCommand', () => {
  const azure = '/p/packer-plugin-azure_v2.0.0_x5.0_linux_amd64';
  it.each([
    ['/p/packer-builder-null', undefined, { path: '/p/packer-builder-null', args: [], name: 'packer-builder-null' }],
    [
      azure,
      { kind: 'builder', name: 'arm' } as const,
      {
        path: azure,
        args: ['start', 'builder', 'arm'],
        name: 'packer-plugin-azure_v2.0.0_x5.0_linux_amd64 builder arm',
      },
    ],
    [
      azure,
      { kind: 'builder', name: 'arm', protobuf: false } as const,
      {
        path: azure,
        args: ['start', 'builder', 'arm'],
        name: 'packer-plugin-azure_v2.0.0_x5.0_linux_amd64 builder arm',
      },
    ],
    [
      azure,
      { kind: 'datasource', name: '-packer-default-plugin-name-', protobuf: true } as const,
      {
        path: azure,
        args: ['start', 'datasource', '--protobuf', '-packer-default-plugin-name-'],
        name: 'packer-plugin-azure_v2.0.0_x5.0_linux_amd64 datasource -packer-default-plugin-name-',
      },
    ],
  ])('%s %o', (path, component, expected) => {
    expect(pluginCommand(path, component)).toEqual(expected);
  });
});

describe('specEncodingOf', () => {
  it.each([
    [pluginCommand('/p/packer-builder-null'), 'gob'],
    [pluginCommand('/p/packer-plugin-x', { kind: 'builder', name: 'a' }), 'gob'],
    [pluginCommand('/p/packer-plugin-x', { kind: 'builder', name: 'a', protobuf: true }), 'protobuf'],
  ])('%o speaks %s', (command, encoding) => {
    expect(specEncodingOf(command)).toBe(encoding);
  });
});
