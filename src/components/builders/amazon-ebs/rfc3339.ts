/*
 * Whether Go's time.Parse(time.RFC3339, text) accepts a text: a full date and
 * time with "Z" or a ±hh:mm offset, an optional fraction of a second, and
 * every field in its range.
 */

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:[.,]\d+)?(?:Z|[+-](\d{2}):(\d{2}))$/;

export function isRfc3339(text: string): boolean {
  const m = RFC3339.exec(text);
  if (!m) return false;
  const [year, month, day, hour, minute, second, offsetHour, offsetMinute] = m.slice(1).map((s) => Number(s ?? 0));
  if (month === undefined || month < 1 || month > 12) return false;
  const daysInMonth = new Date(Date.UTC(year ?? 0, month, 0)).getUTCDate();
  if (day === undefined || day < 1 || day > daysInMonth) return false;
  return (
    (hour ?? 0) < 24 && (minute ?? 0) < 60 && (second ?? 0) < 60 && (offsetHour ?? 0) < 24 && (offsetMinute ?? 0) < 60
  );
}
