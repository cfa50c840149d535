import { once } from 'node:events';
import { createServer, connect, type Socket } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { launchPlugin } from '../../../src/plugins/bridge/plugin-process.js';
import { encodeHeader, Flag, FrameParser, FrameType } from '../../../src/plugins/bridge/yamux/frame.js';
import { YamuxSession } from '../../../src/plugins/bridge/yamux/session.js';
import type { YamuxStream } from '../../../src/plugins/bridge/yamux/stream.js';
import { childProcesses, packerPlugin, tempDir } from './support.js';

afterEach(async () => {
  expect(await childProcesses()).toEqual([]);
});

describe('FrameParser', () => {
  const wire = Buffer.concat([
    encodeHeader(FrameType.WindowUpdate, Flag.SYN, 1, 0),
    encodeHeader(FrameType.Data, 0, 1, 5),
    Buffer.from('hello'),
    encodeHeader(FrameType.Ping, Flag.SYN, 0, 0xdeadbeef),
    encodeHeader(FrameType.Data, Flag.FIN, 3, 0),
  ]);
  const expected = [
    { type: FrameType.WindowUpdate, flags: Flag.SYN, streamId: 1, length: 0, payload: '' },
    { type: FrameType.Data, flags: 0, streamId: 1, length: 5, payload: 'hello' },
    { type: FrameType.Ping, flags: Flag.SYN, streamId: 0, length: 0xdeadbeef, payload: '' },
    { type: FrameType.Data, flags: Flag.FIN, streamId: 3, length: 0, payload: '' },
  ];
  const plain = (frames: ReturnType<FrameParser['push']>) =>
    frames.map((frame) => ({ ...frame, payload: frame.payload.toString() }));

  it.each(Array.from({ length: wire.length - 1 }, (_, index) => index + 1))(
    'reassembles frames split at byte %i',
    (split) => {
      const parser = new FrameParser();
      const frames = [...parser.push(wire.subarray(0, split)), ...parser.push(wire.subarray(split))];
      expect(plain(frames)).toEqual(expected);
    },
  );

  it('reassembles frames fed one byte at a time', () => {
    const parser = new FrameParser();
    const frames = [...wire].flatMap((byte) => parser.push(Buffer.from([byte])));
    expect(plain(frames)).toEqual(expected);
  });

  it('rejects an unknown version', () => {
    const bad = encodeHeader(FrameType.Data, 0, 1, 0);
    bad[0] = 1;
    expect(() => new FrameParser().push(bad)).toThrow('yamux: invalid protocol version 1');
  });
});

/** Two Kiln sessions, client and server, over a real unix socket. */
async function sessionPair(): Promise<{ client: YamuxSession; accepted: YamuxStream[]; close: () => void }> {
  const path = join(await tempDir(), 'yamux.sock');
  const accepted: YamuxStream[] = [];
  let serverSession: YamuxSession | undefined;
  const server = createServer((socket: Socket) => {
    serverSession = new YamuxSession(socket, { client: false, onStream: (stream) => void accepted.push(stream) });
  });
  server.listen(path);
  await once(server, 'listening');
  const socket = connect(path);
  await once(socket, 'connect');
  const client = new YamuxSession(socket, { client: true, onStream: () => undefined });
  return {
    client,
    accepted,
    close: () => {
      client.close();
      serverSession?.close();
      server.close();
    },
  };
}

async function collect(stream: YamuxStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  // Keep the stream open after its end: the echo writes back on it.
  for await (const chunk of stream.iterator({ destroyOnReturn: false })) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

describe('YamuxSession', () => {
  it('carries many concurrent streams past their windows in both directions', async () => {
    const { client, accepted, close } = await sessionPair();
    try {
      const size = 600 * 1024; // more than two 256 KiB windows
      const streams = Array.from({ length: 40 }, () => client.open());
      streams.forEach((stream, index) => stream.end(Buffer.alloc(size, index)));
      await expect.poll(() => accepted.length, { timeout: 10_000 }).toBe(40);
      // The server echoes what it receives.
      const echoed = accepted.map(async (stream) => {
        const body = await collect(stream);
        stream.end(body);
        return body;
      });
      const received = await Promise.all(streams.map(collect));
      const sent = await Promise.all(echoed);
      received.forEach((body, index) => expect(body.equals(Buffer.alloc(size, index))).toBe(true));
      sent.forEach((body) => expect(body.length).toBe(size));
      await expect.poll(() => client.streamCount).toBe(0);
    } finally {
      close();
    }
  });

  it('fails open streams when the peer goes away', async () => {
    const { client, accepted, close } = await sessionPair();
    try {
      const stream = client.open();
      stream.write('x');
      await expect.poll(() => accepted.length).toBe(1);
      const failed = once(stream, 'error');
      close();
      await expect(failed).resolves.toEqual([new Error('plugin session closed')]);
    } finally {
      close();
    }
  });
});

describe('yamux with a real plugin', () => {
  it('answers 100 concurrent calls whose replies exceed the stream window', async () => {
    const plugin = await launchPlugin(packerPlugin('packer-builder-null'));
    try {
      // 100 gob specs of 12,619 bytes: about 1.2 MiB on one stream.
      const replies = await Promise.all(
        Array.from({ length: 100 }, () => plugin.call('Builder.ConfigSpec', null, 20_000)),
      );
      expect(replies.map((reply) => (reply as { ConfigSpec: Uint8Array }).ConfigSpec.length)).toEqual(
        Array.from({ length: 100 }, () => 12619),
      );
    } finally {
      await plugin.kill();
    }
  });

  it('sends a request larger than the stream window', async () => {
    const plugin = await launchPlugin(packerPlugin('packer-builder-file'));
    try {
      const content = 'k'.repeat(1024 * 1024);
      const prepared = await plugin.call('Builder.Prepare', { Configs: [{ content, target: '/dev/null' }] }, 20_000);
      expect(prepared).toEqual({ GeneratedVars: null, Warnings: [], Error: null });
    } finally {
      await plugin.kill();
    }
  });
});
