import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { StringType } from '../../src/eval/types.js';
import { detectPluginBinaries } from '../../src/plugins/required.js';
import { discoverPlugins } from '../../src/plugins/resolve.js';
import { initializeConfig, parseTemplate } from '../../src/template/config.js';
import { childProcesses } from '../plugins/bridge/support.js';
import { installModernPlugin } from '../support/modern-plugin.js';
import { diagLine, tempTemplate } from './scope-helpers.js';

/*
 * `data` blocks served by a plugin (packer-plugin-kilntest's `values`, as
 * `kilntest-values`), evaluated by initializeConfig as validate (configured,
 * unknown of the OutputSpec's type) and build (executed) do, with the plugin
 * found through required_plugins in PACKER_PLUGIN_PATH as the CLI finds it.
 */

const REQUIRED = `packer {
  required_plugins {
    kilntest = {
      source  = "github.com/kiln-test/kilntest"
      version = ">= 0.0.1"
    }
  }
}
`;

let root: string;
let pluginDir: string;
const dirs: string[] = [];

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'kiln-datasource-plugin-'));
  pluginDir = join(root, 'plugins');
  await installModernPlugin(pluginDir);
}, 900_000);

afterAll(async () => {
  await Promise.all([root, ...dirs].map((d) => rm(d, { recursive: true, force: true })));
});

afterEach(async () => {
  expect(await childProcesses()).toEqual([]);
});

async function initialize(src: string, opts: { execute: boolean; env?: Record<string, string> }) {
  const dir = tempTemplate({ 'plugins.pkr.hcl': REQUIRED, 't.pkr.hcl': src });
  dirs.push(dir);
  const env = { HOME: root, PACKER_PLUGIN_PATH: pluginDir, ...opts.env };
  const parsed = parseTemplate({ path: '.', cwd: dir, env, vars: [], varFiles: [], warnOnUndeclaredVar: false });
  expect(parsed.diags.map(diagLine)).toEqual([]);
  const config = parsed.config!;
  const detected = await detectPluginBinaries(config.requiredPlugins, { env });
  expect(detected.diags).toEqual([]);
  const catalog = await discoverPlugins({ env, cwd: dir, resolved: detected.resolved, executableDir: dir });
  const diags = await initializeConfig(config, {
    executeDatasources: opts.execute,
    datasources: { catalog, env, launch: { env: { ...process.env, ...env }, cwd: dir } },
  });
  const local = (name: string) => config.values.locals.get(name);
  return { diags: diags.map(diagLine), local, catalog };
}

const GREET = `data "kilntest-values" "greet" {
  greeting = "hello \${var.who}"
  numbers  = [1, 2, 39]
  labels   = { team = "kiln" }
}

variable "who" {
  default = "big world"
}

locals {
  message = data.kilntest-values.greet.message
  summary = "\${length(data.kilntest-values.greet.words)} words, sum \${data.kilntest-values.greet.sum}, team \${data.kilntest-values.greet.labels["team"]}"
}
`;

describe.each([
  ['protobuf', {}],
  ['gob (PACKER_FORCE_GOB)', { PACKER_FORCE_GOB: '1' }],
])('a plugin data source over %s', (encoding, env) => {
  it('is executed at build time, its values flowing into locals', async () => {
    const { diags, local, catalog } = await initialize(GREET, { execute: true, env });
    expect(diags).toEqual([]);
    expect(catalog.encoding).toBe(encoding === 'protobuf' ? 'protobuf' : 'gob');
    expect(local('message')?.toString()).toBe('"hello big world!"');
    expect(local('summary')?.toString()).toBe('"3 words, sum 42, team KILN"');
  });

  it('is unknown of its output type at validate time, not executed', async () => {
    // fail_with would fail Execute: validate only configures the data source.
    const src = GREET.replace('labels   = { team = "kiln" }', 'fail_with = "executed"');
    const { diags, local } = await initialize(src, { execute: false, env });
    expect(diags).toEqual([]);
    expect(local('message')?.isKnown()).toBe(false);
    expect(local('message')?.type).toEqual(StringType);
    expect(local('summary')?.isKnown()).toBe(false);
  });
});

describe('plugin data source errors', () => {
  it.each([
    [
      "the plugin's Configure",
      'data "kilntest-values" "greet" {\n  numbers = [1]\n}\n',
      false,
      ['error: 1 error(s) occurred:\n\n* the `greeting` must be specified |  | t.pkr.hcl:1,1-31 | -'],
    ],
    [
      "a value of the wrong type for the plugin's spec",
      'data "kilntest-values" "greet" {\n  greeting = "hi"\n  numbers  = "many"\n}\n',
      false,
      [
        'error: Incorrect attribute value type | Inappropriate value for attribute "numbers": list of number required. | t.pkr.hcl:3,14-20 | t.pkr.hcl:3,3-20',
      ],
    ],
    [
      'a failing Execute',
      'data "kilntest-values" "greet" {\n  greeting  = "hi"\n  fail_with = "no such image"\n}\n',
      true,
      ['error: Datasource.Execute failed: no such image |  | t.pkr.hcl:1,1-31 | -'],
    ],
  ])('%s is reported at the data block', async (_, src, execute, expected) => {
    const { diags } = await initialize(src, { execute });
    expect(diags).toEqual(expected);
  });

  it('names the data sources plugins serve when a type is unknown', async () => {
    const { diags } = await initialize('data "kilntest-nothing" "x" {}\n', { execute: true });
    expect(diags).toEqual([
      'error: Unknown data type kilntest-nothing | known data sources: [amazon-ami amazon-parameterstore amazon-secretsmanager http kilntest-values null]\n\n' +
        'Any other data source runs through its plugin once one is installed (a required_plugins entry and kiln init). | t.pkr.hcl:1,6-24 | -',
    ]);
  });
});
