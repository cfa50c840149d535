import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { access, constants, rm } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_COMPONENT_NAME, pluginCommand, type ComponentSelector } from '../../src/plugins/bridge/command.js';
import { launchPlugin, MAGIC_COOKIE_KEY, MAGIC_COOKIE_VALUE } from '../../src/plugins/bridge/plugin-process.js';
import { isRecord } from '../../src/plugins/bridge/rpc/codec.js';
import { describePlugin } from '../../src/plugins/describe.js';
import { parsePluginIdentifier } from '../../src/plugins/identifier.js';
import { listInstallations } from '../../src/plugins/layout.js';
import { hostPlatform } from '../../src/plugins/platform.js';
import { decodeProtobufSpec } from '../../src/plugins/spec/protobuf-spec.js';
import { childProcesses, tempDir } from '../plugins/bridge/support.js';
import { installModernPlugin, MODERN_PLUGIN, modernPluginBinary, modernPluginFilename } from './modern-plugin.js';

let binary: string;

beforeAll(async () => {
  binary = await modernPluginBinary();
}, 15 * 60_000);

afterEach(async () => {
  expect(await childProcesses()).toEqual([]);
});

interface FirstLine {
  readonly line: string;
  readonly stderr: string;
  /** Exit status, or null when it was killed after its first line. */
  readonly status: number | null;
}

/** Runs the plugin with `args` until its first stdout line, then kills it. */
function firstLine(args: readonly string[], env: NodeJS.ProcessEnv): Promise<FirstLine> {
  return new Promise((resolve, reject) => {
    const child = spawn(binary, [...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    let line: string | undefined;
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    createInterface({ input: child.stdout }).once('line', (text) => {
      line = text;
      child.kill('SIGKILL');
    });
    child.on('error', reject);
    child.on('close', (status) => resolve({ line: line ?? '', stderr, status }));
  });
}

const withCookie = { ...process.env, [MAGIC_COOKIE_KEY]: MAGIC_COOKIE_VALUE };

async function configSpecBytes(component: ComponentSelector, method: string): Promise<Buffer> {
  const plugin = await launchPlugin(pluginCommand(binary, component));
  try {
    const reply = await plugin.call(method, null, 10_000);
    if (!isRecord(reply) || !(reply.ConfigSpec instanceof Uint8Array)) throw new Error('malformed ConfigSpec reply');
    return Buffer.from(reply.ConfigSpec);
  } finally {
    await plugin.kill();
  }
}

const PACKER_CONFIG = [
  'packer_build_name',
  'packer_builder_type',
  'packer_core_version',
  'packer_debug',
  'packer_force',
  'packer_on_error',
  'packer_sensitive_variables',
  'packer_user_variables',
];

describe('packer-plugin-kilntest, built from packer-plugin-sdk', () => {
  it('describes itself as an SDK plugin set does', async () => {
    expect(await describePlugin(binary)).toEqual({
      version: '0.0.1',
      sdk_version: '0.6.10',
      api_version: 'x5.0',
      builders: [DEFAULT_COMPONENT_NAME],
      post_processors: ['report'],
      provisioners: ['exec'],
      datasources: ['values'],
      protocol_version: 'v2',
    });
  });

  it.each([
    ['start', 'builder', '--protobuf', DEFAULT_COMPONENT_NAME],
    ['start', 'provisioner', 'exec'],
    ['start', 'post-processor', '--protobuf', 'report'],
    ['start', 'datasource', 'values'],
  ])('prints the 4-field handshake for %s %s %s %s', async (...args) => {
    const { line } = await firstLine(args, withCookie);
    const match = /^5\|0\|unix\|(\/.*\/packer-plugin\d+)$/.exec(line);
    expect(match, line).not.toBeNull();
    // Killed, the plugin leaves its socket behind.
    await rm(match?.[1] ?? '', { force: true });
  });

  it('refuses to start without the magic cookie', async () => {
    const env = { ...process.env };
    delete env[MAGIC_COOKIE_KEY];
    const { line, stderr, status } = await firstLine(['start', 'builder', DEFAULT_COMPONENT_NAME], env);
    expect(line).toBe('');
    expect(status).toBe(1);
    expect(stderr).toContain('Please do not execute plugins directly. Packer will execute these for you.');
  });

  it('sends its ConfigSpec as protobuf with --protobuf', async () => {
    const bytes = await configSpecBytes(
      { kind: 'builder', name: DEFAULT_COMPONENT_NAME, protobuf: true },
      'Builder.ConfigSpec',
    );
    const spec = decodeProtobufSpec(bytes);
    expect([...spec.properties].map(([name, nested]) => `${name}:${nested.kind}`)).toEqual(
      [
        'boot_wait:attr',
        'commands:attr',
        'count:attr',
        'disk:block',
        'enabled:attr',
        'fail_with:attr',
        'item:block-list',
        'message:attr',
        ...PACKER_CONFIG.map((name) => `${name}:attr`),
        'tags:attr',
        'track_progress:attr',
        'workdir:attr',
      ].sort(),
    );
  });

  it('sends its ConfigSpec as gob, cty types included, without --protobuf', async () => {
    const text = (await configSpecBytes({ kind: 'provisioner', name: 'exec' }, 'Provisioner.ConfigSpec')).toString(
      'latin1',
    );
    expect(text).toContain('*hcldec.AttrSpec');
    // The gob names go-cty registers its types under (the gob-enabled go-cty SDK plugins build with).
    expect(text).toContain('github.com/zclconf/go-cty/cty.primitiveType');
    expect(text).toContain('github.com/zclconf/go-cty/cty.typeList');
    expect(text).toContain('github.com/zclconf/go-cty/cty.typeMap');
    for (const name of ['inline', 'env', 'valid_exit_codes', 'upload_path', 'print_generated']) {
      expect(text).toContain(name);
    }
  });

  it('installs in Packer layout where Kiln finds it', async () => {
    const dir = await tempDir();
    const installed = await installModernPlugin(dir);
    expect(installed).toBe(`${dir}/github.com/kiln-test/kilntest/${modernPluginFilename()}`);
    expect(modernPluginFilename()).toMatch(/^packer-plugin-kilntest_v0\.0\.1_x5\.0_[a-z0-9]+_[a-z0-9]+$/);
    expect(existsSync(`${installed}_SHA256SUM`)).toBe(true);
    await access(installed, constants.X_OK);
    const { id } = parsePluginIdentifier(MODERN_PLUGIN.source);
    const found = await listInstallations(id, [], { pluginDir: dir, platform: hostPlatform() });
    expect(found).toEqual([{ binaryPath: installed, version: 'v0.0.1', apiVersion: 'x5.0' }]);
  });
});
