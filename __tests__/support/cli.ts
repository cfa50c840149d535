import { Readable, Writable } from 'node:stream';
import type { CliIO } from '../../src/cli/io.js';

/** A CliIO over in-memory streams, for running commands in-process. */
export function memoryIO(opts: { cwd: string; stdin?: string; tty?: boolean; env?: Record<string, string> }) {
  const out: string[] = [];
  const err: string[] = [];
  const sink = (into: string[]) =>
    new Writable({
      write(chunk: Buffer | string, _enc, done) {
        into.push(chunk.toString());
        done();
      },
    });
  const stdin = Object.assign(Readable.from([opts.stdin ?? '']), { isTTY: opts.tty ?? false });
  const io: CliIO = { stdin, stdout: sink(out), stderr: sink(err), cwd: opts.cwd, env: opts.env ?? {} };
  return { io, stdout: () => out.join(''), stderr: () => err.join('') };
}
