import { chmod, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runBuild } from '../../src/cli/build.js';
import { runInspect } from '../../src/cli/inspect.js';
import { runValidate } from '../../src/cli/validate.js';
import type { CliIO } from '../../src/cli/io.js';
import { CHECKSUM_FILE_SUFFIX, sha256OfFile } from '../../src/plugins/checksums.js';
import { memoryIO } from '../support/cli.js';
import { installModernPlugin, modernPluginBinary } from '../support/modern-plugin.js';
import { childProcesses } from '../plugins/bridge/support.js';

/*
 * packer-plugin-kilntest (a plugin built from packer-plugin-sdk's own sources,
 * __tests__/support/modern-plugin) installed by required_plugins in
 * PACKER_PLUGIN_PATH and driven through Kiln's CLI: its builder `kilntest`
 * (a directory reached by /bin/sh), Kiln's own shell provisioner over that
 * builder's communicator, its provisioner `kilntest-exec`, Kiln's shell-local,
 * its post-processor `kilntest-report`, Kiln's manifest, and its data source
 * `kilntest-values` feeding the source. The plugin speaks protocol v2, so
 * Kiln starts every component with --protobuf, as Packer does, unless
 * PACKER_FORCE_GOB is set. The installed binary is a wrapper noting the
 * arguments of every start before it execs the plugin.
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

const TEMPLATE = `${REQUIRED}
data "kilntest-values" "settings" {
  greeting = "hello kiln"
  numbers  = [1, 2, 3]
  labels   = { team = "ci" }
}

source "kilntest" "machine" {
  message = data.kilntest-values.settings.message
  tags    = data.kilntest-values.settings.labels
  count   = data.kilntest-values.settings.sum - 4
  enabled = true
  workdir = "\${path.cwd}/machine"
}

build {
  sources = ["source.kilntest.machine"]

  provisioner "shell" {
    remote_folder = "."
    inline        = ["echo native shell in $(basename $(pwd))", "echo from-shell > shell.txt"]
  }
  provisioner "kilntest-exec" {
    inline          = ["cat shell.txt", "echo plugin exec"]
    upload_path     = "uploaded.txt"
    upload_content  = "payload"
    print_generated = ["KilnMessage"]
  }
  provisioner "shell-local" {
    inline = ["echo local says \${build.KilnMessage}"]
  }
  post-processor "kilntest-report" {
    output = "report.json"
  }
  post-processor "manifest" {
    output = "\${path.cwd}/manifest.json"
  }
}
`;

let root: string;
let plugins: string;
let binary: string;
let ws: string;
let tmp: string;
let startsLog: string;
const savedTmpdir = process.env['TMPDIR'];

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'kiln-modern-plugin-'));
  plugins = join(root, 'plugins');
  binary = await installModernPlugin(plugins);
  startsLog = join(root, 'starts.log');
  await writeFile(binary, `#!/bin/sh\necho "$*" >> ${startsLog}\nexec ${await modernPluginBinary()} "$@"\n`);
  await chmod(binary, 0o755);
  await writeFile(binary + CHECKSUM_FILE_SUFFIX, (await sha256OfFile(binary)).toString('hex'));
  // Kiln's temporary files (inline scripts) and the plugins' (their sockets) go here, to be counted.
  tmp = join(root, 'tmp');
  await mkdir(tmp);
  process.env['TMPDIR'] = tmp;
}, 900_000);

afterAll(async () => {
  if (savedTmpdir === undefined) delete process.env['TMPDIR'];
  else process.env['TMPDIR'] = savedTmpdir;
  await rm(root, { recursive: true, force: true });
});

beforeEach(async () => {
  ws = await mkdtemp(join(root, 'ws-'));
  await rm(startsLog, { force: true });
});

/** The arguments of every plugin start since the test began, `describe` calls left out. */
async function pluginStarts(): Promise<string[]> {
  const text = await readFile(startsLog, 'utf8').catch(() => '');
  return text.split('\n').filter((line) => line.startsWith('start '));
}

afterEach(async () => {
  expect(await childProcesses()).toEqual([]);
  expect(await readdir(tmp)).toEqual([]);
});

type Command = (argv: string[], io: CliIO) => Promise<number>;

async function kiln(command: Command, args: string[], template: string, env: Record<string, string> = {}) {
  await writeFile(join(ws, 't.pkr.hcl'), template);
  const m = memoryIO({
    cwd: ws,
    env: { PATH: process.env['PATH'] ?? '', HOME: root, TMPDIR: tmp, PACKER_PLUGIN_PATH: plugins, ...env },
  });
  const code = await command([...args, 't.pkr.hcl'], m.io);
  return { code, out: m.stdout(), err: m.stderr() };
}

describe('kiln validate', () => {
  it('accepts the template, the data source configured but not executed', async () => {
    // fail_with would fail Execute: validate does not execute data sources.
    const template = TEMPLATE.replace('labels   = { team = "ci" }', 'labels   = { team = "ci" }\n  fail_with = "x"');
    expect(await kiln(runValidate, [], template)).toEqual({ code: 0, out: 'The configuration is valid.\n', err: '' });
  });

  it.each([
    [
      "the builder's Prepare",
      '  count   = -1',
      'Error: 1 error(s) occurred:\n\n* count must not be negative, got -1\n\n  on t.pkr.hcl line 16:\n  (source code not available)\n\n\n',
    ],
    [
      "the provisioner's Prepare",
      '  upload_path = ""',
      'Error: Failed preparing provisioner-block "kilntest-exec" ""\n\n  on t.pkr.hcl line 31:\n  (source code not available)\n\n' +
        '1 error(s) occurred:\n\n* upload_path must be specified with upload_content\n\n\n',
    ],
    [
      "the builder's spec",
      '  count   = "many"',
      'Error: Incorrect attribute value type\n\n  on t.pkr.hcl line 19:\n  (source code not available)\n\n' +
        'Inappropriate value for attribute "count": a number is required.\n\n\n',
    ],
    [
      "the data source's Configure",
      '  greeting = ""',
      'Error: 1 error(s) occurred:\n\n* the `greeting` must be specified\n\n  on t.pkr.hcl line 10:\n  (source code not available)\n\n\n',
    ],
  ])('reports an error from %s at its block', async (_, change, out) => {
    const template = TEMPLATE.replace('  count   = data.kilntest-values.settings.sum - 4', (line) =>
      change.startsWith('  count') ? change : line,
    )
      .replace('    upload_path     = "uploaded.txt"', (line) => (change.includes('upload_path') ? change : line))
      .replace('  greeting = "hello kiln"', (line) => (change.includes('greeting') ? change : line));
    expect(template).not.toBe(TEMPLATE);
    expect(await kiln(runValidate, [], template)).toEqual({ code: 1, out, err: '' });
  });
});

/** The build's output with durations, the inline scripts' random names and the run's UUID made constant. */
function normalize(text: string): string {
  return text
    .replace(/after \d[\da-z. ]*?(?=\.?\n)/g, 'after <d>')
    .replaceAll(tmp, '<tmp>')
    .replaceAll(ws, '<ws>')
    .replace(/packer-shell\d+/g, 'packer-shellN');
}

const BUILD_OUTPUT = [
  '==> kilntest.machine: Creating machine for build "machine"',
  '    kilntest.machine: hello kiln!',
  '    kilntest.machine: hello kiln!',
  '    kilntest.machine: tag team=CI',
  '==> kilntest.machine: Running the provision hook',
  '==> kilntest.machine: Provisioning with shell script: <tmp>/packer-shellN',
  '==> kilntest.machine: native shell in machine',
  '==> kilntest.machine: Provisioning with kilntest-exec',
  '==> kilntest.machine: KilnMessage=hello kiln!',
  '==> kilntest.machine: Uploading 7 bytes to uploaded.txt',
  '==> kilntest.machine: Downloaded uploaded.txt back intact',
  '==> kilntest.machine: Running: cat shell.txt',
  '==> kilntest.machine: from-shell',
  '==> kilntest.machine: Running: echo plugin exec',
  '==> kilntest.machine: plugin exec',
  '==> kilntest.machine: Running local shell script: <tmp>/packer-shellN',
  '==> kilntest.machine: local says hello kiln!',
  '==> kilntest.machine: Running post-processor: kilntest-report',
  '==> kilntest.machine (kilntest-report): Writing a report on kiln-test.kilntest to report.json',
  '==> kilntest.machine: Running post-processor: manifest',
  "Build 'kilntest.machine' finished after <d>.",
  '',
  '==> Wait completed after <d>',
  '',
  '==> Builds finished. The artifacts of successful builds are:',
  '--> kilntest.machine: kilntest machine in <ws>/machine',
  '--> kilntest.machine: kilntest report: report.json',
  '--> kilntest.machine: kilntest machine in <ws>/machine',
  '',
].join('\n');

describe.each([
  ['protobuf', {}, '--protobuf '],
  ['gob', { PACKER_FORCE_GOB: '1' }, ''],
])('kiln build over %s', (_, env, flag) => {
  it('runs plugin and native components together, the data source feeding the source', async () => {
    const { code, out, err } = await kiln(runBuild, ['-color=false'], TEMPLATE, { PACKER_LOG: '1', ...env });
    expect(normalize(out)).toBe(BUILD_OUTPUT);
    expect(code).toBe(0);

    // Every start of every component (spec, Prepare, run, the data source) in the chosen encoding.
    const starts = new Set(await pluginStarts());
    expect(starts).toEqual(
      new Set([
        `start datasource ${flag}values`,
        `start builder ${flag}-packer-default-plugin-name-`,
        `start provisioner ${flag}exec`,
        `start post-processor ${flag}report`,
      ]),
    );
    // The debug log names the command lines as Packer's does, the data source's included.
    const logged = [...err.matchAll(/Starting plugin: (\S+) \[\]string\{(.*)\}$/gm)];
    expect(new Set(logged.map(([, path]) => path))).toEqual(new Set([binary]));
    expect(new Set(logged.map(([, , argv]) => (JSON.parse(`[${argv}]`) as string[]).slice(1).join(' ')))).toEqual(
      starts,
    );
    // Each plugin's stderr is in the debug log, under its name: the data source's too.
    expect(err).toMatch(
      new RegExp(
        `^\\S+ \\S+ ${basename(binary).replaceAll('.', '\\.')} datasource values plugin: \\S+ \\S+ \\[TRACE\\] starting datasource values$`,
        'm',
      ),
    );

    const machine = join(ws, 'machine');
    expect((await readdir(machine)).sort()).toEqual(['artifact.txt', 'shell.txt', 'uploaded.txt']);
    expect(await readFile(join(machine, 'artifact.txt'), 'utf8')).toBe('hello kiln!\n');
    expect(await readFile(join(machine, 'shell.txt'), 'utf8')).toBe('from-shell\n');
    expect(await readFile(join(machine, 'uploaded.txt'), 'utf8')).toBe('payload');

    const report = JSON.parse(await readFile(join(ws, 'report.json'), 'utf8')) as Record<string, unknown>;
    expect(report).toEqual({
      build_name: 'machine',
      builder_id: 'kiln-test.kilntest',
      id: 'machine',
      string: `kilntest machine in ${machine}`,
      files: [join(machine, 'artifact.txt')],
      // State("workdir") goes through Kiln's artifact service to the builder plugin's artifact, as in Packer.
      workdir: machine,
    });

    const manifest = JSON.parse(await readFile(join(ws, 'manifest.json'), 'utf8')) as {
      builds: Record<string, unknown>[];
      last_run_uuid: string;
    };
    expect(manifest.builds).toEqual([
      {
        name: 'machine',
        builder_type: 'kilntest',
        build_time: expect.any(Number) as unknown,
        files: [{ name: join(machine, 'artifact.txt'), size: 12 }],
        artifact_id: 'machine',
        packer_run_uuid: manifest.last_run_uuid,
        custom_data: null,
      },
    ]);
    expect(manifest.last_run_uuid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  }, 120_000);
});

describe('kiln inspect', () => {
  it.each([
    ['protobuf', {}, ' --protobuf'],
    ['gob', { PACKER_FORCE_GOB: '1' }, ''],
  ])('names the plugin command serving each component (%s)', async (_, env, flag) => {
    const { code, out } = await kiln(runInspect, [], TEMPLATE, env);
    const plugin = (args: string) => `(plugin ${binary} start ${args})`;
    expect(out).toBe(
      [
        'Packer Inspect: HCL2 mode',
        '',
        '> input-variables:',
        '',
        '',
        '> local-variables:',
        '',
        '',
        '> builds:',
        '',
        '  > <unnamed build 0>:',
        '',
        '    sources:',
        '',
        `      kilntest.machine ${plugin(`builder${flag} -packer-default-plugin-name-`)}`,
        '',
        '    provisioners:',
        '',
        '      shell (native)',
        `      kilntest-exec ${plugin(`provisioner${flag} exec`)}`,
        '      shell-local (native)',
        '',
        '    post-processors:',
        '',
        '      0:',
        `        kilntest-report ${plugin(`post-processor${flag} report`)}`,
        '',
        '      1:',
        '        manifest (native)',
        '',
        '',
      ].join('\n'),
    );
    expect(code).toBe(0);
  });
});
