import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BoolType, NumberType, StringType, listOf, mapOf, objectOf, type Type } from '../../../src/eval/types.js';
import { launchPlugin } from '../../../src/plugins/bridge/plugin-process.js';
import { decodeGobObjectSpec } from '../../../src/plugins/spec/gob-spec.js';
import type { AttrPluginSpec, ObjectPluginSpec, PluginSpec } from '../../../src/plugins/spec/model.js';
import { childProcesses, packerPlugin } from '../bridge/support.js';

/*
 * ConfigSpec in gob mode from Packer 1.6.6's built-in components run as real
 * plugins; the expected entries are those of the components' hcl2spec.go in
 * packer v1.6.6 (FlatConfig.HCL2Spec).
 */

afterEach(async () => {
  expect(await childProcesses()).toEqual([]);
});

const METHOD = {
  builder: 'Builder.ConfigSpec',
  provisioner: 'Provisioner.ConfigSpec',
  'post-processor': 'PostProcessor.ConfigSpec',
};

async function configSpecBytes(kind: keyof typeof METHOD, name: string): Promise<Uint8Array> {
  const plugin = await launchPlugin(packerPlugin(`packer-${kind}-${name}`));
  try {
    const reply = (await plugin.call(METHOD[kind], null, 30_000)) as { ConfigSpec?: unknown };
    if (!(reply.ConfigSpec instanceof Uint8Array)) throw new Error('no ConfigSpec bytes');
    return reply.ConfigSpec;
  } finally {
    await plugin.kill();
  }
}

const attr = (name: string, type: Type): AttrPluginSpec => ({ kind: 'attr', name, type, required: false });
const object = (...entries: (AttrPluginSpec | [string, PluginSpec])[]): ObjectPluginSpec => ({
  kind: 'object',
  properties: new Map(entries.map((e) => (Array.isArray(e) ? e : [e.name, e]))),
});
const blockList = (name: string, nested: PluginSpec): PluginSpec => ({
  kind: 'block-list',
  name,
  nested,
  minItems: 0,
  maxItems: 0,
});
const block = (name: string, nested: PluginSpec): PluginSpec => ({ kind: 'block', name, required: false, nested });

const packerCommon = [
  attr('packer_build_name', StringType),
  attr('packer_builder_type', StringType),
  attr('packer_core_version', StringType),
  attr('packer_debug', BoolType),
  attr('packer_force', BoolType),
  attr('packer_on_error', StringType),
  attr('packer_user_variables', mapOf(StringType)),
  attr('packer_sensitive_variables', listOf(StringType)),
];

interface Case {
  readonly kind: keyof typeof METHOD;
  readonly name: string;
  readonly count: number;
  readonly entries: readonly PluginSpec[];
  /** Block entries, checked whole (nested specs included): key -> spec. */
  readonly nested?: Readonly<Record<string, PluginSpec>>;
}

const cases: readonly Case[] = [
  {
    kind: 'builder',
    name: 'null',
    count: 57,
    entries: [
      ...packerCommon,
      attr('communicator', StringType),
      attr('ssh_port', NumberType),
      attr('ssh_host', StringType),
      attr('ssh_ciphers', listOf(StringType)),
      attr('ssh_private_key', listOf(NumberType)), // a []byte field
      attr('ssh_handshake_attempts', NumberType),
      attr('winrm_use_ssl', BoolType),
    ],
  },
  {
    kind: 'builder',
    name: 'docker',
    count: 86,
    entries: [
      attr('image', StringType),
      attr('commit', BoolType),
      attr('export_path', StringType),
      attr('changes', listOf(StringType)),
      attr('run_command', listOf(StringType)),
      attr('volumes', mapOf(StringType)),
      attr('pull', BoolType),
    ],
  },
  {
    kind: 'builder',
    name: 'amazon-ebs',
    count: 135,
    entries: [
      attr('region', StringType),
      attr('ami_name', StringType),
      attr('tags', mapOf(StringType)),
      attr('run_tags', mapOf(StringType)),
      attr('ami_regions', listOf(StringType)),
      attr('ssh_port', NumberType),
    ],
    nested: {
      launch_block_device_mappings: blockList(
        'launch_block_device_mappings',
        object(
          attr('delete_on_termination', BoolType),
          attr('device_name', StringType),
          attr('encrypted', BoolType),
          attr('iops', NumberType),
          attr('kms_key_id', StringType),
          attr('no_device', BoolType),
          attr('snapshot_id', StringType),
          attr('throughput', NumberType),
          attr('virtual_name', StringType),
          attr('volume_size', NumberType),
          attr('volume_type', StringType),
        ),
      ),
      run_tag: blockList('run_tag', object(attr('key', StringType), attr('value', StringType))),
      source_ami_filter: block(
        'source_ami_filter',
        object(
          ['filter', blockList('filter', object(attr('key', StringType), attr('value', StringType)))],
          attr('filters', mapOf(StringType)),
          attr('most_recent', BoolType),
          attr('owners', listOf(StringType)),
        ),
      ),
    },
  },
  {
    kind: 'builder',
    name: 'azure-arm',
    count: 114,
    entries: [
      attr('client_id', StringType),
      attr('subscription_id', StringType),
      attr('image_publisher', StringType),
      attr('azure_tags', mapOf(StringType)),
      attr('disk_additional_size', listOf(NumberType)),
      attr('async_resourcegroup_delete', BoolType),
      attr('shared_image_gallery_replica_count', NumberType),
    ],
    nested: {
      azure_tag: blockList('azure_tag', object(attr('name', StringType), attr('value', StringType))),
      plan_info: block(
        'plan_info',
        object(
          attr('plan_name', StringType),
          attr('plan_product', StringType),
          attr('plan_promotion_code', StringType),
          attr('plan_publisher', StringType),
        ),
      ),
    },
  },
  {
    kind: 'builder',
    name: 'vmware-iso',
    count: 134,
    entries: [
      attr('iso_url', StringType),
      attr('iso_urls', listOf(StringType)),
      attr('iso_checksum', StringType),
      attr('disk_size', NumberType),
      attr('disk_additional_size', listOf(NumberType)),
      attr('vmx_data', mapOf(StringType)),
      attr('headless', BoolType),
      attr('boot_command', listOf(StringType)),
      attr('cpus', NumberType),
    ],
  },
  {
    kind: 'builder',
    name: 'vsphere-iso',
    count: 127,
    entries: [
      attr('vcenter_server', StringType),
      attr('CPUs', NumberType),
      attr('RAM', NumberType),
      attr('RAM_reserve_all', BoolType),
      attr('iso_paths', listOf(StringType)),
      attr('cdrom_type', StringType),
      attr('configuration_parameters', mapOf(StringType)),
    ],
    nested: {
      storage: blockList(
        'storage',
        object(
          attr('disk_controller_index', NumberType),
          attr('disk_eagerly_scrub', BoolType),
          attr('disk_size', NumberType),
          attr('disk_thin_provisioned', BoolType),
        ),
      ),
    },
  },
  {
    kind: 'provisioner',
    name: 'shell',
    count: 25,
    entries: [
      ...packerCommon,
      attr('inline', listOf(StringType)),
      attr('script', StringType),
      attr('scripts', listOf(StringType)),
      attr('environment_vars', listOf(StringType)),
      attr('execute_command', StringType),
      attr('expect_disconnect', BoolType),
      attr('valid_exit_codes', listOf(NumberType)),
    ],
  },
  {
    kind: 'provisioner',
    name: 'file',
    count: 13,
    entries: [
      ...packerCommon,
      attr('source', StringType),
      attr('sources', listOf(StringType)),
      attr('destination', StringType),
      attr('direction', StringType),
      attr('generated', BoolType),
    ],
  },
  {
    kind: 'post-processor',
    name: 'manifest',
    count: 12,
    entries: [
      ...packerCommon,
      attr('output', StringType),
      attr('strip_path', BoolType),
      attr('strip_time', BoolType),
      attr('custom_data', mapOf(StringType)),
    ],
  },
  {
    kind: 'post-processor',
    name: 'shell-local',
    count: 20,
    entries: [
      attr('command', StringType),
      attr('inline', listOf(StringType)),
      attr('execute_command', listOf(StringType)),
      attr('only_on', listOf(StringType)),
      attr('use_linux_pathing', BoolType),
      attr('valid_exit_codes', listOf(NumberType)),
    ],
  },
];

describe('decodeGobObjectSpec on Packer 1.6.6 plugins', () => {
  it.each(cases)(
    '$kind $name',
    async ({ kind, name, count, entries, nested = {} }) => {
      const spec = decodeGobObjectSpec(await configSpecBytes(kind, name));
      expect(spec.kind).toBe('object');
      expect(spec.properties.size).toBe(count);
      for (const entry of entries) {
        const key = entry.kind === 'attr' ? entry.name : '';
        expect(spec.properties.get(key), key).toEqual(entry);
      }
      for (const [key, expected] of Object.entries(nested)) {
        expect(spec.properties.get(key), key).toEqual(expected);
      }
      // Keys come sorted, whatever order Go's map iteration sent them in.
      const keys = [...spec.properties.keys()];
      expect(keys).toEqual([...keys].sort());
    },
    30_000,
  );
});

describe('decodeGobObjectSpec on written specs', () => {
  const fixture = (name: string): Uint8Array =>
    new Uint8Array(readFileSync(join(__dirname, '..', 'gob', 'fixtures', name)));

  it('decodes every kind of the model with its flags and limits', () => {
    expect(decodeGobObjectSpec(fixture('spec-kinds.gob'))).toEqual(
      object(
        [
          'disk',
          { kind: 'block-list', name: 'disk', nested: object(attr('size', NumberType)), minItems: 1, maxItems: 3 },
        ],
        ['labels', { kind: 'block-attrs', name: 'labels', elementType: StringType, required: false }],
        { kind: 'attr', name: 'name', type: StringType, required: true },
        [
          'network',
          {
            kind: 'block',
            name: 'network',
            required: true,
            nested: object(attr('ports', listOf(objectOf({ device_name: StringType, volume_size: NumberType })))),
          },
        ],
      ),
    );
  });

  it('names the Go type of a spec kind the model lacks', () => {
    expect(() => decodeGobObjectSpec(fixture('spec-block-map.gob'))).toThrow(
      'gob spec: ObjectSpec.disks: unsupported spec type *hcldec.BlockMapSpec',
    );
  });

  it('rejects a stream that is not an ObjectSpec', () => {
    expect(() => decodeGobObjectSpec(fixture('command-finished-0.gob'))).toThrow(
      'gob spec: expected one hcldec.ObjectSpec',
    );
  });
});
