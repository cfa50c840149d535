import { once } from 'node:events';
import type { Writable } from 'node:stream';

/*
 * The Engine's multiplexed stream (attach/exec without a TTY): frames of an
 * 8-byte header (stream type, 3 zero bytes, big-endian payload length) and
 * the payload. Type 1 is stdout, 2 stderr. Writes wait for the targets to
 * drain, so a slow consumer slows the container's output down instead of
 * filling memory.
 */

const HEADER = 8;

export async function demuxStream(
  source: AsyncIterable<Buffer>,
  stdout: Writable | undefined,
  stderr: Writable | undefined,
): Promise<void> {
  let header = Buffer.alloc(0);
  let remaining = 0;
  let target: Writable | undefined;
  for await (const chunk of source) {
    let offset = 0;
    while (offset < chunk.length) {
      if (remaining === 0) {
        const take = Math.min(HEADER - header.length, chunk.length - offset);
        header = Buffer.concat([header, chunk.subarray(offset, offset + take)]);
        offset += take;
        if (header.length < HEADER) break;
        target = header[0] === 2 ? stderr : stdout;
        remaining = header.readUInt32BE(4);
        header = Buffer.alloc(0);
        continue;
      }
      const take = Math.min(remaining, chunk.length - offset);
      const payload = chunk.subarray(offset, offset + take);
      offset += take;
      remaining -= take;
      if (target && !target.write(payload)) await once(target, 'drain');
    }
  }
}

/** Copies a raw (TTY) stream to `out` with the same back-pressure. */
export async function copyStream(source: AsyncIterable<Buffer>, out: Writable | undefined): Promise<void> {
  for await (const chunk of source) {
    if (out && !out.write(chunk)) await once(out, 'drain');
  }
}
