import type { ClientChannel, ExecOptions, PseudoTtyOptions } from 'ssh2';
import type { SshConnection } from './connect.js';

/** How a remote command ended: an exit code, a signal name, or neither when the connection dropped. */
export interface ExecExit {
  code: number | null;
  signal?: string;
}

export interface ExecChannel {
  channel: ClientChannel;
  /** Settles when the channel closes (its output must be read for that to happen). */
  exit: Promise<ExecExit>;
}

/** Packer's pty request: xterm, 40x80, no echo, 14.4 kbaud. */
const PTY: PseudoTtyOptions = {
  term: 'xterm',
  rows: 40,
  cols: 80,
  modes: { ECHO: 0, TTY_OP_ISPEED: 14400, TTY_OP_OSPEED: 14400 },
};

export function openExec(conn: SshConnection, command: string, pty = false): Promise<ExecChannel> {
  const options: ExecOptions & { agentForward?: boolean } = {};
  if (pty) options.pty = PTY;
  if (conn.agentForward) options.agentForward = true;
  return new Promise((resolve, reject) => {
    conn.client.exec(command, options, (err, channel) => {
      if (err) {
        reject(err);
        return;
      }
      let result: ExecExit = { code: null };
      channel.on('exit', (code: number | null, signal?: string) => {
        result = signal ? { code: null, signal } : { code };
      });
      const exit = new Promise<ExecExit>((done) => channel.once('close', () => done(result)));
      resolve({ channel, exit });
    });
  });
}

/** Single-quotes a path for the remote POSIX shell. */
export function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}
