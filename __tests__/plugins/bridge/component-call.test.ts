import { afterEach, describe, expect, it } from 'vitest';
import { Value } from '../../../src/eval/value.js';
import { prepareComponent, wireConfigs } from '../../../src/plugins/bridge/component-call.js';
import { pluginConfig } from '../../../src/plugins/spec/component.js';
import { childProcesses, packerPlugin } from './support.js';

const text = (bytes: unknown) => Buffer.from(bytes as Uint8Array).toString();

describe('wireConfigs', () => {
  const value = Value.object({ output: Value.string('m.json') });

  it('sends a legacy config as a map after the variables', () => {
    expect(wireConfigs({ packer_build_name: 'b' }, { output: 'm.json' }, 'p')).toEqual([
      { packer_build_name: 'b' },
      { output: 'm.json' },
    ]);
    expect(wireConfigs({}, undefined, 'p')).toEqual([{}, {}]);
    expect(() => wireConfigs({}, 'text', 'p')).toThrow('p: the configuration must be an object');
  });

  it('sends an HCL2 config as cty JSON bytes, its planned variables and added keys over the given ones', () => {
    const config = {
      ...pluginConfig({ variables: { packer_build_name: 'x', packer_force: 'false' }, value }),
      packer_force: true,
    };
    const [variables, cty, ...rest] = wireConfigs({ packer_build_name: 'b', packer_builder_type: 'null' }, config, 'p');
    expect(variables).toEqual({ packer_build_name: 'x', packer_builder_type: 'null', packer_force: true });
    expect(cty).toBeInstanceOf(Uint8Array);
    expect(text(cty)).toBe('{"value":{"output":"m.json"},"type":["object",{"output":"string"}]}');
    expect(rest).toEqual([]);
  });

  it("sends a provisioner's override third", () => {
    const config = pluginConfig({ variables: {}, value, override: { environment_vars: ['A=1'] } });
    expect(wireConfigs({}, config, 'p').slice(2)).toEqual([{ environment_vars: ['A=1'] }]);
  });
});

describe('prepareComponent (Packer 1.6.6 plugins)', () => {
  afterEach(async () => {
    expect(await childProcesses()).toEqual([]);
  });

  it("returns a builder's generated variables and warnings", async () => {
    const reply = await prepareComponent(packerPlugin('packer-builder-null'), 'builder', [
      {},
      { communicator: 'none' },
    ]);
    expect(reply).toEqual({ generatedVars: [], warnings: [] });
  });

  it("returns the error of a provisioner's Prepare, which comes back as the call's error", async () => {
    const reply = await prepareComponent(packerPlugin('packer-provisioner-shell-local'), 'provisioner', [{}, {}]);
    expect(reply).toEqual({
      generatedVars: [],
      warnings: [],
      error: '1 error(s) occurred:\n\n* Command, Inline, Script and Scripts options cannot all be empty.',
    });
  });

  it("returns the error of a post-processor's Configure", async () => {
    const reply = await prepareComponent(packerPlugin('packer-post-processor-shell-local'), 'post-processor', [
      {},
      { inline: ['a'], script: 'b' },
    ]);
    expect(reply.error).toBe(
      '1 error(s) occurred:\n\n* You may only specify one of the following options: Command, Inline, Script or Scripts. Please consolidate these options in your config.',
    );
  });
});
