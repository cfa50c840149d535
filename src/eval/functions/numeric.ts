import { convert } from '../convert.js';
import { num, type Num } from '../number.js';
import { DynamicPseudoType, NumberType, friendlyName, type Type } from '../types.js';
import { Value, withMarksOf } from '../value.js';
import { FunctionArgError, FunctionCallError, type FunctionSpec } from './function.js';
import { WHOLE_NUMBER_ERROR, goInt, goQuote } from './gocty.js';

/*
 * Numeric functions: go-cty stdlib's number.go plus Packer's own `sum`.
 * log and pow work in float64, as cty does; everything else stays exact.
 */

const numberResult = (): Type => NumberType;

function unaryNumber(op: (n: Num) => Num): FunctionSpec {
  return {
    params: [{ name: 'num', type: NumberType }],
    returnType: numberResult,
    impl: ([n]) => Value.number(op(n!.asNumber())),
  };
}

/** cty.NumberFloatVal: a float64 result; NaN is a panic in cty, reported as such. */
function floatResult(f: number): Value {
  if (Number.isNaN(f)) throw new FunctionCallError('panic in function implementation: Float.SetFloat64(NaN)');
  return Value.number(f);
}

function extreme(pick: (candidate: Num, best: Num) => boolean, start: Num): FunctionSpec {
  return {
    params: [],
    varParam: { name: 'numbers', type: NumberType, allowDynamicType: true },
    returnType: numberResult,
    impl: (args) => {
      if (args.length === 0) throw new FunctionCallError('must pass at least one number');
      let best: Value | undefined;
      for (const a of args) if (pick(a.asNumber(), best ? best.asNumber() : start)) best = a;
      return best ?? Value.number(start);
    },
  };
}

/** big.Int.SetString digit values: 0-9, then letters (case-insensitive up to base 36). */
function digitValue(ch: string, base: number): number {
  const c = ch.charCodeAt(0);
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 122) return c - 97 + 10;
  if (c >= 65 && c <= 90) return c - 65 + (base <= 36 ? 10 : 36);
  return Infinity;
}

/** Go's big.Int.SetString(s, base) for base 2..62: optional sign, then digits only. */
function parseBigInt(s: string, base: number): bigint | undefined {
  const negative = s.startsWith('-');
  const digits = negative || s.startsWith('+') ? s.slice(1) : s;
  if (digits === '') return undefined;
  let n = 0n;
  for (const ch of digits) {
    const d = digitValue(ch, base);
    if (d >= base) return undefined;
    n = n * BigInt(base) + BigInt(d);
  }
  return negative ? -n : n;
}

const parseint: FunctionSpec = {
  params: [
    { name: 'number', type: DynamicPseudoType },
    { name: 'base', type: NumberType },
  ],
  returnType: ([str]) => {
    if (str!.type.kind !== 'string')
      throw new FunctionArgError(0, `first argument must be a string, not ${friendlyName(str!.type)}`);
    return NumberType;
  },
  impl: ([str, baseVal]) => {
    const base = goInt(baseVal!.asNumber());
    if (base === undefined) throw new FunctionArgError(1, WHOLE_NUMBER_ERROR);
    if (base < 2 || base > 62) throw new FunctionArgError(1, 'base must be a whole number between 2 and 62 inclusive');
    const s = str!.asString();
    const parsed = parseBigInt(s, base);
    if (parsed === undefined) throw new FunctionArgError(0, `cannot parse ${goQuote(s)} as a base ${base} integer`);
    return Value.number(parsed.toString());
  },
};

const NOT_NUMBERS = 'argument must be list, set, or tuple of number values';

/** Packer's sum: a list, set or tuple of values convertible to number; never empty. */
const sum: FunctionSpec = {
  params: [{ name: 'list', type: DynamicPseudoType }],
  returnType: numberResult,
  impl: ([list]) => {
    const kind = list!.type.kind;
    if (kind === 'string' || kind === 'number' || kind === 'bool')
      throw new FunctionArgError(0, 'cannot sum noniterable');
    if (list!.length() === 0) throw new FunctionArgError(0, 'cannot sum an empty list');
    if (kind !== 'list' && kind !== 'set' && kind !== 'tuple')
      throw new FunctionArgError(0, `argument must be list, set, or tuple. Received ${friendlyName(list!.type)}`);
    if (!list!.isWhollyKnown()) return Value.unknown(NumberType);
    let total: Num | undefined;
    for (const element of list!.elements()) {
      const n = asNumber(element);
      total = total === undefined ? n : total.plus(n);
      if (total.isNaN()) throw new FunctionCallError("can't compute sum of opposing infinities");
    }
    return Value.number(total!);
  },
};

function asNumber(v: Value): Num {
  if (v.isNull()) throw new FunctionArgError(0, NOT_NUMBERS);
  try {
    return convert(v, NumberType).asNumber();
  } catch {
    throw new FunctionArgError(0, NOT_NUMBERS);
  }
}

export const numericFunctions: Record<string, FunctionSpec> = {
  abs: {
    params: [{ name: 'num', type: NumberType, allowDynamicType: true, allowMarked: true }],
    returnType: numberResult,
    impl: ([n]) => withMarksOf(Value.number(n!.asNumber().abs()), n!),
  },
  ceil: unaryNumber((n) => (n.isFinite() ? n.ceil() : n)),
  floor: unaryNumber((n) => (n.isFinite() ? n.floor() : n)),
  log: {
    params: [
      { name: 'num', type: NumberType },
      { name: 'base', type: NumberType },
    ],
    returnType: numberResult,
    impl: ([n, base]) => floatResult(Math.log(n!.asNumber().toNumber()) / Math.log(base!.asNumber().toNumber())),
  },
  pow: {
    params: [
      { name: 'num', type: NumberType },
      { name: 'power', type: NumberType },
    ],
    returnType: numberResult,
    impl: ([n, power]) => floatResult(Math.pow(n!.asNumber().toNumber(), power!.asNumber().toNumber())),
  },
  signum: {
    params: [{ name: 'num', type: NumberType }],
    returnType: numberResult,
    impl: ([n]) => {
      // cty converts to a Go int first, so fractions are rejected.
      const i = goInt(n!.asNumber());
      if (i === undefined) throw new FunctionCallError(WHOLE_NUMBER_ERROR);
      return Value.number(Math.sign(i) || 0);
    },
  },
  max: extreme((c, best) => c.gt(best), num(-Infinity)),
  min: extreme((c, best) => c.lt(best), num(Infinity)),
  parseint,
  sum,
};
