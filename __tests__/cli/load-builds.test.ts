import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { templatePlugins } from '../../src/cli/load-builds.js';
import { templateComponentUses } from '../../src/plugins/component-uses.js';
import { parseTemplate } from '../../src/template/config.js';

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'kiln-load-builds-'));
});
afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

describe('templatePlugins', () => {
  it("requires a native source's plugin installed when the template uses a component Kiln lacks", async () => {
    writeFileSync(
      join(root, 't.pkr.hcl'),
      'packer {\n  required_plugins {\n    amazon = {\n      source  = "github.com/hashicorp/amazon"\n      version = "~> 1"\n    }\n  }\n}\n' +
        'source "amazon-chroot" "c" {}\nbuild {\n  sources = ["source.amazon-chroot.c"]\n}\n',
    );
    const { config } = parseTemplate({
      path: 't.pkr.hcl',
      cwd: root,
      env: {},
      vars: [],
      varFiles: [],
      warnOnUndeclaredVar: false,
    });
    const env = { HOME: root, PACKER_PLUGIN_PATH: join(root, 'plugins') };
    const found = await templatePlugins(config!.requiredPlugins, {
      env,
      cwd: root,
      uses: templateComponentUses(config!),
    });
    expect(found.diags.map((d) => [d.summary, d.detail])).toEqual([
      [
        'Missing plugins',
        'The following plugins are required, but not installed:\n\n* github.com/hashicorp/amazon ~> 1\n\nDid you run kiln init for this project ?',
      ],
    ]);
  });
});
