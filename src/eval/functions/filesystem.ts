import { readFileSync, statSync, type Stats } from 'node:fs';
import { homedir } from 'node:os';
import { isAbsolute, join, normalize, relative, resolve } from 'node:path';
import { BoolType, StringType, setOf } from '../types.js';
import { Value } from '../value.js';
import { FunctionCallError, type FunctionSpec } from './function.js';
import { BadPatternError, glob } from './doublestar.js';
import { goQuote } from './gocty.js';

/*
 * File functions, as go-cty-funcs' filesystem package and Packer's own
 * filebase64: relative paths of file, fileexists and fileset resolve against
 * the template's directory (baseDir); abspath uses the working directory and
 * filebase64 reads its path as given, as Packer does.
 */

const pathParam = { name: 'path', type: StringType };
const staticString = () => StringType;

/** Go's filepath.Clean (POSIX). */
function goClean(p: string): string {
  if (p === '') return '.';
  const n = normalize(p);
  return n.length > 1 && n.endsWith('/') ? n.slice(0, -1) : n;
}

/** Go's filepath.Base. */
function goBase(p: string): string {
  if (p === '') return '.';
  const trimmed = p.replace(/\/+$/, '');
  if (trimmed === '') return '/';
  return trimmed.slice(trimmed.lastIndexOf('/') + 1);
}

/** Go's filepath.Dir. */
function goDir(p: string): string {
  return goClean(p.slice(0, p.lastIndexOf('/') + 1));
}

/** github.com/mitchellh/go-homedir's Expand. */
function expandHome(p: string): string {
  if (p === '' || p[0] !== '~') return p;
  if (p.length > 1 && p[1] !== '/' && p[1] !== '\\') {
    throw new FunctionCallError('cannot expand user-specific home dir');
  }
  return goClean(join(process.env.HOME || homedir(), p.slice(1)));
}

function resolveIn(baseDir: string, p: string): string {
  let expanded: string;
  try {
    expanded = expandHome(p);
  } catch (e) {
    throw new FunctionCallError(`failed to expand ~: ${(e as Error).message}`);
  }
  return goClean(isAbsolute(expanded) ? expanded : join(baseDir, expanded));
}

const errCode = (e: unknown): string | undefined => (e as NodeJS.ErrnoException).code;

/** Go's os.FileMode String ("drwxr-xr-x", "Dcrw-rw-rw-"). */
function goFileMode(st: Stats): string {
  const type =
    (st.isDirectory() ? 'd' : '') +
    (st.isSymbolicLink() ? 'L' : '') +
    (st.isBlockDevice() || st.isCharacterDevice() ? 'D' : '') +
    (st.isFIFO() ? 'p' : '') +
    (st.isSocket() ? 'S' : '') +
    (st.mode & 0o4000 ? 'u' : '') +
    (st.mode & 0o2000 ? 'g' : '') +
    (st.isCharacterDevice() ? 'c' : '') +
    (st.mode & 0o1000 ? 't' : '');
  const perms = [...'rwxrwxrwx'].map((c, i) => (st.mode & (1 << (8 - i)) ? c : '-')).join('');
  return (type || '-') + perms;
}

/** The bytes of a file for file/templatefile, with go-cty-funcs' messages. */
function readFileBytes(baseDir: string, p: string): Buffer {
  const full = resolveIn(baseDir, p);
  try {
    return readFileSync(full);
  } catch (e) {
    throw new FunctionCallError(errCode(e) === 'ENOENT' ? `no file exists at ${full}` : `failed to read ${full}`);
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** file(): the file's text; not valid UTF-8 is an error pointing at filebase64. */
export function readTextFile(baseDir: string, p: string): string {
  const bytes = readFileBytes(baseDir, p);
  try {
    return utf8.decode(bytes);
  } catch {
    throw new FunctionCallError(
      `contents of ${p} are not valid UTF-8; use the filebase64 function to obtain the Base64 encoded contents or the other file functions (e.g. filemd5, filesha256) to obtain file hashing results instead`,
    );
  }
}

function fileExists(baseDir: string, p: string): boolean {
  const full = resolveIn(baseDir, p);
  let st: Stats;
  try {
    st = statSync(full);
  } catch (e) {
    if (errCode(e) === 'ENOENT') return false;
    throw new FunctionCallError(`failed to stat ${full}`);
  }
  if (st.isFile()) return true;
  throw new FunctionCallError(`${full} is not a regular file, but ${goQuote(goFileMode(st))}`);
}

/** Go's error text for a failed file operation: "open x: no such file or directory". */
function goPathError(op: string, p: string, e: unknown): string {
  const messages: Record<string, string> = {
    ENOENT: 'no such file or directory',
    EACCES: 'permission denied',
    EISDIR: 'is a directory',
    ENOTDIR: 'not a directory',
    ELOOP: 'too many levels of symbolic links',
  };
  const code = errCode(e) ?? '';
  return `${code === 'EISDIR' ? 'read' : op} ${p}: ${messages[code] ?? (e as Error).message}`;
}

function fileSet(baseDir: string, pathArg: string, patternArg: string): Value {
  const base = isAbsolute(pathArg) ? pathArg : join(baseDir, pathArg);
  const pattern = goClean(join(base, patternArg));
  let matches: string[];
  try {
    matches = glob(pattern);
  } catch (e) {
    if (!(e instanceof BadPatternError)) throw e;
    throw new FunctionCallError(`failed to glob pattern (${pattern}): ${e.message}`);
  }
  const files: Value[] = [];
  for (const match of matches) {
    let st: Stats;
    try {
      st = statSync(match);
    } catch (e) {
      throw new FunctionCallError(`failed to stat (${match}): ${goPathError('stat', match, e)}`);
    }
    if (st.isFile()) files.push(Value.string(relative(base, match)));
  }
  return Value.set(files, StringType);
}

/** The file functions, reading relative paths from baseDir (the template's directory). */
export function filesystemFunctions(baseDir: string): Record<string, FunctionSpec> {
  return {
    abspath: {
      description: 'Converts a filesystem path to an absolute path.',
      params: [pathParam],
      returnType: staticString,
      impl: (args) => Value.string(resolve(args[0]!.asString())),
    },
    basename: {
      description: 'Returns the last element of a path.',
      params: [pathParam],
      returnType: staticString,
      impl: (args) => Value.string(goBase(args[0]!.asString())),
    },
    dirname: {
      description: 'Returns all but the last element of a path.',
      params: [pathParam],
      returnType: staticString,
      impl: (args) => Value.string(goDir(args[0]!.asString())),
    },
    pathexpand: {
      description: 'Expands a leading ~ in a path to the current user home directory.',
      params: [pathParam],
      returnType: staticString,
      impl: (args) => Value.string(expandHome(args[0]!.asString())),
    },
    file: {
      description: 'Reads the contents of a file as a string.',
      params: [pathParam],
      returnType: staticString,
      impl: (args) => Value.string(readTextFile(baseDir, args[0]!.asString())),
    },
    fileexists: {
      description: 'Determines whether a file exists at a given path.',
      params: [pathParam],
      returnType: () => BoolType,
      impl: (args) => Value.bool(fileExists(baseDir, args[0]!.asString())),
    },
    fileset: {
      description: 'Enumerates a set of regular file names given a path and pattern.',
      params: [pathParam, { name: 'pattern', type: StringType }],
      returnType: () => setOf(StringType),
      impl: (args) => fileSet(baseDir, args[0]!.asString(), args[1]!.asString()),
    },
    filebase64: {
      description: 'Reads the contents of a file and returns them as a base64-encoded string.',
      params: [{ name: 'path', type: StringType }],
      returnType: staticString,
      impl: (args) => {
        const p = args[0]!.asString();
        try {
          return Value.string(readFileSync(p).toString('base64'));
        } catch (e) {
          throw new FunctionCallError(`failed to read file ${goQuote(p)}: ${goPathError('open', p, e)}`);
        }
      },
    },
  };
}
