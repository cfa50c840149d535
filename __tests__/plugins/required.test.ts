import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { templateComponentUses } from '../../src/plugins/component-uses.js';
import { detectPluginBinaries } from '../../src/plugins/required.js';
import { parseTemplate } from '../../src/template/config.js';
import { pluginScript, sha256Hex } from '../support/fake-github.js';

const linux = { os: 'linux', arch: 'amd64', ext: '' };
let root: string;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'kiln-required-'));
});
afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

function parsed(hcl: string) {
  writeFileSync(join(root, 't.pkr.hcl'), hcl);
  const { config, diags } = parseTemplate({
    path: 't.pkr.hcl',
    cwd: root,
    env: {},
    vars: [],
    varFiles: [],
    warnOnUndeclaredVar: false,
  });
  expect(diags).toEqual([]);
  return config!;
}

const requiredPlugins = (hcl: string) => parsed(hcl).requiredPlugins;

function installBinary(rel: string, reported: string): string {
  const path = join(root, 'plugins', rel);
  mkdirSync(dirname(path), { recursive: true });
  const data = pluginScript(reported);
  writeFileSync(path, data, { mode: 0o755 });
  writeFileSync(`${path}_SHA256SUM`, sha256Hex(data));
  return path;
}

const env = () => ({ PACKER_PLUGIN_PATH: join(root, 'plugins'), HOME: root });

const template = `packer {
  required_plugins {
    happycloud = {
      source  = "github.com/hashicorp/happycloud"
      version = ">= 1.2.0, < 2.0.0"
    }
    docker = {
      source  = "github.com/hashicorp/docker"
      version = "~> 1"
    }
    comment = {
      source  = "github.com/sylviamoss/comment"
      version = "v0.2.23"
    }
  }
}
`;

describe('detectPluginBinaries', () => {
  it('gives Packer\'s "Missing plugins" error, naming kiln init', async () => {
    const plugins = requiredPlugins(template);
    const { diags, resolved } = await detectPluginBinaries(plugins, { env: env(), platform: linux });
    expect(diags).toEqual([
      {
        severity: 'error',
        summary: 'Missing plugins',
        detail:
          'The following plugins are required, but not installed:\n\n' +
          '* github.com/hashicorp/happycloud >= 1.2.0, < 2.0.0\n' +
          '* github.com/sylviamoss/comment v0.2.23\n' +
          '\nDid you run kiln init for this project ?',
      },
    ]);
    expect(resolved.map((r) => [r.requirement.accessor, r.native?.builders])).toEqual([['docker', ['docker']]]);
  });

  it('resolves each requirement to its highest matching installed binary', async () => {
    const plugins = requiredPlugins(template);
    installBinary('github.com/hashicorp/happycloud/packer-plugin-happycloud_v1.2.0_x5.0_linux_amd64', '1.2.0');
    const best = installBinary(
      'github.com/hashicorp/happycloud/packer-plugin-happycloud_v1.3.0_x5.0_linux_amd64',
      '1.3.0',
    );
    installBinary('github.com/hashicorp/happycloud/packer-plugin-happycloud_v2.0.0_x5.0_linux_amd64', '2.0.0');
    const comment = installBinary(
      'github.com/sylviamoss/comment/packer-plugin-comment_v0.2.23_x5.0_linux_amd64',
      '0.2.23',
    );
    const { diags, resolved } = await detectPluginBinaries(plugins, { env: env(), platform: linux });
    expect(diags).toEqual([]);
    expect(resolved.map((r) => [r.requirement.accessor, r.installation?.binaryPath ?? 'native'])).toEqual([
      ['happycloud', best],
      ['docker', 'native'],
      ['comment', comment],
    ]);
  });

  it('uses an installed binary for a native source when KILN_PREFER_PLUGINS=1', async () => {
    const plugins = requiredPlugins(template);
    const { diags } = await detectPluginBinaries(plugins, {
      env: { ...env(), KILN_PREFER_PLUGINS: '1' },
      platform: linux,
    });
    expect(diags[0]?.detail).toContain('* github.com/hashicorp/docker ~> 1\n');
  });

  it('reports a local name required twice', async () => {
    const plugins = requiredPlugins(
      'packer {\n  required_plugins {\n    docker = { source = "github.com/hashicorp/docker", version = ">= 1" }\n  }\n}\n' +
        'packer {\n  required_plugins {\n    docker = { source = "github.com/other/docker", version = ">= 1" }\n  }\n}\n',
    );
    const { diags } = await detectPluginBinaries(plugins, { env: env(), platform: linux });
    expect(diags.map((d) => [d.summary, d.detail, d.subject, d.context?.start.line])).toEqual([
      [
        'Duplicate required_plugin."docker" block',
        'Block previously seen at t.pkr.hcl:3,14-74 is already named "docker".\n' +
          'Names at the left hand side of required_plugins are made available to use in your HCL2 configurations.\n' +
          'To allow to calling to their features correctly two plugins have to have different accessors.',
        undefined,
        8,
      ],
    ]);
  });

  it('reports a PACKER_PLUGIN_PATH holding several directories', async () => {
    const plugins = requiredPlugins(template);
    const { diags } = await detectPluginBinaries(plugins, { env: { PACKER_PLUGIN_PATH: '/a:/b' }, platform: linux });
    expect(diags.map((d) => d.summary)).toEqual(['Failed to discover installed plugins']);
  });

  const amazon = (constraint: string, blocks: string) => `packer {
  required_plugins {
    amazon = {
      source  = "github.com/hashicorp/amazon"
      version = "${constraint}"
    }
  }
}
${blocks}`;

  it.each([
    ['~> 1', 'source "amazon-ebs" "a" {}\ndata "amazon-ami" "x" {}\n', true],
    ['>= 1.0.0', 'build {\n  sources = []\n  post-processor "amazon-import" {}\n}\n', true],
    ['~> 1', 'source "amazon-ebs" "a" {}\nsource "amazon-chroot" "c" {}\n', false],
    ['~> 1', 'data "amazon-kms" "k" {}\n', false],
    ['~> 1', 'build {\n  post-processors {\n    post-processor "amazon-nope" {}\n  }\n}\n', false],
    ['~> 1', 'source "amazon" "default-component" {}\n', false],
    ['< 1.8.0', 'source "amazon-ebs" "a" {}\n', false],
    ['>= 1.9.0', '', false],
  ])('serves github.com/hashicorp/amazon %s natively for %j: %s', async (constraint, blocks, native) => {
    const config = parsed(amazon(constraint, blocks));
    const { diags, resolved } = await detectPluginBinaries(config.requiredPlugins, {
      env: env(),
      platform: linux,
      uses: templateComponentUses(config),
    });
    expect(resolved.map((r) => r.native?.version)).toEqual(native ? ['1.8.2'] : []);
    expect(diags.map((d) => d.detail)).toEqual(
      native
        ? []
        : [
            'The following plugins are required, but not installed:\n\n' +
              `* github.com/hashicorp/amazon ${constraint}\n` +
              '\nDid you run kiln init for this project ?',
          ],
    );
  });

  it('uses the installed plugin for a native source whose components Kiln does not all have', async () => {
    const config = parsed(amazon('~> 1', 'source "amazon-chroot" "c" {}\n'));
    const path = installBinary('github.com/hashicorp/amazon/packer-plugin-amazon_v1.8.2_x5.0_linux_amd64', '1.8.2');
    const { diags, resolved } = await detectPluginBinaries(config.requiredPlugins, {
      env: env(),
      platform: linux,
      uses: templateComponentUses(config),
    });
    expect(diags).toEqual([]);
    expect(resolved.map((r) => r.installation?.binaryPath)).toEqual([path]);
  });
});
