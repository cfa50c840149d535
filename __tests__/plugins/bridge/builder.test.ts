import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { BuilderContext, ProvisionHookData } from '../../../src/components/runtime.js';
import { pluginBuilder } from '../../../src/plugins/bridge/builder.js';
import { releasePlugins } from '../../../src/plugins/bridge/retained.js';
import { childProcesses, installedPlugin, logBus, packerPlugin, recordingUi, tempDir } from './support.js';

afterEach(async () => {
  await releasePlugins();
  expect(await childProcesses()).toEqual([]);
});

function builderContext(overrides: Partial<BuilderContext> = {}) {
  const hooks: { name: string; data: ProvisionHookData }[] = [];
  const ui = recordingUi();
  const { bus, logs } = logBus();
  const context: BuilderContext = {
    signal: new AbortController().signal,
    ui,
    bus,
    onError: 'cleanup',
    debug: false,
    build: 'null.example',
    cwd: process.cwd(),
    force: false,
    runUuid: '6c2f3a9e-0000-4000-8000-000000000001',
    provision: async (_signal, data) => void hooks.push({ name: 'provision', data }),
    cleanupProvision: async (_signal, data) => void hooks.push({ name: 'cleanup', data }),
    ...overrides,
  };
  return { context, hooks, ui, logs };
}

describe('pluginBuilder with Packer 1.6.6 null', () => {
  it('prepares, runs the provision hook with the generated data and proxies the artifact', async () => {
    const run = pluginBuilder(await installedPlugin(await tempDir(), 'packer-builder-null'), 'null');
    const { context, hooks, ui } = builderContext();
    const artifact = await run({ communicator: 'none' }, context);
    expect(artifact).toEqual({
      builderId: 'fnoeding.null',
      id: 'Null',
      files: [],
      description: 'Did not export anything. This is the null builder',
      generatedData: { ID: 'Null' },
      destroy: expect.any(Function),
      state: expect.any(Function),
    });
    expect(hooks).toEqual([
      {
        name: 'provision',
        data: {
          // communicator = "none": the plugin serves its own none communicator, as Packer hands it over.
          communicator: expect.objectContaining({ target: 'plugin packer-builder-null' }),
          generatedData: {
            ID: 'Null',
            PackerHTTPAddr: 'ERR_HTTP_ADDR_NOT_IMPLEMENTED_BY_BUILDER',
            PackerHTTPIP: 'ERR_HTTP_IP_NOT_IMPLEMENTED_BY_BUILDER',
            PackerHTTPPort: 'ERR_HTTP_PORT_NOT_IMPLEMENTED_BY_BUILDER',
            PackerRunUUID: '6c2f3a9e-0000-4000-8000-000000000001',
          },
        },
      },
    ]);
    expect(ui.lines).toEqual([]);
    await artifact?.destroy?.();
  });

  it("fails with the plugin's Prepare errors and reaps it", async () => {
    const run = pluginBuilder(packerPlugin('packer-builder-null'), 'null');
    const { context } = builderContext();
    await expect(run({ communicator: 'ssh', ssh_host: '127.0.0.30', ssh_username: 'u' }, context)).rejects.toThrow(
      new Error(
        '1 error(s) occurred:\n\n' +
          '* one authentication method must be specified, please reference your communicator documentation',
      ),
    );
  });

  it('fails the build with the error of a provision hook', async () => {
    const run = pluginBuilder(packerPlugin('packer-builder-null'), 'null');
    const { context } = builderContext({
      provision: async () => {
        throw new Error('Script exited with non-zero exit status: 2');
      },
    });
    await expect(run({ communicator: 'none' }, context)).rejects.toThrow(
      new Error('Script exited with non-zero exit status: 2'),
    );
  });

  it('cancels the plugin when the build is interrupted', async () => {
    const controller = new AbortController();
    const run = pluginBuilder(packerPlugin('packer-builder-null'), 'null', { cancelGraceMs: 5_000 });
    const { context } = builderContext({
      signal: controller.signal,
      provision: async (signal) => {
        controller.abort(new Error('interrupted'));
        // The plugin's Run returns (the null builder does not wait for its hook) while this one winds down.
        await new Promise((resolve) => setTimeout(resolve, 200));
        throw signal.reason;
      },
    });
    // As a native builder reports it, whatever the plugin returned.
    await expect(run({ communicator: 'none' }, context)).rejects.toThrow(new Error('Build was cancelled.'));
  });

  it('stops the provision hook when the plugin dies during it, and fails once the hook has settled', async () => {
    const events: string[] = [];
    const run = pluginBuilder(packerPlugin('packer-builder-null'), 'null');
    const { context } = builderContext({
      provision: async (signal) => {
        const plugin = (await childProcesses()).find((line) => line.endsWith(' packer plugin packer-builder-null'));
        process.kill(Number(plugin?.split(' ')[0]), 'SIGKILL');
        await new Promise((resolve) => signal.addEventListener('abort', resolve, { once: true }));
        events.push(`hook aborted: ${(signal.reason as Error).message}`);
        await new Promise((resolve) => setTimeout(resolve, 200));
        events.push('hook settled');
      },
    });
    const started = Date.now();
    await run({ communicator: 'none' }, context).catch((error: Error) => events.push(`run: ${error.message}`));
    expect(events).toEqual([
      // Whichever Kiln sees first: the connection closing or the process exiting.
      expect.stringMatching(/^hook aborted: plugin (connection closed|packer-builder-null was killed by SIGKILL)$/),
      'hook settled',
      'run: plugin packer-builder-null was killed by SIGKILL during Builder.Run',
    ]);
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});

describe('pluginBuilder with Packer 1.6.6 file', () => {
  it('writes the file, proxies the artifact and destroys it through the plugin', async () => {
    const dir = await tempDir();
    const target = join(dir, 'out.txt');
    const run = pluginBuilder(packerPlugin('packer-builder-file'), 'file');
    const { context, ui } = builderContext({ build: 'file.example' });
    const artifact = await run({ content: 'hello from the file builder', target }, context);
    expect(artifact).toEqual({
      builderId: 'packer.file',
      id: 'File',
      files: [target],
      description: `Stored file: ${target}`,
      destroy: expect.any(Function),
      state: expect.any(Function),
    });
    expect(ui.lines).toEqual([]);
    expect(await readFile(target, 'utf8')).toBe('hello from the file builder');
    // The plugin serves the artifact until it is destroyed.
    expect((await childProcesses()).length).toBe(1);
    await artifact?.destroy?.();
    expect(existsSync(target)).toBe(false);
    expect(await childProcesses()).toEqual([]);
  });

  it('keeps the plugin for an artifact until releasePlugins', async () => {
    const dir = await tempDir();
    const run = pluginBuilder(packerPlugin('packer-builder-file'), 'file');
    const { context } = builderContext();
    await run({ content: 'x', target: join(dir, 'kept.txt') }, context);
    expect((await childProcesses()).length).toBe(1);
    await releasePlugins();
    expect(await childProcesses()).toEqual([]);
    expect(existsSync(join(dir, 'kept.txt'))).toBe(true);
  });
});
