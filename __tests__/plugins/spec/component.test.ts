import { describe, expect, it } from 'vitest';
import { Value } from '../../../src/eval/value.js';
import { hclPluginConfig, pluginConfig } from '../../../src/plugins/spec/component.js';

describe('pluginConfig', () => {
  const value = Value.object({ output: Value.string('m.json') });
  const config = pluginConfig({ variables: { packer_build_name: 'x' }, value });

  it('is found again in the config, and in a spread copy with keys added (the chain adds packer_force)', () => {
    expect(hclPluginConfig(config)?.value).toBe(value);
    const copy = { ...config, packer_force: true };
    expect(hclPluginConfig(copy)).toEqual({ variables: { packer_build_name: 'x' }, value });
    expect(Object.keys(copy)).toEqual(['packer_force']);
  });

  it.each([undefined, null, 'x', { output: 'm.json' }])('is not found in %j', (other) => {
    expect(hclPluginConfig(other)).toBeUndefined();
  });
});
