import { createHash } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough, Readable, Writable } from 'node:stream';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CommunicatorError, type Communicator } from '../../../src/communicator/communicator.js';
import type { BuilderContext } from '../../../src/components/runtime.js';
import { pluginBuilder } from '../../../src/plugins/bridge/builder.js';
import { releasePlugins } from '../../../src/plugins/bridge/retained.js';
import { BASE_IMAGE, engine, ensureBaseImage } from '../../support/docker.js';
import { childProcesses, logBus, packerPlugin, recordingUi, tempDir } from './support.js';

/*
 * The communicator Packer 1.6.6's docker builder (a real plugin process)
 * serves on its provision hook, driven through Kiln's Communicator interface.
 * Each test builds with discard = true and checks the plugin removed its
 * container.
 */

afterEach(async () => {
  await releasePlugins();
  expect(await childProcesses()).toEqual([]);
});

beforeAll(async () => {
  await ensureBaseImage();
}, 600_000);

/** Runs the docker plugin; `body` gets the hook's communicator while the container is up. */
async function withPluginMachine(
  body: (comm: Communicator, signal: AbortSignal) => Promise<void>,
  signal = new AbortController().signal,
): Promise<string> {
  const run = pluginBuilder(packerPlugin('packer-builder-docker'), 'docker');
  const { bus } = logBus();
  let containerId = '';
  const context: BuilderContext = {
    signal,
    ui: recordingUi(),
    bus,
    onError: 'cleanup',
    debug: false,
    build: 'docker.remote',
    cwd: process.cwd(),
    force: false,
    runUuid: '6c2f3a9e-0000-4000-8000-000000000120',
    provision: async (hookSignal, hook) => {
      containerId = String(hook.generatedData['ID']);
      if (!hook.communicator) throw new Error('the hook brought no communicator');
      await body(hook.communicator, hookSignal);
    },
    cleanupProvision: async () => undefined,
  };
  await run({ image: BASE_IMAGE, pull: false, discard: true }, context);
  return containerId;
}

async function expectContainerGone(id: string): Promise<void> {
  expect(id).toMatch(/^[0-9a-f]{64}$/);
  const left = await engine.listContainers({ all: true, filters: { id: [id] } });
  expect(left).toEqual([]);
}

/** A Writable collecting text. */
function sink(): { stream: Writable; text: () => string; bytes: () => Buffer } {
  const chunks: Buffer[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk);
      done();
    },
  });
  return { stream, text: () => Buffer.concat(chunks).toString('utf8'), bytes: () => Buffer.concat(chunks) };
}

async function run(comm: Communicator, command: string, stdin?: Readable) {
  const out = sink();
  const err = sink();
  const result = await comm.start({ command, stdout: out.stream, stderr: err.stream, ...(stdin ? { stdin } : {}) });
  return { ...result, stdout: out.text(), stderr: err.text() };
}

/** Deterministic pseudo-random bytes, produced as they are read (never held whole). */
function generated(size: number, seed: string): Readable {
  let sent = 0;
  let block = createHash('sha256').update(seed).digest();
  return new Readable({
    read() {
      if (sent >= size) {
        this.push(null);
        return;
      }
      const chunk = Buffer.alloc(Math.min(256 * 1024, size - sent));
      for (let i = 0; i < chunk.length; i += 32) {
        block = createHash('sha256').update(block).digest();
        block.copy(chunk, i);
      }
      sent += chunk.length;
      this.push(chunk);
    },
  });
}

async function sha256(stream: Readable): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of stream) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

describe('remoteCommunicator over Packer 1.6.6 docker', { timeout: 120_000 }, () => {
  it('runs commands: output, exit codes, stdin, and names the plugin machine', async () => {
    const seen: unknown[] = [];
    const id = await withPluginMachine(async (comm) => {
      seen.push(comm.target);
      seen.push(await run(comm, 'echo out; echo err >&2; exit 3'));
      seen.push(await run(comm, 'true'));
      seen.push(await run(comm, 'tr a-z A-Z', Readable.from(['shout ', 'this'])));
      // No stdin: it is closed at once, so a reader of stdin ends.
      seen.push(await run(comm, 'cat; echo done'));
      // Without writers the output is drained, and a large output does not block the command.
      seen.push(await comm.start({ command: 'head -c 1000000 /dev/zero; exit 5' }));
      seen.push(await run(comm, 'kill -9 $$'));
    });
    await expectContainerGone(id);
    expect(seen).toEqual([
      `container ${id.slice(0, 12)} (plugin packer-builder-docker)`,
      { exitStatus: 3, stdout: 'out\n', stderr: 'err\n' },
      { exitStatus: 0, stdout: '', stderr: '' },
      { exitStatus: 0, stdout: 'SHOUT THIS', stderr: '' },
      { exitStatus: 0, stdout: 'done\n', stderr: '' },
      { exitStatus: 5 },
      // docker exec reports a killed shell as 128 + 9, as Packer's communicator passes it on.
      { exitStatus: 137, stdout: '', stderr: '' },
    ]);
  });

  it('uploads files and directories, downloads files, and passes the plugin errors on', async () => {
    const dir = await tempDir();
    mkdirSync(join(dir, 'tree', 'sub'), { recursive: true });
    writeFileSync(join(dir, 'tree', 'a.txt'), 'alpha\n');
    writeFileSync(join(dir, 'tree', 'sub', 'b.sh'), '#!/bin/sh\necho beta\n', { mode: 0o755 });
    const size = 24 * 1024 * 1024 + 7;
    const expected = await sha256(generated(size, 'upload'));
    const seen: unknown[] = [];
    const id = await withPluginMachine(async (comm) => {
      // With a FileInfo the plugin tars it straight through with that mode and size.
      await comm.upload('/tmp/with-info.txt', Readable.from([Buffer.from('with info\n')]), { mode: 0o640, size: 10 });
      // Without one it spools to learn the size (Packer's uploadReader: mode 0600).
      await comm.upload('/tmp/spooled.txt', Readable.from([Buffer.from('spooled\n')]));
      await comm.upload('/tmp/big.bin', generated(size, 'upload'), { mode: 0o644, size });
      seen.push((await run(comm, 'stat -c "%n %a %s" /tmp/with-info.txt /tmp/spooled.txt /tmp/big.bin')).stdout);
      seen.push((await run(comm, 'sha256sum /tmp/big.bin | cut -d" " -f1')).stdout.trim() === expected);

      await comm.uploadDir('/opt', join(dir, 'tree'));
      await comm.uploadDir('/srv/flat', `${join(dir, 'tree')}/`);
      seen.push((await run(comm, 'cd / && find opt/tree srv/flat | sort && sh /srv/flat/sub/b.sh')).stdout);

      const small = sink();
      await comm.download('/opt/tree/a.txt', small.stream);
      seen.push(small.text());
      const big = new PassThrough();
      const hashing = sha256(big);
      await comm.download('/tmp/big.bin', big);
      big.end();
      seen.push((await hashing) === expected);

      for (const failing of [
        () => comm.download('/no/such/file', sink().stream),
        () => comm.downloadDir('/opt/tree', join(dir, 'out')),
        () => comm.upload('/no/such/dir/x', Readable.from([Buffer.from('x')]), { mode: 0o644, size: 1 }),
      ]) {
        const error = await failing().then(
          () => undefined,
          (e: unknown) => e,
        );
        seen.push(error instanceof CommunicatorError ? error.message : error);
      }
    });
    rmSync(dir, { recursive: true, force: true });
    await expectContainerGone(id);
    const target = `container ${id.slice(0, 12)} (plugin packer-builder-docker)`;
    expect(seen).toEqual([
      `/tmp/with-info.txt 640 10\n/tmp/spooled.txt 600 8\n/tmp/big.bin 644 ${size}\n`,
      true,
      'opt/tree\nopt/tree/a.txt\nopt/tree/sub\nopt/tree/sub/b.sh\n' +
        'srv/flat\nsrv/flat/a.txt\nsrv/flat/sub\nsrv/flat/sub/b.sh\nbeta\n',
      'alpha\n',
      true,
      `${target}: download of /no/such/file failed: Error downloading file: ` +
        `Error response from daemon: Could not find the file /no/such/file in container ${id}\n`,
      `${target}: download of directory /opt/tree to ${join(dir, 'out')} failed: ` +
        'DownloadDir is not implemented for docker',
      `${target}: upload to /no/such/dir/x failed: Failed to upload to '/no/such/dir/x' in container: ` +
        `destination "${id}:/no/such/dir" must be a directory\n. exit status 1.`,
    ]);
  });

  it('gives up a command when the signal aborts, and the build goes on', async () => {
    const seen: unknown[] = [];
    const id = await withPluginMachine(async (comm) => {
      const abort = new AbortController();
      const started = Date.now();
      setTimeout(() => abort.abort(new Error('stop waiting')), 500);
      const result = await comm.start({ command: 'sleep 3' }, abort.signal).catch((e: unknown) => e);
      seen.push(result instanceof Error ? result.message : result, Date.now() - started < 2000);
      const upload = new AbortController();
      upload.abort(new Error('not even started'));
      seen.push(
        await comm
          .upload('/tmp/x', Readable.from([Buffer.from('x')]), { mode: 0o644, size: 1 }, upload.signal)
          .catch((e: unknown) => (e instanceof Error ? e.message : e)),
      );
      // The communicator still works after a cancelled command.
      seen.push((await run(comm, 'echo after')).stdout);
    });
    await expectContainerGone(id);
    expect(seen).toEqual(['stop waiting', true, 'not even started', 'after\n']);
  });

  it('fails a running command with an error naming the plugin when the plugin is killed', async () => {
    let id = '';
    let error: unknown;
    const run = pluginBuilder(packerPlugin('packer-builder-docker'), 'docker');
    const { bus } = logBus();
    const context: BuilderContext = {
      signal: new AbortController().signal,
      ui: recordingUi(),
      bus,
      onError: 'cleanup',
      debug: false,
      build: 'docker.remote',
      cwd: process.cwd(),
      force: false,
      runUuid: '6c2f3a9e-0000-4000-8000-000000000121',
      provision: async (_signal, hook) => {
        id = String(hook.generatedData['ID']);
        const [plugin] = await childProcesses();
        const running = hook.communicator!.start({ command: 'sleep 30' });
        setTimeout(() => process.kill(Number(plugin!.split(' ')[0]), 'SIGKILL'), 300);
        error = await running.catch((e: unknown) => e);
      },
      cleanupProvision: async () => undefined,
    };
    try {
      await expect(run({ image: BASE_IMAGE, pull: false, discard: true }, context)).rejects.toThrow(
        /^plugin packer-builder-docker was killed by SIGKILL during Builder.Run/,
      );
      expect(error).toBeInstanceOf(CommunicatorError);
      expect((error as Error).message).toBe(
        `container ${id.slice(0, 12)} (plugin packer-builder-docker): command "sleep 30" failed: plugin connection closed`,
      );
    } finally {
      // The killed plugin could not remove its container.
      if (id) await engine.getContainer(id).remove({ force: true });
    }
  });

  it('fails calls after close', async () => {
    let error: unknown;
    const id = await withPluginMachine(async (comm) => {
      await comm.close();
      error = await comm.start({ command: 'true' }).catch((e: unknown) => e);
    });
    await expectContainerGone(id);
    expect(error).toBeInstanceOf(CommunicatorError);
    expect((error as Error).message).toMatch(/^container [0-9a-f]{12} \(plugin packer-builder-docker\): /);
  });
});
