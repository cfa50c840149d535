import { Readable, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { MockCommunicator } from '../../src/communicator/mock.js';

describe("MockCommunicator (Packer's file builder hands it to provisioners)", () => {
  it('runs every command as a success without output', async () => {
    const chunks: Buffer[] = [];
    const stdout = new Writable({ write: (c: Buffer, _e, done) => done(void chunks.push(c)) });
    expect(await new MockCommunicator().start({ command: 'exit 7', stdout })).toEqual({ exitStatus: 0 });
    expect(chunks).toEqual([]);
  });

  it('reads an upload to its end and drops it', async () => {
    let pulled = 0;
    const input = Readable.from(
      (function* () {
        for (let i = 0; i < 3; i++) {
          pulled++;
          yield Buffer.alloc(1024);
        }
      })(),
    );
    await new MockCommunicator().upload('/tmp/x', input);
    expect(pulled).toBe(3);
    expect(input.readableEnded).toBe(true);
  });

  it('succeeds at directory transfers and downloads, writing nothing', async () => {
    const chunks: Buffer[] = [];
    const output = new Writable({ write: (c: Buffer, _e, done) => done(void chunks.push(c)) });
    const mock = new MockCommunicator();
    await mock.download('/etc/hostname', output);
    await mock.uploadDir('/dst', 'src/');
    await mock.downloadDir('/src', 'dst');
    expect(chunks).toEqual([]);
  });
});
