import type { Duplex } from 'node:stream';
import { encodeMessage, isRecord, readMessages } from './codec.js';

/* The calling side of Go net/rpc: numbered requests, replies matched by Seq in any order. */

/** An error the remote method returned (net/rpc's ServerError). */
export class RemoteError extends Error {}

interface Pending {
  readonly method: string;
  resolve: (body: unknown) => void;
  reject: (error: Error) => void;
}

export class RpcClient {
  readonly #stream: Duplex;
  /** Names the plugin in errors. */
  readonly #label: string;
  readonly #pending = new Map<number, Pending>();
  #seq = 0;
  #closedError: Error | undefined;

  constructor(stream: Duplex, label: string) {
    this.#stream = stream;
    this.#label = label;
    void this.#readReplies();
  }

  /** Calls `method` ("Builder.Prepare") and resolves its reply body. */
  call(method: string, args: unknown): Promise<unknown> {
    if (this.#closedError !== undefined) return Promise.reject(this.#closedError);
    this.#seq += 1;
    const seq = this.#seq;
    return new Promise((resolve, reject) => {
      this.#pending.set(seq, { method, resolve, reject });
      this.#stream.write(encodeMessage({ ServiceMethod: method, Seq: seq }, args));
    });
  }

  close(): void {
    this.#stream.end();
    this.#shutdown(new Error(`${this.#label}: connection closed`));
  }

  async #readReplies(): Promise<void> {
    let reason = `${this.#label}: the plugin closed the connection`;
    try {
      for await (const { header, body } of readMessages(this.#stream)) this.#settle(header, body);
    } catch (error) {
      reason = `${this.#label}: ${error instanceof Error ? error.message : String(error)}`;
    }
    this.#shutdown(new Error(reason));
  }

  #settle(header: unknown, body: unknown): void {
    if (!isRecord(header) || typeof header.Seq !== 'number') return;
    const pending = this.#pending.get(header.Seq);
    if (pending === undefined) return;
    this.#pending.delete(header.Seq);
    const error = typeof header.Error === 'string' ? header.Error : '';
    if (error !== '') pending.reject(new RemoteError(error));
    else pending.resolve(body);
  }

  #shutdown(error: Error): void {
    this.#closedError ??= error;
    for (const [seq, pending] of this.#pending) {
      this.#pending.delete(seq);
      pending.reject(new Error(`${this.#closedError.message} (during ${pending.method})`));
    }
  }
}
