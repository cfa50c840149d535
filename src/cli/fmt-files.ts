import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmod, mkdtemp, open, realpath, rename, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

/* File system work for `kiln fmt`, with errors worded as Go's (Packer's) for the same failure. */

/** A failure `packer fmt` reports as a diagnostic for the file at hand, and then goes on. */
export class FmtError extends Error {}

const goErrno: Readonly<Record<string, string>> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EISDIR: 'is a directory',
  ENOTDIR: 'not a directory',
  ELOOP: 'too many levels of symbolic links',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on device',
};

export function errnoCode(e: unknown): string | undefined {
  return e instanceof Error && 'code' in e && typeof e.code === 'string' ? e.code : undefined;
}

/** The text of Go's *fs.PathError for the same failure, e.g. "open x.pkr.hcl: permission denied". */
export function goError(op: string, p: string, e: unknown): string {
  const code = errnoCode(e);
  return `${op} ${p}: ${(code && goErrno[code]) ?? (e as Error).message}`;
}

/**
 * Replaces the file in one rename so a reader (or a crash) never sees half a file. Writes through
 * symlinks to their target, and keeps the file's permission bits, as os.WriteFile would.
 */
export async function writeFileAtomic(file: string, data: Buffer, shown: string): Promise<void> {
  const target = await realpath(file).catch(() => file);
  const mode = (await stat(target).catch(() => undefined))?.mode ?? 0o644;
  const tmp = path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(6).toString('hex')}~`);
  try {
    const fh = await open(tmp, 'wx', 0o600);
    try {
      await fh.writeFile(data);
      await fh.sync();
    } finally {
      await fh.close();
    }
    await chmod(tmp, mode & 0o7777);
    await rename(tmp, target);
  } catch (e) {
    await rm(tmp, { force: true });
    throw new FmtError(goError('open', shown, e), { cause: e });
  }
}

/** `diff -u` with old/ and new/ labels, exactly as Packer shells out to it (GNU diff's output is the contract). */
export async function unifiedDiff(before: Buffer, after: Buffer, filename: string): Promise<Buffer> {
  const dir = await mkdtemp(path.join(tmpdir(), 'kiln-fmt-'));
  try {
    const [f1, f2] = [path.join(dir, 'old'), path.join(dir, 'new')];
    await writeFile(f1, before);
    await writeFile(f2, after);
    const output = await combinedOutput('diff', [`--label=old/${filename}`, `--label=new/${filename}`, '-u', f1, f2]);
    if (output.length === 0) throw new Error('diff produced no output');
    return output;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** stdout and stderr interleaved as written; the exit status is ignored (diff exits 1 on differences). */
function combinedOutput(cmd: string, args: string[]): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => chunks.push(c));
    child.stderr.on('data', (c: Buffer) => chunks.push(c));
    child.on('error', (e) =>
      reject(errnoCode(e) === 'ENOENT' ? new Error(`exec: "${cmd}": executable file not found in $PATH`) : e),
    );
    child.on('close', () => resolve(Buffer.concat(chunks)));
  });
}
