import type { CommandResult, Communicator } from './communicator.js';

/*
 * The "none" communicator of packer-plugin-sdk: commands "succeed" without
 * running (exit status 0, as Packer's does), file transfers fail with Packer's
 * messages.
 */
export class NoneCommunicator implements Communicator {
  start(): Promise<CommandResult> {
    return Promise.resolve({ exitStatus: 0 });
  }
  upload(): Promise<void> {
    return Promise.reject(new Error("Upload is not implemented when communicator = 'none'"));
  }
  uploadDir(): Promise<void> {
    return Promise.reject(new Error("UploadDir is not implemented when communicator = 'none'"));
  }
  download(): Promise<void> {
    return Promise.reject(new Error("Download is not implemented when communicator = 'none'"));
  }
  downloadDir(): Promise<void> {
    return Promise.reject(new Error("DownloadDir is not implemented when communicator = 'none'"));
  }
  close(): Promise<void> {
    return Promise.resolve();
  }
}
