import type { Engine } from './engine.js';

/*
 * The JSON message stream of the Engine's push and import endpoints, read as
 * the docker CLI prints it without a terminal (jsonmessage.Display): lines
 * with a progress bar and aux records are skipped, the others read
 * "<id>: <status>". An error record fails the call with the daemon's message.
 */

export interface JsonMessage {
  readonly status?: string;
  readonly id?: string;
  readonly error?: string;
  readonly errorDetail?: { readonly message?: string };
  readonly progressDetail?: { readonly current?: number; readonly total?: number };
  readonly aux?: unknown;
}

/** What the CLI prints for a message, or undefined for a message it does not print. */
export function displayLine(m: JsonMessage): string | undefined {
  if (m.aux !== undefined || m.error !== undefined) return undefined;
  // A message whose progress bar is not empty (JSONProgress.String) is a terminal-only line.
  if ((m.progressDetail?.current ?? 0) > 0 || (m.progressDetail?.total ?? 0) > 0) return undefined;
  // localexec.RunAndStream trims each line and drops empty ones.
  const line = `${m.id ? `${m.id}: ` : ''}${m.status ?? ''}`.trim();
  return line === '' ? undefined : line;
}

/** Reads the stream to its end, passing each message on; rejects on the first error record. */
export function followMessages(
  engine: Engine,
  stream: NodeJS.ReadableStream,
  onMessage: (message: JsonMessage) => void,
): Promise<JsonMessage[]> {
  return new Promise((resolve, reject) => {
    let failure: string | undefined;
    engine.modem.followProgress(
      stream,
      (error: Error | null, output: JsonMessage[]) => {
        if (error) reject(error);
        else if (failure !== undefined) reject(new Error(failure));
        else resolve(output);
      },
      (message: JsonMessage) => {
        if (message.error !== undefined) failure ??= message.errorDetail?.message ?? message.error;
        else if (failure === undefined) onMessage(message);
      },
    );
  });
}
