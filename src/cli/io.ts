import type { Readable, Writable } from 'node:stream';

/** The process surroundings a command runs in; tests pass their own streams. */
export interface CliIO {
  readonly stdin: Readable & { isTTY?: boolean };
  readonly stdout: Writable;
  readonly stderr: Writable;
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
}

export function processIO(): CliIO {
  return { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, cwd: process.cwd(), env: process.env };
}

export type Command = (args: string[], io: CliIO) => Promise<number>;
