import type { Duplex } from 'node:stream';
import { readExactly } from './read-exactly.js';
import { YamuxSession } from './yamux/session.js';
import type { YamuxStream } from './yamux/stream.js';

/*
 * The stream broker of packer-plugin-sdk rpc/mux_broker.go: a side that opens
 * a stream writes the wanted id (little-endian uint32) and waits for the same
 * four bytes back; the accepting side matches incoming ids with its Accept
 * calls. Each side allocates ids with its own counter; id 0 is the plugin's
 * main RPC service.
 */

/** Go's Accept gives up after 5 s; an unclaimed incoming stream is closed after as long. */
export const BROKER_TIMEOUT_MS = 5_000;

interface Waiter {
  resolve: (stream: YamuxStream) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

interface Unclaimed {
  stream: YamuxStream;
  timer: NodeJS.Timeout;
}

export class MuxBroker {
  readonly session: YamuxSession;
  #nextId = 0;
  readonly #waiters = new Map<number, Waiter>();
  readonly #unclaimed = new Map<number, Unclaimed>();

  constructor(connection: Duplex) {
    this.session = new YamuxSession(connection, { client: true, onStream: (stream) => void this.#route(stream) });
    void this.session.closed.then((error) => {
      for (const [id, waiter] of this.#waiters) {
        clearTimeout(waiter.timer);
        waiter.reject(error);
        this.#waiters.delete(id);
      }
    });
  }

  nextId(): number {
    this.#nextId += 1;
    return this.#nextId;
  }

  /** Opens a stream to the peer's Accept(id). */
  async dial(id: number): Promise<YamuxStream> {
    const stream = this.session.open();
    stream.write(idBytes(id));
    try {
      const ack = await readExactly(stream, 4, BROKER_TIMEOUT_MS * 2, `plugin stream ${id}`);
      const got = ack.readUInt32LE(0);
      if (got !== id) throw new Error(`bad ack: ${got} (expected ${id})`);
      return stream;
    } catch (error) {
      stream.destroy();
      throw error;
    }
  }

  /** Waits (at most 5 s, as Go) for the peer to dial `id`, and acknowledges it. */
  accept(id: number): Promise<YamuxStream> {
    const ready = this.#unclaimed.get(id);
    if (ready !== undefined) {
      this.#unclaimed.delete(id);
      clearTimeout(ready.timer);
      return Promise.resolve(acknowledge(ready.stream, id));
    }
    return new Promise((resolve, reject) => {
      if (this.session.isClosed) {
        reject(new Error('plugin session closed'));
        return;
      }
      const timer = setTimeout(() => {
        this.#waiters.delete(id);
        reject(new Error('timeout waiting for accept'));
      }, BROKER_TIMEOUT_MS);
      this.#waiters.set(id, { resolve: (stream) => resolve(acknowledge(stream, id)), reject, timer });
    });
  }

  close(): void {
    this.session.close();
  }

  async #route(stream: YamuxStream): Promise<void> {
    let id: number;
    try {
      id = (await readExactly(stream, 4, BROKER_TIMEOUT_MS, 'plugin stream id')).readUInt32LE(0);
    } catch {
      stream.destroy();
      return;
    }
    const waiter = this.#waiters.get(id);
    if (waiter !== undefined) {
      this.#waiters.delete(id);
      clearTimeout(waiter.timer);
      waiter.resolve(stream);
      return;
    }
    const timer = setTimeout(() => {
      this.#unclaimed.delete(id);
      stream.destroy();
    }, BROKER_TIMEOUT_MS);
    this.#unclaimed.set(id, { stream, timer });
  }
}

function idBytes(id: number): Buffer {
  const bytes = Buffer.alloc(4);
  bytes.writeUInt32LE(id, 0);
  return bytes;
}

function acknowledge(stream: YamuxStream, id: number): YamuxStream {
  stream.write(idBytes(id));
  return stream;
}
