/* Go's time.Duration.String() for whole milliseconds: "500ms", "1s", "1m30s", "2h0m0s", "1.5s". */

export function goDurationString(ms: number): string {
  if (ms === 0) return '0s';
  const sign = ms < 0 ? '-' : '';
  const abs = Math.abs(ms);
  if (abs < 1000) return `${sign}${abs}ms`;
  const hours = Math.floor(abs / 3_600_000);
  const minutes = Math.floor((abs % 3_600_000) / 60_000);
  const millis = abs % 60_000;
  const seconds = `${Math.floor(millis / 1000)}${fraction(millis % 1000)}s`;
  if (hours > 0) return `${sign}${hours}h${minutes}m${seconds}`;
  if (minutes > 0) return `${sign}${minutes}m${seconds}`;
  return `${sign}${seconds}`;
}

function fraction(ms: number): string {
  if (ms === 0) return '';
  return `.${String(ms).padStart(3, '0').replace(/0+$/, '')}`;
}
