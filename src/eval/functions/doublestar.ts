import { lstatSync, readdirSync, statSync, type Stats } from 'node:fs';
import { join } from 'node:path';
import { compareStrings } from '../types.js';

/*
 * github.com/bmatcuk/doublestar v1.3.4's Glob, which fileset uses: "*", "?",
 * "[a-z]" and "[^a-z]" classes, "{a,b}" alternatives (which may contain "/"),
 * "**" as a whole path component for any depth, "\" escapes. Directories are
 * read in name order, symlinks followed. A malformed pattern throws
 * BadPatternError; unreadable paths are skipped as doublestar does.
 */

export class BadPatternError extends Error {
  constructor() {
    super('syntax error in pattern');
  }
}

function indexWithEscaping(s: string, r: string): number {
  const end = s.indexOf(r);
  if (end > 0 && s[end - 1] === '\\') {
    const start = end + r.length;
    const rest = indexWithEscaping(s.slice(start), r);
    return rest === -1 ? -1 : rest + start;
  }
  return end;
}

function lastIndexWithEscaping(s: string, r: string): number {
  const end = s.lastIndexOf(r);
  if (end > 0 && s[end - 1] === '\\') return lastIndexWithEscaping(s.slice(0, end - 1), r);
  return end;
}

function indexAnyWithEscaping(s: string, chars: string): number {
  const end = [...s].findIndex((c) => chars.includes(c));
  if (end === -1) return -1;
  const at = [...s].slice(0, end).join('').length;
  if (at > 0 && s[at - 1] === '\\') {
    const start = at + String.fromCodePoint(s.codePointAt(at)!).length;
    const rest = indexAnyWithEscaping(s.slice(start), chars);
    return rest === -1 ? -1 : rest + start;
  }
  return at;
}

/** The alternatives of "{a,b}rest" after the "{", and the index just past the "}" (or -1). */
function splitAlternatives(s: string): [string[], number] {
  const out: string[] = [];
  let depth = 1;
  let escaped = false;
  let start = 0;
  let i = 0;
  while (depth > 0) {
    if (i >= s.length) return [[], -1];
    const c = s[i]!;
    if (escaped) escaped = false;
    else if (c === '\\') escaped = true;
    else if (c === '{') depth++;
    else if (c === '}') depth--;
    else if (c === ',' && depth === 1) {
      out.push(s.slice(start, i));
      start = i + 1;
    }
    i++;
  }
  out.push(s.slice(start, i - 1));
  return [out, i];
}

function isZeroLengthPattern(pattern: string): boolean {
  if (pattern === '' || pattern === '*' || pattern === '**') return true;
  if (pattern[0] !== '{') return false;
  const [options, end] = splitAlternatives(pattern.slice(1));
  if (end === -1) throw new BadPatternError();
  if (!isZeroLengthPattern(pattern.slice(1 + end))) return false;
  return options.some(isZeroLengthPattern);
}

const runeAt = (s: string, i: number): string => String.fromCodePoint(s.codePointAt(i)!);

/** Whether a character class body ("a-z", "^abc") contains c. */
function classMatches(body: string, c: string): boolean {
  const runes = [...body];
  if (runes.length === 0) throw new BadPatternError();
  const negated = runes[0] === '^';
  let i = negated ? 1 : 0;
  let matched = false;
  const take = (): string => {
    let r = runes[i++]!;
    if (r === '\\') {
      if (i >= runes.length) throw new BadPatternError();
      r = runes[i++]!;
    }
    return r;
  };
  while (i < runes.length) {
    if (runes[i] === '-') throw new BadPatternError();
    const low = take();
    let high = low;
    if (runes[i] === '-') {
      i++;
      if (i >= runes.length || runes[i] === '-') throw new BadPatternError();
      high = take();
    }
    if (low.codePointAt(0)! <= c.codePointAt(0)! && c.codePointAt(0)! <= high.codePointAt(0)!) matched = true;
  }
  return matched !== negated;
}

/**
 * doublestar's matchComponent: undefined when name does not match the
 * pattern's first component; otherwise the patterns left for the next path
 * component ([] when the whole pattern is used up).
 */
function matchComponent(pattern: string, name: string): string[] | undefined {
  let p = 0;
  let n = 0;
  while (p < pattern.length && n < name.length) {
    const pr = runeAt(pattern, p);
    const nr = runeAt(name, n);
    if (pr === '/') {
      p++;
      break;
    } else if (pr === '\\') {
      p++;
      if (p >= pattern.length) throw new BadPatternError();
      const escaped = runeAt(pattern, p);
      if (escaped !== nr) return undefined;
      p += escaped.length;
      n += nr.length;
    } else if (pr === '*') {
      p++;
      if (p >= pattern.length) return [];
      if (pattern[p] === '/') return [pattern.slice(p + 1)];
      for (; n < name.length; n += runeAt(name, n).length) {
        const m = matchComponent(pattern.slice(p), name.slice(n));
        if (m) return m;
      }
      return undefined;
    } else if (pr === '[') {
      p++;
      const end = indexWithEscaping(pattern.slice(p), ']');
      if (end === -1) throw new BadPatternError();
      if (!classMatches(pattern.slice(p, p + end), nr)) return undefined;
      p += end + 1;
      n += nr.length;
    } else if (pr === '{') {
      p++;
      const [options, end] = splitAlternatives(pattern.slice(p));
      if (end === -1) throw new BadPatternError();
      p += end;
      const results = options
        .map((o) => matchComponent(o + pattern.slice(p), name.slice(n)))
        .filter((m): m is string[] => m !== undefined);
      return results.length > 0 ? results.flat() : undefined;
    } else if (pr === '?' || pr === nr) {
      p += pr.length;
      n += nr.length;
    } else return undefined;
  }
  if (n >= name.length) {
    if (p >= pattern.length) return [];
    const rest = pattern.slice(p);
    const slash = indexWithEscaping(rest, '/');
    if (isZeroLengthPattern(slash >= 0 ? rest.slice(0, slash) : rest))
      return slash === -1 ? [] : [rest.slice(slash + 1)];
  }
  return undefined;
}

function tryStat(f: () => Stats): Stats | undefined {
  try {
    return f();
  } catch {
    return undefined;
  }
}

function doGlob(basedirIn: string, patternIn: string, matches: string[]): void {
  let basedir = basedirIn;
  let pattern = patternIn;
  let globIdx = indexAnyWithEscaping(pattern, '*?[{\\');
  if (globIdx > 0) globIdx = lastIndexWithEscaping(pattern.slice(0, globIdx), '/');
  else if (globIdx === -1) globIdx = lastIndexWithEscaping(pattern, '/');
  if (globIdx > 0) {
    basedir = join(basedir, pattern.slice(0, globIdx));
    pattern = pattern.slice(globIdx + 1);
  }
  let info = tryStat(() => lstatSync(basedir));
  if (!info) return;
  if (pattern === '') {
    matches.push(basedir);
    return;
  }
  if (info.isSymbolicLink()) info = tryStat(() => statSync(basedir));
  if (!info?.isDirectory()) return;
  let names: string[];
  try {
    names = readdirSync(basedir).sort(compareStrings);
  } catch {
    return;
  }
  const slash = indexWithEscaping(pattern, '/');
  const last = slash === -1;
  if ((last ? pattern : pattern.slice(0, slash)) === '**') {
    for (const name of names) {
      const full = join(basedir, name);
      let entry = tryStat(() => lstatSync(full));
      if (entry?.isSymbolicLink()) entry = tryStat(() => statSync(full));
      if (!entry) continue;
      if (entry.isDirectory()) {
        if (last) matches.push(full);
        doGlob(full, pattern, matches);
      } else if (last) matches.push(full);
    }
    if (last) return;
    pattern = pattern.slice(slash + 1);
  }
  for (const name of names) {
    const m = matchComponent(pattern, name);
    if (!m) continue;
    if (m.length === 0) matches.push(join(basedir, name));
    else for (const alt of m) doGlob(join(basedir, name), alt, matches);
  }
}

/** doublestar.Glob: the paths matching pattern (relative patterns from the working directory). */
export function glob(pattern: string): string[] {
  const matches: string[] = [];
  if (pattern === '') return matches;
  if (pattern[0] === '{') {
    const [options, end] = splitAlternatives(pattern.slice(1));
    if (end === -1) throw new BadPatternError();
    return options.flatMap((o) => glob(o + pattern.slice(1 + end)));
  }
  if (pattern[0] === '/') doGlob('/', pattern.slice(1), matches);
  else doGlob('.', pattern, matches);
  return matches;
}
