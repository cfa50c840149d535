/*
 * One Kiln upload in its own process, so its time and peak RSS are its own;
 * kiln-upload.ts starts it with the job as JSON in KILN_UPLOAD_JOB.
 *
 * Prints one JSON line, an UploadResult. Its times cover connect, upload and
 * close (what `scp` does in its process), not Node's start.
 */
import { createReadStream } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { Readable } from 'node:stream';
import { SshCommunicator } from '../../src/communicator/ssh/communicator.js';
import type { UploadJob, UploadResult } from './kiln-upload.js';

const CHUNK = 1024 * 1024;

/** `bytes` of filler produced as they are read: nothing of that size is ever held in memory. */
async function* generated(bytes: number): AsyncGenerator<Buffer> {
  const block = Buffer.alloc(CHUNK, 0x6b);
  for (let left = bytes; left > 0; left -= CHUNK) yield left >= CHUNK ? block : block.subarray(0, left);
}

async function main(job: UploadJob): Promise<void> {
  const start = performance.now();
  const cpu = process.cpuUsage();
  const comm = await SshCommunicator.connect({
    ssh_host: job.host,
    ssh_port: job.port,
    ssh_username: 'root',
    ssh_private_key_file: job.keyFile,
    ssh_file_transfer_method: job.method,
    ssh_timeout: 10_000,
  });
  try {
    const input = job.file
      ? createReadStream(job.file, { highWaterMark: job.readChunk ?? 64 * 1024 })
      : Readable.from(generated(job.bytes));
    await comm.upload(job.remotePath, input, { mode: 0o644, size: job.bytes });
  } finally {
    await comm.close();
  }
  const ms = performance.now() - start;
  const { user, system } = process.cpuUsage(cpu);
  const result: UploadResult = {
    ms,
    cpuMs: (user + system) / 1000,
    maxRssBytes: process.resourceUsage().maxRSS * 1024,
  };
  console.log(JSON.stringify(result));
}

const job = process.env['KILN_UPLOAD_JOB'];
if (!job) throw new Error('KILN_UPLOAD_JOB is not set');
// No top-level await: kiln-upload.ts loads this file as CommonJS.
main(JSON.parse(job) as UploadJob).catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
