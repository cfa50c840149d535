/*
 * SSH file transfer, Kiln against Packer 1.6.6 and OpenSSH, in one run,
 * against a real sshd on 127.0.0.40 (root, key auth):
 *
 *   npm run bench:ssh [-- --runs 5 --only 1,2,3 --rtt 2 --kiln dist|bundle|src]
 *
 *   1. `kiln build` vs `packer build` of one null+ssh template whose file
 *      provisioner uploads 2,000 files of 4 KiB (goal: Kiln <= 0.3x Packer),
 *      on loopback and again through a relay adding --rtt ms of round trip
 *      (0: skip), as a link to a cloud VM would.
 *   2. one 256 MiB file: SshCommunicator.upload in scp and sftp mode vs
 *      OpenSSH `scp` (goal: <= 1.0x), with `scp -O` and `sftp -b` for scale.
 *   3. Kiln's peak RSS while uploading 1 GiB (goal: under 200 MB).
 *
 * Medians of alternating runs, because these machines are noisy. A missed goal
 * prints "GOAL MISSED" but the exit code stays 0; a tool that fails says so.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startLatencyProxy } from './support/latency-proxy.js';
import { benchPeakRss } from './support/peak-rss.js';
import { benchSingleFile } from './support/single-file.js';
import { startBenchSshd } from './support/sshd.js';
import { benchTreeBuild } from './support/tree-build.js';
import { kilnCommand } from './support/kiln-entry.js';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    only: { type: 'string', default: '1,2,3' },
    kiln: { type: 'string', default: 'dist' },
    rtt: { type: 'string', default: '2' },
  },
});
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a positive integer, got ${values.runs}`);
const parts = new Set(values.only.split(','));
const entry = values.kiln;
if (entry !== 'dist' && entry !== 'bundle' && entry !== 'src') {
  throw new Error(`--kiln must be dist, bundle or src, got ${entry}`);
}
const root = path.join(import.meta.dirname, '..');
const rttMs = Number(values.rtt);
if (!(rttMs >= 0)) throw new Error(`--rtt must be a number of milliseconds, got ${values.rtt}`);

// Local inputs live in `work`; what the tools upload lands in `remote`, on tmpfs when there is one:
// this machine's ext4 takes about 1.5 s to create 2,000 small files, for either tool.
const work = mkdtempSync(path.join(tmpdir(), 'kiln-bench-ssh-'));
const remote = mkdtempSync(path.join(existsSync('/dev/shm') ? '/dev/shm' : tmpdir(), 'kiln-bench-ssh-remote-'));
const sshd = await startBenchSshd('127.0.0.40');
const cleanup = async () => {
  await sshd.stop();
  rmSync(work, { recursive: true, force: true });
  rmSync(remote, { recursive: true, force: true });
};
process.once('SIGINT', () => void cleanup().then(() => process.exit(130)));
try {
  console.log(`bench/ssh: sshd on ${sshd.host}:${sshd.port}, uploads to ${remote}, node ${process.version}`);
  if (parts.has('1')) {
    const command = await kilnCommand(root, entry);
    const kiln = { root, args: command.args };
    try {
      await benchTreeBuild(sshd, 'loopback', { work, remote }, runs, kiln);
      if (rttMs > 0) {
        const relay = await startLatencyProxy('127.0.0.42', sshd, rttMs);
        try {
          await benchTreeBuild(relay, `a relay adding ${rttMs} ms of round trip`, { work, remote }, runs, kiln);
        } finally {
          await relay.stop();
        }
      }
    } finally {
      command.dispose();
    }
  }
  if (parts.has('2')) await benchSingleFile(sshd, { work, remote }, runs, 256);
  if (parts.has('3')) await benchPeakRss(sshd);
} finally {
  await cleanup();
}
