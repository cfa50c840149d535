import { describe, expect, it } from 'vitest';
import { chooseSpecEncoding, forcesGob, type ProtocolSource } from '../../../src/plugins/spec/protocol.js';

const v2: ProtocolSource = { protocol_version: 'v2' };
const older: ProtocolSource = {};
const single: ProtocolSource = null;

describe('chooseSpecEncoding', () => {
  it.each<[string, ProtocolSource[], Record<string, string>, 'gob' | 'protobuf']>([
    ['every plugin v2', [v2, v2], {}, 'protobuf'],
    ['no plugin at all', [], {}, 'protobuf'],
    ['one plugin from an SDK before v2', [v2, older], {}, 'gob'],
    ['an unknown protocol version', [v2, { protocol_version: 'v3' }], {}, 'gob'],
    ['a single-component binary in use', [v2, single], {}, 'gob'],
    ['PACKER_FORCE_GOB=1', [v2], { PACKER_FORCE_GOB: '1' }, 'gob'],
    ['PACKER_FORCE_GOB=true', [v2], { PACKER_FORCE_GOB: 'true' }, 'gob'],
    ['PACKER_FORCE_GOB=0 (not set)', [v2], { PACKER_FORCE_GOB: '0' }, 'protobuf'],
    ['PACKER_FORCE_GOB empty (not set)', [v2], { PACKER_FORCE_GOB: '' }, 'protobuf'],
  ])('%s', (_, sources, env, expected) => {
    expect(chooseSpecEncoding(sources, env)).toBe(expected);
  });
});

describe('forcesGob', () => {
  it.each([
    [undefined, false],
    ['', false],
    ['0', false],
    ['1', true],
    ['no', true],
  ])('PACKER_FORCE_GOB=%s', (value, expected) => {
    expect(forcesGob({ PACKER_FORCE_GOB: value })).toBe(expected);
  });
});
