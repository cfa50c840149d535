import { spawn } from 'node:child_process';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { launchPlugin } from '../../../src/plugins/bridge/plugin-process.js';
import { RemoteError } from '../../../src/plugins/bridge/rpc/client.js';
import { childProcesses, installedPlugin, packerPlugin, processExists, script, tempDir } from './support.js';

const root = join(import.meta.dirname, '..', '..', '..');
const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

const nullPrepareErrors =
  '4 error(s) occurred:\n\n' +
  '* An ssh_username must be specified\n  Note: some builders used to default ssh_username to "root".\n' +
  '* a Host must be specified, please reference your communicator documentation\n' +
  '* a Username must be specified, please reference your communicator documentation\n' +
  '* one authentication method must be specified, please reference your communicator documentation';

afterEach(async () => {
  expect(await childProcesses()).toEqual([]);
});

describe('launchPlugin against Packer 1.6.6 built-in plugins', () => {
  it('handshakes over the unix socket and calls the builder', async () => {
    const plugin = await launchPlugin(packerPlugin('packer-builder-null'));
    try {
      const spec = await plugin.call('Builder.ConfigSpec', null, 10_000);
      expect(spec).toEqual({ ConfigSpec: expect.any(Uint8Array) });
      // 57 attribute specs, gob-encoded with their cty types.
      expect((spec as { ConfigSpec: Uint8Array }).ConfigSpec.length).toBe(12619);
      const prepared = await plugin.call(
        'Builder.Prepare',
        { Configs: [{ packer_build_name: 'a', packer_builder_type: 'null' }, { communicator: 'ssh' }] },
        10_000,
      );
      expect(prepared).toEqual({ GeneratedVars: null, Warnings: null, Error: { Message: nullPrepareErrors } });
    } finally {
      await plugin.kill();
    }
    expect(processExists(plugin.pid)).toBe(false);
  });

  it('launches an installed single-component plugin binary', async () => {
    const plugin = await launchPlugin(await installedPlugin(await tempDir(), 'packer-builder-null'));
    try {
      const prepared = await plugin.call('Builder.Prepare', { Configs: [{ communicator: 'none' }] }, 10_000);
      expect(prepared).toEqual({ GeneratedVars: null, Warnings: null, Error: null });
    } finally {
      await plugin.kill();
    }
  });

  it('returns net/rpc errors for a method the plugin does not serve', async () => {
    const plugin = await launchPlugin(packerPlugin('packer-provisioner-shell-local'));
    try {
      const call = plugin.call('Builder.Prepare', { Configs: [] }, 10_000);
      await expect(call).rejects.toThrow(new RemoteError("rpc: can't find service Builder.Prepare"));
    } finally {
      await plugin.kill();
    }
  });

  it('keeps answering after SIGINT, as plugins ignore interrupts, and is reaped afterwards', async () => {
    const plugin = await launchPlugin(packerPlugin('packer-builder-null'));
    try {
      process.kill(plugin.pid, 'SIGINT');
      await new Promise((resolve) => setTimeout(resolve, 200));
      const prepared = await plugin.call('Builder.Prepare', { Configs: [{ communicator: 'none' }] }, 10_000);
      expect(prepared).toEqual({ GeneratedVars: null, Warnings: null, Error: null });
    } finally {
      await plugin.kill();
    }
    expect(processExists(plugin.pid)).toBe(false);
  });

  it('names a plugin that dies mid-session', async () => {
    const plugin = await launchPlugin(packerPlugin('packer-builder-null'));
    try {
      process.kill(plugin.pid, 'SIGKILL');
      const call = plugin.call('Builder.Prepare', { Configs: [{ communicator: 'none' }] }, 10_000);
      // Its stderr went to the debug log; the error names the plugin, the call and how it ended.
      await expect(call).rejects.toThrow(
        new Error('plugin packer-builder-null was killed by SIGKILL during Builder.Prepare'),
      );
    } finally {
      await plugin.kill();
    }
  });

  it('bounds a call to a plugin that never answers, then reaps it', async () => {
    const plugin = await launchPlugin(packerPlugin('packer-builder-null'));
    try {
      process.kill(plugin.pid, 'SIGSTOP');
      await stopped(plugin.pid);
      const call = plugin.call('Builder.Prepare', { Configs: [{ communicator: 'none' }] }, 300);
      await expect(call).rejects.toThrow('plugin packer-builder-null did not answer Builder.Prepare within 300 ms');
    } finally {
      await plugin.kill();
    }
    expect(processExists(plugin.pid)).toBe(false);
  });
});

/**
 * Waits (bounded) until every thread of pid is stopped: on a starved machine
 * a SIGSTOPped Go process can still answer a request it was woken for.
 */
async function stopped(pid: number): Promise<void> {
  const state = async (tid: string) => (await readFile(`/proc/${pid}/task/${tid}/stat`, 'utf8')).split(') ')[1]?.[0];
  for (let i = 0; i < 200; i++) {
    const states = await Promise.all((await readdir(`/proc/${pid}/task`)).map(state));
    if (states.every((s) => s === 'T')) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`process ${pid} did not stop within 2 s`);
}

describe('launchPlugin failure paths', () => {
  it('refuses an API version mismatch and reaps the process', async () => {
    const command = await script(await tempDir(), 'packer-builder-old', 'echo "4|unix|/tmp/none"; exec sleep 30');
    await expect(launchPlugin(command)).rejects.toThrow(
      'Failed to start plugin packer-builder-old: Incompatible API version with plugin. Plugin version: 4, Ours: 5',
    );
  });

  it('refuses a newer API minor version', async () => {
    const command = await script(await tempDir(), 'packer-plugin-new', 'echo "5|1|unix|/tmp/none"; exec sleep 30');
    await expect(launchPlugin(command)).rejects.toThrow(
      'Failed to start plugin packer-plugin-new: Incompatible API MINOR version with plugin. plugin MINOR API version: 1, Ours: 0. Please upgrade Kiln.',
    );
  });

  it('reports a plugin that exits before the handshake, with its output', async () => {
    const command = await script(await tempDir(), 'packer-builder-crash', 'echo "boom: no config" >&2; exit 3');
    await expect(launchPlugin(command)).rejects.toThrow(
      'Failed to start plugin packer-builder-crash: plugin exited before we could connect (it exited with status 3)\n' +
        'Plugin output:\nboom: no config',
    );
  });

  it('times out on a plugin that never prints its handshake and kills it', async () => {
    const command = await script(await tempDir(), 'packer-builder-hang', 'exec sleep 30');
    await expect(launchPlugin(command, { startTimeoutMs: 300 })).rejects.toThrow(
      'Failed to start plugin packer-builder-hang: timeout while waiting for plugin to start',
    );
  });

  it('reports an unreachable handshake address', async () => {
    const command = await script(
      await tempDir(),
      'packer-builder-gone',
      'echo "5|unix|/nonexistent/sock"; exec sleep 30',
    );
    await expect(launchPlugin(command)).rejects.toThrow(
      'Failed to start plugin packer-builder-gone: connect ENOENT /nonexistent/sock',
    );
  });
});

/*
 * A plugin script that starts a process without exec leaves it holding the
 * plugin's stdout and stderr once the plugin is killed. Kiln closes its ends
 * of the pipes, so that process cannot keep Kiln running: a host process that
 * launches such a plugin exits by itself once it is done with it.
 */
describe('launchPlugin with a plugin whose child holds its output', () => {
  type Mode = 'timeout' | 'kill' | 'prompt';
  const launcher = (mode: Mode) => `
import { launchPlugin } from ${JSON.stringify(pathToFileURL(join(root, 'src/plugins/bridge/plugin-process.ts')).href)};
const [path, name] = process.argv.slice(2);
const command = { path, args: [], name };
if (${JSON.stringify(mode)} === 'timeout') {
  await launchPlugin(command, { startTimeoutMs: 300 }).catch((error) => console.log(error.message));
} else {
  const plugin = await launchPlugin(command);
  console.log(await plugin.call('Builder.Prepare', { Configs: [{ communicator: 'none' }] }, 10_000));
  await plugin.kill();
  if (${JSON.stringify(mode)} === 'prompt') console.log(\`killed at \${Date.now()}\`);
}
`;

  /** Runs the launcher as its own process; resolves its output once it exits, or "still running" after 10 s. */
  async function host(dir: string, mode: Mode, plugin: string): Promise<string> {
    const file = join(dir, `launch-${mode}.mts`);
    await writeFile(file, launcher(mode));
    const child = spawn(process.execPath, ['--import', tsx, file, plugin, basename(plugin)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    const exited = new Promise<string>((resolve) =>
      child.once('close', () => resolve(`${out}exited at ${Date.now()}\n`)),
    );
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    const result = await exited;
    clearTimeout(timer);
    return child.signalCode === 'SIGKILL' ? `still running; printed: ${result}` : result;
  }

  /** The pid the plugin's child wrote, killed after the test. */
  async function orphan(pidFile: string): Promise<number> {
    const pid = Number(await readFile(pidFile, 'utf8'));
    expect(processExists(pid)).toBe(true);
    return pid;
  }

  it('exits after the start timeout', async () => {
    const dir = await tempDir();
    const pidFile = join(dir, 'orphan.pid');
    const command = await script(dir, 'packer-builder-hangchild', `sleep 1000 & echo $! > ${pidFile}; wait`);
    const out = await host(dir, 'timeout', command.path);
    const pid = await orphan(pidFile);
    process.kill(pid, 'SIGKILL');
    expect(out).toMatch(
      /^Failed to start plugin packer-builder-hangchild: timeout while waiting for plugin to start\nexited at \d+\n$/,
    );
  }, 30_000);

  it('exits after the plugin is killed', async () => {
    const dir = await tempDir();
    const pidFile = join(dir, 'orphan.pid');
    const command = await script(
      dir,
      'packer-builder-null',
      `sleep 1000 & echo $! > ${pidFile}; packer plugin packer-builder-null "$@"`,
    );
    const out = await host(dir, 'kill', command.path);
    const pid = await orphan(pidFile);
    process.kill(pid, 'SIGKILL');
    expect(out).toMatch(/^\{ GeneratedVars: null, Warnings: null, Error: null \}\nexited at \d+\n$/);
  }, 30_000);

  // Timers Kiln sets while killing (waiting for the last output) must not hold the exit back.
  it('lets the host exit at once after killing a plugin that holds nothing', async () => {
    const out = await host(
      await tempDir(),
      'prompt',
      (await installedPlugin(await tempDir(), 'packer-builder-null')).path,
    );
    const [, killed, exited] = /killed at (\d+)\nexited at (\d+)\n$/.exec(out) ?? [];
    expect(Number(exited) - Number(killed)).toBeLessThan(400);
  }, 30_000);
});
