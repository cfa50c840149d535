import type { RE2JS } from 're2js';
import { DynamicPseudoType, StringType, listOf, objectOf, tupleOf, type Type } from '../types.js';
import { Value } from '../value.js';
import { FunctionArgError, FunctionCallError, type FunctionSpec } from './function.js';
import { re2js } from './deferred.js';

/*
 * regex, regexall and regex_replace (go-cty stdlib regexp.go, string_replace.go).
 * Patterns are RE2 as in Go's regexp; re2js is a port of that engine. Go's rules
 * for successive matches (an empty match right after a match is skipped) and for
 * expanding $1 / ${name} in replacements are reproduced here.
 */

interface Compiled {
  readonly re: RE2JS;
  /** Capture group names by group number (index 0 is the whole match, ""). */
  readonly names: readonly string[];
}

/** Start/end offset pairs for the whole match and each group; -1 where a group did not match. */
type Match = readonly number[];

function compile(pattern: string): Compiled {
  const re = re2js().RE2JS.compile(pattern);
  const names: string[] = new Array<string>(re.groupCount() + 1).fill('');
  for (const [name, index] of Object.entries(re.namedGroups())) names[index] = name;
  return { re, names };
}

/** The result type for a pattern's capture groups (regexPatternResultType). */
function patternResultType(pattern: string): Type {
  let compiled: Compiled;
  try {
    compiled = compile(pattern);
  } catch (e) {
    if (e instanceof re2js().RE2JSSyntaxException)
      throw new FunctionArgError(0, `invalid regexp pattern: ${e.error} in ${e.input ?? ''}`);
    throw new FunctionArgError(0, `error parsing pattern: ${(e as Error).message}`);
  }
  const groups = compiled.names.slice(1);
  const named = groups.filter((n) => n !== '');
  const unnamed = groups.length - named.length;
  if (groups.length === 0) return StringType;
  if (unnamed > 0 && named.length > 0)
    throw new FunctionArgError(0, 'invalid regexp pattern: cannot mix both named and unnamed capture groups');
  if (unnamed > 0) return tupleOf(groups.map(() => StringType));
  return objectOf(Object.fromEntries(named.map((n) => [n, StringType])));
}

function execAt(c: Compiled, s: string, pos: number): Match | undefined {
  const m = c.re.matcher(s);
  if (!m.find(pos)) return undefined;
  const out: number[] = [];
  for (let g = 0; g < c.names.length; g++) out.push(m.start(g), m.end(g));
  return out;
}

/** Width in UTF-16 units of the code point at pos (Go advances one rune). */
function runeWidth(s: string, pos: number): number {
  return s.codePointAt(pos)! > 0xffff ? 2 : 1;
}

/** Go's FindAllStringSubmatchIndex(s, -1). */
function allMatches(c: Compiled, s: string): Match[] {
  const out: Match[] = [];
  let prevEnd = -1;
  for (let pos = 0; pos <= s.length;) {
    const m = execAt(c, s, pos);
    if (!m) break;
    const [start, end] = m as [number, number];
    let accept = true;
    if (end === pos) {
      if (start === prevEnd) accept = false; // empty match right after the previous one
      pos += pos < s.length ? runeWidth(s, pos) : 1;
    } else {
      pos = end;
    }
    prevEnd = end;
    if (accept) out.push(m);
  }
  return out;
}

function matchResult(c: Compiled, s: string, m: Match, type: Type): Value {
  const group = (g: number): Value =>
    m[2 * g]! < 0 ? Value.null(StringType) : Value.string(s.slice(m[2 * g], m[2 * g + 1]));
  if (type.kind === 'string') return group(0);
  const groups = c.names.slice(1).map((_, i) => group(i + 1));
  if (type.kind === 'tuple') return Value.tuple(groups);
  return Value.object(Object.fromEntries(c.names.slice(1).map((name, i) => [name, groups[i]!])));
}

const regex: FunctionSpec = {
  params: [
    { name: 'pattern', type: StringType },
    { name: 'string', type: StringType },
  ],
  returnType: ([pattern]) => (pattern!.isKnown() ? patternResultType(pattern!.asString()) : DynamicPseudoType),
  impl: ([pattern, str], type) => {
    const c = compile(pattern!.asString());
    const s = str!.asString();
    const m = execAt(c, s, 0);
    if (!m) throw new FunctionCallError('pattern did not match any part of the given string');
    return matchResult(c, s, m, type);
  },
};

const regexall: FunctionSpec = {
  params: regex.params,
  returnType: ([pattern]) => listOf(pattern!.isKnown() ? patternResultType(pattern!.asString()) : DynamicPseudoType),
  impl: ([pattern, str], type) => {
    const elementType = (type as { element: Type }).element;
    const c = compile(pattern!.asString());
    const s = str!.asString();
    return Value.list(
      allMatches(c, s).map((m) => matchResult(c, s, m, elementType)),
      elementType,
    );
  },
};

/** Go's regexp name/number reference after a "$": returns [name, rest] or undefined when malformed. */
function extractReference(template: string): [string, string] | undefined {
  const brace = template.startsWith('{');
  const body = brace ? template.slice(1) : template;
  const name = /^[\p{L}\p{Nd}_]*/u.exec(body)![0];
  if (name === '') return undefined;
  if (brace && body[name.length] !== '}') return undefined;
  return [name, body.slice(name.length + (brace ? 1 : 0))];
}

/** Go's Regexp.Expand of a replacement template for one match. */
function expand(c: Compiled, template: string, s: string, m: Match): string {
  let out = '';
  let rest = template;
  for (let i = rest.indexOf('$'); i >= 0; i = rest.indexOf('$')) {
    out += rest.slice(0, i);
    rest = rest.slice(i + 1);
    if (rest.startsWith('$')) {
      out += '$';
      rest = rest.slice(1);
      continue;
    }
    const ref = extractReference(rest);
    if (!ref) {
      out += '$';
      continue;
    }
    const [name, after] = ref;
    rest = after;
    const num = /^(0|[1-9][0-9]{0,8})$/.test(name) ? Number(name) : -1;
    const group = num >= 0 ? num : c.names.indexOf(name, 1);
    if (group >= 0 && 2 * group + 1 < m.length && m[2 * group]! >= 0) out += s.slice(m[2 * group], m[2 * group + 1]);
  }
  return out + rest;
}

/** Go's Regexp.ReplaceAllString. */
function replaceAll(c: Compiled, s: string, template: string): string {
  let out = '';
  let lastEnd = 0;
  for (let pos = 0; pos <= s.length;) {
    const m = execAt(c, s, pos);
    if (!m) break;
    const [start, end] = m as [number, number];
    out += s.slice(lastEnd, start);
    // No replacement for an empty match right after the previous match.
    if (end > lastEnd || start === 0) out += expand(c, template, s, m);
    lastEnd = end;
    const width = pos < s.length ? runeWidth(s, pos) : 1;
    pos = pos + width > end ? pos + width : end;
  }
  return out + s.slice(lastEnd);
}

const regexReplace: FunctionSpec = {
  params: [
    { name: 'str', type: StringType },
    { name: 'pattern', type: StringType },
    { name: 'replace', type: StringType },
  ],
  returnType: () => StringType,
  impl: ([str, pattern, replacement]) => {
    let c: Compiled;
    try {
      c = compile(pattern!.asString());
    } catch (e) {
      throw new FunctionCallError((e as Error).message);
    }
    return Value.string(replaceAll(c, str!.asString(), replacement!.asString()));
  },
};

export const regexFunctions: Record<string, FunctionSpec> = {
  regex,
  regexall,
  regex_replace: regexReplace,
};
