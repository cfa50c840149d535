import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runBuild } from '../../src/cli/build.js';
import { childProcesses, installedPlugin } from '../plugins/bridge/support.js';
import { memoryIO } from '../support/cli.js';
import { packerAvailable, runPacker } from '../support/packer.js';

/*
 * `kiln build -force`, `-debug` and `-on-error` reach a legacy template's
 * components as packer_force, packer_debug and packer_on_error, as Packer
 * 1.6.6's CoreBuild.Prepare passes them, whether Kiln prepares the component or a
 * plugin does. What shows it: the qemu builder refuses an existing output
 * directory without -force (in Prepare, before it needs QEMU); Packer 1.6.6's
 * own null builder, run as a plugin, steps through its multistep runner with
 * a pause after each step under -debug and without cleanup under
 * -on-error=abort. Compared with `packer build` 1.6.6 where the output is
 * deterministic.
 */

const hasPacker = packerAvailable();

let plugins = '';
const dirs: string[] = [];

beforeAll(async () => {
  plugins = await mkdtemp(join(tmpdir(), 'kiln-legacy-flags-plugins-'));
  for (const name of ['packer-builder-null', 'packer-builder-qemu']) await installedPlugin(plugins, name);
});

afterEach(async () => {
  expect(await childProcesses()).toEqual([]);
});

afterAll(async () => {
  await Promise.all([plugins, ...dirs].map((d) => rm(d, { recursive: true, force: true })));
});

async function workspace(template: unknown): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'kiln-legacy-flags-'));
  dirs.push(dir);
  await writeFile(join(dir, 't.json'), JSON.stringify(template, null, 2));
  return dir;
}

/** Plugins served from PACKER_PLUGIN_PATH; KILN_PREFER_PLUGINS for components Kiln has too. */
function env(preferPlugins: boolean): Record<string, string> {
  return {
    PATH: process.env['PATH'] ?? '',
    PACKER_PLUGIN_PATH: plugins,
    ...(preferPlugins ? { KILN_PREFER_PLUGINS: '1' } : {}),
  };
}

/** Durations vary between runs. */
function stable(out: string): string {
  return out.replace(/after [0-9a-z ]+?(\.|:|$)/gm, 'after <d>$1');
}

async function kiln(dir: string, args: string[], opts: { preferPlugins: boolean; stdin?: string }) {
  const m = memoryIO({
    cwd: dir,
    env: env(opts.preferPlugins),
    tty: opts.stdin !== undefined,
    stdin: opts.stdin ?? '',
  });
  const previous = process.cwd();
  process.chdir(dir); // qemu's output_directory is relative to the process directory, as Packer's
  try {
    const code = await runBuild(['-color=false', ...args, 't.json'], m.io);
    return { code, out: stable(m.stdout()), err: m.stderr() };
  } finally {
    process.chdir(previous);
  }
}

async function packer(dir: string, args: string[], preferPlugins: boolean) {
  const run = await runPacker(['build', '-color=false', ...args, 't.json'], { cwd: dir, env: env(preferPlugins) });
  return { code: run.exit, out: stable(run.stdout), err: run.stderr };
}

const qemu = {
  builders: [
    {
      type: 'qemu',
      iso_url: 'boot.iso',
      iso_checksum: 'none',
      communicator: 'none',
      output_directory: 'out',
      headless: true,
    },
  ],
};

describe.skipIf(!hasPacker)('kiln build -force of a legacy template, against packer build 1.6.6', () => {
  it.each([
    ['Kiln', false],
    ['a plugin', true],
  ])('qemu prepared by %s: an existing output directory is refused without -force only', async (_, preferPlugins) => {
    const dir = await workspace(qemu);
    await writeFile(join(dir, 'boot.iso'), 'iso');
    await mkdir(join(dir, 'out'));

    const refused = await kiln(dir, [], { preferPlugins });
    const diagnostic = [
      'Error: Failed to prepare build: "qemu"',
      '',
      '1 error(s) occurred:',
      '',
      "* Output directory 'out' already exists. It must not exist.",
      '',
      '',
      '',
    ].join('\n');
    expect(refused).toEqual({ code: 1, out: diagnostic, err: '' });
    // Packer 1.6.6 then goes on with no builds; current Packer, and Kiln, stop there.
    expect((await packer(dir, [], preferPlugins)).out.startsWith(diagnostic)).toBe(true);

    const forced = await kiln(dir, ['-force'], { preferPlugins });
    expect(forced.out.split('\n').slice(0, 5)).toEqual([
      'Warning: Warning when preparing build: "qemu"',
      '',
      "A checksum of 'none' was specified. Since ISO files are so big,",
      'a checksum is highly recommended.',
      '',
    ]);
    expect(forced.out).not.toContain('Output directory');
    // Prepared; then Kiln's qemu needs a plugin to run, and Packer's needs QEMU, which is not installed.
    expect(forced.code).toBe(1);
    if (preferPlugins) expect(forced).toEqual(await packer(dir, ['-force'], preferPlugins));
  });
});

describe.skipIf(!hasPacker)("-debug and -on-error reach Packer 1.6.6's null builder run as a plugin", () => {
  it('-on-error=abort: the plugin skips cleanup and says so, as under packer build', async () => {
    const dir = await workspace({
      builders: [
        {
          type: 'null',
          ssh_host: '127.0.0.79',
          ssh_port: 1,
          ssh_username: 'u',
          ssh_password: 'p',
          ssh_timeout: '1s',
        },
      ],
    });
    const aborted = await kiln(dir, ['-on-error=abort'], { preferPlugins: true });
    expect(aborted.out.split('\n').slice(0, 5)).toEqual([
      '==> null: Using ssh communicator to connect: 127.0.0.79',
      '==> null: Waiting for SSH to become available...',
      '==> null: Timeout waiting for SSH.',
      '==> null: Timeout waiting for SSH.',
      '==> null: Step "StepConnect" failed, aborting...',
    ]);
    expect(aborted).toEqual(await packer(dir, ['-on-error=abort'], true));
    // Without the flag, the plugin's runner cleans up as usual.
    const cleaned = await kiln(dir, [], { preferPlugins: true });
    expect(cleaned.out).not.toContain('aborting');
    expect(cleaned).toEqual(await packer(dir, [], true));
  });

  it('-debug: the plugin pauses after each step and asks on the terminal', async () => {
    const dir = await workspace({ builders: [{ type: 'null', communicator: 'none' }] });
    // Enter for each pause: after each step's run and before its cleanup.
    const enter = '\n'.repeat(10);
    const debug = await kiln(dir, ['-debug'], { preferPlugins: true, stdin: enter });
    expect(debug.code).toBe(0);
    // The terminal does not echo the Enter typed after each question.
    const pauses = [
      "after run of step 'StepConnect'",
      "after run of step 'StepProvision'",
      "before cleanup of step 'StepProvision'",
      "before cleanup of step 'StepConnect'",
    ];
    expect(debug.out).toBe(
      [
        'Debug mode enabled. Builds will not be parallelized.',
        `${pauses.map((p) => `==> null: Pausing ${p}. Press enter to continue. `).join('')}Build 'null' finished after <d>.`,
        '',
        '==> Wait completed after <d>',
        '',
        '==> Builds finished. The artifacts of successful builds are:',
        '--> null: Did not export anything. This is the null builder',
        '',
      ].join('\n'),
    );
    const plain = await kiln(dir, [], { preferPlugins: true, stdin: enter });
    expect(plain.out).not.toContain('Pausing');
  });
});
