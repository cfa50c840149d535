import { Num } from '../number.js';

/*
 * Go's fmt output for cty numbers: big.Float.Format (%e %E %f %g %G, and
 * Text('g', -1) for %v) and big.Int.Format (%b %d %o %x %X), with their flags,
 * width and precision rules.
 */

export interface NumberVerb {
  readonly mode: string;
  /** Field width, or -1. */
  readonly width: number;
  /** Precision, or -1. */
  readonly prec: number;
  readonly plus: boolean;
  readonly space: boolean;
  readonly zero: boolean;
  readonly minus: boolean;
  readonly sharp: boolean;
}

/** Go's big decimal: value = 0.mant × 10^exp; mant has no trailing zeros ("" is zero). */
interface Decimal {
  mant: string;
  exp: number;
}

function decimalOf(abs: Num): Decimal {
  if (abs.isZero()) return { mant: '', exp: 0 };
  const [coefficient, exponent] = abs.toExponential().split('e') as [string, string];
  return { mant: coefficient.replace('.', '').replace(/0+$/, ''), exp: Number(exponent) + 1 };
}

// Enough digits to hold a 512-bit binary value scaled by any power of two we use.
const Wide = Num.clone({ precision: 2000 });
// 2^511 and 2^512, computed on first use (~1 ms that a start should not pay).
let bounds: { readonly low: Num; readonly high: Num } | undefined;

/**
 * cty numbers are 512-bit binary floats; a decimal exactly halfway between two
 * outputs may be stored a hair above or below it. Returns the sign of
 * (stored - exact): +1 rounds up, -1 down, 0 is a true tie (round half to even).
 */
function binaryTieDirection(abs: Num): number {
  const x = new Wide(abs.toString());
  const approx = Number.isFinite(Math.log2(x.toNumber())) ? Math.log2(x.toNumber()) : x.e * Math.LOG2E * Math.LN10;
  let s = 511 - Math.floor(approx);
  bounds ??= { low: new Wide(2).pow(511), high: new Wide(2).pow(512) };
  let scaled = x.times(new Wide(2).pow(s));
  while (scaled.gte(bounds.high)) scaled = x.times(new Wide(2).pow(--s));
  while (scaled.lt(bounds.low)) scaled = x.times(new Wide(2).pow(++s));
  return scaled.toDecimalPlaces(0, Wide.ROUND_HALF_EVEN).cmp(scaled);
}

/** big decimal.round(n): keep n digits, rounding half to even on the stored binary value. */
function round(d: Decimal, n: number, abs: Num): void {
  if (n < 0 || n >= d.mant.length) return;
  let up: boolean;
  if (d.mant[n] === '5' && n + 1 === d.mant.length) {
    const direction = binaryTieDirection(abs);
    up = direction === 0 ? n > 0 && Number(d.mant[n - 1]) % 2 === 1 : direction > 0;
  } else {
    up = d.mant[n]! >= '5';
  }
  if (up) roundUp(d, n);
  else roundDown(d, n);
}

function roundUp(d: Decimal, nArg: number): void {
  let n = nArg;
  while (n > 0 && d.mant[n - 1] === '9') n--;
  if (n === 0) {
    d.mant = '1';
    d.exp++;
    return;
  }
  d.mant = d.mant.slice(0, n - 1) + String(Number(d.mant[n - 1]) + 1);
}

function roundDown(d: Decimal, n: number): void {
  d.mant = d.mant.slice(0, n).replace(/0+$/, '');
  if (d.mant === '') d.exp = 0;
}

function digitAt(d: Decimal, i: number): string {
  return i >= 0 && i < d.mant.length ? d.mant[i]! : '0';
}

function fmtE(mode: string, prec: number, d: Decimal): string {
  let out = d.mant[0] ?? '0';
  if (prec > 0) {
    out += '.';
    for (let i = 1; i <= prec; i++) out += digitAt(d, i);
  }
  const exp = d.mant.length > 0 ? d.exp - 1 : 0;
  return `${out}${mode}${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
}

function fmtF(prec: number, d: Decimal): string {
  let out = '';
  if (d.exp > 0) for (let i = 0; i < d.exp; i++) out += digitAt(d, i);
  else out = '0';
  if (prec > 0) {
    out += '.';
    for (let i = 0; i < prec; i++) out += digitAt(d, d.exp + i);
  }
  return out;
}

/** big.Float.Append(format, prec) without the sign, for a finite magnitude. */
function appendFinite(abs: Num, mode: string, precArg: number): string {
  const d = decimalOf(abs);
  const lower = mode.toLowerCase();
  const shortest = precArg < 0;
  let prec = precArg;
  if (shortest) {
    if (lower === 'e') prec = d.mant.length - 1;
    else if (lower === 'f') prec = Math.max(d.mant.length - d.exp, 0);
    else prec = d.mant.length;
  } else if (lower === 'e') {
    round(d, 1 + prec, abs);
  } else if (lower === 'f') {
    round(d, d.exp + prec, abs);
  } else {
    if (prec === 0) prec = 1;
    round(d, prec, abs);
  }
  if (lower === 'e') return fmtE(mode, prec, d);
  if (lower === 'f') return fmtF(prec, d);
  let eprec = prec;
  if (eprec > d.mant.length && d.mant.length >= d.exp) eprec = d.mant.length;
  if (shortest) eprec = 6;
  const exp = d.exp - 1;
  if (exp < -4 || exp >= eprec) {
    return fmtE(mode === 'G' ? 'E' : 'e', Math.min(prec, d.mant.length) - 1, d);
  }
  return fmtF(Math.max((prec > d.exp ? d.mant.length : prec) - d.exp, 0), d);
}

/** big.Float.Text(mode, prec), sign included ("+Inf" for positive infinity). */
export function floatText(n: Num, mode: string, prec: number): string {
  if (!n.isFinite()) return n.isNegative() ? '-Inf' : '+Inf';
  return (n.isNegative() && !n.isZero() ? '-' : '') + appendFinite(n.abs(), mode, prec);
}

function repeat(s: string, count: number): string {
  return count > 0 ? s.repeat(count) : '';
}

/** big.Float.Format for %e %E %f %g %G with flags, width and precision. */
export function formatFloat(n: Num, verb: NumberVerb): string {
  const defaultPrec = verb.mode === 'g' || verb.mode === 'G' ? -1 : 6;
  let body = floatText(n, verb.mode, verb.prec >= 0 ? verb.prec : defaultPrec);
  let sign = '';
  if (body.startsWith('-')) {
    sign = '-';
    body = body.slice(1);
  } else if (body.startsWith('+')) {
    sign = verb.space ? ' ' : '+';
    body = body.slice(1);
  } else if (verb.plus) {
    sign = '+';
  } else if (verb.space) {
    sign = ' ';
  }
  const padding = verb.width - sign.length - body.length;
  // Go's fmt drops the zero flag when the minus flag is present.
  if (verb.zero && !verb.minus && n.isFinite()) return sign + repeat('0', padding) + body;
  if (verb.minus) return sign + body + repeat(' ', padding);
  return repeat(' ', padding) + sign + body;
}

const BASES: Readonly<Record<string, number>> = { b: 2, o: 8, d: 10, x: 16, X: 16 };
const PREFIXES: Readonly<Record<string, string>> = { b: '0b', o: '0', x: '0x', X: '0X' };

/** big.Int.Format for %b %d %o %x %X. */
export function formatInteger(i: bigint, verb: NumberVerb): string {
  const sign = i < 0n ? '-' : verb.plus ? '+' : verb.space ? ' ' : '';
  const prefix = verb.sharp ? (PREFIXES[verb.mode] ?? '') : '';
  let digits = (i < 0n ? -i : i).toString(BASES[verb.mode]!);
  if (verb.mode === 'X') digits = digits.toUpperCase();
  let zeros = 0;
  if (verb.prec >= 0) {
    if (digits.length < verb.prec) zeros = verb.prec - digits.length;
    else if (digits === '0' && verb.prec === 0) return '';
  }
  const length = sign.length + prefix.length + zeros + digits.length;
  let left = 0;
  let right = 0;
  if (verb.width > length) {
    const d = verb.width - length;
    if (verb.minus) right = d;
    else if (verb.zero && verb.prec < 0) zeros = d;
    else left = d;
  }
  return repeat(' ', left) + sign + prefix + repeat('0', zeros) + digits + repeat(' ', right);
}
