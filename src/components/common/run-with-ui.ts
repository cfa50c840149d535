import { Writable } from 'node:stream';
import type { CommandResult, Communicator } from '../../communicator/communicator.js';
import type { BuildUi } from '../../core/events.js';

/*
 * packersdk.RemoteCmd.RunWithUi: run a command and show each line of its
 * output as it arrives, stdout as UI "say" lines (current SDK; 1.6.6 used
 * messages) and stderr as UI errors,
 * trailing whitespace trimmed and only the text after the last "\r" kept.
 */

export async function runWithUi(
  comm: Communicator,
  command: string,
  ui: BuildUi,
  signal: AbortSignal,
): Promise<CommandResult> {
  const stdout = new LineWriter((line) => ui.say(line));
  const stderr = new LineWriter((line) => ui.error(line));
  const result = await comm.start({ command, stdout, stderr }, signal);
  // Output without a final newline is still a line (iochan.DelimReader at EOF).
  stdout.flush();
  stderr.flush();
  return result;
}

/** Go's unicode.IsSpace characters, which TrimRightFunc removes. */
const TRAILING_SPACE = /[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+$/u;

function cleanOutputLine(line: string): string {
  const trimmed = line.replace(TRAILING_SPACE, '');
  return trimmed.slice(trimmed.lastIndexOf('\r') + 1);
}

/** Splits bytes into lines at "\n" (whole lines only, so multi-byte characters are never cut). */
class LineWriter extends Writable {
  private pending: Buffer = Buffer.alloc(0);

  constructor(private readonly onLine: (line: string) => void) {
    super();
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: () => void): void {
    let data = this.pending.length > 0 ? Buffer.concat([this.pending, chunk]) : chunk;
    for (let newline = data.indexOf(0x0a); newline !== -1; newline = data.indexOf(0x0a)) {
      this.onLine(cleanOutputLine(data.subarray(0, newline + 1).toString('utf8')));
      data = data.subarray(newline + 1);
    }
    this.pending = data;
    callback();
  }

  flush(): void {
    if (this.pending.length > 0) this.onLine(cleanOutputLine(this.pending.toString('utf8')));
    this.pending = Buffer.alloc(0);
  }
}
