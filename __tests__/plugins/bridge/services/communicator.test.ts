import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CommandResult, Communicator, RemoteCommand } from '../../../../src/communicator/communicator.js';
import { MuxBroker } from '../../../../src/plugins/bridge/broker.js';
import { readExactly } from '../../../../src/plugins/bridge/read-exactly.js';
import type { RpcHandler } from '../../../../src/plugins/bridge/rpc/server.js';
import { communicatorService, type CommunicatorService } from '../../../../src/plugins/bridge/services/communicator.js';
import { INITIAL_WINDOW } from '../../../../src/plugins/bridge/yamux/frame.js';
import { YamuxSession } from '../../../../src/plugins/bridge/yamux/session.js';
import type { YamuxStream } from '../../../../src/plugins/bridge/yamux/stream.js';

/*
 * The service against the plugin's side of a real yamux session: streams the
 * test accepts as the SDK's client does (serveSingleCopy, the response
 * stream), and a scripted communicator standing in for the machine. The real
 * plugins and machine are in ../provisioner.test.ts.
 */

const goBytes = JSON.parse(readFileSync(join(__dirname, 'fixtures', 'command-finished.json'), 'utf8')) as Record<
  string,
  string
>;

/** The plugin's end of the broker (sdk mux_broker.go Accept): the ids Kiln dials, acknowledged. */
class PluginBroker {
  readonly #arrived = new Map<number, YamuxStream>();
  readonly #waiting = new Map<number, (stream: YamuxStream) => void>();
  readonly session: YamuxSession;

  constructor(socket: Socket) {
    this.session = new YamuxSession(socket, { client: false, onStream: (stream) => void this.#route(stream) });
  }

  accept(id: number): Promise<YamuxStream> {
    const ready = this.#arrived.get(id);
    if (ready !== undefined) return Promise.resolve(this.#ack(ready, id));
    return new Promise((resolve) => this.#waiting.set(id, (stream) => resolve(this.#ack(stream, id))));
  }

  async #route(stream: YamuxStream): Promise<void> {
    const id = (await readExactly(stream, 4, 5_000, 'stream id')).readUInt32LE(0);
    const waiter = this.#waiting.get(id);
    if (waiter === undefined) this.#arrived.set(id, stream);
    else waiter(stream);
  }

  #ack(stream: YamuxStream, id: number): YamuxStream {
    const bytes = Buffer.alloc(4);
    bytes.writeUInt32LE(id);
    stream.write(bytes);
    return stream;
  }
}

let dir: string;
let kiln: MuxBroker;
let plugin: PluginBroker;
let sockets: Socket[];

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kiln-comm-service-'));
  const path = join(dir, 'plugin.sock');
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(path, resolve));
  const accepted = new Promise<Socket>((resolve) => server.once('connection', resolve));
  const hostSide = connect(path);
  const pluginSide = await accepted;
  server.close();
  sockets = [hostSide, pluginSide];
  kiln = new MuxBroker(hostSide);
  plugin = new PluginBroker(pluginSide);
});

afterEach(async () => {
  kiln.close();
  for (const socket of sockets) socket.destroy();
  await rm(dir, { recursive: true, force: true });
});

/** Everything a stream carries until its end. */
async function drain(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function method(service: CommunicatorService, name: string): RpcHandler {
  const handler = service(`Communicator.${name}`);
  if (handler === undefined) throw new Error(`no Communicator.${name}`);
  return handler;
}

const refuse = () => Promise.reject(new Error('not scripted'));

/** A communicator whose methods the test scripts; the rest refuse. */
function scripted(methods: Partial<Communicator>): Communicator {
  return {
    start: refuse,
    upload: refuse,
    uploadDir: refuse,
    download: refuse,
    downloadDir: refuse,
    close: () => Promise.resolve(),
    ...methods,
  };
}

describe('Communicator.Start', () => {
  it('returns while the command runs, streams its stdio and sends the exit status as Go gob', async () => {
    let command: RemoteCommand | undefined;
    const service = communicatorService(
      scripted({
        start: async (cmd) => {
          command = cmd;
          const input = await drain(cmd.stdin!);
          cmd.stdout!.write(input.toString().toUpperCase());
          cmd.stderr!.write('warning\n');
          return { exitStatus: 2 };
        },
      }),
      kiln,
    );
    const [stdin, stdout, stderr, response] = [1, 2, 3, 4].map((id) => plugin.accept(id));
    const reply = await method(
      service,
      'Start',
    )({
      Command: 'tr a-z A-Z',
      StdinStreamId: 1,
      StdoutStreamId: 2,
      StderrStreamId: 3,
      ResponseStreamId: 4,
    });
    expect(reply).toBeNull();
    expect(command?.command).toBe('tr a-z A-Z');
    // The command is still waiting for its input: the call did not wait for it.
    (await stdin!).end('hello plugin\n');
    const [out, err, finished] = await Promise.all([
      drain(await stdout!),
      drain(await stderr!),
      drain(await response!),
    ]);
    expect(out.toString()).toBe('HELLO PLUGIN\n');
    expect(err.toString()).toBe('warning\n');
    expect(finished.toString('hex')).toBe(goBytes['2']);
    await service.idle();
  });

  it.each([0, 127, -1, 2300218])('reports exit status %i', async (exitStatus) => {
    const service = communicatorService(scripted({ start: () => Promise.resolve({ exitStatus }) }), kiln);
    const response = plugin.accept(9);
    await method(service, 'Start')({ Command: 'true', ResponseStreamId: 9 });
    expect((await drain(await response)).toString('hex')).toBe(goBytes[String(exitStatus)]);
  });

  it('gives the command no stdio the plugin did not ask for', async () => {
    let command: RemoteCommand | undefined;
    const service = communicatorService(
      scripted({
        start: (cmd) => {
          command = cmd;
          return Promise.resolve({ exitStatus: 0 });
        },
      }),
      kiln,
    );
    const response = plugin.accept(4);
    await method(
      service,
      'Start',
    )({
      Command: 'true',
      StdinStreamId: 0,
      StdoutStreamId: 0,
      StderrStreamId: 0,
      ResponseStreamId: 4,
    });
    await drain(await response);
    expect(command).toEqual({ command: 'true', stdin: undefined, stdout: undefined, stderr: undefined });
  });

  it('tells the plugin on stderr why a command did not start, and sends no exit status', async () => {
    const service = communicatorService(
      scripted({ start: () => Promise.reject(new Error('root@host:22: start "true" failed: channel refused')) }),
      kiln,
    );
    const [stdout, stderr, response] = [2, 3, 4].map((id) => plugin.accept(id));
    await method(service, 'Start')({ Command: 'true', StdoutStreamId: 2, StderrStreamId: 3, ResponseStreamId: 4 });
    const [out, err, finished] = await Promise.all([
      drain(await stdout!),
      drain(await stderr!),
      drain(await response!),
    ]);
    expect([out.length, err.toString(), finished.length]).toEqual([
      0,
      'root@host:22: start "true" failed: channel refused\n',
      0,
    ]);
  });

  it('stops the command when the signal aborts, closing the streams without an exit status', async () => {
    const controller = new AbortController();
    const service = communicatorService(
      scripted({
        start: (_cmd, signal) =>
          new Promise<CommandResult>((_resolve, reject) =>
            signal?.addEventListener('abort', () => reject(new Error('Cancelled "sleep 30"'))),
          ),
      }),
      kiln,
      controller.signal,
    );
    const [stderr, response] = [3, 4].map((id) => plugin.accept(id));
    await method(service, 'Start')({ Command: 'sleep 30', StderrStreamId: 3, ResponseStreamId: 4 });
    controller.abort();
    const [err, finished] = await Promise.all([drain(await stderr!), drain(await response!)]);
    expect([err.length, finished.length]).toEqual([0, 0]);
    await service.idle();
  });
});

describe('Communicator.Upload', () => {
  it('streams 64 MiB with flow control, never holding more than the window', async () => {
    const size = 64 * 1024 * 1024;
    const chunk = randomBytes(64 * 1024);
    let sent = 0;
    let received = 0;
    let mostInFlight = 0;
    let info: unknown;
    const digest = createHash('sha256');
    const service = communicatorService(
      scripted({
        upload: async (path, input, fileInfo) => {
          info = { path, fileInfo };
          for await (const data of input) {
            received += (data as Buffer).length;
            digest.update(data as Buffer);
            mostInFlight = Math.max(mostInFlight, sent - received);
            // A slow machine: the plugin must be held back rather than buffered.
            if (received % (4 * 1024 * 1024) === 0) await new Promise((resolve) => setTimeout(resolve, 5));
          }
        },
      }),
      kiln,
    );
    const source = plugin.accept(5).then(async (stream) => {
      const expected = createHash('sha256');
      for (; sent < size; sent += chunk.length) {
        expected.update(chunk);
        if (!stream.write(chunk)) await new Promise((resolve) => stream.once('drain', resolve));
      }
      stream.end();
      return expected.digest('hex');
    });
    // os.FileMode 0755 with the setuid bit (1<<23): the permission bits are what counts.
    const fileInfo = { N: 'big.bin', S: size, M: (1 << 23) | 0o755, T: new Date(0) };
    await method(service, 'Upload')({ Path: '/tmp/big.bin', ReaderStreamId: 5, FileInfo: fileInfo });
    expect(info).toEqual({ path: '/tmp/big.bin', fileInfo: { mode: 0o755, size } });
    expect(received).toBe(size);
    expect(digest.digest('hex')).toBe(await source);
    // What the plugin got ahead by: the receive window, what Node buffers on each side, one chunk.
    expect(mostInFlight).toBeLessThanOrEqual(2 * INITIAL_WINDOW + 2 * chunk.length);
  });

  it('passes no file info when the plugin sent none', async () => {
    let info: unknown = 'not called';
    const service = communicatorService(
      scripted({
        upload: async (_path, input, fileInfo) => {
          info = fileInfo;
          expect((await drain(input)).toString()).toBe('data');
        },
      }),
      kiln,
    );
    void plugin.accept(5).then((stream) => stream.end('data'));
    await method(service, 'Upload')({ Path: '/tmp/x', ReaderStreamId: 5, FileInfo: null });
    expect(info).toBeUndefined();
  });

  it("returns the communicator's error and closes the plugin's stream", async () => {
    const service = communicatorService(
      scripted({
        upload: () => Promise.reject(new Error('root@host:22: upload to /x failed: scp: /x: Permission denied')),
      }),
      kiln,
    );
    const stream = plugin.accept(5);
    await expect(method(service, 'Upload')({ Path: '/x', ReaderStreamId: 5 })).rejects.toThrow(
      new Error('root@host:22: upload to /x failed: scp: /x: Permission denied'),
    );
    expect((await drain(await stream)).length).toBe(0);
  });
});

describe('Communicator.Download', () => {
  it('streams the file to the plugin and ends the stream', async () => {
    const service = communicatorService(
      scripted({
        download: async (path, output) => {
          output.write(`${path}\n`);
          output.write('second chunk\n');
        },
      }),
      kiln,
    );
    const stream = plugin.accept(6);
    await method(service, 'Download')({ Path: '/etc/hostname', WriterStreamId: 6 });
    expect((await drain(await stream)).toString()).toBe('/etc/hostname\nsecond chunk\n');
  });

  it('ends the stream on failure too, as the plugin waits for its end', async () => {
    const service = communicatorService(
      scripted({
        download: async (_path, output) => {
          output.write('partial');
          throw new Error('scp: /x: No such file or directory');
        },
      }),
      kiln,
    );
    const stream = plugin.accept(6);
    await expect(method(service, 'Download')({ Path: '/x', WriterStreamId: 6 })).rejects.toThrow(
      'scp: /x: No such file or directory',
    );
    expect((await drain(await stream)).toString()).toBe('partial');
  });
});

describe('Communicator.UploadDir and DownloadDir', () => {
  it('pass the paths and excludes in the order Kiln takes them, local paths against the working directory', async () => {
    const calls: unknown[] = [];
    const service = communicatorService(
      scripted({
        uploadDir: async (dst, src, exclude) => void calls.push(['uploadDir', dst, src, exclude]),
        downloadDir: async (src, dst, exclude) => void calls.push(['downloadDir', src, dst, exclude]),
      }),
      kiln,
      undefined,
      '/work/template',
    );
    await method(service, 'UploadDir')({ Dst: '/remote/', Src: 'local/dir', Exclude: ['a', 'b/c'] });
    await method(service, 'UploadDir')({ Dst: '/remote', Src: '/abs/dir/', Exclude: [] });
    await method(service, 'DownloadDir')({ Dst: 'local/', Src: '/remote/dir/', Exclude: null });
    await method(service, 'DownloadDir')({ Dst: '../up', Src: '/remote/dir', Exclude: ['x'] });
    expect(calls).toEqual([
      ['uploadDir', '/remote/', '/work/template/local/dir', ['a', 'b/c']],
      ['uploadDir', '/remote', '/abs/dir/', []],
      ['downloadDir', '/remote/dir/', '/work/template/local/', []],
      ['downloadDir', '/remote/dir', '/work/up', ['x']],
    ]);
  });

  it("returns the communicator's error as the call's error", async () => {
    const service = communicatorService(
      scripted({
        uploadDir: () => Promise.reject(new Error("UploadDir is not implemented when communicator = 'none'")),
      }),
      kiln,
    );
    await expect(method(service, 'UploadDir')({ Dst: '/d', Src: 's', Exclude: [] })).rejects.toThrow(
      "UploadDir is not implemented when communicator = 'none'",
    );
  });
});

describe('communicatorService', () => {
  it('knows the five methods of the Go CommunicatorServer and nothing else', () => {
    const service = communicatorService(scripted({}), kiln);
    const names = ['Start', 'Upload', 'UploadDir', 'Download', 'DownloadDir', 'Close', 'Cancel'];
    expect(names.map((name) => service(`Communicator.${name}`) !== undefined)).toEqual([
      true,
      true,
      true,
      true,
      true,
      false,
      false,
    ]);
    expect(service('Ui.Say')).toBeUndefined();
  });

  it('refuses arguments that are not a struct', async () => {
    const service = communicatorService(scripted({}), kiln);
    await expect(method(service, 'UploadDir')(null)).rejects.toThrow('Communicator: malformed arguments');
  });
});
