import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engine, ensureBaseImage } from '../support/docker.js';
import { copyQuickstart } from '../support/quickstart.js';

/*
 * The committed bundle as users run it: `node dist/cli/index.js build` of the
 * quickstart (without its post-processors, so no shared tag is touched). Other
 * CLI tests run the sources; this one catches what only bundling can break,
 * such as a lazily loaded chunk (dockerode, ssh2) missing its __dirname.
 */

const run = promisify(execFile);
const cli = join(import.meta.dirname, '..', '..', 'dist', 'cli', 'index.js');
let dir: string;

beforeAll(async () => {
  await ensureBaseImage();
  dir = await mkdtemp(join(tmpdir(), 'kiln-dist-cli-'));
  copyQuickstart(dir, { postProcessors: false });
}, 300_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('dist/cli', () => {
  it('builds the quickstart image with the docker builder and Kiln provisioners', async () => {
    const { stdout } = await run(process.execPath, [cli, 'build', '-color=false', '.'], {
      cwd: dir,
      env: { ...process.env, PACKER_LOG: '' },
      maxBuffer: 16 << 20,
    });
    const id = /Image ID: (sha256:[0-9a-f]{64})/.exec(stdout)?.[1];
    expect(id).toMatch(/^sha256:/);
    expect(stdout).toContain("Build 'quickstart.docker.app' finished after");
    await engine.getImage(id!).remove({ force: true });
  }, 300_000);
});
