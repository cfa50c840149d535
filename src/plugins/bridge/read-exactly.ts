import type { Readable } from 'node:stream';

/**
 * Reads exactly `size` bytes from `stream`, leaving whatever follows buffered
 * in it; rejects when the stream ends or fails first, or after `timeoutMs`.
 */
export function readExactly(stream: Readable, size: number, timeoutMs: number, what: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const cleanup = () => {
      clearTimeout(timer);
      stream.off('readable', tryRead);
      stream.off('end', onEnd);
      stream.off('close', onEnd);
      stream.off('error', onError);
    };
    const tryRead = () => {
      const bytes = stream.readableLength >= size ? (stream.read(size) as Buffer | null) : null;
      if (bytes === null) return;
      cleanup();
      resolve(bytes);
    };
    const onEnd = () => {
      cleanup();
      reject(new Error(`${what}: stream closed before ${size} bytes arrived`));
    };
    const onError = (error: Error) => {
      cleanup();
      reject(error);
    };
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`${what}: timed out after ${timeoutMs} ms`));
    }, timeoutMs);
    stream.on('readable', tryRead);
    stream.on('end', onEnd);
    stream.on('close', onEnd);
    stream.on('error', onError);
    tryRead();
  });
}
