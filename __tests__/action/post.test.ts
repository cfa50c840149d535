import { randomUUID } from 'node:crypto';
import Docker from 'dockerode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleAction, runAction, type ActionBundle } from './support/run-action.js';

/*
 * The post step, run as the runner runs it (saved state as STATE_* variables),
 * against the real Docker engine: it removes the build containers named with
 * its run's id (kiln-<run id>-<build>) and leaves the others.
 */

const IMAGE = 'kiln-test/debian:bookworm';
const docker = new Docker();

let bundle: ActionBundle;
beforeAll(() => {
  bundle = bundleAction('src/action/post.ts');
});
afterAll(() => bundle.dispose());

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
