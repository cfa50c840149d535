import type { Duplex } from 'node:stream';
import { encodeMessage, isRecord, readMessages } from './codec.js';

/*
 * The serving side of Go net/rpc, for the callbacks a plugin makes to the host
 * (Ui, Hook, Artifact, Communicator). Calls run concurrently, as net/rpc runs
 * each in its own goroutine.
 */

/** Resolves the reply; a thrown error goes back as the response's Error. */
export type RpcHandler = (args: unknown) => unknown;

/** Finds the handler for "Service.Method", or undefined. */
export type RpcResolver = (serviceMethod: string) => RpcHandler | undefined;

/** Serves calls on `stream` until it ends. */
export async function serveRpc(stream: Duplex, resolve: RpcResolver): Promise<void> {
  const running = new Set<Promise<void>>();
  try {
    for await (const { header, body } of readMessages(stream)) {
      if (!isRecord(header) || typeof header.ServiceMethod !== 'string' || typeof header.Seq !== 'number') continue;
      const call = answer(stream, header.ServiceMethod, header.Seq, body, resolve);
      running.add(call);
      void call.then(() => running.delete(call));
    }
  } catch {
    // The plugin went away mid-message; nothing is left to answer.
  }
  await Promise.all([...running]);
  stream.end();
}

async function answer(stream: Duplex, method: string, seq: number, args: unknown, resolve: RpcResolver) {
  let reply: unknown = null;
  let error = '';
  const handler = resolve(method);
  if (handler === undefined) {
    error = missingMethod(method);
  } else {
    try {
      reply = await handler(args);
    } catch (thrown) {
      error = thrown instanceof Error ? thrown.message : String(thrown);
    }
  }
  if (stream.writable)
    stream.write(encodeMessage({ ServiceMethod: method, Seq: seq, Error: error }, error ? {} : reply));
}

/** net/rpc's wording for a call nobody registered. */
function missingMethod(serviceMethod: string): string {
  const dot = serviceMethod.lastIndexOf('.');
  if (dot < 0) return `rpc: service/method request ill-formed: ${serviceMethod}`;
  return `rpc: can't find method ${serviceMethod}`;
}
