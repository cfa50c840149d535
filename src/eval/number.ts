import { Decimal } from 'decimal.js';

/**
 * Numbers are arbitrary precision like cty's big.Float (512-bit mantissa, about
 * 154 decimal digits), so integers beyond 2^53 stay exact. A private Decimal
 * class keeps our settings away from any other user of decimal.js.
 */
export const Num = Decimal.clone({ precision: 155, rounding: Decimal.ROUND_HALF_EVEN, toExpNeg: -200, toExpPos: 200 });
export type Num = Decimal;

export function num(n: number | string | Decimal): Decimal {
  return new Num(n);
}
