import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runBuild } from '../../src/cli/build.js';
import { memoryIO } from '../support/cli.js';
import { packerAvailable, runPacker } from '../support/packer.js';

/*
 * `kiln build -force` reaches an HCL2 template's native builders as
 * packer_force, as Packer's startBuilder passes it with the builder variables
 * to Prepare. What shows it: qemu refuses an existing output directory in
 * Prepare unless forced; the refusal is compared with `packer build` 1.6.6.
 */

const template = `source "qemu" "q" {
  iso_url          = "boot.iso"
  iso_checksum     = "none"
  communicator     = "none"
  output_directory = "out"
}
build {
  sources = ["source.qemu.q"]
}
`;

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kiln-build-flags-'));
  dirs.push(dir);
  writeFileSync(join(dir, 't.pkr.hcl'), template);
  writeFileSync(join(dir, 'boot.iso'), 'iso');
  mkdirSync(join(dir, 'out'));
  writeFileSync(join(dir, 'out', 'keep'), '');
  return dir;
}

async function kiln(dir: string, args: string[]): Promise<{ code: number; out: string; err: string }> {
  const m = memoryIO({ cwd: dir, env: { PATH: process.env['PATH'] ?? '' } });
  const previous = process.cwd();
  process.chdir(dir); // qemu's output_directory is relative to the process directory, as Packer's
  try {
    const code = await runBuild(['-color=false', ...args, 't.pkr.hcl'], m.io);
    return { code, out: m.stdout(), err: m.stderr() };
  } finally {
    process.chdir(previous);
  }
}

const refusal = "Error: 1 error(s) occurred:\n\n* Output directory 'out' already exists. It must not exist.\n";

describe('kiln build -force with an HCL2 template', () => {
  it('without -force, qemu refuses the existing output directory in Prepare, as packer build', async () => {
    const dir = workspace();
    const r = await kiln(dir, []);
    expect(r.code).toBe(1);
    expect(r.out).toContain(refusal);
    if (!packerAvailable()) return;
    const p = await runPacker(['build', '-color=false', 't.pkr.hcl'], { cwd: dir });
    expect(p.stdout).toContain(refusal);
  });

  it('with -force, qemu is prepared over the existing output directory', async () => {
    const r = await kiln(workspace(), ['-force']);
    expect(r.out).not.toContain('Output directory');
    // Prepared; Kiln runs qemu only through a plugin, and none is installed.
    expect(r.out).toContain('Error: Unknown source type qemu\n');
    expect(r.code).toBe(1);
  });
});
