import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import type { Communicator } from '../../../../src/communicator/communicator.js';
import type { BuilderContext, ProvisionHookData } from '../../../../src/components/runtime.js';
import { pluginBuilder } from '../../../../src/plugins/bridge/builder.js';
import { releasePlugins } from '../../../../src/plugins/bridge/retained.js';
import { startSshd } from '../../../support/sshd.js';
import { childProcesses, logBus, packerPlugin, recordingUi } from '../support.js';

/*
 * The Hook service as Packer 1.6.6's null builder (a real plugin) calls it:
 * Hook.Run brings the generated data and the broker id of the plugin's
 * communicator, which the provisioners get for the hook's duration.
 */

afterEach(async () => {
  await releasePlugins();
  expect(await childProcesses()).toEqual([]);
});

type Hook = (signal: AbortSignal, hook: ProvisionHookData) => Promise<void>;

function context(provision: Hook, cleanupProvision: Hook = async () => undefined): BuilderContext {
  return {
    signal: new AbortController().signal,
    ui: recordingUi(),
    bus: logBus().bus,
    onError: 'cleanup',
    debug: false,
    build: 'null.hook',
    cwd: process.cwd(),
    force: false,
    runUuid: '6c2f3a9e-0000-4000-8000-000000000110',
    provision,
    cleanupProvision,
  };
}

async function output(comm: Communicator, command: string): Promise<{ exitStatus: number; stdout: string }> {
  let stdout = '';
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      stdout += chunk.toString('utf8');
      done();
    },
  });
  const { exitStatus } = await comm.start({ command, stdout: sink });
  return { exitStatus, stdout };
}

const errorOf = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (e: unknown) => (e instanceof Error ? e.message : e),
  );

describe('hookService with Packer 1.6.6 null', { timeout: 60_000 }, () => {
  it('serves the ssh communicator to the provision and cleanup hooks, and closes it after each', async () => {
    const sshd = await startSshd('127.0.0.110', { emptyHome: true });
    try {
      const seen: unknown[] = [];
      const comms: Communicator[] = [];
      const run = pluginBuilder(packerPlugin('packer-builder-null'), 'null');
      const config = {
        communicator: 'ssh',
        ssh_host: sshd.host,
        ssh_port: sshd.port,
        ssh_username: 'root',
        ssh_private_key_file: sshd.userKeyFile,
      };
      const provision: Hook = async (_signal, hook) => {
        seen.push(hook.generatedData['ConnType'], hook.communicator?.target);
        comms.push(hook.communicator!);
        seen.push(await output(hook.communicator!, 'echo "$(whoami) in provision"; exit 4'));
        throw new Error('provisioning failed');
      };
      const cleanup: Hook = async (_signal, hook) => {
        comms.push(hook.communicator!);
        seen.push(await output(hook.communicator!, 'echo cleanup'));
        // The provision hook's communicator was closed when that hook returned; the plugin still runs.
        seen.push(await errorOf(comms[0]!.start({ command: 'true' })));
      };
      // The cleanup hook ran after the failed provisioning, and succeeded: the build fails with the original error.
      await expect(run(config, context(provision, cleanup))).rejects.toThrow(new Error('provisioning failed'));
      // Each hook's communicator is a connection of its own.
      expect(comms[0]).not.toBe(comms[1]);
      const target = `root@${sshd.host}:${sshd.port} (plugin packer-builder-null)`;
      expect(seen).toEqual([
        'ssh',
        target,
        { exitStatus: 4, stdout: 'root in provision\n' },
        { exitStatus: 0, stdout: 'cleanup\n' },
        `${target}: plugin packer-builder-null: connection closed`,
      ]);
    } finally {
      await sshd.stop();
    }
  });

  it('passes the "none" communicator the plugin serves, as Packer does', async () => {
    const seen: unknown[] = [];
    const run = pluginBuilder(packerPlugin('packer-builder-null'), 'null');
    const provision: Hook = async (_signal, hook) => {
      // communicator = "none" sets no ConnType: Packer still hands the provisioners the plugin's communicator.
      seen.push(hook.generatedData['ConnType'], hook.communicator?.target);
      seen.push(await hook.communicator!.start({ command: 'anything' }));
      seen.push(await errorOf(hook.communicator!.uploadDir('/tmp', '/etc')));
    };
    const artifact = await run({ communicator: 'none' }, context(provision));
    await artifact?.destroy?.();
    expect(seen).toEqual([
      undefined,
      'plugin packer-builder-null',
      { exitStatus: 0 },
      "plugin packer-builder-null: upload of directory /etc to /tmp failed: UploadDir is not implemented when communicator = 'none'",
    ]);
  });
});
