import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runBuild } from '../../src/cli/build.js';
import { runValidate } from '../../src/cli/validate.js';
import { childProcesses } from '../plugins/bridge/support.js';
import { brokenPluginDir } from '../support/broken-plugins.js';
import { memoryIO } from '../support/cli.js';
import { packerAvailable, runPacker } from '../support/packer.js';

/*
 * A plugin that does not start (exits at once, prints no handshake, prints
 * garbage) is reported once at each use, where Packer reports it, and its
 * type is not also called unknown. Compared with Packer 1.6.6 run on the
 * same file and plugin directory. Where they differ Kiln follows current
 * Packer: 1.6.6 gives these diagnostics no severity (it prints "???????"
 * and exits 0) and repeats a post-processor's for a source whose builder
 * did not start (current Packer skips that source's other components).
 */

const hasPacker = packerAvailable();

let pluginDir: string;
const workDirs: string[] = [];

beforeAll(async () => {
  pluginDir = await brokenPluginDir('kiln-broken-plugins-');
});

afterEach(async () => {
  expect(await childProcesses()).toEqual([]);
});

afterAll(async () => {
  await Promise.all([pluginDir, ...workDirs].map((d) => rm(d, { recursive: true, force: true })));
});

const NULL_SOURCE = 'source "null" "n" {\n  communicator = "none"\n}\n';

interface Case {
  readonly name: string;
  readonly template: string;
  /** Each diagnostic's summary, "on FILE line N" and the first line of its detail. */
  readonly expected: readonly (readonly [string, string, string])[];
}

/** The first line of the detail (wrapped at 80 columns). */
const crashed = (kind: string, type: string) =>
  `Failed to start plugin packer-${kind}-${type}: plugin exited before we could`;

const cases: Case[] = [
  {
    name: 'a provisioner that exits at once: at its type label',
    template: `${NULL_SOURCE}build {\n  sources = ["source.null.n"]\n  provisioner "crashy" {\n    foo = 1\n  }\n}\n`,
    expected: [['Error: failed loading crashy', 'on t.pkr.hcl line 6:', crashed('provisioner', 'crashy')]],
  },
  {
    name: 'a provisioner that prints no handshake, used twice: at each use',
    template: `${NULL_SOURCE}build {\n  sources = ["source.null.n"]\n  provisioner "quiet" {}\n  provisioner "quiet" {}\n}\n`,
    expected: [
      ['Error: failed loading quiet', 'on t.pkr.hcl line 6:', crashed('provisioner', 'quiet')],
      ['Error: failed loading quiet', 'on t.pkr.hcl line 7:', crashed('provisioner', 'quiet')],
    ],
  },
  {
    name: 'a provisioner that prints garbage',
    template: `${NULL_SOURCE}build {\n  sources = ["source.null.n"]\n  provisioner "garbage" {\n    foo = 1\n  }\n}\n`,
    expected: [
      [
        'Error: failed loading garbage',
        'on t.pkr.hcl line 6:',
        'Failed to start plugin packer-provisioner-garbage: Unrecognized remote plugin',
      ],
    ],
  },
  {
    name: 'a builder and a post-processor that exit: at the source type label and the post-processor block',
    template: `source "crashb" "c" {\n  foo = 1\n}\n${NULL_SOURCE}build {\n  sources = ["source.crashb.c", "source.null.n"]\n  post-processor "crashpp" {}\n}\n`,
    expected: [
      ['Error: Failed to load source type', 'on t.pkr.hcl line 1:', crashed('builder', 'crashb')],
      [
        'Error: Failed loading crashpp',
        'on t.pkr.hcl line 9:',
        'Failed to start plugin packer-post-processor-crashpp: plugin exited before we',
      ],
    ],
  },
];

const env = () => ({ PACKER_PLUGIN_PATH: pluginDir });

/** Each printed diagnostic as [summary line, location line, first detail line]. */
function diagnostics(text: string): [string, string, string][] {
  return text
    .split(/\n\n(?=(?:Error|Warning|\?{7}): )/)
    .filter((d) => d.trim() !== '')
    .map((d): [string, string, string] => {
      const lines = d.split('\n').map((l) => l.trim());
      const body = lines.slice(1).filter((l) => l !== '' && l !== '(source code not available)');
      return [lines[0]!, body[0] ?? '', body[1] ?? ''];
    });
}

async function workDir(template: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'kiln-broken-plugin-case-'));
  workDirs.push(dir);
  await writeFile(join(dir, 't.pkr.hcl'), template);
  return dir;
}

describe('a plugin that does not start', () => {
  it.each(cases)('kiln validate: $name', async (c) => {
    const dir = await workDir(c.template);
    const m = memoryIO({ cwd: dir, env: env() });
    expect(await runValidate(['t.pkr.hcl'], m.io)).toBe(1);
    expect(diagnostics(m.stdout() + m.stderr())).toEqual(c.expected);
  });

  it('kiln build stops with the same diagnostics', async () => {
    const c = cases[0]!;
    const dir = await workDir(c.template);
    const m = memoryIO({ cwd: dir, env: env() });
    expect(await runBuild(['t.pkr.hcl'], m.io)).toBe(1);
    expect(diagnostics(m.stdout() + m.stderr())).toEqual(c.expected);
  });
});

describe.skipIf(!hasPacker)('a plugin that does not start, against packer validate 1.6.6', () => {
  it.each(cases)('$name', async (c) => {
    const dir = await workDir(c.template);
    const packer = await runPacker(['validate', 't.pkr.hcl'], { cwd: dir, env: env() });
    const m = memoryIO({ cwd: dir, env: env() });
    await runValidate(['t.pkr.hcl'], m.io);
    // Summary and location only: Packer's detail is the go-plugin error, Kiln's names the plugin.
    const where = (text: string) => [
      ...new Set(diagnostics(text).map(([summary, at]) => `${summary.replace(/^\?{7}:/, 'Error:')} ${at}`)),
    ];
    expect(where(m.stdout() + m.stderr())).toEqual(where(packer.stdout + packer.stderr));
  });
});
