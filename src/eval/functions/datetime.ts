import { strftime } from './strftime.js';
import { NumberType, StringType, objectOf } from '../types.js';
import { Value } from '../value.js';
import { FunctionArgError, FunctionCallError, type FunctionSpec } from './function.js';
import {
  DayNames,
  MonthNames,
  RFC3339,
  addDuration,
  civil,
  formatGo,
  isoWeek,
  nowUTC,
  parseDuration,
  parseGoRFC3339,
  parseTimestamp,
  type GoTime,
} from './gotime.js';
import { formatDate } from './formatdate.js';
import { WHOLE_NUMBER_ERROR, goInt, goQuote } from './gocty.js';

/*
 * Date and time functions: cty's formatdate and timeadd, Packer's timestamp,
 * legacy_isotime, legacy_strftime, rfc3339_parse and unix_timestamp_parse.
 */

/** Packer captures one instant at startup for the legacy functions, so every call in a run agrees. */
const initTime: GoTime = nowUTC();

const str = (name: string) => ({ name, type: StringType });
const staticString = () => StringType;

function timestampArg(ts: string, argIndex: number | undefined): GoTime {
  const t = parseTimestamp(ts);
  if (typeof t !== 'string') return t;
  throw argIndex === undefined ? new FunctionCallError(t) : new FunctionArgError(argIndex, t);
}

const legacyFormat = (name: string, format: (t: GoTime, layout: string) => string): FunctionSpec => ({
  description: `${name}: formats the time Packer started at (UTC).`,
  params: [],
  varParam: str('format'),
  returnType: staticString,
  impl: (args) => {
    if (args.length > 1) {
      // Go's %v of the cty.Value arguments, as Packer prints them.
      const shown = args.map((a) => `{{{{} 83}} ${a.asString()}}`).join(' ');
      throw new FunctionCallError(`too many values, 1 needed: [${shown}]`);
    }
    if (args.length === 0) return Value.string(formatGo(initTime, RFC3339));
    return Value.string(format(initTime, args[0]!.asString()));
  },
});

function dateParts(t: GoTime): Record<string, Value> {
  const c = civil(t);
  const [isoYear, isoWeekNum] = isoWeek(t);
  return {
    year: Value.number(c.year),
    year_day: Value.number(c.yearDay),
    day: Value.number(c.day),
    month: Value.number(c.month),
    month_name: Value.string(MonthNames[c.month - 1]!),
    weekday: Value.number(c.weekday),
    weekday_name: Value.string(DayNames[c.weekday]!),
    hour: Value.number(c.hour),
    minute: Value.number(c.minute),
    second: Value.number(c.second),
    iso_year: Value.number(isoYear),
    iso_week: Value.number(isoWeekNum),
  };
}

const partTypes = {
  year: NumberType,
  year_day: NumberType,
  day: NumberType,
  month: NumberType,
  month_name: StringType,
  weekday: NumberType,
  weekday_name: StringType,
  hour: NumberType,
  minute: NumberType,
  second: NumberType,
  iso_year: NumberType,
  iso_week: NumberType,
};
const Rfc3339ParseType = objectOf({ ...partTypes, unix: NumberType });
const UnixParseType = objectOf({ ...partTypes, rfc3339: StringType });

export const datetimeFunctions: Record<string, FunctionSpec> = {
  formatdate: {
    description:
      'Formats a timestamp given in RFC 3339 syntax into another timestamp in some other machine-oriented time syntax, as described in the format string.',
    params: [str('format'), str('time')],
    returnType: staticString,
    impl: (args) => {
      const t = timestampArg(args[1]!.asString(), 1);
      return Value.string(formatDate(args[0]!.asString(), t));
    },
  },
  timeadd: {
    description:
      'Adds the duration represented by the given duration string to the given RFC 3339 timestamp string, returning another RFC 3339 timestamp.',
    params: [str('timestamp'), str('duration')],
    returnType: staticString,
    impl: (args) => {
      const t = timestampArg(args[0]!.asString(), undefined);
      let ns: bigint;
      try {
        ns = parseDuration(args[1]!.asString());
      } catch (e) {
        throw new FunctionCallError((e as Error).message);
      }
      return Value.string(formatGo(addDuration(t, ns), RFC3339));
    },
  },
  timestamp: {
    description: 'Returns the current date and time in RFC 3339 format, in UTC.',
    params: [],
    returnType: staticString,
    impl: () => Value.string(formatGo(nowUTC(), RFC3339)),
  },
  legacy_isotime: legacyFormat('legacy_isotime', formatGo),
  legacy_strftime: legacyFormat('legacy_strftime', (t, layout) => strftime(layout, t)),
  rfc3339_parse: {
    description: 'Parses an RFC 3339 timestamp into an object of its date and time parts.',
    params: [str('timestamp')],
    returnType: () => Rfc3339ParseType,
    impl: (args) => {
      const ts = args[0]!.asString();
      const parsed = [parseGoRFC3339(ts, 'T'), parseGoRFC3339(ts, ' ')].find((p) => 'time' in p);
      if (!parsed || !('time' in parsed)) {
        throw new FunctionArgError(0, `${goQuote(ts)} is not a valid RFC3339 timestamp`);
      }
      return Value.object({ ...dateParts(parsed.time), unix: Value.number(parsed.time.sec) });
    },
  },
  unix_timestamp_parse: {
    description: 'Parses a Unix timestamp (seconds) into an object of its UTC date and time parts.',
    params: [{ name: 'unix_timestamp', type: NumberType }],
    returnType: () => UnixParseType,
    impl: (args) => {
      const sec = goInt(args[0]!.asNumber());
      if (sec === undefined) {
        throw new FunctionArgError(
          0,
          `unix_timestamp must be a whole number of seconds representable as a 64-bit integer: ${WHOLE_NUMBER_ERROR}`,
        );
      }
      const t: GoTime = { sec, nsec: 0, offset: 0, zone: 'UTC' };
      return Value.object({ ...dateParts(t), rfc3339: Value.string(formatGo(t, RFC3339)) });
    },
  },
};
