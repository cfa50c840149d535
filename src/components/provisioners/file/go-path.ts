import path from 'node:path';

/* Go's path/filepath helpers (Unix) and os.PathError texts, where Node's differ from Packer's. */

/** filepath.Base: the last element, trailing slashes dropped; "." for "" and "/" for all slashes. */
export function goBase(p: string): string {
  if (p === '') return '.';
  const trimmed = p.replace(/\/+$/, '');
  return trimmed === '' ? '/' : path.posix.basename(trimmed);
}

/** filepath.Dir: everything but the last element, cleaned. */
export function goDir(p: string): string {
  return goClean(p.slice(0, p.lastIndexOf('/') + 1));
}

/** filepath.Join: the elements joined with "/" and cleaned (no trailing slash). */
export function goJoin(...parts: string[]): string {
  const joined = parts.filter((part) => part !== '').join('/');
  return joined === '' ? '' : goClean(joined);
}

function goClean(p: string): string {
  if (p === '') return '.';
  const cleaned = path.posix.normalize(p);
  return cleaned.length > 1 ? cleaned.replace(/\/$/, '') : cleaned;
}

const ERRNO_TEXT: Readonly<Record<string, string>> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  EISDIR: 'is a directory',
  ENOTDIR: 'not a directory',
  EEXIST: 'file exists',
  ELOOP: 'too many levels of symbolic links',
};

/** An os.PathError's text, "stat x: no such file or directory", for a failed Node file operation. */
export function goPathError(op: string, p: string, error: unknown): Error {
  const code = (error as NodeJS.ErrnoException | undefined)?.code ?? '';
  const reason = ERRNO_TEXT[code] ?? (error instanceof Error ? error.message : String(error));
  return new Error(`${op} ${p}: ${reason}`, { cause: error });
}
