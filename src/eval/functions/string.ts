import { BoolType, NumberType, StringType, listOf, type Type } from '../types.js';
import { Value } from '../value.js';
import { FunctionArgError, FunctionCallError, type FunctionSpec, type Parameter } from './function.js';
import { WHOLE_NUMBER_ERROR, goInt } from './gocty.js';
import { graphemes } from './graphemes.js';
import { mapRunes, toLowerRune, toTitleRune, toUpperRune } from './unicode-case.js';

/*
 * String functions: go-cty stdlib's string.go and string_replace.go, plus
 * Packer's startswith, endswith and strcontains. Semantics follow Go's strings
 * package (runes, not UTF-16 units) and grapheme clusters where cty uses them.
 */

const str = (name: string): Parameter => ({ name, type: StringType });
/** cty marks these parameters AllowDynamicType: an unknown of unknown type gives an unknown string. */
const anyStr = (name: string): Parameter => ({ name, type: StringType, allowDynamicType: true });
const stringResult = (): Type => StringType;
const boolResult = (): Type => BoolType;

function stringOp(params: readonly Parameter[], op: (...s: string[]) => string): FunctionSpec {
  return {
    params,
    returnType: stringResult,
    impl: (args) => Value.string(op(...args.map((a) => a.asString()))),
  };
}

function predicate(second: string, test: (s: string, other: string) => boolean): FunctionSpec {
  return {
    params: [str('str'), str(second)],
    returnType: boolResult,
    impl: ([s, other]) => Value.bool(test(s!.asString(), other!.asString())),
  };
}

/** A Go int argument; gocty's error is the call's error. */
function intArg(v: Value): number {
  const i = goInt(v.asNumber());
  if (i === undefined) throw new FunctionCallError(WHOLE_NUMBER_ERROR);
  return i;
}

// unicode.IsSpace: the Unicode White_Space property (which includes U+0085 and U+00A0).
const TRIM_SPACE = /^\p{White_Space}+|\p{White_Space}+$/gu;
const LETTER_OR_DIGIT = /^[\p{L}\p{Nd}]$/u;
const SPACE = /^\p{White_Space}$/u;

/** strings.Title's word separator rule. */
function isSeparator(ch: string): boolean {
  if (ch.codePointAt(0)! <= 0x7f) return !/^[0-9A-Za-z_]$/.test(ch);
  if (LETTER_OR_DIGIT.test(ch)) return false;
  return SPACE.test(ch);
}

function title(s: string): string {
  let prev = ' ';
  return mapRunes(s, (ch) => {
    const out = isSeparator(prev) ? toTitleRune(ch) : ch;
    prev = ch;
    return out;
  });
}

/** strings.Trim: drop leading and trailing runes found in cutset. */
function trimCutset(s: string, cutset: string): string {
  const cut = new Set(cutset);
  const runes = [...s];
  let start = 0;
  let end = runes.length;
  while (start < end && cut.has(runes[start]!)) start++;
  while (end > start && cut.has(runes[end - 1]!)) end--;
  return runes.slice(start, end).join('');
}

/** strings.Replace(s, old, new, -1); an empty old matches before every rune and at the end. */
function replaceAll(s: string, old: string, replacement: string): string {
  if (old === '') return replacement + [...s].map((ch) => ch + replacement).join('');
  return s.split(old).join(replacement);
}

/** strings.Split: an empty separator splits into runes (none for an empty string). */
function split(sep: string, s: string): Value {
  const parts = sep === '' ? [...s] : s.split(sep);
  return Value.list(
    parts.map((p) => Value.string(p)),
    StringType,
  );
}

/** cty's substr, including its quirks: offsets and lengths count grapheme clusters. */
function substr(s: string, offsetArg: number, length: number): string {
  const clusters = graphemes(s);
  let offset = offsetArg;
  if (offset < 0) offset += clusters.length;
  else if (length === 0) return '';
  const rest = clusters.slice(Math.max(offset, 0));
  // A zero length after a negative offset takes the rest, as cty's seek loop does.
  return (length <= 0 ? rest : rest.slice(0, length)).join('');
}

const join: FunctionSpec = {
  params: [str('separator')],
  varParam: { name: 'lists', type: listOf(StringType) },
  returnType: stringResult,
  impl: ([sep, ...lists]) => {
    if (lists.length < 1) throw new FunctionCallError('at least one list is required');
    if (lists.some((l) => !l.isWhollyKnown())) return Value.unknown(StringType);
    const items: string[] = [];
    lists.forEach((list, ai) => {
      list.elements().forEach((v, ei) => {
        if (v.isNull()) {
          const where = lists.length > 1 ? `element ${ei} of list ${ai + 1}` : `element ${ei}`;
          throw new FunctionArgError(ai + 1, `${where} is null; cannot concatenate null values`);
        }
        items.push(v.asString());
      });
    });
    return Value.string(items.join(sep!.asString()));
  },
};

export const stringFunctions: Record<string, FunctionSpec> = {
  chomp: stringOp([str('str')], (s) => s.replace(/(?:\r\n?|\n)*$/, '')),
  endswith: predicate('suffix', (s, suffix) => s.endsWith(suffix)),
  indent: {
    params: [{ name: 'spaces', type: NumberType }, str('str')],
    returnType: stringResult,
    impl: ([spaces, s]) => {
      const n = intArg(spaces!);
      if (n < 0) throw new FunctionCallError('panic in function implementation: strings: negative Repeat count');
      return Value.string(
        s!
          .asString()
          .split('\n')
          .join(`\n${' '.repeat(n)}`),
      );
    },
  },
  join,
  lower: stringOp([anyStr('str')], (s) => mapRunes(s, toLowerRune)),
  replace: stringOp([str('str'), str('substr'), str('replace')], replaceAll),
  split: {
    params: [str('separator'), str('str')],
    returnType: () => listOf(StringType),
    impl: ([sep, s]) => split(sep!.asString(), s!.asString()),
  },
  startswith: predicate('prefix', (s, prefix) => s.startsWith(prefix)),
  strcontains: predicate('substr', (s, sub) => s.includes(sub)),
  strrev: stringOp([anyStr('str')], (s) => graphemes(s).reverse().join('')),
  substr: {
    params: [
      anyStr('str'),
      { name: 'offset', type: NumberType, allowDynamicType: true },
      { name: 'length', type: NumberType, allowDynamicType: true },
    ],
    returnType: stringResult,
    impl: ([s, offset, length]) => Value.string(substr(s!.asString(), intArg(offset!), intArg(length!))),
  },
  title: stringOp([str('str')], title),
  trim: stringOp([str('str'), str('cutset')], trimCutset),
  trimprefix: stringOp([str('str'), str('prefix')], (s, p) => (p !== '' && s.startsWith(p) ? s.slice(p.length) : s)),
  trimspace: stringOp([str('str')], (s) => s.replace(TRIM_SPACE, '')),
  trimsuffix: stringOp([str('str'), str('suffix')], (s, x) => (x !== '' && s.endsWith(x) ? s.slice(0, -x.length) : s)),
  upper: stringOp([anyStr('str')], (s) => mapRunes(s, toUpperRune)),
};
