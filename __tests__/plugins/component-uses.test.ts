import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { templateComponentUses } from '../../src/plugins/component-uses.js';
import { parseTemplate } from '../../src/template/config.js';

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'kiln-uses-'));
});
afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

function usesOf(files: Record<string, string>) {
  for (const [name, text] of Object.entries(files)) writeFileSync(join(root, name), text);
  const { config } = parseTemplate({
    path: '.',
    cwd: root,
    env: {},
    vars: [],
    varFiles: [],
    warnOnUndeclaredVar: false,
  });
  return templateComponentUses(config!);
}

describe('templateComponentUses', () => {
  it('lists every source, data source, provisioner and post-processor type once, across files', () => {
    expect(
      usesOf({
        'a.pkr.hcl': `
source "amazon-ebs" "a" {}
source "docker" "d" {}
data "amazon-ami" "ami" {}
build {
  sources = ["source.amazon-ebs.a"]
  provisioner "shell" {}
  provisioner "shell" {}
  error-cleanup-provisioner "shell-local" {}
  post-processor "docker-tag" {}
  post-processors {
    post-processor "amazon-import" {}
    post-processor "manifest" {}
  }
}
`,
        'b.pkr.hcl':
          'source "amazon-ebs" "b" {}\nbuild {\n  sources = ["source.docker.d"]\n  provisioner "ansible" {}\n}\n',
      }),
    ).toEqual([
      { kind: 'builder', type: 'amazon-ebs' },
      { kind: 'builder', type: 'docker' },
      { kind: 'datasource', type: 'amazon-ami' },
      { kind: 'provisioner', type: 'shell' },
      { kind: 'provisioner', type: 'shell-local' },
      { kind: 'post-processor', type: 'docker-tag' },
      { kind: 'post-processor', type: 'amazon-import' },
      { kind: 'post-processor', type: 'manifest' },
      { kind: 'provisioner', type: 'ansible' },
    ]);
  });

  it('finds the blocks of a JSON-syntax template too', () => {
    expect(
      usesOf({
        't.pkr.json': JSON.stringify({
          source: { 'amazon-chroot': { c: {} } },
          build: { sources: ['source.amazon-chroot.c'], provisioner: [{ 'shell-local': {} }] },
        }),
      }),
    ).toEqual([
      { kind: 'builder', type: 'amazon-chroot' },
      { kind: 'provisioner', type: 'shell-local' },
    ]);
  });
});
