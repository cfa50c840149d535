import { Duplex } from 'node:stream';
import { Flag, FrameType, INITIAL_WINDOW, YamuxProtocolError } from './frame.js';

/* One yamux stream as a Node Duplex, with the per-stream flow control of hashicorp/yamux stream.go. */

/** What a stream needs from its session. */
export interface StreamOwner {
  send(type: FrameType, flags: number, streamId: number, length: number, payload?: Buffer): void;
  forget(streamId: number): void;
}

/** Largest data frame we send; Go yamux reads any size within the window. */
const MAX_FRAME_PAYLOAD = 64 * 1024;

interface PendingWrite {
  chunk: Buffer;
  callback: (error?: Error | null) => void;
}

export class YamuxStream extends Duplex {
  readonly id: number;
  readonly #owner: StreamOwner;
  #sendWindow = INITIAL_WINDOW;
  /** How many more bytes the peer may send before we grant more. */
  #recvWindow = INITIAL_WINDOW;
  #pendingWrite: PendingWrite | undefined;
  #localClosed = false;
  #remoteClosed = false;
  #sessionGone = false;

  constructor(id: number, owner: StreamOwner) {
    super({ readableHighWaterMark: INITIAL_WINDOW, allowHalfOpen: true });
    this.id = id;
    this.#owner = owner;
    // A stream nobody reads yet (unclaimed in the broker) must not crash the host when the
    // session ends; readers still get the error through their own listeners or iterators.
    this.on('error', () => undefined);
  }

  /** Bytes we may still send before the peer grants more window. */
  get sendWindow(): number {
    return this.#sendWindow;
  }

  onData(payload: Buffer): void {
    if (payload.length > this.#recvWindow) {
      throw new YamuxProtocolError(`yamux: receive window exceeded on stream ${this.id}`);
    }
    this.#recvWindow -= payload.length;
    this.push(payload);
  }

  onWindowUpdate(delta: number): void {
    this.#sendWindow += delta;
    const pending = this.#pendingWrite;
    if (pending === undefined) return;
    this.#pendingWrite = undefined;
    this.#sendChunk(pending.chunk, pending.callback);
  }

  onFin(): void {
    if (this.#remoteClosed) return;
    this.#remoteClosed = true;
    this.push(null);
    if (this.#localClosed) this.#owner.forget(this.id);
  }

  onReset(): void {
    this.#remoteClosed = true;
    this.#localClosed = true;
    this.destroy(new Error(`yamux: stream ${this.id} reset by the plugin`));
  }

  /** The session ended: fail without sending anything more. */
  onSessionClosed(error: Error): void {
    this.#sessionGone = true;
    this.destroy(error);
  }

  // Data is pushed as frames arrive; there is nothing to fetch on demand.
  override _read(): void {}

  // Every way of consuming (iterators, 'data', pipe) goes through read(): grant the peer
  // what the reader has taken, once it is half a window, as Go's sendWindowUpdate. Doing
  // this in _read would stall: Node calls _read before it removes the bytes being read.
  override read(size?: number): unknown {
    const chunk: unknown = super.read(size);
    const delta = INITIAL_WINDOW - this.readableLength - this.#recvWindow;
    if (delta >= INITIAL_WINDOW / 2 && !this.#remoteClosed && !this.#sessionGone) {
      this.#recvWindow += delta;
      this.#owner.send(FrameType.WindowUpdate, 0, this.id, delta);
    }
    return chunk;
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    this.#sendChunk(chunk, callback);
  }

  override _final(callback: (error?: Error | null) => void): void {
    this.#localClosed = true;
    if (!this.#sessionGone) this.#owner.send(FrameType.WindowUpdate, Flag.FIN, this.id, 0);
    if (this.#remoteClosed) this.#owner.forget(this.id);
    callback();
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    const pending = this.#pendingWrite;
    this.#pendingWrite = undefined;
    // destroy() without an error is Go's Close (a FIN); with one, a reset.
    if (!this.#sessionGone && !this.#localClosed) {
      this.#owner.send(FrameType.WindowUpdate, error === null ? Flag.FIN : Flag.RST, this.id, 0);
    }
    this.#localClosed = true;
    this.#remoteClosed = true;
    this.#owner.forget(this.id);
    pending?.callback(error ?? new Error(`yamux: stream ${this.id} closed`));
    callback(error);
  }

  #sendChunk(chunk: Buffer, callback: (error?: Error | null) => void): void {
    let rest = chunk;
    while (rest.length > 0) {
      if (this.#sendWindow === 0) {
        this.#pendingWrite = { chunk: rest, callback };
        return;
      }
      const size = Math.min(rest.length, this.#sendWindow, MAX_FRAME_PAYLOAD);
      this.#owner.send(FrameType.Data, 0, this.id, size, rest.subarray(0, size));
      this.#sendWindow -= size;
      rest = rest.subarray(size);
    }
    callback();
  }
}
