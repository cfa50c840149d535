import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runBuild } from '../../../src/cli/build.js';
import { runValidate } from '../../../src/cli/validate.js';
import { childProcesses } from '../../plugins/bridge/support.js';
import { brokenPluginDir } from '../../support/broken-plugins.js';
import { memoryIO } from '../../support/cli.js';
import { packerAvailable, runPacker } from '../../support/packer.js';

/*
 * getBuilds of a legacy JSON template whose plugin component does not start
 * (exits at once, exits without a handshake, prints garbage): Core.Build
 * starts the components, so the error is "Failed to initialize build", not
 * CoreBuild.Prepare's "Failed to prepare build". Compared with Packer 1.6.6
 * on the same file and plugin directory: the summary and the first words of
 * the detail (Packer's go-plugin error differs from the bridge's, which names
 * the plugin and adds its output).
 */

const hasPacker = packerAvailable();

let pluginDir: string;
const workDirs: string[] = [];

beforeAll(async () => {
  pluginDir = await brokenPluginDir('kiln-legacy-broken-plugins-');
});

afterEach(async () => {
  expect(await childProcesses()).toEqual([]);
});

afterAll(async () => {
  await Promise.all([pluginDir, ...workDirs].map((d) => rm(d, { recursive: true, force: true })));
});

interface Case {
  readonly name: string;
  readonly template: unknown;
  /** The summary and the detail up to the plugin's own error. */
  readonly expected: readonly [string, string];
}

const NULL_BUILDER = { type: 'null', communicator: 'none' };

const cases: Case[] = [
  {
    name: 'a provisioner that exits at once',
    template: { builders: [NULL_BUILDER], provisioners: [{ type: 'crashy', foo: 1 }] },
    expected: ['Error: Failed to initialize build "null"', "error initializing provisioner 'crashy':"],
  },
  {
    name: 'a provisioner that exits without a handshake, in a named build',
    template: { builders: [{ ...NULL_BUILDER, name: 'nn' }], provisioners: [{ type: 'quiet' }] },
    expected: ['Error: Failed to initialize build "nn"', "error initializing provisioner 'quiet':"],
  },
  {
    name: 'a provisioner that prints garbage',
    template: { builders: [NULL_BUILDER], provisioners: [{ type: 'garbage' }] },
    expected: ['Error: Failed to initialize build "null"', "error initializing provisioner 'garbage':"],
  },
  {
    name: 'a builder that exits at once',
    template: { builders: [{ type: 'crashb', foo: 1 }] },
    expected: ['Error: Failed to initialize build "crashb"', "error initializing builder 'crashb':"],
  },
  {
    name: 'a post-processor that exits at once',
    template: { builders: [NULL_BUILDER], 'post-processors': ['crashpp'] },
    expected: ['Error: Failed to initialize build "null"', "error initializing post-processor 'crashpp':"],
  },
];

const env = () => ({ PACKER_PLUGIN_PATH: pluginDir });

/** The first diagnostic's summary and the start of its detail, up to the component's name. */
function firstDiagnostic(text: string): [string, string] {
  const [summary = '', , detail = ''] = text.split('\n');
  return [summary, /^error initializing [a-z-]+ '[a-z]+':/.exec(detail)?.[0] ?? detail];
}

async function workDir(template: unknown): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'kiln-legacy-broken-plugin-case-'));
  workDirs.push(dir);
  await writeFile(join(dir, 't.json'), JSON.stringify(template));
  return dir;
}

describe('a plugin that does not start, in a legacy JSON template', () => {
  it.each(cases)('kiln validate: $name', async (c) => {
    const dir = await workDir(c.template);
    const m = memoryIO({ cwd: dir, env: env() });
    expect(await runValidate(['t.json'], m.io)).toBe(1);
    expect(firstDiagnostic(m.stdout() + m.stderr())).toEqual(c.expected);
  });

  it('kiln build says the same', async () => {
    const c = cases[0]!;
    const dir = await workDir(c.template);
    const m = memoryIO({ cwd: dir, env: env() });
    expect(await runBuild(['t.json'], m.io)).toBe(1);
    expect(firstDiagnostic(m.stdout() + m.stderr())).toEqual(c.expected);
  });
});

describe.skipIf(!hasPacker)('a plugin that does not start, against packer validate 1.6.6', () => {
  it.each(cases)('$name', async (c) => {
    const dir = await workDir(c.template);
    const packer = await runPacker(['validate', 't.json'], { cwd: dir, env: env() });
    expect(packer.exit).toBe(1);
    expect(firstDiagnostic(packer.stdout + packer.stderr)).toEqual(c.expected);
  });
});
