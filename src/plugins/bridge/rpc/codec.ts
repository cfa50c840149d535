import type { Readable } from 'node:stream';
import { decodeMultiStream, Encoder } from '@msgpack/msgpack';

/*
 * Go net/rpc over ugorji msgpack (codec.GoRpc with MsgpackHandle{RawToString,
 * WriteExt}): every message is a msgpack header map followed by a msgpack
 * body. Strings travel as msgpack str, byte slices as bin (Uint8Array here).
 */

export interface RequestHeader {
  readonly ServiceMethod: string;
  readonly Seq: number;
}

export interface ResponseHeader extends RequestHeader {
  /** Empty on success; otherwise the error's text and the body is to be ignored. */
  readonly Error: string;
}

const encoder = new Encoder({ ignoreUndefined: true });

/** Header and body as one buffer, so concurrent writers never interleave. */
export function encodeMessage(header: RequestHeader | ResponseHeader, body: unknown): Buffer {
  const head = encoder.encode(header);
  const rest = encoder.encode(body ?? null);
  return Buffer.concat([head, rest]);
}

/** Yields each (header, body) pair read from `stream` until it ends. */
export async function* readMessages(stream: Readable): AsyncGenerator<{ header: unknown; body: unknown }> {
  let header: unknown;
  let haveHeader = false;
  for await (const value of decodeMultiStream(stream)) {
    if (!haveHeader) {
      header = value;
      haveHeader = true;
      continue;
    }
    haveHeader = false;
    yield { header, body: value };
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array);
}
