import { rm } from 'node:fs/promises';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { releasePlugins } from '../../../src/plugins/bridge/retained.js';
import { lookupComponent, isPluginComponent } from '../../../src/components/registry.js';
import type { Range } from '../../../src/hcl/range.js';
import type { LocatedComponentUse } from '../../../src/template/component-types.js';
import { BoolType, mapOf, StringType } from '../../../src/eval/types.js';
import { Value } from '../../../src/eval/value.js';
import { discoverPlugins } from '../../../src/plugins/resolve.js';
import { pluginConfig } from '../../../src/plugins/spec/component.js';
import { impliedType } from '../../../src/plugins/spec/decode-body.js';
import { fetchConfigSpec, pluginComponentResolver } from '../../../src/plugins/spec/fetch.js';
import { childProcesses, installedPlugin, packerPlugin, script, tempDir } from '../bridge/support.js';

/* Specs fetched from Packer 1.6.6's built-in components run as plugins (gob specs). */

let dir: string;

beforeAll(async () => {
  dir = await tempDir();
  await installedPlugin(dir, 'packer-post-processor-manifest');
  await installedPlugin(dir, 'packer-builder-azure-arm');
  await script(dir, 'packer-builder-broken', 'echo not a plugin; exit 3');
});

afterEach(async () => {
  // The resolver keeps each spec's process for the component's first use, until released.
  await releasePlugins();
  expect(await childProcesses()).toEqual([]);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('fetchConfigSpec', () => {
  it("returns the post-processor's spec, every key an attribute of its type", async () => {
    const spec = await fetchConfigSpec(packerPlugin('packer-post-processor-manifest'), 'post-processor');
    expect([...spec.properties.keys()]).toEqual([
      'custom_data',
      'output',
      'packer_build_name',
      'packer_builder_type',
      'packer_core_version',
      'packer_debug',
      'packer_force',
      'packer_on_error',
      'packer_sensitive_variables',
      'packer_user_variables',
      'strip_path',
      'strip_time',
    ]);
    expect(spec.properties.get('custom_data')).toEqual({
      kind: 'attr',
      name: 'custom_data',
      type: mapOf(StringType),
      required: false,
    });
    expect(spec.properties.get('strip_path')).toEqual({
      kind: 'attr',
      name: 'strip_path',
      type: BoolType,
      required: false,
    });
  });

  it('names the plugin when it does not start', async () => {
    await expect(
      fetchConfigSpec({ path: `${dir}/packer-builder-broken`, args: [], name: 'broken' }, 'builder'),
    ).rejects.toThrow(/^Failed to start plugin broken: /);
  });
});

describe('pluginComponentResolver', () => {
  const env = (extra: Record<string, string> = {}) => ({ PACKER_PLUGIN_PATH: dir, ...extra });
  const catalog = (e: Record<string, string>) =>
    discoverPlugins({ env: e, cwd: dir, resolved: [], executableDir: dir });

  it('gives the plugin components the template uses their spec; Kiln keeps its own otherwise', async () => {
    const e = env();
    const resolve = pluginComponentResolver(await catalog(e), e, { env: { ...process.env, ...e } });
    const { lookup, diags } = await resolve([
      { kind: 'builder', type: 'azure-arm' },
      { kind: 'post-processor', type: 'manifest' },
      { kind: 'builder', type: 'null' },
    ]);
    expect(diags).toEqual([]);
    const azure = lookup('builder', 'azure-arm');
    expect(azure && isPluginComponent(azure) && azure.spec.properties.get('image_sku')).toEqual({
      kind: 'attr',
      name: 'image_sku',
      type: StringType,
      required: false,
    });
    // Kiln runs manifest itself unless KILN_PREFER_PLUGINS says otherwise.
    expect(lookup('post-processor', 'manifest')).toBe(lookupComponent('post-processor', 'manifest'));
    expect(lookup('builder', 'null')).toBe(lookupComponent('builder', 'null'));
  });

  it("prepares through the plugin: the Prepare error's text comes back", async () => {
    const e = env({ KILN_PREFER_PLUGINS: 'post-processor.manifest' });
    const resolve = pluginComponentResolver(await catalog(e), e, { env: { ...process.env, ...e } });
    const { lookup } = await resolve([
      { kind: 'builder', type: 'azure-arm' },
      { kind: 'post-processor', type: 'manifest' },
    ]);
    const azure = lookup('builder', 'azure-arm');
    if (!azure || !isPluginComponent(azure)) throw new Error('azure-arm is not a plugin component');
    // What decoding an empty body gives: every key null, of its type.
    const value = Value.object(new Map([...azure.spec.properties].map(([k, s]) => [k, Value.null(impliedType(s))])));
    const reply = await azure.prepare(pluginConfig({ variables: { packer_build_name: 'x' }, value }));
    expect(reply.error?.split('\n')[0]).toBe('10 error(s) occurred:');
    expect(reply.generatedVars).toEqual([]);
    const manifest = lookup('post-processor', 'manifest');
    expect(manifest && isPluginComponent(manifest)).toBe(true);
  });

  it('reports a plugin that cannot give its spec as Packer reports a component it cannot start', async () => {
    const e = env();
    const resolve = pluginComponentResolver(await catalog(e), e, { env: { ...process.env, ...e } });
    const { lookup, diags } = await resolve([{ kind: 'builder', type: 'broken' }]);
    expect(diags.map((d) => [d.severity, d.summary, d.detail?.split('\n')[0], d.subject])).toEqual([
      [
        'error',
        'Failed to load source type',
        'Failed to start plugin packer-builder-broken: Unrecognized remote plugin message: not a plugin',
        undefined,
      ],
    ]);
    // A stand-in keeps the type from being called unknown too; it only fails.
    const broken = lookup('builder', 'broken');
    expect(broken && isPluginComponent(broken) ? [...broken.spec.properties.keys()] : undefined).toEqual([]);
  });

  it('reports the failure at each place the use is written', async () => {
    const e = env();
    const resolve = pluginComponentResolver(await catalog(e), e, { env: { ...process.env, ...e } });
    const at = (line: number): Range => ({
      filename: 't.pkr.hcl',
      start: { line, column: 3, byte: 0 },
      end: { line, column: 10, byte: 7 },
    });
    const uses: LocatedComponentUse[] = [{ kind: 'builder', type: 'broken', subjects: [at(1), at(4)] }];
    const { diags } = await resolve(uses);
    expect(diags.map((d) => [d.summary, d.subject])).toEqual([
      ['Failed to load source type', at(1)],
      ['Failed to load source type', at(4)],
    ]);
  });
});
