import { randomBytes, randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import type Docker from 'dockerode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCleanup } from '../../src/cli/cleanup.js';
import { buildContainerName, isBuildContainerName } from '../../src/components/builders/docker/leftovers.js';
import { memoryIO } from '../support/cli.js';
import { BASE_IMAGE, engine, ensureBaseImage } from '../support/docker.js';
import { startKiln } from '../support/kiln-process.js';

/*
 * `kiln cleanup` against the real Docker engine. Only runs with -run-id remove
 * anything: without it the command takes every run's containers, which on a
 * shared engine includes other tests' builds, so that mode is checked with
 * -dry-run.
 */

describe('build container names', () => {
  const run = '0b5e8a4c-5a43-4f0e-9d4e-3f1c2a7b9e10';

  it.each([
    ['docker.app', `kiln-${run}-docker.app`],
    ['quickstart.docker.app', `kiln-${run}-quickstart.docker.app`],
    ['my build.docker.a/b:c', `kiln-${run}-my_build.docker.a_b_c`],
    ['é-ü_x', `kiln-${run}-_-__x`],
  ])('names the container of build %j', (build, name) => {
    expect(buildContainerName(run, build)).toBe(name);
    // moby's RestrictedNamePattern.
    expect(name).toMatch(/^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/);
  });

  it.each([
    [`kiln-${run}-docker.app`, undefined, true],
    [`kiln-${run}-docker.app`, run, true],
    [`kiln-${run}-docker.app`, randomUUID(), false],
    ['kiln-web', undefined, false],
    ['kiln-ec2-i-8cf3957c596a7eaf9', undefined, false],
    [`x-kiln-${run}-docker.app`, undefined, false],
    [`x-kiln-${run}-docker.app`, run, false],
  ])('%s is a build container (run %s): %s', (name, runId, expected) => {
    expect(isBuildContainerName(name, runId)).toBe(expected);
  });
});

describe('kiln cleanup', () => {
  const runA = randomUUID();
  const runB = randomUUID();
  const tag = randomBytes(4).toString('hex');
  const made: Docker.Container[] = [];

  /** A container named like a build container; started ones run `sleep`, as a killed build's would. */
  const container = async (name: string, start: boolean) => {
    const c = await engine.createContainer({ Image: BASE_IMAGE, Cmd: ['sleep', '300'], name });
    made.push(c);
    if (start) await c.start();
    return c;
  };
  const exists = (name: string) =>
    engine
      .getContainer(name)
      .inspect()
      .then(
        () => true,
        () => false,
      );
  const short = async (name: string) => (await engine.getContainer(name).inspect()).Id.slice(0, 12);

  const names = {
    a1: `kiln-${runA}-docker.one`,
    a2: `kiln-${runA}-b.docker.two`,
    b: `kiln-${runB}-docker.one`,
    user: `kiln-web-${tag}`,
    other: `x-kiln-${runA}-docker.one`,
  };

  beforeAll(async () => {
    await ensureBaseImage();
    await container(names.a1, true);
    await container(names.a2, false);
    await container(names.b, true);
    await container(names.user, true);
    await container(names.other, false);
  }, 300_000);

  afterAll(async () => {
    for (const c of made) await c.remove({ force: true }).catch(() => undefined);
  });

  const cleanup = async (...args: string[]) => {
    const { io, stdout } = memoryIO({ cwd: tmpdir(), env: { ...process.env } as Record<string, string> });
    const code = await runCleanup(args, io);
    return { code, stdout: stdout() };
  };

  it('lists what it would remove with -dry-run, and removes nothing', async () => {
    const r = await cleanup(`-run-id=${runA}`, '-dry-run');
    expect(r).toEqual({
      code: 0,
      stdout:
        `Would remove container ${names.a2} (${await short(names.a2)}, created)\n` +
        `Would remove container ${names.a1} (${await short(names.a1)}, running)\n`,
    });
    for (const name of Object.values(names)) expect(await exists(name)).toBe(true);
  });

  it('finds every run without -run-id, but not containers merely named kiln-', async () => {
    const r = await cleanup('-dry-run');
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    for (const name of [names.a1, names.a2, names.b]) {
      expect(lines.filter((l) => l.startsWith(`Would remove container ${name} (`))).toHaveLength(1);
    }
    expect(r.stdout).not.toContain(names.user);
    expect(r.stdout).not.toContain(names.other);
  });

  it("removes the run's containers, running or not, and leaves the others", async () => {
    const expected =
      `Removed container ${names.a2} (${await short(names.a2)}, created)\n` +
      `Removed container ${names.a1} (${await short(names.a1)}, running)\n`;
    expect(await cleanup(`-run-id=${runA}`)).toEqual({ code: 0, stdout: expected });
    expect(await exists(names.a1)).toBe(false);
    expect(await exists(names.a2)).toBe(false);
    for (const name of [names.b, names.user, names.other]) expect(await exists(name)).toBe(true);
    expect(await cleanup('-run-id', runA)).toEqual({ code: 0, stdout: `No build containers of run ${runA} found.\n` });
  });

  it('refuses unknown flags and arguments with its usage', async () => {
    for (const args of [['-force'], ['extra']]) {
      const r = await cleanup(...args);
      expect(r.code).toBe(1);
      expect(r.stdout).toContain('Usage: kiln cleanup [options]');
    }
    expect((await cleanup('-force')).stdout.split('\n')[0]).toBe('flag provided but not defined: -force');
    expect(await cleanup('-h')).toEqual({ code: 0, stdout: expect.stringMatching(/^Usage: kiln cleanup/) });
  });

  it('says clearly that the engine is unreachable, and exits 1', async () => {
    const kiln = startKiln(['cleanup', `-run-id=${runB}`], {
      cwd: tmpdir(),
      env: { DOCKER_HOST: 'unix:///nonexistent.sock' },
    });
    expect(await kiln.exited).toBe(1);
    expect(kiln.stdout()).toMatch(
      /^Error: Cannot connect to the Docker daemon at unix:\/\/\/nonexistent\.sock\. Is the docker daemon running\? \(connect ENOENT \/nonexistent\.sock\)\n$/,
    );
    expect(await exists(names.b)).toBe(true);
  }, 30_000);
});
