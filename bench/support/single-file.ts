import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { kilnUpload } from './kiln-upload.js';
import { clientOptions } from './openssh.js';
import type { BenchSshd } from './sshd.js';
import { cpuTimed, median, ms, verdict } from './timing.js';

const MIB = 1024 * 1024;

interface Contender {
  name: string;
  /** Uploads `file` to `remote`: wall time and the client's CPU time. */
  run(file: string, remote: string): Promise<{ ms: number; cpuMs: number }>;
}

function contenders(sshd: BenchSshd, scratch: string): Contender[] {
  const kiln = (method: 'scp' | 'sftp', readChunk = MIB): Contender => ({
    name: readChunk === MIB ? `kiln ${method}` : `kiln ${method} ${readChunk / 1024}k`,
    run: (file, remotePath) => {
      const bytes = statSync(file).size;
      return kilnUpload({
        host: sshd.host,
        port: sshd.port,
        keyFile: sshd.userKeyFile,
        method,
        remotePath,
        file,
        bytes,
        readChunk,
      });
    },
  });
  const openssh = (name: string, extra: string[]): Contender => ({
    name,
    run: (file, remote) =>
      cpuTimed('scp', [...clientOptions(sshd), ...extra, file, `root@${sshd.host}:${remote}`], scratch),
  });
  return [
    kiln('scp'),
    kiln('sftp'),
    // What the file provisioner costs while it reads its source with fs's default 64 KiB chunks.
    kiln('scp', 64 * 1024),
    // OpenSSH 9 `scp` speaks SFTP unless -O asks for the old scp protocol, which Kiln's scp mode speaks.
    openssh('scp', []),
    openssh('scp -O', ['-O']),
    {
      name: 'sftp -b',
      run: (file, remote) => {
        const batch = path.join(scratch, 'sftp-batch');
        writeFileSync(batch, `put ${file} ${remote}\n`);
        return cpuTimed('sftp', [...clientOptions(sshd), '-b', batch, `root@${sshd.host}`], scratch);
      },
    },
  ];
}

interface Sample {
  ms: number;
  clientCpuMs: number;
  serverCpuMs: number;
}

/**
 * One file of `mib` MiB, uploaded by each contender in turn, `runs` rounds.
 * Each side picks its own cipher, as users get it: ssh2 offers
 * aes128-gcm@openssh.com first, OpenSSH's client chacha20-poly1305 (on a CPU
 * with AES instructions GCM costs less on both ends).
 * Prints the medians of wall time and of CPU time on each side (the CPU
 * times hold still when other work shares the machine; wall times do not)
 * and Kiln's ratios to OpenSSH `scp`.
 */
export async function benchSingleFile(
  sshd: BenchSshd,
  dirs: { work: string; remote: string },
  runs: number,
  mib: number,
): Promise<void> {
  const dir = path.join(dirs.work, 'single-file');
  mkdirSync(dir);
  const file = path.join(dir, 'payload.bin');
  const block = randomBytes(MIB);
  writeFileSync(file, Buffer.concat(Array.from({ length: mib }, () => block)));
  const all = contenders(sshd, dir);
  const samples = new Map(all.map((c) => [c.name, [] as Sample[]]));
  const remote = path.join(dirs.remote, 'payload.bin');
  for (let round = 0; round < runs; round++) {
    for (const c of all) {
      const serverBefore = await sshd.cpuMs();
      const { ms: took, cpuMs } = await c.run(file, remote);
      const serverCpuMs = (await sshd.cpuMs()) - serverBefore;
      if (statSync(remote).size !== mib * MIB) throw new Error(`${c.name}: remote file has the wrong size`);
      rmSync(remote);
      samples.get(c.name)?.push({ ms: took, clientCpuMs: cpuMs, serverCpuMs });
    }
  }
  const med = (name: string, key: keyof Sample) => median((samples.get(name) ?? []).map((s) => s[key]));
  const totalCpu = (name: string) => med(name, 'clientCpuMs') + med(name, 'serverCpuMs');
  console.log(`\n2. one ${mib} MiB file to ${sshd.host}, median of ${runs} alternating runs`);
  console.log(
    `  ${''.padEnd(13)} ${'wall'.padStart(10)}  ${'MB/s'.padStart(5)}  ${'CPU: client'.padStart(13)} ${'sshd'.padStart(10)}`,
  );
  for (const c of all) {
    const mbps = (mib * MIB) / 1e6 / (med(c.name, 'ms') / 1000);
    console.log(
      `  ${c.name.padEnd(13)} ${ms(med(c.name, 'ms'))}  ${mbps.toFixed(0).padStart(5)}  ${ms(med(c.name, 'clientCpuMs'))} ${ms(med(c.name, 'serverCpuMs'))}`,
    );
  }
  for (const mode of ['kiln scp', 'kiln sftp']) {
    const wall = med(mode, 'ms');
    console.log(`  ${mode} / scp, wall:  ${verdict(wall / med('scp', 'ms'), 1.0)}`);
    console.log(`  ${mode} / scp, CPU:   ${(totalCpu(mode) / totalCpu('scp')).toFixed(3)} (client + sshd)`);
    console.log(`  ${mode} / scp -O, wall: ${(wall / med('scp -O', 'ms')).toFixed(3)}`);
  }
}
