import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { processesGone, processesMatching, startKiln } from '../support/kiln-process.js';
import { installModernPlugin } from '../support/modern-plugin.js';

/*
 * `kiln build` as its own process, interrupted while a plugin builder is
 * running (the kilntest builder of packer-plugin-kilntest, waiting out its
 * boot_wait): Kiln cancels the build as Packer does (Builder.Cancel, the
 * build reported cancelled, exit 1) and no plugin process outlives it. The
 * plugin binary is installed under a directory of its own, so the processes
 * it starts are found by their path.
 */

const TEMPLATE = `packer {
  required_plugins {
    kilntest = {
      source  = "github.com/kiln-test/kilntest"
      version = ">= 0.0.1"
    }
  }
}

source "kilntest" "slow" {
  message   = "hello"
  boot_wait = "10m"
  workdir   = "\${path.cwd}/machine"
}

build {
  sources = ["source.kilntest.slow"]
  provisioner "shell-local" {
    inline = ["echo never reached"]
  }
}
`;

let root: string;
let plugins: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'kiln-plugin-cancel-'));
  plugins = join(root, 'plugins');
  await installModernPlugin(plugins);
  await writeFile(join(root, 't.pkr.hcl'), TEMPLATE);
}, 900_000);

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('kiln build interrupted while a plugin builder runs', () => {
  it('cancels the build on SIGINT, exits 1 and leaves no plugin process', async () => {
    const kiln = startKiln(['build', '-color=false', 't.pkr.hcl'], {
      cwd: root,
      env: { PACKER_PLUGIN_PATH: plugins, HOME: root },
    });
    await kiln.waitFor('Waiting 10m0s for boot...');
    expect(processesMatching(plugins).length).toBeGreaterThan(0);
    const interrupted = Date.now();
    kiln.child.kill('SIGINT');
    expect(await kiln.exited).toBe(1);
    // Builder.Cancel ends the boot wait at once; the grace period before a kill is 30 s.
    expect(Date.now() - interrupted).toBeLessThan(10_000);
    // As a native builder reports it, not the AbortError's text.
    expect(kiln.stdout()).toMatch(/\nBuild 'kilntest\.slow' errored after [^:\n]+: Build was cancelled\.\n/);
    expect(kiln.stdout()).not.toContain('never reached');
    expect(await processesGone(plugins)).toEqual([]);
  }, 120_000);

  it('leaves no plugin process when kiln itself is killed (the plugin sees its connection close)', async () => {
    const kiln = startKiln(['build', '-color=false', 't.pkr.hcl'], {
      cwd: root,
      env: { PACKER_PLUGIN_PATH: plugins, HOME: root },
    });
    await kiln.waitFor('Waiting 10m0s for boot...');
    expect(processesMatching(plugins).length).toBeGreaterThan(0);
    kiln.child.kill('SIGKILL');
    expect(await kiln.exited).toBe('SIGKILL');
    expect(await processesGone(plugins, 10_000)).toEqual([]);
  }, 120_000);
});
