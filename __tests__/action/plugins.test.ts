import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runValidate } from '../../src/cli/validate.js';
import { installedPlugin } from '../plugins/bridge/support.js';
import { memoryIO } from '../support/cli.js';
import { packerAvailable } from '../support/packer.js';
import { bundleAction, runActionAsync, tempTree, type ActionBundle } from './support/run-action.js';

/*
 * Components served by plugins in the action, run as the runner runs its main
 * step, with Packer 1.6.6's own components installed as single-component
 * plugins in PACKER_PLUGIN_PATH: an azure-arm source is validated through its
 * plugin (the annotations say what `kiln validate` says, on the same lines),
 * planned through it, and the null builder built by Packer's null plugin
 * (KILN_PREFER_PLUGINS) when the action runs `command: build`.
 */

const hasPacker = packerAvailable();

const AZURE = `source "azure-arm" "x" {
  colour     = "red"
  azure_tags = "prod"
}
source "azure-arm" "y" {
  client_id = "abc"
  location  = 5
}
build {
  sources = ["source.azure-arm.x", "source.azure-arm.y"]
}
`;

const VALID_AZURE = `source "azure-arm" "x" {
  subscription_id                   = "00000000-0000-0000-0000-000000000000"
  client_id                         = "11111111-1111-1111-1111-111111111111"
  client_secret                     = "secret"
  managed_image_resource_group_name = "images"
  managed_image_name                = "ubuntu"
  os_type                           = "Linux"
  image_publisher                   = "Canonical"
  image_offer                       = "UbuntuServer"
  image_sku                         = "18.04-LTS"
  location                          = "East US"
}
build {
  sources = ["source.azure-arm.x"]
}
`;

interface Annotation {
  readonly level: string;
  readonly properties: Record<string, string>;
  readonly message: string;
}

/** The ::error / ::warning workflow commands of a step's output, unescaped. */
function annotations(stdout: string): Annotation[] {
  const unescape = (s: string) =>
    s
      .replaceAll('%0D', '\r')
      .replaceAll('%0A', '\n')
      .replaceAll('%3A', ':')
      .replaceAll('%2C', ',')
      .replaceAll('%25', '%');
  return stdout.split('\n').flatMap((line) => {
    const m = /^::(error|warning)( [^:]*)?::(.*)$/.exec(line);
    if (!m) return [];
    const properties = Object.fromEntries(
      (m[2] ?? '')
        .trim()
        .split(',')
        .filter((p) => p !== '')
        .map((p) => {
          const eq = p.indexOf('=');
          return [p.slice(0, eq), unescape(p.slice(eq + 1))];
        }),
    );
    return [{ level: m[1]!, properties, message: unescape(m[3]!) }];
  });
}

/** How `kiln validate` prints a diagnostic of the stages after parsing (no source), rebuilt from its annotation. */
function validateText(a: Annotation): string {
  const title = a.properties['title'] ?? '';
  const head = `${a.level === 'error' ? 'Error' : 'Warning'}: ${title}\n\n  on ${a.properties['file']} line ${a.properties['line']}:\n  (source code not available)\n`;
  return a.message === title ? head : `${head}\n${a.message}\n`;
}

let bundle: ActionBundle;
let plugins = '';
beforeAll(async () => {
  bundle = bundleAction();
  plugins = await mkdtemp(join(tmpdir(), 'kiln-action-plugins-'));
  await installedPlugin(plugins, 'packer-builder-azure-arm');
  // Packer's null builder, leaving a line in a file each time it starts.
  const marker = join(plugins, 'null-started');
  const script = join(plugins, 'packer-builder-null');
  await writeFile(script, `#!/bin/sh\necho started >> ${marker}\nexec packer plugin packer-builder-null "$@"\n`);
  await chmod(script, 0o755);
});
afterAll(async () => {
  bundle.dispose();
  await rm(plugins, { recursive: true, force: true });
});

describe.skipIf(!hasPacker)('the action with plugin components', () => {
  it('validate: an invalid azure-arm template is annotated as kiln validate reports it', async () => {
    const ws = tempTree({ 'pkr/t.pkr.hcl': AZURE });
    const env = { PACKER_PLUGIN_PATH: plugins };
    const r = await runActionAsync(
      bundle,
      { command: 'validate', 'working-directory': 'pkr', template: 't.pkr.hcl', summary: 'false' },
      { workspace: ws, env },
    );
    const m = memoryIO({ cwd: join(ws, 'pkr'), env });
    expect(await runValidate(['t.pkr.hcl'], m.io)).toBe(1);

    expect(r.status).toBe(1);
    expect(r.outputs).toEqual({ valid: 'false' });
    const found = annotations(r.stdout);
    const failure = found.pop();
    expect(failure).toEqual({ level: 'error', properties: {}, message: 'The configuration is invalid: 3 error(s).' });
    expect(
      found.map((a) => [a.properties['title']?.split('\n')[0], a.properties['file'], a.properties['line']]),
    ).toEqual([
      ['Unsupported argument', 'pkr/t.pkr.hcl', '2'],
      ['Incorrect attribute value type', 'pkr/t.pkr.hcl', '3'],
      ['10 error(s) occurred:', 'pkr/t.pkr.hcl', '5'],
    ]);
    // kiln validate names the file relative to the template directory; the annotation, to the workspace.
    const printed = m.stdout();
    for (const a of found) {
      const file = a.properties['file']!.replace(/^pkr\//, '');
      expect(printed).toContain(validateText({ ...a, properties: { ...a.properties, file } }));
    }
    expect(printed.match(/^Error: /gm)).toHaveLength(found.length);
  }, 60_000);

  it('plan: a valid azure-arm template is planned through its plugin', async () => {
    const ws = tempTree({ 't.pkr.hcl': VALID_AZURE });
    const r = await runActionAsync(
      bundle,
      { command: 'plan' },
      { workspace: ws, env: { PACKER_PLUGIN_PATH: plugins } },
    );
    expect(r.status).toBe(0);
    expect(r.outputs).toEqual({ matrix: '{"include":[{"build":"azure-arm.x"}]}' });
  }, 60_000);

  it('build: the null builder runs through Packer 1.6.6 null plugin with KILN_PREFER_PLUGINS', async () => {
    const ws = tempTree({
      't.pkr.hcl': 'source "null" "x" {\n  communicator = "none"\n}\nbuild {\n  sources = ["source.null.x"]\n}\n',
    });
    await rm(join(plugins, 'null-started'), { force: true });
    const r = await runActionAsync(
      bundle,
      { command: 'build', 'upload-artifact': 'false', summary: 'false' },
      { workspace: ws, env: { PACKER_PLUGIN_PATH: plugins, KILN_PREFER_PLUGINS: '1' } },
    );
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Build 'null\.x' finished after .*\.$/m);
    expect(r.stdout).toContain('--> null.x: Did not export anything. This is the null builder\n');
    // One process for its spec, Prepare and Run, as Packer starts one per component use.
    expect(await readFile(join(plugins, 'null-started'), 'utf8')).toBe('started\n');
  }, 60_000);
});
