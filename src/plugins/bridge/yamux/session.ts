import type { Duplex } from 'node:stream';
import { encodeHeader, Flag, FrameParser, FrameType, YamuxProtocolError, type Frame } from './frame.js';
import { YamuxStream, type StreamOwner } from './stream.js';

/*
 * A yamux session over one connection (hashicorp/yamux session.go). The host
 * is the client (odd stream ids), the plugin the server (even ids). Pings from
 * the peer's keep-alive are answered; a go-away, a protocol error or the end of
 * the connection fails every open stream.
 */

const GO_AWAY_NORMAL = 0;
const GO_AWAY_PROTOCOL_ERROR = 1;

export interface SessionOptions {
  /** The host side: opens odd stream ids. */
  readonly client: boolean;
  /** Called for each stream the peer opens; the stream is already acknowledged. */
  readonly onStream: (stream: YamuxStream) => void;
}

export class YamuxSession implements StreamOwner {
  readonly #socket: Duplex;
  readonly #options: SessionOptions;
  readonly #streams = new Map<number, YamuxStream>();
  readonly #parser = new FrameParser();
  readonly #closed: Promise<Error>;
  #nextStreamId: number;
  #error: Error | undefined;
  #resolveClosed: (error: Error) => void = () => undefined;

  constructor(socket: Duplex, options: SessionOptions) {
    this.#socket = socket;
    this.#options = options;
    this.#nextStreamId = options.client ? 1 : 2;
    this.#closed = new Promise((resolve) => (this.#resolveClosed = resolve));
    socket.on('data', (chunk: Buffer) => this.#receive(chunk));
    socket.on('error', (error: Error) => this.#fail(new Error(`plugin connection failed: ${error.message}`)));
    socket.on('close', () => this.#fail(new Error('plugin connection closed')));
  }

  /** Resolves with the reason once the session has ended. */
  get closed(): Promise<Error> {
    return this.#closed;
  }

  get isClosed(): boolean {
    return this.#error !== undefined;
  }

  /** Opens a stream; data may be written at once (the ACK is not awaited, as in Go). */
  open(): YamuxStream {
    if (this.#error !== undefined) throw this.#error;
    const id = this.#nextStreamId;
    this.#nextStreamId += 2;
    const stream = new YamuxStream(id, this);
    this.#streams.set(id, stream);
    this.send(FrameType.WindowUpdate, Flag.SYN, id, 0);
    return stream;
  }

  /** Sends a normal go-away and closes the connection. */
  close(): void {
    if (this.#error !== undefined) return;
    this.send(FrameType.GoAway, 0, 0, GO_AWAY_NORMAL);
    this.#fail(new Error('plugin session closed'), true);
  }

  send(type: FrameType, flags: number, streamId: number, length: number, payload?: Buffer): void {
    if (this.#error !== undefined || this.#socket.destroyed) return;
    const header = encodeHeader(type, flags, streamId, length);
    this.#socket.write(payload === undefined ? header : Buffer.concat([header, payload]));
  }

  forget(streamId: number): void {
    this.#streams.delete(streamId);
  }

  /** Open streams, for tests and diagnostics. */
  get streamCount(): number {
    return this.#streams.size;
  }

  #receive(chunk: Buffer): void {
    try {
      for (const frame of this.#parser.push(chunk)) this.#handle(frame);
    } catch (error) {
      if (!(error instanceof YamuxProtocolError)) throw error;
      this.send(FrameType.GoAway, 0, 0, GO_AWAY_PROTOCOL_ERROR);
      this.#fail(error);
    }
  }

  #handle(frame: Frame): void {
    switch (frame.type) {
      case FrameType.Data:
      case FrameType.WindowUpdate:
        this.#handleStreamFrame(frame);
        return;
      case FrameType.Ping:
        if (frame.flags & Flag.SYN) this.send(FrameType.Ping, Flag.ACK, 0, frame.length);
        return;
      case FrameType.GoAway:
        this.#fail(new Error(`plugin closed the session (yamux go-away code ${frame.length})`));
        return;
    }
  }

  #handleStreamFrame(frame: Frame): void {
    let stream = this.#streams.get(frame.streamId);
    if (stream === undefined) {
      if (!(frame.flags & Flag.SYN)) return; // a late frame for a stream already gone
      stream = new YamuxStream(frame.streamId, this);
      this.#streams.set(frame.streamId, stream);
      this.send(FrameType.WindowUpdate, Flag.ACK, frame.streamId, 0);
      this.#options.onStream(stream);
    }
    if (frame.type === FrameType.WindowUpdate) stream.onWindowUpdate(frame.length);
    else if (frame.payload.length > 0) stream.onData(frame.payload);
    if (frame.flags & Flag.RST) stream.onReset();
    else if (frame.flags & Flag.FIN) stream.onFin();
  }

  /** Ends the session; `flush` lets the bytes already written (a go-away) reach the peer first. */
  #fail(error: Error, flush = false): void {
    if (this.#error !== undefined) return;
    this.#error = error;
    for (const stream of this.#streams.values()) stream.onSessionClosed(error);
    this.#streams.clear();
    if (flush) this.#socket.end();
    else this.#socket.destroy();
    this.#resolveClosed(error);
  }
}
