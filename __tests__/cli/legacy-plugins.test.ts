import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runBuild } from '../../src/cli/build.js';
import { runValidate } from '../../src/cli/validate.js';
import { childProcesses, installedPlugin } from '../plugins/bridge/support.js';
import { memoryIO } from '../support/cli.js';
import { packerAvailable, runPacker } from '../support/packer.js';

/*
 * Legacy JSON templates whose components plugins serve: as Packer, the raw
 * map of each goes to its plugin's Prepare with Packer's config (and the
 * placeholder data for provisioners and post-processors), with no decoding
 * on Kiln's side. `kiln validate` is compared with `packer validate` 1.6.6
 * given the same PACKER_PLUGIN_PATH, where Packer 1.6.6's own azure-arm,
 * vmware-iso, null, shell-local and manifest are installed as
 * single-component plugins (KILN_PREFER_PLUGINS for those Kiln also has).
 * A build runs Packer's null builder, shell-local provisioner and manifest
 * post-processor through their plugins.
 */

const hasPacker = packerAvailable();

interface Case {
  readonly name: string;
  readonly template: unknown;
  readonly preferPlugins?: boolean;
  /** The first line of Kiln's output, so that a case cannot pass vacuously. */
  readonly first: string;
}

const validAzure = {
  type: 'azure-arm',
  subscription_id: '00000000-0000-0000-0000-000000000000',
  client_id: '11111111-1111-1111-1111-111111111111',
  client_secret: '{{user `secret`}}',
  managed_image_resource_group_name: 'images',
  managed_image_name: 'ubuntu-{{user `release`}}',
  os_type: 'Linux',
  image_publisher: 'Canonical',
  image_offer: 'UbuntuServer',
  image_sku: '18.04-LTS',
  location: 'East US',
  azure_tags: { build: '{{build_name}}' },
};

const cases: Case[] = [
  {
    name: 'azure-arm and vmware-iso: an unknown key, Prepare errors with a user variable, a value of the wrong type',
    template: {
      variables: { loc: 'East US' },
      builders: [
        { type: 'azure-arm', client_id: 'abc', location: '{{user `loc`}}', colour: 'red' },
        { type: 'azure-arm', name: 'b', client_id: 'abc', location: '{{user `loc`}}' },
        { type: 'vmware-iso', iso_url: 'http://example.com/x.iso', disk_size: 'big' },
      ],
    },
    first: 'Error: Failed to prepare build: "azure-arm"',
  },
  {
    name: 'azure-arm: valid (user variables, Go templates), with a valid vmware-iso giving its warnings',
    template: {
      variables: { secret: 's3cr3t', release: '20.04' },
      'sensitive-variables': ['secret'],
      builders: [
        validAzure,
        {
          type: 'vmware-iso',
          iso_url: 'http://example.com/x.iso',
          iso_checksum: 'none',
          ssh_username: 'root',
          shutdown_command: 'halt',
        },
      ],
    },
    first: 'Warning: Warning when preparing build: "vmware-iso"',
  },
  {
    name: 'shell-local provisioner plugin: an error of its Prepare, only for one build',
    preferPlugins: true,
    template: {
      builders: [
        { type: 'null', communicator: 'none' },
        { type: 'null', name: 'second', communicator: 'none' },
      ],
      provisioners: [
        { type: 'shell-local', inline: ['echo {{build `Host`}}'], only: ['second'], script: 'x.sh' },
        { type: 'shell-local', inline: ['echo {{build `ID`}} {{user `x`}}'] },
      ],
    },
    first: 'Error: Failed to prepare build: "second"',
  },
  {
    name: 'manifest post-processor plugin: an unknown key; a provisioner override',
    preferPlugins: true,
    template: {
      builders: [{ type: 'null', communicator: 'none' }],
      provisioners: [{ type: 'shell-local', inline: ['true'], override: { null: { colour: 'x' } } }],
      'post-processors': [{ type: 'manifest', mystery: 1 }],
    },
    first: 'Error: Failed to prepare build: "null"',
  },
  {
    name: 'plugins only for the builder, valid',
    preferPlugins: true,
    template: {
      builders: [{ type: 'null', communicator: 'none' }],
      provisioners: [{ type: 'shell-local', inline: ['echo {{build `Host`}}'] }],
      'post-processors': [[{ type: 'manifest', output: 'm-{{build_name}}.json', strip_path: true }]],
    },
    first: 'The configuration is valid.',
  },
];

let plugins = '';
const dirs: string[] = [];

beforeAll(async () => {
  plugins = await mkdtemp(join(tmpdir(), 'kiln-legacy-plugins-'));
  for (const name of [
    'packer-builder-azure-arm',
    'packer-builder-vmware-iso',
    'packer-builder-null',
    'packer-provisioner-shell-local',
    'packer-post-processor-manifest',
  ]) {
    await installedPlugin(plugins, name);
  }
});

afterEach(async () => {
  expect(await childProcesses()).toEqual([]);
});

afterAll(async () => {
  await Promise.all([plugins, ...dirs].map((d) => rm(d, { recursive: true, force: true })));
});

async function workspace(template: unknown): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'kiln-legacy-plugin-case-'));
  dirs.push(dir);
  await writeFile(join(dir, 't.json'), JSON.stringify(template, null, 2));
  return dir;
}

const env = (preferPlugins = false): Record<string, string> => ({
  PACKER_PLUGIN_PATH: plugins,
  ...(preferPlugins ? { KILN_PREFER_PLUGINS: '1' } : {}),
});

describe.skipIf(!hasPacker)(
  'kiln validate of a legacy template with plugin components, against packer validate 1.6.6',
  () => {
    it.each(cases)('$name', async (c) => {
      const dir = await workspace(c.template);
      const packer = await runPacker(['validate', 't.json'], { cwd: dir, env: env(c.preferPlugins) });
      const m = memoryIO({ cwd: dir, env: env(c.preferPlugins) });
      const exit = await runValidate(['t.json'], m.io);
      expect(m.stdout().split('\n')[0]).toBe(c.first);
      // Packer 1.6.6 says nothing more after the warnings of a valid template; current Packer says it is valid.
      const expected = packer.exit === 0 ? `${packer.stdout}The configuration is valid.\n` : packer.stdout;
      expect({ exit, stdout: m.stdout(), stderr: m.stderr() }).toEqual({
        exit: packer.exit,
        stdout: expected.startsWith('\n') ? expected.slice(1) : expected,
        stderr: packer.stderr,
      });
    });

    it('a type neither Kiln nor a plugin serves: current Packer error, with a plugin type suggested', async () => {
      const dir = await workspace({ builders: [{ type: 'azure-armm' }, { type: 'happycloud', name: 'h' }] });
      const m = memoryIO({ cwd: dir, env: env() });
      expect(await runValidate(['t.json'], m.io)).toBe(1);
      expect(m.stdout()).toBe(
        [
          'Error: Failed to initialize build "azure-armm"',
          '',
          'Did you mean to use "azure-arm"?',
          '',
          'Error: Failed to initialize build "h"',
          '',
          'The builder happycloud is unknown by Packer, and is likely part of a plugin that',
          'is not installed.',
          'You may find the needed plugin along with installation instructions documented',
          'on the Packer integrations page.',
          '',
          'https://developer.hashicorp.com/packer/integrations?filter=happycloud',
          '',
          '',
          '',
        ].join('\n'),
      );
    });
  },
);

describe.skipIf(!hasPacker)('kiln build of a legacy template through plugins', () => {
  it("runs Packer's null builder, shell-local provisioner and manifest post-processor as plugins", async () => {
    const dir = await workspace({
      variables: { greeting: 'hello' },
      builders: [{ type: 'null', communicator: 'none' }],
      provisioners: [
        {
          type: 'shell-local',
          inline: ['echo {{user `greeting`}} from {{build_name}} {{build `PackerRunUUID`}} > out.txt'],
        },
      ],
      'post-processors': [{ type: 'manifest', output: 'manifest.json' }],
    });
    // Plugins in the working directory (found there, as Packer 1.6.6 did), each leaving a line in a file when it starts.
    const marker = join(dir, 'started');
    for (const name of ['packer-builder-null', 'packer-provisioner-shell-local', 'packer-post-processor-manifest']) {
      await writeFile(join(dir, name), `#!/bin/sh\necho ${name} >> ${marker}\nexec packer plugin ${name} "$@"\n`);
      await chmod(join(dir, name), 0o755);
    }
    const m = memoryIO({ cwd: dir, env: { PATH: process.env['PATH'] ?? '', KILN_PREFER_PLUGINS: '1' } });
    const previous = process.cwd();
    process.chdir(dir); // the manifest plugin writes relative to its working directory
    let code: number;
    try {
      code = await runBuild(['-color=false', 't.json'], m.io);
    } finally {
      process.chdir(previous);
    }
    expect({ code, stderr: m.stderr() }).toEqual({ code: 0, stderr: '' });
    const out = m.stdout().replace(/after [0-9a-z ]+\./g, 'after <d>.');
    expect(out).toMatch(/^==> null: Running local shell script: \/tmp\/packer-shell\d+\n/);
    expect(out).toContain('==> null: Running post-processor: manifest\n');
    expect(out).toContain("Build 'null' finished after <d>.\n");
    const written = await readFile(join(dir, 'out.txt'), 'utf8');
    expect(written).toMatch(/^hello from null [0-9a-f-]{36}\n$/);
    const manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')) as {
      builds: { name: string; builder_type: string; artifact_id: string }[];
    };
    expect(manifest.builds.map((b) => [b.name, b.builder_type, b.artifact_id])).toEqual([['null', 'null', 'Null']]);
    // Started for Prepare at plan time, then again for the run.
    const starts = (await readFile(marker, 'utf8')).split('\n').filter((l) => l !== '');
    expect([...new Set(starts)].sort()).toEqual([
      'packer-builder-null',
      'packer-post-processor-manifest',
      'packer-provisioner-shell-local',
    ]);
  });
});
