import { describe, expect, it } from 'vitest';
import { parseGoDuration } from '../../../src/components/schema/go-duration.js';

describe('parseGoDuration (Go time.ParseDuration)', () => {
  it.each([
    ['0', 0],
    ['5m', 300_000],
    ['1h30m', 5_400_000],
    ['1.5h', 5_400_000],
    ['-2s', -2000],
    ['+3ms', 3],
    ['.5s', 500],
    ['5.s', 5000],
    ['300ms', 300],
    ['1us', 0.001],
    ['1µs', 0.001],
    ['1μs', 0.001],
    ['10ns', 0.00001],
    ['1h0m0s', 3_600_000],
  ])('%s is %d ms', (text, ms) => {
    expect(parseGoDuration(text)).toEqual({ ok: true, ms });
  });

  it.each([
    ['', 'time: invalid duration ""'],
    ['5', 'time: missing unit in duration "5"'],
    ['1q', 'time: unknown unit "q" in duration "1q"'],
    ['5m3', 'time: missing unit in duration "5m3"'],
    ['ms', 'time: invalid duration "ms"'],
    ['.s', 'time: invalid duration ".s"'],
    ['-', 'time: invalid duration "-"'],
    ['1 h', 'time: unknown unit " h" in duration "1 h"'],
    ['3000000h', 'time: invalid duration "3000000h"'],
  ])('%j fails with %s', (text, error) => {
    expect(parseGoDuration(text)).toEqual({ ok: false, error });
  });
});
