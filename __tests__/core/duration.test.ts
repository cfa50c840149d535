import { describe, expect, it } from 'vitest';
import { formatDuration } from '../../src/core/duration.js';

describe('formatDuration (durafmt LimitFirstN(2))', () => {
  it.each([
    [0, '0 seconds'],
    [0.5, '500 microseconds'],
    [1, '1 millisecond'],
    [1234.5678, '1 second 234 milliseconds'],
    [65_000, '1 minute 5 seconds'],
    [3_600_000 + 120_000 + 3_000, '1 hour 2 minutes'],
    [8 * 24 * 3_600_000, '1 week 1 day'],
  ])('%d ms is %j', (ms, expected) => {
    expect(formatDuration(ms)).toBe(expected);
  });
});
