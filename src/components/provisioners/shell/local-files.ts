import { randomInt } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/* The shell provisioner's local files: temporary ones as tmp.File makes them, and the scripts it reads. */

/** tmp.File(prefix) (os.CreateTemp): the prefix and a random uint32 in the temp directory, mode 0600, new. */
export async function writeTempFile(prefix: string, content: string): Promise<string> {
  const path = join(tmpdir(), `${prefix}${randomInt(0, 2 ** 32)}`);
  await writeFile(path, content, { flag: 'wx', mode: 0o600 });
  return path;
}

/** The inline commands as one script: the shebang line first unless inline_shebang is unset and the commands start with their own. */
export function inlineScript(commands: readonly string[], shebang: string | undefined): string {
  const body = commands.map((command) => `${command}\n`).join('');
  const useShebang = Boolean(shebang) || !body.startsWith('#!');
  return useShebang ? `#!${shebang || DEFAULT_INLINE_SHEBANG}\n${body}` : body;
}

export const DEFAULT_INLINE_SHEBANG = '/bin/sh -e';

/** Reads a script, relative paths against the template's directory; fails with os.Open's error text. */
export async function readScript(path: string, cwd: string): Promise<Buffer> {
  try {
    return await readFile(resolve(cwd, path));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code ? (ERRNO_TEXT[code] ?? code) : String(error);
    throw new Error(`Error opening shell script: open ${path}: ${reason}`, { cause: error });
  }
}

const ERRNO_TEXT: Readonly<Record<string, string>> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
};
