import { goQuote } from './gocty.js';

/*
 * The parts of Go's time package that Packer's date functions expose: instants
 * with a fixed UTC offset, layout-string formatting (time.Format), RFC 3339
 * parsing with Go's ParseError details, and time.ParseDuration.
 */

export interface GoTime {
  /** Seconds since the Unix epoch. */
  readonly sec: number;
  readonly nsec: number;
  /** Offset east of UTC, in seconds. */
  readonly offset: number;
  /** Zone abbreviation ("UTC"), or "" for a fixed offset without a name. */
  readonly zone: string;
}

export const MonthNames = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;
export const DayNames = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

/** Days since 1970-01-01 of a proleptic Gregorian date (month 1-12). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function civilFromDays(days: number): [number, number, number] {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return [month <= 2 ? yoe + era * 400 + 1 : yoe + era * 400, month, day];
}

function isLeap(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

export function daysIn(month: number, year: number): number {
  if (month === 2) return isLeap(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Wall-clock fields of a time in its own offset. */
interface Civil {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  /** 0 = Sunday. */
  readonly weekday: number;
  /** 1-based day of the year. */
  readonly yearDay: number;
}

export function civil(t: GoTime): Civil {
  const local = t.sec + t.offset;
  const days = Math.floor(local / 86400);
  const secOfDay = local - days * 86400;
  const [year, month, day] = civilFromDays(days);
  return {
    year,
    month,
    day,
    hour: Math.floor(secOfDay / 3600),
    minute: Math.floor((secOfDay % 3600) / 60),
    second: secOfDay % 60,
    weekday: (((days + 4) % 7) + 7) % 7,
    yearDay: days - daysFromCivil(year, 1, 1) + 1,
  };
}

/** Go's Time.ISOWeek: [ISO year, ISO week]. */
export function isoWeek(t: GoTime): [number, number] {
  const c = civil(t);
  // Move to the Thursday of the same Monday-based week; its year owns the week.
  const shift = c.weekday === 0 ? -3 : 4 - c.weekday;
  const thursday = civil({ ...t, sec: t.sec + shift * 86400 });
  return [thursday.year, Math.floor((thursday.yearDay - 1) / 7) + 1];
}

export function dateTime(
  parts: { year: number; month: number; day: number; hour: number; minute: number; second: number; nsec: number },
  offset: number,
  zone = '',
): GoTime {
  const days = daysFromCivil(parts.year, parts.month, parts.day);
  const sec = days * 86400 + parts.hour * 3600 + parts.minute * 60 + parts.second - offset;
  return { sec, nsec: parts.nsec, offset, zone };
}

export function nowUTC(): GoTime {
  const ms = Date.now();
  const sec = Math.floor(ms / 1000);
  return { sec, nsec: (ms - sec * 1000) * 1e6, offset: 0, zone: 'UTC' };
}

/** t plus a duration in nanoseconds (exact: BigInt arithmetic). */
export function addDuration(t: GoTime, ns: bigint): GoTime {
  const total = BigInt(t.sec) * 1_000_000_000n + BigInt(t.nsec) + ns;
  let sec = total / 1_000_000_000n;
  let nsec = total % 1_000_000_000n;
  if (nsec < 0n) {
    nsec += 1_000_000_000n;
    sec -= 1n;
  }
  return { ...t, sec: Number(sec), nsec: Number(nsec) };
}

/* ---- formatting (time.Format) ---- */

type Std =
  | 'January'
  | 'Jan'
  | 'Monday'
  | 'Mon'
  | 'MST'
  | '01'
  | '02'
  | '03'
  | '04'
  | '05'
  | '06'
  | '002'
  | '15'
  | '1'
  | '2006'
  | '2'
  | '_2'
  | '__2'
  | '3'
  | '4'
  | '5'
  | 'PM'
  | 'pm'
  | '-070000'
  | '-07:00:00'
  | '-0700'
  | '-07:00'
  | '-07'
  | 'Z070000'
  | 'Z07:00:00'
  | 'Z0700'
  | 'Z07:00'
  | 'Z07'
  | 'frac';

interface Chunk {
  readonly prefix: string;
  readonly std: Std | undefined;
  readonly suffix: string;
  /** For 'frac': the separator, '0' or '9', and the digit count. */
  readonly frac?: { sep: string; digit: string; n: number };
}

const isLower = (c: string | undefined): boolean => c !== undefined && c >= 'a' && c <= 'z';
const isDigitAt = (s: string, i: number): boolean => i < s.length && s[i]! >= '0' && s[i]! <= '9';

/** Go's nextStdChunk: the text before the first layout element, the element, the rest. */
function nextStdChunk(layout: string): Chunk {
  const at = (i: number, std: Std, len: number): Chunk => ({
    prefix: layout.slice(0, i),
    std,
    suffix: layout.slice(i + len),
  });
  for (let i = 0; i < layout.length; i++) {
    const rest = layout.slice(i);
    switch (layout[i]) {
      case 'J':
        if (rest.startsWith('January')) return at(i, 'January', 7);
        if (rest.startsWith('Jan') && !isLower(rest[3])) return at(i, 'Jan', 3);
        break;
      case 'M':
        if (rest.startsWith('Monday')) return at(i, 'Monday', 6);
        if (rest.startsWith('Mon') && !isLower(rest[3])) return at(i, 'Mon', 3);
        if (rest.startsWith('MST')) return at(i, 'MST', 3);
        break;
      case '0':
        if (rest.length >= 2 && rest[1]! >= '1' && rest[1]! <= '6') return at(i, rest.slice(0, 2) as Std, 2);
        if (rest.startsWith('002')) return at(i, '002', 3);
        break;
      case '1':
        return rest.startsWith('15') ? at(i, '15', 2) : at(i, '1', 1);
      case '2':
        return rest.startsWith('2006') ? at(i, '2006', 4) : at(i, '2', 1);
      case '_':
        if (rest[1] === '2') {
          // "_2006" is a literal underscore followed by the long year.
          if (rest.startsWith('_2006')) return { prefix: layout.slice(0, i + 1), std: '2006', suffix: rest.slice(5) };
          return at(i, '_2', 2);
        }
        if (rest.startsWith('__2')) return at(i, '__2', 3);
        break;
      case '3':
      case '4':
      case '5':
        return at(i, layout[i] as Std, 1);
      case 'P':
        if (rest[1] === 'M') return at(i, 'PM', 2);
        break;
      case 'p':
        if (rest[1] === 'm') return at(i, 'pm', 2);
        break;
      case '-':
      case 'Z': {
        const z = layout[i];
        for (const std of ['070000', '07:00:00', '0700', '07:00', '07']) {
          if (rest.startsWith(z + std)) return at(i, (z + std) as Std, std.length + 1);
        }
        break;
      }
      case '.':
      case ',': {
        const digit = rest[1];
        if (digit === '0' || digit === '9') {
          let j = i + 1;
          while (j < layout.length && layout[j] === digit) j++;
          if (!isDigitAt(layout, j)) {
            return {
              prefix: layout.slice(0, i),
              std: 'frac',
              suffix: layout.slice(j),
              frac: { sep: layout[i]!, digit, n: j - i - 1 },
            };
          }
        }
        break;
      }
    }
  }
  return { prefix: layout, std: undefined, suffix: '' };
}

const pad = (n: number, width: number): string => {
  const s = String(Math.abs(n)).padStart(width, '0');
  return n < 0 ? `-${s}` : s;
};

function formatZone(std: Std, offset: number, zone: string): string {
  if (std === 'MST') {
    if (zone !== '') return zone;
    const m = Math.trunc(offset / 60);
    return (m < 0 ? '-' : '+') + pad(Math.trunc(Math.abs(m) / 60), 2) + pad(Math.abs(m) % 60, 2);
  }
  if (std.startsWith('Z') && offset === 0) return 'Z';
  const abs = Math.abs(offset);
  const colon = std.includes(':');
  let out = (offset < 0 ? '-' : '+') + pad(Math.floor(abs / 3600), 2);
  if (std !== '-07' && std !== 'Z07') out += (colon ? ':' : '') + pad(Math.floor(abs / 60) % 60, 2);
  if (std.endsWith('0000') || std.endsWith(':00:00')) out += (colon ? ':' : '') + pad(abs % 60, 2);
  return out;
}

/** Go's Time.Format with a reference-time layout ("2006-01-02T15:04:05Z07:00"). */
export function formatGo(t: GoTime, layout: string): string {
  const c = civil(t);
  let out = '';
  let rest = layout;
  for (;;) {
    const chunk = nextStdChunk(rest);
    out += chunk.prefix;
    if (chunk.std === undefined) return out;
    rest = chunk.suffix;
    const hour12 = c.hour % 12 === 0 ? 12 : c.hour % 12;
    switch (chunk.std) {
      case '06':
        out += pad(((c.year % 100) + 100) % 100, 2);
        break;
      case '2006':
        out += pad(c.year, 4);
        break;
      case 'Jan':
        out += MonthNames[c.month - 1]!.slice(0, 3);
        break;
      case 'January':
        out += MonthNames[c.month - 1]!;
        break;
      case '1':
        out += String(c.month);
        break;
      case '01':
        out += pad(c.month, 2);
        break;
      case 'Mon':
        out += DayNames[c.weekday]!.slice(0, 3);
        break;
      case 'Monday':
        out += DayNames[c.weekday]!;
        break;
      case '2':
        out += String(c.day);
        break;
      case '_2':
        out += String(c.day).padStart(2, ' ');
        break;
      case '02':
        out += pad(c.day, 2);
        break;
      case '__2':
        out += String(c.yearDay).padStart(3, ' ');
        break;
      case '002':
        out += pad(c.yearDay, 3);
        break;
      case '15':
        out += pad(c.hour, 2);
        break;
      case '3':
        out += String(hour12);
        break;
      case '03':
        out += pad(hour12, 2);
        break;
      case '4':
        out += String(c.minute);
        break;
      case '04':
        out += pad(c.minute, 2);
        break;
      case '5':
        out += String(c.second);
        break;
      case '05':
        out += pad(c.second, 2);
        break;
      case 'PM':
        out += c.hour >= 12 ? 'PM' : 'AM';
        break;
      case 'pm':
        out += c.hour >= 12 ? 'pm' : 'am';
        break;
      case 'frac': {
        const { sep, digit, n } = chunk.frac!;
        const digits = String(t.nsec).padStart(9, '0').slice(0, n);
        if (digit === '0') out += sep + digits;
        else {
          const trimmed = digits.replace(/0+$/, '');
          if (trimmed !== '') out += sep + trimmed;
        }
        break;
      }
      default:
        out += formatZone(chunk.std, t.offset, t.zone);
    }
  }
}

export const RFC3339 = '2006-01-02T15:04:05Z07:00';

/* ---- parsing (time.Parse for RFC 3339 layouts) ---- */

/** Go's time.ParseError fields, from which cty builds its messages. */
interface GoParseError {
  readonly layoutElem: string;
  readonly valueElem: string;
  readonly message: string;
}

type ParseResult = { readonly time: GoTime } | { readonly error: GoParseError };

const bad = (layoutElem: string, valueElem: string, message = ''): ParseResult => ({
  error: { layoutElem, valueElem, message },
});

/** Go's getnum: one or two digits (exactly two when fixed). */
function getnum(s: string, fixed: boolean): [number, string] | undefined {
  if (!isDigitAt(s, 0)) return undefined;
  if (!isDigitAt(s, 1)) return fixed ? undefined : [Number(s[0]), s.slice(1)];
  return [Number(s.slice(0, 2)), s.slice(2)];
}

/** Go's skip: consume a literal layout prefix; a space matches any run of spaces. */
function skip(value: string, prefix: string): string | undefined {
  let v = value;
  let p = prefix;
  while (p.length > 0) {
    if (p[0] === ' ') {
      if (v.length > 0 && v[0] !== ' ') return undefined;
      p = p.replace(/^ +/, '');
      v = v.replace(/^ +/, '');
      continue;
    }
    if (v.length === 0 || v[0] !== p[0]) return undefined;
    p = p.slice(1);
    v = v.slice(1);
  }
  return v;
}

/**
 * Go's time.Parse for the layout "2006-01-02<sep>15:04:05Z07:00" (fractional
 * seconds are accepted after the seconds as Go does).
 */
export function parseGoRFC3339(value: string, sep = 'T'): ParseResult {
  const fields = { year: 0, month: 1, day: 1, hour: 0, minute: 0, second: 0, nsec: 0 };
  let offset = 0;
  let v = value;
  const steps: [string, string][] = [
    ['', '2006'],
    ['-', '01'],
    ['-', '02'],
    [sep, '15'],
    [':', '04'],
    [':', '05'],
    ['', 'Z07:00'],
  ];
  for (const [prefix, std] of steps) {
    const skipped = skip(v, prefix);
    if (skipped === undefined) return bad(prefix, v);
    v = skipped;
    const hold = v;
    let range = '';
    let ok = true;
    switch (std) {
      case '2006':
        if (v.length < 4 || !/^[0-9]{4}/.test(v)) ok = false;
        else {
          fields.year = Number(v.slice(0, 4));
          v = v.slice(4);
        }
        break;
      case 'Z07:00': {
        if (v[0] === 'Z') {
          v = v.slice(1);
          break;
        }
        if (v.length < 6 || v[3] !== ':') {
          ok = false;
          break;
        }
        const [sign, hh, mm] = [v[0], getnum(v.slice(1, 3), true), getnum(v.slice(4, 6), true)];
        v = v.slice(6);
        if (!hh || !mm || (sign !== '+' && sign !== '-')) ok = false;
        else if (hh[0] > 24) range = 'time zone offset hour';
        else if (mm[0] > 60) range = 'time zone offset minute';
        else offset = (hh[0] * 60 + mm[0]) * 60 * (sign === '-' ? -1 : 1);
        break;
      }
      default: {
        const got = getnum(v, std !== '15');
        if (!got) {
          ok = false;
          break;
        }
        const [n, after] = got;
        v = after;
        if (std === '01') [fields.month, range] = [n, n < 1 || n > 12 ? 'month' : ''];
        else if (std === '02') fields.day = n;
        else if (std === '15') [fields.hour, range] = [n, n >= 24 ? 'hour' : ''];
        else if (std === '04') [fields.minute, range] = [n, n >= 60 ? 'minute' : ''];
        else {
          [fields.second, range] = [n, n >= 60 ? 'second' : ''];
          if (v.length >= 2 && (v[0] === '.' || v[0] === ',') && isDigitAt(v, 1)) {
            let end = 2;
            while (isDigitAt(v, end)) end++;
            fields.nsec = Number(v.slice(1, Math.min(end, 10)).padEnd(9, '0'));
            v = v.slice(end);
          }
        }
      }
    }
    if (range !== '') return bad(std, v, `: ${range} out of range`);
    if (!ok) return bad(std, hold);
  }
  if (v.length !== 0) return bad('', v, `: extra text: ${goQuote(v)}`);
  if (fields.day < 1 || fields.day > daysIn(fields.month, fields.year)) return bad('', '', ': day out of range');
  return { time: dateTime(fields, offset, offset === 0 && value.endsWith('Z') ? 'UTC' : '') };
}

/**
 * cty's parseTimestamp: strict RFC 3339 (two-digit hours, '.' before fractions,
 * offsets in range), with Go's parse errors turned into cty's messages.
 */
export function parseTimestamp(ts: string): GoTime | string {
  const parsed = parseGoRFC3339(ts);
  const err = 'error' in parsed ? parsed.error : strictViolation(ts);
  if (!err) return (parsed as { time: GoTime }).time;
  return ctyTimestampMessage(err);
}

function strictViolation(s: string): GoParseError | undefined {
  if (s[12] === ':') return { layoutElem: '15', valueElem: s.slice(11, 12), message: ': hour must have two digits' };
  if (s[19] === ',') return { layoutElem: '.', valueElem: ',', message: ': sub-second separator must be a period' };
  if (!s.endsWith('Z')) {
    const num2 = (x: string): number => Number(x[0]) * 10 + Number(x[1]);
    const zone = s.slice(s.length - 6);
    if (num2(s.slice(s.length - 5)) >= 24) return { layoutElem: 'Z07:00', valueElem: zone, message: '' };
    if (num2(s.slice(s.length - 2)) >= 60) return { layoutElem: 'Z07:00', valueElem: zone, message: '' };
  }
  return undefined;
}

function ctyTimestampMessage(err: GoParseError): string {
  const prefix = 'not a valid RFC3339 timestamp';
  if (err.layoutElem === '' && err.valueElem === '' && err.message !== '') return prefix + err.message;
  const what =
    {
      '2006': 'year',
      '01': 'month',
      '02': 'day of month',
      '15': 'hour',
      '04': 'minute',
      '05': 'second',
      'Z07:00': 'UTC offset',
    }[err.layoutElem] ?? 'timestamp segment';
  if (err.layoutElem === 'T') return `${prefix}: missing required time introducer 'T'`;
  if (err.layoutElem === ':' || err.layoutElem === '-') {
    return err.valueElem === ''
      ? `${prefix}: end of string where ${goQuote(err.layoutElem)} is expected`
      : `${prefix}: found ${goQuote(err.valueElem)} where ${goQuote(err.layoutElem)} is expected`;
  }
  if (err.valueElem === '') return `${prefix}: end of string before ${what}`;
  if (what === 'hour' && err.valueElem.includes(':')) return `${prefix}: hour must be between 0 and 23 inclusive`;
  if (what === 'hour' && err.valueElem.length !== 2) return `${prefix}: hour must have exactly two digits`;
  if (what === 'minute' && err.valueElem.length !== 2) return `${prefix}: minute must have exactly two digits`;
  return `${prefix}: cannot use ${goQuote(err.valueElem)} as ${what}`;
}

/* ---- durations (time.ParseDuration) ---- */

const Units: Readonly<Record<string, bigint>> = {
  ns: 1n,
  us: 1_000n,
  µs: 1_000n, // U+00B5 micro sign
  μs: 1_000n, // U+03BC Greek mu
  ms: 1_000_000n,
  s: 1_000_000_000n,
  m: 60_000_000_000n,
  h: 3_600_000_000_000n,
};
const MaxDuration = 1n << 63n;

/** Go's time.ParseDuration, in nanoseconds; throws Error with Go's message. */
export function parseDuration(orig: string): bigint {
  const invalid = (): Error => new Error(`time: invalid duration ${goQuote(orig)}`);
  let s = orig;
  let neg = false;
  if (s[0] === '-' || s[0] === '+') {
    neg = s[0] === '-';
    s = s.slice(1);
  }
  if (s === '0') return 0n;
  if (s === '') throw invalid();
  let total = 0n;
  while (s !== '') {
    if (!(s[0] === '.' || isDigitAt(s, 0))) throw invalid();
    const intDigits = /^[0-9]*/.exec(s)![0];
    let v = BigInt(intDigits === '' ? '0' : intDigits);
    if (v > MaxDuration) throw invalid();
    s = s.slice(intDigits.length);
    let fraction = '';
    let post = false;
    if (s[0] === '.') {
      fraction = /^[0-9]*/.exec(s.slice(1))![0];
      post = fraction !== '';
      s = s.slice(1 + fraction.length);
    }
    if (intDigits === '' && !post) throw invalid();
    const unitText = /^[^.0-9]*/.exec(s)![0];
    if (unitText === '') throw new Error(`time: missing unit in duration ${goQuote(orig)}`);
    s = s.slice(unitText.length);
    const unit = Units[unitText];
    if (unit === undefined) throw new Error(`time: unknown unit ${goQuote(unitText)} in duration ${goQuote(orig)}`);
    if (v > MaxDuration / unit) throw invalid();
    v *= unit;
    if (fraction !== '') {
      // Go scales the fraction in float64: f * (unit / 10^digits), truncated.
      const digits = fraction.slice(0, 18);
      const f = Number(digits);
      v += BigInt(Math.trunc(f * (Number(unit) / 10 ** digits.length)));
      if (v > MaxDuration) throw invalid();
    }
    total += v;
    if (total > MaxDuration) throw invalid();
  }
  if (!neg && total > MaxDuration - 1n) throw invalid();
  return neg ? -total : total;
}
