import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { processesGone, processesMatching, startKiln } from '../../support/kiln-process.js';
import { installedPlugin, tempDir } from './support.js';

/*
 * `kiln build` as its own process with Packer 1.6.6's null builder as a
 * plugin and Kiln's own shell-local provisioner in its provision hook. The
 * builder plugin is killed (SIGKILL) or the build interrupted while the
 * provisioner sleeps: the provisioner is stopped with the plugin's Run, the
 * build is reported once it has settled, and Kiln exits at once, as Packer
 * does, leaving no process behind.
 */

// A sleep no other test runs, to find the provisioner's process by.
const SLEEP = 'sleep 23.5';

const TEMPLATE = `source "null" "n" {
  communicator = "none"
}
build {
  sources = ["source.null.n"]
  provisioner "shell-local" {
    inline = ["echo started", "${SLEEP}", "echo never reached"]
  }
}
`;

let root: string;
let plugins: string;

beforeAll(async () => {
  root = await tempDir();
  plugins = join(root, 'plugins');
  await mkdir(plugins);
  await installedPlugin(plugins, 'packer-builder-null');
  await writeFile(join(root, 'n.pkr.hcl'), TEMPLATE);
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

function build() {
  return startKiln(['build', '-color=false', 'n.pkr.hcl'], {
    cwd: root,
    env: {
      PACKER_PLUGIN_PATH: plugins,
      KILN_PREFER_PLUGINS: 'builder.null',
      PACKER_LOG: '1',
      PACKER_LOG_PATH: join(root, 'packer.log'),
    },
  });
}

const pluginProcess = 'packer plugin packer-builder-null';

/** The output without its script names and durations. */
const normalized = (out: string) =>
  out.replace(/packer-shell\d+/g, 'packer-shellN').replace(/after \d[^:\n]*/g, 'after D');

describe('kiln build when its builder plugin goes away during the provision hook', () => {
  it('stops the native provisioner when the plugin is killed, reports the build after it and exits', async () => {
    const kiln = build();
    await kiln.waitFor('==> null.n: started');
    const [pid] = processesMatching(pluginProcess);
    expect(pid).toBeDefined();
    const killed = Date.now();
    process.kill(pid!, 'SIGKILL');
    expect(await kiln.exited).toBe(1);
    // Packer exits at once; the provisioner's retry timeout (5m) must not hold Kiln.
    expect(Date.now() - killed).toBeLessThan(10_000);
    const error = 'plugin packer-builder-null was killed by SIGKILL during Builder.Run';
    expect(normalized(kiln.stdout())).toBe(
      '==> null.n: Running local shell script: /tmp/packer-shellN\n' +
        '==> null.n: started\n' +
        `Build 'null.n' errored after D: ${error}\n` +
        '\n' +
        '==> Wait completed after D\n' +
        '\n' +
        "==> Some builds didn't complete successfully and had errors:\n" +
        `--> null.n: ${error}\n` +
        '\n' +
        '==> Builds finished but no artifacts were created.\n',
    );
    // The plugin's own log stays in the debug log.
    expect(await readFile(join(root, 'packer.log'), 'utf8')).toContain('packer-builder-null plugin: ');
    expect(await processesGone(SLEEP)).toEqual([]);
    expect(await processesGone(pluginProcess)).toEqual([]);
  }, 60_000);

  it('reports an interrupted plugin build as a native one: "Build was cancelled."', async () => {
    const kiln = build();
    await kiln.waitFor('==> null.n: started');
    const interrupted = Date.now();
    kiln.child.kill('SIGINT');
    expect(await kiln.exited).toBe(1);
    expect(Date.now() - interrupted).toBeLessThan(10_000);
    const lines = normalized(kiln.stdout()).split('\n');
    expect(lines.slice(1, 4)).toEqual([
      '==> null.n: started',
      'Cancelling build after receiving interrupt',
      "Build 'null.n' errored after D: Build was cancelled.",
    ]);
    expect(lines.at(-2)).toBe('Cleanly cancelled builds after being interrupted.');
    expect(kiln.stdout()).not.toContain('never reached');
    expect(await processesGone(SLEEP)).toEqual([]);
    expect(await processesGone(pluginProcess)).toEqual([]);
  }, 60_000);
});
