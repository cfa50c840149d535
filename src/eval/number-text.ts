import { Num, type Num as NumT } from './number.js';

/*
 * Numbers as text, the way cty does it: strings parse with Go's
 * big.ParseFloat(s, 10, 512, ToNearestEven) grammar, and numbers print as
 * big.Float.Text('f', -1) of a 512-bit binary float (the shortest decimal that
 * rounds back to the same binary value, in plain notation).
 */

const PRECISION = 512;

/** Go's base-10 float syntax: sign, digits with one optional point, optional e/p exponent. */
const NUMBER_SYNTAX = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:([eEpP])([+-]?\d+))?$/;
const INFINITY_SYNTAX = /^[+-]?[Ii]nf$/;

/** cty.ParseNumberVal: the number a string denotes, or null when it is not a number. */
export function parseNumber(s: string): NumT | null {
  if (INFINITY_SYNTAX.test(s)) {
    return new Num(s.startsWith('-') ? '-Infinity' : 'Infinity');
  }
  const m = NUMBER_SYNTAX.exec(s);
  if (!m) return null;
  const [, marker, exponent] = m;
  if (marker === 'p' || marker === 'P') {
    // A binary exponent: the mantissa times 2**exponent.
    const mantissa = s.slice(0, s.length - marker.length - exponent!.length);
    return new Num(mantissa).mul(new Num(2).pow(Number(exponent)));
  }
  return new Num(s);
}

/** big.Float.Text('f', -1) of the number rounded to cty's 512-bit mantissa. */
export function formatNumber(n: NumT): string {
  if (!n.isFinite()) {
    if (n.isNaN()) return 'NaN';
    return n.isNeg() ? '-Inf' : '+Inf';
  }
  if (n.isZero()) return n.isNeg() ? '-0' : '0';
  // Up to ~150 significant digits a decimal is its own shortest 512-bit
  // representation: no shorter decimal lies within half an ulp of it.
  if (n.sd() <= 150) return n.toFixed();
  const sign = n.isNeg() ? '-' : '';
  const [mant, exp2] = toBinary(n.abs());
  const d = shortestDecimal(mant, exp2);
  return sign + fixedNotation(d);
}

interface Decimal {
  digits: string;
  /** The value is 0.digits × 10^exp. */
  exp: number;
}

function bitLength(n: bigint): number {
  return n === 0n ? 0 : n.toString(2).length;
}

/** Rounds a positive finite number to mant × 2^exp2 with a 512-bit mantissa, ties to even. */
function toBinary(n: NumT): [bigint, number] {
  const [coefficient, exponentText] = n.toExponential().split('e') as [string, string];
  const digits = coefficient.replace('.', '');
  const e10 = Number(exponentText) - (digits.length - 1);
  let num = BigInt(digits);
  let den = 1n;
  if (e10 >= 0) num *= 10n ** BigInt(e10);
  else den = 10n ** BigInt(-e10);

  const shift = PRECISION + 1 + bitLength(den) - bitLength(num);
  let q: bigint;
  let r: bigint;
  if (shift >= 0) {
    q = (num << BigInt(shift)) / den;
    r = (num << BigInt(shift)) % den;
  } else {
    const d = den << BigInt(-shift);
    q = num / d;
    r = num % d;
  }
  const extra = BigInt(bitLength(q) - PRECISION);
  let mant = q >> extra;
  const low = q & ((1n << extra) - 1n);
  const half = 1n << (extra - 1n);
  let exp2 = Number(extra) - shift;
  if (low > half || (low === half && (r !== 0n || (mant & 1n) === 1n))) {
    mant += 1n;
    if (bitLength(mant) > PRECISION) {
      mant >>= 1n;
      exp2 += 1;
    }
  }
  return [mant, exp2];
}

/** The exact decimal of m × 2^e, trailing zeros trimmed (Go's decimal.init). */
function exactDecimal(m: bigint, e: number): Decimal {
  const text = e >= 0 ? (m << BigInt(e)).toString() : (m * 5n ** BigInt(-e)).toString();
  const exp = e >= 0 ? text.length : text.length + e;
  return { digits: text.replace(/0+$/, ''), exp };
}

/** Go's math/big roundShortest for a 512-bit mantissa. */
function shortestDecimal(mant: bigint, exp2: number): Decimal {
  const d = exactDecimal(mant, exp2);
  // Mantissa with one more bit, so that its lsb is half an ulp.
  const doubled = mant << 1n;
  const lower = exactDecimal(doubled - 1n, exp2 - 1);
  const upper = exactDecimal(doubled + 1n, exp2 - 1);
  const inclusive = (mant & 1n) === 0n;
  const at = (x: Decimal, i: number): string => x.digits[i] ?? '0';

  for (let i = 0; i < d.digits.length; i++) {
    const m = d.digits[i]!;
    const l = at(lower, i);
    const u = at(upper, i);
    const okDown = l !== m || (inclusive && i + 1 === lower.digits.length);
    const okUp = m !== u && (inclusive || m.charCodeAt(0) + 1 < u.charCodeAt(0) || i + 1 < upper.digits.length);
    if (okDown && okUp) return roundNearest(d, i + 1);
    if (okDown) return roundDown(d, i + 1);
    if (okUp) return roundUp(d, i + 1);
  }
  return d;
}

function roundNearest(d: Decimal, n: number): Decimal {
  if (n >= d.digits.length) return d;
  const digit = d.digits[n]!;
  const up =
    digit === '5' && n + 1 === d.digits.length ? n > 0 && (d.digits.charCodeAt(n - 1) - 48) % 2 !== 0 : digit >= '5';
  return up ? roundUp(d, n) : roundDown(d, n);
}

function roundDown(d: Decimal, n: number): Decimal {
  if (n >= d.digits.length) return d;
  const digits = d.digits.slice(0, n).replace(/0+$/, '');
  return { digits, exp: digits ? d.exp : 0 };
}

function roundUp(d: Decimal, n: number): Decimal {
  if (n >= d.digits.length) return d;
  let k = n;
  while (k > 0 && d.digits[k - 1] === '9') k--;
  if (k === 0) return { digits: '1', exp: d.exp + 1 };
  const last = String.fromCharCode(d.digits.charCodeAt(k - 1) + 1);
  return { digits: d.digits.slice(0, k - 1) + last, exp: d.exp };
}

/** Go's fmtF with the precision the shortest digits need. */
function fixedNotation(d: Decimal): string {
  const intPart = d.exp > 0 ? d.digits.slice(0, d.exp).padEnd(d.exp, '0') : '0';
  const fracDigits = Math.max(d.digits.length - d.exp, 0);
  if (fracDigits === 0) return intPart;
  let frac = '';
  for (let i = 0; i < fracDigits; i++) frac += d.digits[d.exp + i] ?? '0';
  return `${intPart}.${frac}`;
}
