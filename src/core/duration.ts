/*
 * Durations as Packer prints them: hako/durafmt Parse(d).LimitFirstN(2), e.g.
 * "1 minute 5 seconds", "2 seconds 13 milliseconds", "0 seconds".
 */

const UNITS: readonly (readonly [name: string, micros: number])[] = [
  ['year', 365 * 24 * 3600 * 1e6],
  ['week', 7 * 24 * 3600 * 1e6],
  ['day', 24 * 3600 * 1e6],
  ['hour', 3600 * 1e6],
  ['minute', 60 * 1e6],
  ['second', 1e6],
  ['millisecond', 1e3],
  ['microsecond', 1],
];

export function formatDuration(ms: number): string {
  let rest = Math.trunc(ms * 1000);
  // durafmt spells an exact zero duration "0 seconds"; below 1µs it prints nothing.
  if (ms === 0) return '0 seconds';
  const parts: string[] = [];
  for (const [name, micros] of UNITS) {
    const count = Math.floor(rest / micros);
    rest -= count * micros;
    if (count > 0) parts.push(`${count} ${count === 1 ? name : `${name}s`}`);
  }
  return parts.slice(0, 2).join(' ');
}
