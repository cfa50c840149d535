import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import Docker from 'dockerode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBaseImage } from '../support/docker.js';
import {
  bundleAction,
  parseFileCommand,
  runAction,
  startAction,
  tempTree,
  type ActionBundle,
} from './support/run-action.js';

/*
 * The post step, run as the runner runs it (saved state as STATE_* variables),
 * against the real Docker engine: it removes the build containers named with
 * its run's id (kiln-<run id>-<build>) and leaves the others, including those
 * of a main step that was killed mid-build.
 */

const IMAGE = 'kiln-test/debian:bookworm';
const docker = new Docker();

let bundle: ActionBundle;
let main: ActionBundle;
beforeAll(async () => {
  bundle = bundleAction('post');
  main = bundleAction('main');
  await ensureBaseImage();
}, 600_000);
afterAll(() => {
  bundle.dispose();
  main.dispose();
});

async function container(runId: string, build: string) {
  const c = await docker.createContainer({ Image: IMAGE, Cmd: ['sleep', '300'], name: `kiln-${runId}-${build}` });
  await c.start();
  return c;
}

const exists = (c: Docker.Container) =>
  c.inspect().then(
    () => true,
    () => false,
  );

describe('the action post step', () => {
  it("removes the containers of this run, not another run's", async () => {
    const mine = randomUUID();
    const other = await container(randomUUID(), 'docker.a');
    const left = [await container(mine, 'docker.a'), await container(mine, 'b.docker.b')];
    const expected = (await Promise.all(left.map((c) => c.inspect())))
      .map((i) => `Removed container ${i.Name.slice(1)} (${i.Id.slice(0, 12)}) left by run ${mine}`)
      .sort();
    try {
      const r = runAction(bundle, {}, { env: { 'STATE_run-id': mine } });
      expect(r.status).toBe(0);
      const removed = r.stdout.split('\n').filter((l) => l.startsWith('Removed container '));
      expect(removed.sort()).toEqual(expected);
      for (const c of left) expect(await exists(c)).toBe(false);
      expect(await exists(other)).toBe(true);
    } finally {
      await other.remove({ force: true });
      for (const c of left) await c.remove({ force: true }).catch(() => undefined);
    }
  }, 30_000);

  it('does nothing without a run id, and never fails without an engine', () => {
    expect(runAction(bundle, {}).stdout).toBe(
      '::debug::kiln post: no build ran in the main step; nothing to clean up\n',
    );
    const r = runAction(bundle, {}, { env: { 'STATE_run-id': 'x', DOCKER_HOST: 'unix:///nonexistent.sock' } });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^No Docker engine to clean up at unix:\/\/\/nonexistent\.sock: .*ENOENT.*\n$/);
  });
});

/** The containers (running or not) whose name starts with the prefix. */
async function containersNamed(prefix: string) {
  const listed = await docker.listContainers({ all: true, filters: { name: [prefix] } });
  return listed.filter((c) => (c.Names[0] ?? '').startsWith(`/${prefix}`));
}

async function until<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, ms = 60_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

describe('the action post step after the main step was killed', () => {
  const template = `
source "docker" "sleepy" {
  image   = "${IMAGE}"
  pull    = false
  discard = true
}
build {
  sources = ["source.docker.sleepy"]
  provisioner "shell" {
    inline = ["echo kiln-is-sleeping", "sleep 600"]
  }
}
`;

  it('removes the container the SIGKILLed build left running', async () => {
    const ws = tempTree({ 't.pkr.hcl': template });
    const started = startAction(
      main,
      { command: 'build', cache: 'false', 'upload-artifact': 'false' },
      { workspace: ws },
    );
    let prefix: string | undefined;
    try {
      const runId = await until(
        'the run id in GITHUB_STATE',
        () => parseFileCommand(readFileSync(started.stateFile, 'utf8'))['run-id'],
      );
      prefix = `kiln-${runId}-`;
      await until('the provisioner to run', () => (started.stdout().includes('kiln-is-sleeping') ? true : undefined));
      const [running] = await containersNamed(prefix);
      expect(running?.Names).toEqual([`/${prefix}docker.sleepy`]);
      expect(running?.State).toBe('running');

      started.child.kill('SIGKILL');
      const killed = await started.done;
      expect(killed.status).toBeNull();
      expect(started.child.signalCode).toBe('SIGKILL');
      // Nothing of the main step cleaned up: the container is still there.
      expect((await containersNamed(prefix)).map((c) => c.Id)).toEqual([running?.Id]);

      const post = runAction(bundle, {}, { workspace: ws, env: { 'STATE_run-id': runId } });
      expect(post.status).toBe(0);
      expect(post.stdout).toBe(
        `Removed container ${prefix}docker.sleepy (${running?.Id.slice(0, 12)}) left by run ${runId}\n`,
      );
      expect(await containersNamed(prefix)).toEqual([]);
    } finally {
      if (started.child.exitCode === null && started.child.signalCode === null) started.child.kill('SIGKILL');
      if (prefix)
        for (const c of await containersNamed(prefix)) await docker.getContainer(c.Id).remove({ force: true });
    }
  }, 120_000);
});
