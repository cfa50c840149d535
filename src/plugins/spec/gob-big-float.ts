import { num, type Num } from '../../eval/number.js';

/*
 * math/big.Float's GobEncode format, which cty numbers travel in:
 *   [0] version (1)  [1] mode<<5 | (acc+1)<<3 | form<<1 | neg  [2..6) precision (uint32, big-endian)
 *   finite values only: [6..10) exponent (int32)  [10..) mantissa words, most significant first.
 * The value is 0.mantissa × 2^exponent; form is 0 zero, 1 finite, 2 infinite.
 */

/* Beyond this many bits of exponent or precision, use Decimal arithmetic instead of exact big integers. */
const MaxExactExponent = 1 << 16;

export function decodeBigFloat(bytes: Uint8Array): Num {
  if (bytes.length < 6) throw new Error(`big.Float gob: ${bytes.length} bytes is too short`);
  if (bytes[0] !== 1) throw new Error(`big.Float gob: unsupported version ${bytes[0]}`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const flags = bytes[1]!;
  const negative = (flags & 1) === 1;
  const form = (flags >> 1) & 3;
  const precision = view.getUint32(2);
  if (form === 0) return num(0);
  if (form === 2) return num(negative ? -Infinity : Infinity);
  if (form !== 1 || bytes.length < 10 || precision === 0) throw new Error('big.Float gob: malformed finite value');
  const exponent = view.getInt32(6);
  let mantissa = 0n;
  for (const b of bytes.subarray(10)) mantissa = (mantissa << 8n) | BigInt(b);
  if (mantissa === 0n) throw new Error('big.Float gob: malformed finite value');
  const scale = exponent - 8 * (bytes.length - 10);
  const magnitude =
    Math.abs(scale) > MaxExactExponent || precision > MaxExactExponent
      ? num(mantissa.toString()).times(num(2).pow(scale))
      : num(shortestDecimal(mantissa, scale, precision));
  return negative ? magnitude.neg() : magnitude;
}

/*
 * The shortest decimal that reads back as mantissa × 2^scale at `precision`
 * bits, as big.Float.Text('f', -1) prints cty numbers: a float64 0.1 is "0.1",
 * not its binary expansion, while 2^70 keeps every digit.
 */
function shortestDecimal(mantissa: bigint, scale: number, precision: number): string {
  // Align so the lowest bit of m is half an ulp: the neighbours at this precision are m ± 1.
  const shift = bitLength(mantissa) - (precision + 1);
  const m = shift >= 0 ? mantissa >> BigInt(shift) : mantissa << BigInt(-shift);
  const exp = scale + shift;
  // Ties go to the even mantissa, so the bounds themselves read back only when it is even.
  const inclusive = (m & 2n) === 0n;
  // Exact integers X / 10^k for the value and its rounding bounds.
  const k = exp < 0 ? -exp : 0;
  const toDecimal = (x: bigint): bigint => (exp < 0 ? x * 5n ** BigInt(k) : x << BigInt(exp));
  const value = toDecimal(m);
  const lower = toDecimal(m - 1n);
  const upper = toDecimal(m + 1n);
  const digits = value.toString().length;
  for (let d = 1; d <= digits; d++) {
    const unit = 10n ** BigInt(digits - d);
    const down = (value / unit) * unit;
    if (down === value) return placePoint(down, k);
    const up = down + unit;
    const okDown = down > lower || (inclusive && down === lower);
    const okUp = up < upper || (inclusive && up === upper);
    if (okDown && okUp) return placePoint(value - down <= up - value ? down : up, k);
    if (okDown) return placePoint(down, k);
    if (okUp) return placePoint(up, k);
  }
  return placePoint(value, k);
}

function bitLength(x: bigint): number {
  return x.toString(2).length;
}

/** The decimal string of x / 10^k. */
function placePoint(x: bigint, k: number): string {
  if (k === 0) return x.toString();
  const s = x.toString().padStart(k + 1, '0');
  return `${s.slice(0, -k)}.${s.slice(-k)}`;
}
