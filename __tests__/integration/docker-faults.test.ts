import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BASE_IMAGE, engine, ensureBaseImage } from '../support/docker.js';
import { startEngineProxy } from '../support/engine-proxy.js';
import { startKiln } from '../support/kiln-process.js';

/*
 * The docker builder interrupted between each two of its steps, with
 * `kiln build` as its own process talking to the engine through a proxy that
 * holds the next step's first Engine API request: SIGINT arrives there, and
 * once kiln has taken it the request goes on (as one already sent would). Afterwards no container of
 * the run exists, the builder's temp dir (under PACKER_TMP_DIR, else Packer's
 * config directory) and TMPDIR are empty, and kiln exits 1 as Packer does.
 */

const CONTAINER = '[0-9a-f]{64}';

/** The step that has run, the first request of the step after it, and whether a container is made. */
const interrupts: [string, RegExp, boolean][] = [
  // StepPull's inspect of the source image (pull = false).
  ['temp dir', new RegExp(`^GET /images/${BASE_IMAGE}/json `), false],
  // The create goes on after the interrupt: the container the engine makes must be removed all the same.
  ['pull', /^POST \/containers\/create\?/, true],
  // The container runs; the step has yet to read its address.
  ['run', new RegExp(`^GET /containers/${CONTAINER}/json `), true],
  ['connect', new RegExp(`^(PUT|POST) /containers/${CONTAINER}/(archive|exec)`), true],
  ['provision', /^POST \/commit\?/, true],
  // Every step ran; the interrupt comes while the container is removed.
  ['commit', new RegExp(`^DELETE /containers/${CONTAINER}\\?`), true],
];

let work: string;
beforeAll(async () => {
  await ensureBaseImage();
  work = mkdtempSync(path.join(tmpdir(), 'kiln-docker-faults-'));
}, 600_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A workspace with a commit build of its own source name, its own TMPDIR and PACKER_TMP_DIR. */
function workspace() {
  const name = `f${randomBytes(4).toString('hex')}`;
  const dir = mkdtempSync(path.join(work, 'ws-'));
  const tmp = path.join(dir, 'tmp');
  const packerTmp = path.join(dir, 'packer-tmp');
  mkdirSync(tmp);
  writeFileSync(
    path.join(dir, 't.pkr.hcl'),
    `source "docker" "${name}" {
  image  = "${BASE_IMAGE}"
  pull   = false
  commit = true
}
build {
  sources = ["source.docker.${name}"]
  provisioner "shell" { inline = ["echo provisioned"] }
}
`,
  );
  return { name, dir, tmp, packerTmp };
}

/** The build's containers, by the source name in kiln-<run>-docker.<name>. */
const containersOf = async (name: string) =>
  (await engine.listContainers({ all: true, filters: { name: [`-docker.${name}`] } })).map((c) => c.Names[0]);

/** TMPDIR's content but tsx's cache (tsx runs Kiln from source here). */
const leftInTmp = (tmp: string) => readdirSync(tmp).filter((n) => !n.startsWith('tsx-'));

/** Images committed from the container (a commit the engine finished after the interrupt), removed. */
async function removeImagesOf(containerId: string) {
  for (const image of await engine.listImages({ filters: { dangling: ['true'] } })) {
    const info = await engine.getImage(image.Id).inspect();
    if (info.Container === containerId) await engine.getImage(image.Id).remove({ force: true });
  }
}

describe('kiln build with the docker builder, interrupted', { timeout: 120_000 }, () => {
  it.each(interrupts)('cleans up after SIGINT once the %s step ran', async (_step, hold, creates) => {
    const { name, dir, tmp, packerTmp } = workspace();
    const proxy = await startEngineProxy(path.join(dir, 'engine.sock'), hold);
    const kiln = startKiln(['build', '-color=false', 't.pkr.hcl'], {
      cwd: dir,
      env: { DOCKER_HOST: proxy.host, TMPDIR: tmp, PACKER_TMP_DIR: packerTmp },
    });
    try {
      await Promise.race([proxy.held, kiln.exited.then((code) => Promise.reject(new Error(`exited ${code}`)))]);
      kiln.child.kill('SIGINT');
      // Released once kiln has taken the interrupt, so the step after this request sees it.
      await kiln.waitFor('Cancelling build after receiving interrupt');
      proxy.release();
      expect(await kiln.exited).toBe(1);
    } finally {
      await proxy.close();
    }
    const out = kiln.stdout();
    expect(out).toContain('Cleanly cancelled builds after being interrupted.\n');
    expect(out).not.toContain('Builds finished. The artifacts');
    expect(await containersOf(name)).toEqual([]);
    expect(readdirSync(packerTmp)).toEqual([]);
    expect(leftInTmp(tmp)).toEqual([]);
    // Containers are created under the run's name, which the post step and `kiln cleanup` look for.
    const created = proxy.requests.filter((r) => r.startsWith('POST /containers/create'));
    const uuid = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
    for (const line of created) expect(line).toMatch(new RegExp(`[?&]name=kiln-${uuid}-docker\\.${name}[& ]`));
    expect(created.length).toBe(creates ? 1 : 0);
    const killed = new RegExp(`==> docker\\.${name}: Killing the container: (${CONTAINER})\n`).exec(out)?.[1];
    expect(killed !== undefined).toBe(creates);
    if (killed) await removeImagesOf(killed);
    rmSync(dir, { recursive: true, force: true });
  });

  it('says clearly that the engine is unreachable, and exits 1', async () => {
    const { name, dir, tmp, packerTmp } = workspace();
    const kiln = startKiln(['build', '-color=false', 't.pkr.hcl'], {
      cwd: dir,
      env: { DOCKER_HOST: 'unix:///nonexistent.sock', TMPDIR: tmp, PACKER_TMP_DIR: packerTmp },
    });
    expect(await kiln.exited).toBe(1);
    expect(kiln.stdout()).toMatch(
      new RegExp(
        `Build 'docker\\.${name}' errored after [^:]+: Cannot connect to the Docker daemon at unix:///nonexistent\\.sock\\. Is the docker daemon running\\? \\(connect ENOENT /nonexistent\\.sock\\)\n`,
      ),
    );
    expect(leftInTmp(tmp)).toEqual([]);
    rmSync(dir, { recursive: true, force: true });
  });
});
