import { goQuote } from '../../eval/functions/gocty.js';
import type { NumberNode } from './ast.js';
import { parseFloat64, parseInt64, parseUint64, unquoteChar } from './literals.js';

/*
 * Go's parse.Tree.newNumber: every Go type a numeric or character constant
 * fits (int64, uint64, float64, complex128). Errors are Go's messages.
 */

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

const fitsInt64 = (f: number): boolean => Number.isInteger(f) && f >= -(2 ** 63) && f < 2 ** 63;
const fitsUint64 = (f: number): boolean => Number.isInteger(f) && f >= 0 && f < 2 ** 64;

function simplifyComplex(n: Mutable<NumberNode>): void {
  n.isFloat = n.complex.im === 0;
  if (!n.isFloat) return;
  n.float64 = n.complex.re;
  n.isInt = fitsInt64(n.float64);
  if (n.isInt) n.int64 = BigInt(n.float64);
  n.isUint = fitsUint64(n.float64);
  if (n.isUint) n.uint64 = BigInt(n.float64);
}

/** "1+2i" as fmt.Sscan reads a complex128. */
function scanComplex(text: string): { re: number; im: number } | undefined {
  // The imaginary part starts at the last sign that is not an exponent's.
  let at = -1;
  for (let i = text.length - 1; i > 0 && at < 0; i--) {
    if ((text[i] === '+' || text[i] === '-') && !/[eEpP]/.test(text[i - 1]!)) at = i;
  }
  if (at < 0 || !text.endsWith('i')) return undefined;
  const re = parseFloat64(text.slice(0, at));
  const im = parseFloat64(text.slice(at, -1));
  return re === undefined || im === undefined ? undefined : { re, im };
}

export function newNumber(pos: number, text: string, kind: 'number' | 'complex' | 'charConstant'): NumberNode {
  const n: Mutable<NumberNode> = {
    type: 'number',
    pos,
    isInt: false,
    isUint: false,
    isFloat: false,
    isComplex: false,
    int64: 0n,
    uint64: 0n,
    float64: 0,
    complex: { re: 0, im: 0 },
    text,
  };
  if (kind === 'charConstant') {
    const { value, tail } = unquoteChar(text.slice(1), text[0]!);
    if (tail !== "'") throw new Error(`malformed character constant: ${text}`);
    const code = BigInt(value.codePointAt(0)!);
    Object.assign(n, { int64: code, uint64: code, float64: Number(code), isInt: true, isUint: true, isFloat: true });
    return n;
  }
  if (kind === 'complex') {
    const c = scanComplex(text);
    if (!c) throw new Error(`bad complex constant: ${goQuote(text)}`);
    n.complex = c;
    n.isComplex = true;
    simplifyComplex(n);
    return n;
  }
  if (text.endsWith('i')) {
    const f = parseFloat64(text.slice(0, -1));
    if (f !== undefined) {
      n.isComplex = true;
      n.complex = { re: 0, im: f };
      simplifyComplex(n);
      return n;
    }
  }
  const u = parseUint64(text);
  if (u !== undefined) {
    n.isUint = true;
    n.uint64 = u;
  }
  const i = parseInt64(text);
  if (i !== undefined) {
    n.isInt = true;
    n.int64 = i;
    if (i === 0n) {
      n.isUint = true; // In case of -0.
      n.uint64 = 0n;
    }
  }
  if (n.isInt) {
    n.isFloat = true;
    n.float64 = Number(n.int64);
  } else if (n.isUint) {
    n.isFloat = true;
    n.float64 = Number(n.uint64);
  } else {
    const f = parseFloat64(text);
    if (f !== undefined) {
      if (!/[.eEpP]/.test(text)) throw new Error(`integer overflow: ${goQuote(text)}`);
      n.isFloat = true;
      n.float64 = f;
      if (fitsInt64(f)) {
        n.isInt = true;
        n.int64 = BigInt(f);
      }
      if (fitsUint64(f)) {
        n.isUint = true;
        n.uint64 = BigInt(f);
      }
    }
  }
  if (!n.isInt && !n.isUint && !n.isFloat) throw new Error(`illegal number syntax: ${goQuote(text)}`);
  return n;
}
