import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { BenchSshd as Sshd } from './sshd.js';
import { CommandFailed, cpuTimed, median, ms, verdict } from './timing.js';

const FILES = 2000;
const FILE_BYTES = 4096;

/** 2,000 files of 4 KiB in 20 subdirectories: what a provisioner's config or site directory looks like. */
function makeTree(dir: string): void {
  for (let d = 0; d < 20; d++) {
    const sub = path.join(dir, `d${String(d).padStart(2, '0')}`);
    mkdirSync(sub, { recursive: true });
    for (let f = 0; f < FILES / 20; f++) {
      writeFileSync(path.join(sub, `f${String(f).padStart(3, '0')}`), randomBytes(FILE_BYTES));
    }
  }
}

function countFiles(dir: string): number {
  let n = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    n += entry.isDirectory() ? countFiles(path.join(dir, entry.name)) : 1;
  }
  return n;
}

function template(sshd: Sshd, source: string, destination: string): string {
  return `source "null" "x" {
  ssh_host             = "${sshd.host}"
  ssh_port             = ${sshd.port}
  ssh_username         = "root"
  ssh_private_key_file = "${sshd.userKeyFile}"
}

build {
  sources = ["source.null.x"]

  provisioner "file" {
    source      = "${source}/"
    destination = "${destination}"
  }
}
`;
}

/**
 * The same null+ssh build by `kiln build` and `packer build`, alternating,
 * `runs` each, to `sshd` (reached over `link`, for the report); each run
 * uploads into a fresh remote directory, checked and removed afterwards.
 */
export async function benchTreeBuild(
  sshd: Sshd,
  link: string,
  dirs: { work: string; remote: string },
  runs: number,
  kiln: { root: string; args: string[] },
): Promise<void> {
  const base = path.join(dirs.work, 'tree-build');
  const tree = path.join(base, 'tree');
  if (!existsSync(tree)) makeTree(tree);
  const tools = [
    { name: 'kiln', cmd: process.execPath, args: (file: string) => [...kiln.args, 'build', file] },
    { name: 'packer', cmd: 'packer', args: (file: string) => ['build', file] },
  ];
  const samples = new Map(tools.map((t) => [t.name, [] as { ms: number; cpuMs: number; sshdCpuMs: number }[]]));
  const failures = new Map<string, string>();
  for (let run = 0; run < runs; run++) {
    for (const tool of tools) {
      if (failures.has(tool.name)) continue;
      const remote = path.join(dirs.remote, `tree-${tool.name}-${run}`);
      const file = path.join(base, `${tool.name}-${run}.pkr.hcl`);
      writeFileSync(file, template(sshd, tree, remote));
      // As Packer's docs say, the destination of a directory upload must exist (else 1.6.6 writes every file over it).
      mkdirSync(remote);
      try {
        const sshdBefore = await sshd.cpuMs();
        const { ms: took, cpuMs } = await cpuTimed(tool.cmd, tool.args(file), base, { cwd: base });
        const sshdCpuMs = (await sshd.cpuMs()) - sshdBefore;
        const copied = countFiles(remote);
        if (copied !== FILES) throw new CommandFailed(`uploaded ${copied} of ${FILES} files`);
        samples.get(tool.name)?.push({ ms: took, cpuMs, sshdCpuMs });
      } catch (error) {
        if (!(error instanceof CommandFailed)) throw error;
        failures.set(tool.name, error.message);
      } finally {
        rmSync(remote, { recursive: true, force: true });
      }
    }
  }
  console.log(
    `\n1. null+ssh build, file provisioner uploading ${FILES} files of ${FILE_BYTES / 1024} KiB over ${link}, median of ${runs} alternating runs`,
  );
  console.log(`  kiln = node ${path.relative(kiln.root, kiln.args.at(-1) ?? '')} build`);
  console.log(`  ${''.padEnd(7)} ${'wall'.padStart(10)}  ${'CPU: tool'.padStart(11)} ${'sshd'.padStart(10)}`);
  const med = (name: string, key: 'ms' | 'cpuMs' | 'sshdCpuMs') => median((samples.get(name) ?? []).map((s) => s[key]));
  for (const tool of tools) {
    const failure = failures.get(tool.name);
    if (failure) console.log(`  ${tool.name} build failed: ${failure.replace(/\n/g, '\n    ')}`);
    else
      console.log(
        `  ${tool.name.padEnd(7)} ${ms(med(tool.name, 'ms'))}  ${ms(med(tool.name, 'cpuMs'))} ${ms(med(tool.name, 'sshdCpuMs'))}`,
      );
  }
  if (failures.size) {
    console.log('  GOAL MISSED: no ratio without both builds');
    return;
  }
  console.log(`  kiln / packer, wall: ${verdict(med('kiln', 'ms') / med('packer', 'ms'), 0.3)}`);
  const cpu = (name: string) => med(name, 'cpuMs') + med(name, 'sshdCpuMs');
  console.log(`  kiln / packer, CPU:  ${(cpu('kiln') / cpu('packer')).toFixed(3)} (tool + sshd)`);
}
