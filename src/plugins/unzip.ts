import yauzl from 'yauzl';
import { writeHashed } from './checksums.js';

/*
 * One named file out of a zip on disk, streamed to `dest` (never the whole
 * archive or file in memory). Only the exact name is written, so entry paths
 * cannot escape. Gives the SHA-256 of the file, or undefined when the zip has
 * no such entry.
 */
export async function extractZipEntry(zipPath: string, name: string, dest: string): Promise<Buffer | undefined> {
  const zip = await yauzl.openPromise(zipPath, { lazyEntries: true, autoClose: false });
  try {
    for await (const entry of zip.eachEntry()) {
      if (entry.fileName !== name) continue;
      return await writeHashed(await zip.openReadStreamPromise(entry), dest, 0o755);
    }
    return undefined;
  } finally {
    zip.close();
  }
}
