import { GobError } from './values.js';

/*
 * A cursor over bytes with gob's primitive encodings. Unsigned integers are one
 * byte below 128, otherwise a byte holding the negated byte count followed by
 * that many big-endian bytes; signed integers fold the sign into the low bit.
 */

const MaxSafe = BigInt(Number.MAX_SAFE_INTEGER);

export class GobBuffer {
  private pos = 0;

  constructor(private readonly bytes: Uint8Array) {}

  get remaining(): number {
    return this.bytes.length - this.pos;
  }

  readByte(): number {
    const b = this.bytes[this.pos];
    if (b === undefined) throw new GobError('gob: unexpected end of data');
    this.pos++;
    return b;
  }

  /** The next n bytes (a view, not a copy). */
  take(n: number, what: string): Uint8Array {
    if (n > this.remaining) throw new GobError(`gob: ${what} length ${n} exceeds input size ${this.remaining}`);
    const out = this.bytes.subarray(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }

  readUint64(): bigint {
    const b = this.readByte();
    if (b <= 0x7f) return BigInt(b);
    const n = 256 - b;
    if (n > 8) throw new GobError('gob: encoded unsigned integer out of range');
    const data = this.take(n, 'uint data');
    let x = 0n;
    for (const d of data) x = (x << 8n) | BigInt(d);
    return x;
  }

  /** An unsigned integer as a number when it fits exactly, else a bigint. */
  readUint(): number | bigint {
    const b = this.bytes[this.pos];
    if (b !== undefined && b <= 0x7f) {
      this.pos++;
      return b;
    }
    return narrow(this.readUint64());
  }

  readInt(): number | bigint {
    const x = this.readUint64();
    const magnitude = x >> 1n;
    return narrow(x & 1n ? ~magnitude : magnitude);
  }

  /**
   * A count or length that must be a plausible size for the data that follows:
   * at most the bytes left after it, plus `beyond` (data known to follow elsewhere).
   */
  readLength(what: string, beyond = 0): number {
    const n = this.readUint64();
    const limit = this.remaining + beyond;
    if (n > BigInt(limit)) throw new GobError(`gob: ${what} length ${n} exceeds input size ${limit}`);
    return Number(n);
  }

  readFloat(): number {
    // The float64 bits with their bytes reversed, sent as an unsigned integer.
    let bits = this.readUint64();
    const view = new DataView(new ArrayBuffer(8));
    for (let i = 0; i < 8; i++) {
      view.setUint8(i, Number(bits & 0xffn));
      bits >>= 8n;
    }
    return view.getFloat64(0, false);
  }
}

function narrow(x: bigint): number | bigint {
  return x <= MaxSafe && x >= -MaxSafe ? Number(x) : x;
}
