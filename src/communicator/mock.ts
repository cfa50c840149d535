import type { Readable, Writable } from 'node:stream';
import type { CommandResult, Communicator, RemoteCommand } from './communicator.js';

/*
 * packersdk.MockCommunicator as Packer's file builder hands it to the
 * provisioners: every command "succeeds" with no output, uploads are read
 * and dropped, downloads write nothing. Nothing reaches a machine.
 */
export class MockCommunicator implements Communicator {
  start(_cmd: RemoteCommand): Promise<CommandResult> {
    return Promise.resolve({ exitStatus: 0 });
  }
  async upload(_path: string, input: Readable): Promise<void> {
    // The mock reads what it is given, as Packer's stores it.
    for await (const chunk of input) void chunk;
  }
  uploadDir(_dst: string, _src: string): Promise<void> {
    return Promise.resolve();
  }
  download(_path: string, _output: Writable): Promise<void> {
    return Promise.resolve();
  }
  downloadDir(_src: string, _dst: string): Promise<void> {
    return Promise.resolve();
  }
  close(): Promise<void> {
    return Promise.resolve();
  }
}
