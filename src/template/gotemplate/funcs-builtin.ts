import { compareCodePoints } from '../../eval/functions/gocty.js';
import { GoFuncError } from './errors.js';
import { sprint, sprintf, sprintln } from './fmt.js';
import type { GoFunc } from './func-spec.js';
import { GoComplex, type GoValue, fromJS, goLength, isMap, isTrue, mapGet, mapSize, typeName } from './values.js';

/*
 * Go text/template's predefined functions (funcs.go): and, or, not, len,
 * index, slice, print, printf, println, eq, ne, lt, le, gt, ge, html, js,
 * urlquery and call, with Go's error messages.
 */

const fail = (message: string): never => {
  throw new GoFuncError(message);
};

// reflect panics that Go's safeCall turns into errors.
const ZERO_VALUE_TYPE = 'reflect: call of reflect.Value.Type on zero Value';

function length(item: GoValue): GoValue {
  if (item === null) return fail('len of nil pointer');
  if (item === undefined) return fail(ZERO_VALUE_TYPE);
  if (typeof item === 'string') return BigInt(goLength(item));
  if (Array.isArray(item)) return BigInt(item.length);
  if (isMap(item)) return BigInt(mapSize(item));
  return fail(`len of type ${typeName(item)}`);
}

/** Go's indexArg: an int index within [0, cap]. */
function indexArg(index: GoValue, cap: number): number {
  if (index === undefined || index === null) return fail('cannot index slice/array with nil');
  if (typeof index !== 'bigint') return fail(`cannot index slice/array with type ${typeName(index)}`);
  if (index < 0n || index > BigInt(cap)) return fail(`index out of range: ${index}`);
  return Number(index);
}

function index(item: GoValue, ...indexes: GoValue[]): GoValue {
  if (item === undefined || item === null) return fail('index of untyped nil');
  for (const raw of indexes) {
    const idx = raw === null ? undefined : raw;
    if (item === null || item === undefined) return fail('index of nil pointer');
    if (typeof item === 'string') {
      const bytes: Buffer = Buffer.from(item, 'utf8');
      const x = indexArg(idx, bytes.length);
      if (x === bytes.length) return fail('reflect: string index out of range');
      item = BigInt(bytes[x]!);
    } else if (Array.isArray(item)) {
      const x = indexArg(idx, item.length);
      if (x === item.length) return fail('reflect: slice index out of range');
      item = fromJS(item[x]);
    } else if (isMap(item)) {
      if (idx === undefined) return fail('value is nil; should be of type string');
      if (typeof idx !== 'string') return fail(`value has type ${typeName(idx)}; should be string`);
      item = mapGet(item, idx) ?? null;
    } else {
      return fail(`can't index item of type ${typeName(item)}`);
    }
  }
  return item;
}

function slice(item: GoValue, ...indexes: GoValue[]): GoValue {
  if (item === undefined || item === null) return fail('slice of untyped nil');
  if (indexes.length > 3) return fail(`too many slice indexes: ${indexes.length}`);
  let len: number;
  if (typeof item === 'string') {
    if (indexes.length === 3) return fail('cannot 3-index slice a string');
    len = goLength(item);
  } else if (Array.isArray(item)) {
    len = item.length;
  } else {
    return fail(`can't slice item of type ${typeName(item)}`);
  }
  const idx = [0, len, len];
  indexes.forEach((raw, i) => (idx[i] = indexArg(raw === null ? undefined : raw, len)));
  const [lo, hi, max] = idx as [number, number, number];
  if (lo > hi) return fail(`invalid slice index: ${lo} > ${hi}`);
  if (indexes.length === 3 && hi > max) return fail(`invalid slice index: ${hi} > ${max}`);
  if (typeof item === 'string') return Buffer.from(item, 'utf8').subarray(lo, hi).toString('utf8');
  return item.slice(lo, hi);
}

type Kind = 'bool' | 'int' | 'float' | 'complex' | 'string' | 'invalid';

function basicKind(v: GoValue): Kind {
  switch (typeof v) {
    case 'boolean':
      return 'bool';
    case 'bigint':
      return 'int';
    case 'number':
      return 'float';
    case 'string':
      return 'string';
  }
  return v instanceof GoComplex ? 'complex' : 'invalid';
}

const BAD_COMPARISON_TYPE = 'invalid type for comparison';
const BAD_COMPARISON = 'incompatible types for comparison';

const isNil = (v: GoValue): boolean => v === undefined || v === null;

function eq(arg1: GoValue, ...arg2: GoValue[]): GoValue {
  if (arg2.length === 0) return fail('missing argument for comparison');
  const k1 = basicKind(arg1);
  for (const arg of arg2) {
    const k2 = basicKind(arg);
    let truth: boolean;
    if (k1 !== k2) {
      if (!isNil(arg1) && !isNil(arg)) return fail(BAD_COMPARISON);
      truth = false;
    } else if (k1 === 'complex') {
      const [a, b] = [arg1 as GoComplex, arg as GoComplex];
      truth = a.re === b.re && a.im === b.im;
    } else if (k1 !== 'invalid') {
      truth = arg1 === arg;
    } else if (isNil(arg1) || isNil(arg)) {
      truth = isNil(arg1) === isNil(arg);
    } else if (Array.isArray(arg) || isMap(arg)) {
      return fail(`non-comparable type ${sprint([arg])}: ${typeName(arg)}`);
    } else {
      truth = arg1 === arg;
    }
    if (truth) return true;
  }
  return false;
}

function lt(arg1: GoValue, arg2: GoValue): boolean {
  const k1 = basicKind(arg1);
  const k2 = basicKind(arg2);
  if (k1 === 'invalid' || k2 === 'invalid') return fail(BAD_COMPARISON_TYPE);
  if (k1 !== k2) return fail(BAD_COMPARISON);
  if (k1 === 'bool' || k1 === 'complex') return fail(BAD_COMPARISON_TYPE);
  if (k1 === 'string') return compareCodePoints(arg1 as string, arg2 as string) < 0;
  return (arg1 as number | bigint) < (arg2 as number | bigint);
}

const le = (a: GoValue, b: GoValue): boolean => lt(a, b) || (eq(a, b) as boolean);

/** The text html/js/urlquery escape: a lone string as is, else fmt.Sprint of the arguments. */
function evalArgs(args: GoValue[]): string {
  if (args.length === 1 && typeof args[0] === 'string') return args[0];
  return sprint(args.map((a) => a ?? '<no value>'));
}

function htmlEscape(s: string): string {
  return s.replace(/[\0"'&<>]/g, (c) =>
    c === '\0'
      ? '\uFFFD'
      : c === '"'
        ? '&#34;'
        : c === "'"
          ? '&#39;'
          : c === '&'
            ? '&amp;'
            : c === '<'
              ? '&lt;'
              : '&gt;',
  );
}

const JS_ESCAPES: Readonly<Record<string, string>> = {
  '\\': '\\\\',
  "'": "\\'",
  '"': '\\"',
  '<': '\\u003C',
  '>': '\\u003E',
  '&': '\\u0026',
  '=': '\\u003D',
};
const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u;

function jsEscape(s: string): string {
  let out = '';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    const simple = JS_ESCAPES[ch];
    if (simple) out += simple;
    else if (cp < 0x20) out += `\\u00${cp.toString(16).toUpperCase().padStart(2, '0')}`;
    else if (cp < 0x80 || PRINTABLE.test(ch)) out += ch;
    else out += `\\u${cp.toString(16).toUpperCase().padStart(4, '0')}`;
  }
  return out;
}

/** Go's url.QueryEscape. */
function queryEscape(s: string): string {
  let out = '';
  for (const byte of Buffer.from(s, 'utf8')) {
    const c = String.fromCharCode(byte);
    if (/[A-Za-z0-9\-_.~]/.test(c)) out += c;
    else if (c === ' ') out += '+';
    else out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

const variadicAny = (call: (args: GoValue[]) => GoValue): GoFunc => ({ params: [], variadic: 'any', call });

export const builtinFuncs: ReadonlyMap<string, GoFunc> = new Map<string, GoFunc>([
  // and/or are evaluated by exec, which short-circuits; these are their plain meaning.
  ['and', { params: ['value'], variadic: 'value', call: (a) => a.find((v) => !isTrue(v)) ?? a[a.length - 1] }],
  ['or', { params: ['value'], variadic: 'value', call: (a) => a.find((v) => isTrue(v)) ?? a[a.length - 1] }],
  ['not', { params: ['value'], call: ([a]) => !isTrue(a) }],
  ['len', { params: ['value'], call: ([a]) => length(a) }],
  ['index', { params: ['value'], variadic: 'value', call: ([item, ...rest]) => index(item, ...rest) }],
  ['slice', { params: ['value'], variadic: 'value', call: ([item, ...rest]) => slice(item, ...rest) }],
  ['print', variadicAny((a) => sprint(a))],
  ['println', variadicAny((a) => sprintln(a))],
  ['printf', { params: ['string'], variadic: 'any', call: ([f, ...a]) => sprintf(f as string, a) }],
  ['eq', { params: ['value'], variadic: 'value', call: ([a, ...b]) => eq(a, ...b) }],
  ['ne', { params: ['value', 'value'], call: ([a, b]) => !eq(a, b) }],
  ['lt', { params: ['value', 'value'], call: ([a, b]) => lt(a, b) }],
  ['le', { params: ['value', 'value'], call: ([a, b]) => le(a, b) }],
  ['gt', { params: ['value', 'value'], call: ([a, b]) => !le(a, b) }],
  ['ge', { params: ['value', 'value'], call: ([a, b]) => !lt(a, b) }],
  ['html', variadicAny((a) => htmlEscape(evalArgs(a)))],
  ['js', variadicAny((a) => jsEscape(evalArgs(a)))],
  ['urlquery', variadicAny((a) => queryEscape(evalArgs(a)))],
  // Template data holds no functions, so call can only report what it was given.
  [
    'call',
    {
      params: ['value'],
      variadic: 'value',
      call: ([fn]) => (isNil(fn) ? fail('call of nil') : fail(`non-function of type ${typeName(fn)}`)),
    },
  ],
]);
