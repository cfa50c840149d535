import { lstat, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { isBadGlobPattern } from '../../common/go-glob.js';

/*
 * Go's filepath.Glob on Unix: `*`, `?` and `[...]` match within one path
 * element (hidden files included), `\` escapes; names sorted per directory;
 * a pattern without metacharacters yields itself when it exists, else nothing.
 */

const hasMeta = (p: string): boolean => /[*?[\\]/.test(p);

const escapeRegExp = (c: string): string => c.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');

/** filepath.Match's pattern as a RegExp over one name (the pattern is known to be well-formed). */
function toRegExp(pattern: string): RegExp {
  const chars = [...pattern];
  let out = '';
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i] ?? '';
    if (c === '*') out += '[^/]*';
    else if (c === '?') out += '[^/]';
    else if (c === '\\') out += escapeRegExp(chars[++i] ?? '');
    else if (c === '[') {
      let cls = '';
      if (chars[i + 1] === '^') {
        cls = '^';
        i++;
      }
      for (i++; chars[i] !== ']'; i++) {
        const ch = chars[i] ?? '';
        if (ch === '-') cls += '-';
        else cls += escapeRegExp(ch === '\\' ? (chars[++i] ?? '') : ch);
      }
      out += `[${cls}]`;
    } else out += escapeRegExp(c);
  }
  return new RegExp(`^${out}$`, 'u');
}

async function isDir(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

async function matchIn(dir: string, pattern: string): Promise<string[]> {
  if (!(await isDir(dir))) return [];
  const re = toRegExp(pattern);
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return [];
  }
  return names
    .sort()
    .filter((n) => re.test(n))
    .map((n) => join(dir, n));
}

/** filepath.Glob; throws Go's ErrBadPattern message for a malformed pattern. */
export async function goGlob(pattern: string): Promise<string[]> {
  if (isBadGlobPattern(pattern)) throw new Error('syntax error in pattern');
  if (!hasMeta(pattern)) {
    try {
      await lstat(pattern);
      return [pattern];
    } catch {
      return [];
    }
  }
  // filepath.Split: everything after the last separator is the file part.
  const file = pattern.slice(pattern.lastIndexOf('/') + 1);
  let dir = pattern.slice(0, pattern.length - file.length);
  dir = dir === '' ? '.' : dir === '/' ? dir : dir.replace(/\/+$/, '');
  if (!hasMeta(dir)) return matchIn(dir, file);
  if (dir === pattern) throw new Error('syntax error in pattern');
  const out: string[] = [];
  for (const d of await goGlob(dir)) out.push(...(await matchIn(d, file)));
  return out;
}
