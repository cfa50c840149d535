/*
 * Yamux framing (hashicorp/yamux spec.md): a 12-byte big-endian header —
 * version, type, flags, stream id, length — followed, for data frames only, by
 * `length` payload bytes.
 */

export const HEADER_SIZE = 12;
export const PROTOCOL_VERSION = 0;

export const FrameType = { Data: 0, WindowUpdate: 1, Ping: 2, GoAway: 3 } as const;
export type FrameType = (typeof FrameType)[keyof typeof FrameType];

export const Flag = { SYN: 1, ACK: 2, FIN: 4, RST: 8 } as const;

/** Every stream starts with this receive window (initialStreamWindow). */
export const INITIAL_WINDOW = 256 * 1024;

export interface Frame {
  readonly type: FrameType;
  readonly flags: number;
  readonly streamId: number;
  /** Payload size for data frames; window delta, ping opaque value or go-away code otherwise. */
  readonly length: number;
  /** The payload of a data frame; empty for the other types. */
  readonly payload: Buffer;
}

export function encodeHeader(type: FrameType, flags: number, streamId: number, length: number): Buffer {
  const header = Buffer.allocUnsafe(HEADER_SIZE);
  header.writeUInt8(PROTOCOL_VERSION, 0);
  header.writeUInt8(type, 1);
  header.writeUInt16BE(flags, 2);
  header.writeUInt32BE(streamId, 4);
  header.writeUInt32BE(length, 8);
  return header;
}

/** Thrown for bytes that are not yamux: the session answers with a protocol-error go-away. */
export class YamuxProtocolError extends Error {}

/**
 * Reassembles frames from socket chunks, which may split a header or payload
 * at any byte or carry several frames at once.
 */
export class FrameParser {
  #pending: Buffer[] = [];
  #pendingBytes = 0;

  /** Appends a chunk and returns every frame it completes, in order. */
  push(chunk: Buffer): Frame[] {
    this.#pending.push(chunk);
    this.#pendingBytes += chunk.length;
    const frames: Frame[] = [];
    for (;;) {
      if (this.#pendingBytes < HEADER_SIZE) return frames;
      const header = this.#peek(HEADER_SIZE);
      const version = header.readUInt8(0);
      if (version !== PROTOCOL_VERSION) throw new YamuxProtocolError(`yamux: invalid protocol version ${version}`);
      const type = header.readUInt8(1);
      if (type > FrameType.GoAway) throw new YamuxProtocolError(`yamux: invalid message type ${type}`);
      const length = header.readUInt32BE(8);
      const payloadSize = type === FrameType.Data ? length : 0;
      if (this.#pendingBytes < HEADER_SIZE + payloadSize) return frames;
      const bytes = this.#take(HEADER_SIZE + payloadSize);
      frames.push({
        type: type as FrameType,
        flags: bytes.readUInt16BE(2),
        streamId: bytes.readUInt32BE(4),
        length,
        payload: bytes.subarray(HEADER_SIZE),
      });
    }
  }

  #peek(size: number): Buffer {
    const first = this.#pending[0];
    if (first !== undefined && first.length >= size) return first;
    const joined = Buffer.concat(this.#pending);
    this.#pending = [joined];
    return joined;
  }

  #take(size: number): Buffer {
    const joined = this.#peek(size);
    this.#pending[0] = joined.subarray(size);
    if (this.#pending[0].length === 0) this.#pending.shift();
    this.#pendingBytes -= size;
    return joined.subarray(0, size);
  }
}
