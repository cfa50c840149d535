import type { Num } from '../number.js';

/**
 * A number as cty prints it for JSON and YAML (big.Float Text('f', -1)):
 * plain decimal notation, no exponent, "+Inf"/"-Inf" for infinities.
 */
export function numberText(n: Num): string {
  if (!n.isFinite()) return n.isNegative() ? '-Inf' : '+Inf';
  return n.isZero() ? (n.isNegative() ? '-0' : '0') : n.toFixed();
}
