import { once } from 'node:events';
import type { Readable, Writable } from 'node:stream';

/** Pulls bytes, lines and counted runs from a stream, for line-and-count protocols such as scp. */
export class ByteReader {
  private pending: Buffer = Buffer.alloc(0);
  private readonly chunks: AsyncIterator<Buffer>;

  constructor(stream: Readable) {
    // destroyOnReturn: false keeps the channel open once its output ends, so its exit status still arrives.
    this.chunks = stream.iterator({ destroyOnReturn: false });
  }

  /** The next byte, or null at the end of the stream. */
  async readByte(): Promise<number | null> {
    if (!(await this.fill())) return null;
    const byte = this.pending[0] ?? null;
    this.pending = this.pending.subarray(1);
    return byte;
  }

  /** The text up to the next newline (not included), or null at the end of the stream. */
  async readLine(): Promise<string | null> {
    const parts: Buffer[] = [];
    while (await this.fill()) {
      const newline = this.pending.indexOf(0x0a);
      if (newline >= 0) {
        parts.push(this.pending.subarray(0, newline));
        this.pending = this.pending.subarray(newline + 1);
        return Buffer.concat(parts).toString('utf8');
      }
      parts.push(this.pending);
      this.pending = Buffer.alloc(0);
    }
    return parts.length > 0 ? Buffer.concat(parts).toString('utf8') : null;
  }

  /** Copies exactly size bytes to output, waiting for it to drain; fails if the stream ends first. */
  async copyTo(output: Writable, size: number): Promise<void> {
    let left = size;
    while (left > 0) {
      if (!(await this.fill())) throw new Error(`stream ended ${left} bytes before the end of the file`);
      const piece = this.pending.subarray(0, left);
      this.pending = this.pending.subarray(piece.length);
      left -= piece.length;
      if (!output.write(piece)) await once(output, 'drain');
    }
  }

  /** Reads and drops everything up to the end of the stream, so the channel can close. */
  async drain(): Promise<void> {
    this.pending = Buffer.alloc(0);
    while (!(await this.chunks.next()).done);
  }

  private async fill(): Promise<boolean> {
    while (this.pending.length === 0) {
      const next = await this.chunks.next();
      if (next.done) return false;
      this.pending = next.value;
    }
    return true;
  }
}
