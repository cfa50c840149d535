import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { processesGone, startKiln } from '../support/kiln-process.js';
import { startSshd, type Sshd } from '../support/sshd.js';

/*
 * What a build leaves behind when things go wrong, with `kiln build` as its
 * own process: sshd dying under a provisioner, and SIGINT at each step of a
 * multi-step build. Afterwards no process the build started runs and its
 * private temp directory is empty.
 */

let sshd: Sshd;
beforeAll(async () => {
  sshd = await startSshd('127.0.0.33');
});
afterAll(async () => {
  await sshd.stop();
});

/** What the build left in its TMPDIR; tsx (which runs Kiln from source here) keeps its cache there. */
const leftInTmp = (tmp: string) => readdirSync(tmp).filter((name) => !name.startsWith('tsx-'));

/** A workspace with the template, and a TMPDIR of its own for the build's temp files. */
function workspace(template: string): { dir: string; tmp: string } {
  const dir = mkdtempSync(join(tmpdir(), 'kiln-fault-'));
  const tmp = join(dir, 'tmp');
  spawnSync('mkdir', [tmp]);
  writeFileSync(join(dir, 't.pkr.hcl'), template);
  return { dir, tmp };
}

function source(target: Sshd, extra = ''): string {
  return `
source "null" "n" {
  ssh_host             = "${target.host}"
  ssh_port             = ${target.port}
  ssh_username         = "root"
  ssh_private_key_file = "${target.userKeyFile}"
  ssh_timeout          = "60s"
  ${extra}
}`;
}

/** Each step sleeps for its own odd duration, so its process can be found by command line. */
const steps = {
  local: { ready: 'step-local-started', sleep: 'sleep 301.25' },
  remote: { ready: 'step-remote-started', sleep: 'sleep 302.25' },
};

/** Provisioners of every kind in a row; only the interrupted one sleeps, the others just say they ran. */
const multiStep = (target: Sshd, interrupted?: keyof typeof steps) => {
  const body = (step: keyof typeof steps) =>
    JSON.stringify([`echo ${steps[step].ready}`, ...(step === interrupted ? [steps[step].sleep] : [])]);
  return `${source(target)}
build {
  sources = ["source.null.n"]
  provisioner "shell-local" {
    inline = ${body('local')}
  }
  provisioner "shell" {
    inline = ${body('remote')}
  }
}`;
};

describe('kiln build under faults', { timeout: 60_000 }, () => {
  it('names the provisioner and host when sshd dies under it, runs the cleanup provisioner and exits 1', async () => {
    const victim = await startSshd('127.0.0.34');
    const { dir, tmp } = workspace(`${source(victim)}
build {
  sources = ["source.null.n"]
  provisioner "shell" {
    inline = ["echo remote-started", "sleep 303.25"]
  }
  error-cleanup-provisioner "shell-local" {
    inline = ["echo cleanup-ran"]
  }
}`);
    const kiln = startKiln(['build', '-color=false', 't.pkr.hcl'], { cwd: dir, env: { TMPDIR: tmp } });
    await kiln.waitFor('remote-started');
    // Kill the listener and every session process of this sshd, as a crashed machine would.
    const listener = spawnSync('pgrep', ['-f', `sshd.*-p ${victim.port}`], { encoding: 'utf8' }).stdout.trim();
    spawnSync('pkill', ['-KILL', '-P', listener]);
    spawnSync('kill', ['-KILL', listener]);
    expect(await kiln.exited).toBe(1);
    const out = kiln.stdout();
    expect(out).toContain(
      `==> null.n: Provisioner shell (t.pkr.hcl:12) failed on root@${victim.host}:${victim.port}\n`,
    );
    expect(out).toContain("Build 'null.n' errored after");
    expect(out).toContain('Script disconnected unexpectedly.');
    expect(out).toContain('==> null.n: cleanup-ran\n');
    // The "remote" machine is this one: its orphaned command is the machine's business, not Kiln's.
    spawnSync('pkill', ['-f', 'sleep 303.25']);
    expect(leftInTmp(tmp)).toEqual([]);
    await victim.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('cancels cleanly on SIGINT while waiting for SSH', async () => {
    const late = await startSshd('127.0.0.35', { delayMs: 60_000 });
    const { dir, tmp } = workspace(multiStep(late));
    const kiln = startKiln(['build', '-color=false', 't.pkr.hcl'], { cwd: dir, env: { TMPDIR: tmp } });
    await kiln.waitFor('Waiting for SSH to become available...');
    kiln.child.kill('SIGINT');
    expect(await kiln.exited).toBe(1);
    expect(kiln.stdout()).toContain('Cleanly cancelled builds after being interrupted.');
    expect(kiln.stdout()).not.toContain(steps.local.ready);
    expect(leftInTmp(tmp)).toEqual([]);
    await late.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it.each(Object.keys(steps) as (keyof typeof steps)[])(
    'cancels cleanly on SIGINT during the %s provisioner',
    async (name) => {
      const step = steps[name];
      const { dir, tmp } = workspace(multiStep(sshd, name));
      const kiln = startKiln(['build', '-color=false', 't.pkr.hcl'], { cwd: dir, env: { TMPDIR: tmp } });
      await kiln.waitFor(step.ready);
      kiln.child.kill('SIGINT');
      expect(await kiln.exited).toBe(1);
      const out = kiln.stdout();
      expect(out).toContain('Cleanly cancelled builds after being interrupted.');
      expect(out).toContain("Build 'null.n' errored after");
      expect(await processesGone(steps.local.sleep)).toEqual([]);
      expect(await processesGone(steps.remote.sleep)).toEqual([]);
      expect(leftInTmp(tmp)).toEqual([]);
      rmSync(dir, { recursive: true, force: true });
    },
  );
});
