import { goQuote } from '../../hcl/quote.js';

/*
 * Go's time.ParseDuration: a signed sequence of decimal numbers, each with an
 * optional fraction and a unit ("300ms", "-1.5h", "2h45m"). Packer decodes
 * every time.Duration field with it, so its error texts are what users see.
 */

const NANOS_PER_UNIT: Readonly<Record<string, number>> = {
  ns: 1,
  us: 1e3,
  µs: 1e3, // U+00B5 micro sign
  μs: 1e3, // U+03BC Greek small letter mu
  ms: 1e6,
  s: 1e9,
  m: 60e9,
  h: 3600e9,
};

/** Largest int64, the bound of a Go Duration in nanoseconds. */
const MAX_NANOS = 9223372036854775807n;

export type DurationResult =
  { readonly ok: true; readonly ms: number } | { readonly ok: false; readonly error: string };

/** The duration in milliseconds, or Go's error text for `text`. */
export function parseGoDuration(text: string): DurationResult {
  const invalid = { ok: false, error: `time: invalid duration ${goQuote(text)}` } as const;
  let s = text;
  let negative = false;
  if (s.startsWith('-') || s.startsWith('+')) {
    negative = s.startsWith('-');
    s = s.slice(1);
  }
  if (s === '0') return { ok: true, ms: 0 };
  if (s === '') return invalid;
  // Nanoseconds are summed as exact integers, as Go does in a uint64.
  let total = 0n;
  while (s !== '') {
    const number = /^(\d*)(?:\.(\d*))?/.exec(s);
    const whole = number?.[1] ?? '';
    const fraction = number?.[2];
    if (whole === '' && (fraction === undefined || fraction === '')) return invalid;
    s = s.slice(number?.[0].length ?? 0);
    const unit = /^[^.\d]*/.exec(s)?.[0] ?? '';
    if (unit === '') return { ok: false, error: `time: missing unit in duration ${goQuote(text)}` };
    const scale = NANOS_PER_UNIT[unit];
    if (scale === undefined) {
      return { ok: false, error: `time: unknown unit ${goQuote(unit)} in duration ${goQuote(text)}` };
    }
    s = s.slice(unit.length);
    const big = BigInt(scale);
    let nanos = BigInt(whole === '' ? '0' : whole) * big;
    if (fraction) {
      // Go truncates the fractional part towards zero at nanosecond precision.
      nanos += (BigInt(fraction) * big) / 10n ** BigInt(fraction.length);
    }
    total += nanos;
    if (total > MAX_NANOS + (negative ? 1n : 0n)) return invalid;
  }
  const ms = Number(total) / 1e6;
  return { ok: true, ms: negative ? -ms : ms };
}
