import { describe, expect, it } from 'vitest';
import { Value } from '../../../src/eval/value.js';
import type { PluginProcess } from '../../../src/plugins/bridge/plugin-process.js';
import { hclPluginConfig, pluginConfig, preparedPlugin, sameInstance } from '../../../src/plugins/spec/component.js';

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

describe('sameInstance', () => {
  const value = Value.object({ output: Value.string('m.json') });
  const again = Value.object({ output: Value.string('again.json') });
  // Only its identity matters here: the run finds the process the plan prepared the use on.
  const plugin = { name: 'packer-post-processor-manifest' } as PluginProcess;

  it('gives a config decoded again the process its use was prepared on, keeping its own value', () => {
    const planned = pluginConfig({ variables: {}, value, instance: { plugin } });
    const decoded = pluginConfig({ variables: {}, value: again, instance: {} });
    const run = sameInstance(planned, decoded);
    expect(preparedPlugin(run)).toBe(plugin);
    expect(hclPluginConfig(run)?.value).toBe(again);
    expect(preparedPlugin(decoded)).toBeUndefined();
  });

  it('leaves a legacy map, and a config whose planned one belongs to no use, as they are', () => {
    const planned = pluginConfig({ variables: {}, value, instance: { plugin } });
    const map = { output: 'm.json' };
    expect(sameInstance(planned, map)).toBe(map);
    const decoded = pluginConfig({ variables: {}, value: again, instance: {} });
    expect(sameInstance(pluginConfig({ variables: {}, value }), decoded)).toBe(decoded);
  });
});
