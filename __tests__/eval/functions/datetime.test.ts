import { describe, expect, test } from 'vitest';
import { datetimeFunctions } from '../../../src/eval/functions/datetime.js';
import { StringType } from '../../../src/eval/types.js';
import { Value } from '../../../src/eval/value.js';
import { callFailed, evaluator, invalidArg } from './packer-eval.js';

const { str, errorOf, expectValue, value } = evaluator(datetimeFunctions);
const T = '"2018-01-02T23:12:01Z"';
const TPST = '"2018-01-02T23:12:01-08:00"';

describe('formatdate', () => {
  test.each([
    // Packer's documentation examples.
    ['"DD MMM YYYY hh:mm ZZZ"', T, '02 Jan 2018 23:12 UTC'],
    ['"EEEE, DD-MMM-YY hh:mm:ss ZZZ"', T, 'Tuesday, 02-Jan-18 23:12:01 UTC'],
    ['"EEE, DD MMM YYYY hh:mm:ss ZZZ"', TPST, 'Tue, 02 Jan 2018 23:12:01 -0800'],
    ['"MMM DD, YYYY"', T, 'Jan 02, 2018'],
    ['"HH:mmaa"', T, '11:12pm'],
    [`"h'h'mm"`, TPST, '23h12'],
    [`"H 'o''clock'"`, TPST, "11 o'clock"],
    // Every verb.
    ['"Z ZZZZ ZZZZZ M D h H m s AA aa"', '"2018-03-04T05:06:07+05:30"', '+05:30 +0530 +05:30 3 4 5 5 6 7 AM am'],
    ['"Z ZZZ"', '"2018-03-04T05:06:07+00:00"', 'Z UTC'],
    ['"MMMM MM YY"', '"2009-11-10T00:00:00Z"', 'November 11 09'],
    ['"H HH"', '"2009-11-10T00:00:00Z"', '12 12'],
    ['"HH AA"', '"2009-11-10T12:30:00Z"', '12 PM'],
    ['"YYYY"', '"0099-01-01T00:00:00Z"', '0099'],
    ['"\'\'"', T, "'"],
    ['"[YYYY]"', T, '[2018]'],
    ['"D.M"', '"2018-01-02T23:12:01.999999Z"', '2.1'],
    ['"YYYY-MM-DD\'T\'hh:mm:ssZ"', '"2022-03-01T00:23:45+00:00"', '2022-03-01T00:23:45Z'],
    ['"YYYY-MM-DD\'T\'hh:mm:ssZ"', '"2022-03-01T00:23:45-01:00"', '2022-03-01T00:23:45-01:00'],
    ['"EEEE, DD-MMM-YY hh:mm:ss ZZZ"', '"2022-03-01T00:23:45+01:00"', 'Tuesday, 01-Mar-22 00:23:45 +0100'],
    ['"EEEE, DD-MMM-YY hh:mm:ss ZZZ"', '"1900-01-01T00:00:00Z"', 'Monday, 01-Jan-00 00:00:00 UTC'],
  ])('formatdate(%s, %s) = %j', (format, time, want) => {
    expect(str(`formatdate(${format}, ${time})`)).toBe(want);
  });

  test.each([
    ['YYY', 'invalid date format verb "YYY": year must either be "YY" or "YYYY"'],
    ['MMMMM', 'invalid date format verb "MMMMM": month must be "M", "MM", "MMM", or "MMMM"'],
    ['DDD', 'invalid date format verb "DDD": day of month must either be "D" or "DD"'],
    ['EE', 'invalid date format verb "EE": day of week must either be "EEE" or "EEEE"'],
    ['hhh', 'invalid date format verb "hhh": 24-hour must either be "h" or "hh"'],
    ['HHH', 'invalid date format verb "HHH": 12-hour must either be "H" or "HH"'],
    ['A', 'invalid date format verb "A": must be "AA"'],
    ['aaa', 'invalid date format verb "aaa": must be "aa"'],
    ['mmm', 'invalid date format verb "mmm": minute must either be "m" or "mm"'],
    ['sss', 'invalid date format verb "sss": second must either be "s" or "ss"'],
    ['ZZ', 'invalid date format verb "ZZ": timezone must be Z, ZZZZ, or ZZZZZ'],
    ['X', 'invalid date format verb "X"'],
    ["'abc", "unterminated literal '"],
    ["'", "unterminated literal '"],
  ])('format %j fails', (format, message) => {
    expect(errorOf(`formatdate("${format}", ${T})`)).toBe(invalidArg('format', message));
  });

  test.each([
    ['2018-01-02', "missing required time introducer 'T'"],
    ['2018-01-02 10:00:00Z', "missing required time introducer 'T'"],
    ['2018-13-02T10:00:00Z', 'cannot use "-02T10:00:00Z" as month'],
    ['2018-02-30T10:00:00Z', 'day out of range'],
    ['2018-01-02T24:00:00Z', 'hour must be between 0 and 23 inclusive'],
    ['2018-01-02T1:00:00Z', 'hour must have exactly two digits'],
    ['2018-01-02T10:60:00Z', 'minute must have exactly two digits'],
    ['2018-01-02T10:00:60Z', 'cannot use "Z" as second'],
    ['2018-01-02T10:00:00', 'end of string before UTC offset'],
    ['2018-01-02T10:00:00Zabc', 'cannot use "abc" as timestamp segment'],
    ['2018-01-02T10:00:00,5Z', 'cannot use "," as timestamp segment'],
    ['2018-01-02T10:00:00+24:00', 'cannot use "+24:00" as UTC offset'],
    ['2018-01-02T10:00:00+25:00', 'end of string before UTC offset'],
    ['18-01-02T10:00:00Z', 'cannot use "18-01-02T10:00:00Z" as year'],
    ['2018/01/02T10:00:00Z', 'found "/01/02T10:00:00Z" where "-" is expected'],
    ['2018-01', 'end of string where "-" is expected'],
    ['', 'end of string before year'],
    // cty's own test cases.
    ['2017-12-02t00:00:00Z', "missing required time introducer 'T'"],
    ['2017:01:02', 'found ":01:02" where "-" is expected'],
    ['2017', 'end of string where "-" is expected'],
    ['2017-01-02T', 'end of string before hour'],
    ['2017-01-02T00', 'end of string where ":" is expected'],
    ['2017-01-02T26:00:00Z', 'hour must be between 0 and 23 inclusive'],
    ['2-12-02T00:00:00Z', 'cannot use "2-12-02T00:00:00Z" as year'],
    ['2000-01-01T01:1:34Z', 'minute must have exactly two digits'],
    ['2000-01-01T01:01:1Z', 'cannot use "1Z" as second'],
    ['2000-01-01T00:00:00+00:60', 'cannot use "+00:60" as UTC offset'],
  ])('timestamp %j fails', (time, message) => {
    expect(errorOf(`formatdate("DD", "${time}")`)).toBe(
      invalidArg('time', `not a valid RFC3339 timestamp: ${message}`),
    );
  });
});

describe('timeadd', () => {
  test.each([
    ['2017-11-22T00:00:00Z', '10m', '2017-11-22T00:10:00Z'], // documentation example
    ['2017-11-22T00:00:00Z', '-10s', '2017-11-21T23:59:50Z'],
    ['2017-11-22T00:00:00Z', '1h30m', '2017-11-22T01:30:00Z'],
    ['2017-11-22T00:00:00Z', '1.5h', '2017-11-22T01:30:00Z'],
    ['2017-11-22T00:00:00Z', '+24h', '2017-11-23T00:00:00Z'],
    ['2017-11-22T00:00:00Z', '0', '2017-11-22T00:00:00Z'],
    ['2017-11-22T00:00:00.5-08:00', '1h30m', '2017-11-22T01:30:00-08:00'],
    ['2017-11-22T00:00:00.5Z', '500ms', '2017-11-22T00:00:01Z'],
    ['2017-11-22T00:00:00Z', '1500us', '2017-11-22T00:00:00Z'],
    ['2017-11-22T00:00:00Z', '1.5µs', '2017-11-22T00:00:00Z'],
    ['2017-11-22T00:00:00Z', '2000000μs', '2017-11-22T00:00:02Z'],
    ['2017-11-22T00:00:00Z', '3000000000ns', '2017-11-22T00:00:03Z'],
    ['2016-02-28T23:00:00Z', '2h', '2016-02-29T01:00:00Z'],
    ['2000-01-01T00:00:00Z', '-1s', '1999-12-31T23:59:59Z'],
  ])('timeadd(%j, %j) = %j', (ts, duration, want) => {
    expect(str(`timeadd("${ts}", "${duration}")`)).toBe(want);
  });

  test.each([
    ['1', 'time: missing unit in duration "1"'],
    ['1x', 'time: unknown unit "x" in duration "1x"'],
    ['', 'time: invalid duration ""'],
    ['-', 'time: invalid duration "-"'],
    ['.h', 'time: invalid duration ".h"'],
    ['h', 'time: invalid duration "h"'],
    ['9223372036854775808ns', 'time: invalid duration "9223372036854775808ns"'],
    ['3000000h', 'time: invalid duration "3000000h"'],
  ])('duration %j fails', (duration, message) => {
    expect(errorOf(`timeadd("2017-11-22T00:00:00Z", "${duration}")`)).toBe(callFailed('timeadd', message));
  });

  test('a bad timestamp fails the call, not an argument', () => {
    expect(errorOf('timeadd("2017-11-22", "1h")')).toBe(
      callFailed('timeadd', "not a valid RFC3339 timestamp: missing required time introducer 'T'"),
    );
  });
});

describe('timestamp', () => {
  test('is the current time in RFC 3339, UTC, to the second', () => {
    const before = Math.floor(Date.now() / 1000) * 1000;
    const got = str('timestamp()');
    expect(got).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    const at = Date.parse(got);
    expect(at).toBeGreaterThanOrEqual(before);
    expect(at).toBeLessThanOrEqual(Date.now());
  });
});

describe('legacy_isotime and legacy_strftime', () => {
  // Both format the instant Packer started; compare against formatdate of that instant.
  const start = str('legacy_isotime()');

  test('without a format they give the start time in RFC 3339', () => {
    expect(start).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(str('legacy_strftime()')).toBe(start);
    expect(str('legacy_isotime()')).toBe(start); // the same instant on every call
  });

  test('legacy_isotime formats with Go layouts', () => {
    const want = str(`formatdate("YYYY-MM-DD EEE MMM D hh:mm:ss ZZZ", "${start}")`);
    const got = str('legacy_isotime("2006-01-02 Mon Jan 2 15:04:05 MST")');
    expect(got).toBe(want);
    expect(str('legacy_isotime("-0700 Z07:00 Z0700 -07 06")')).toBe(`+0000 Z Z +00 ${start.slice(2, 4)}`);
    expect(str('legacy_isotime("3 03 PM pm _2 __2 002")')).toMatch(
      /^\d{1,2} \d\d [AP]M [ap]m [ 0-9]\d [ 0-9]{2}\d \d{3}$/,
    );
    expect(str('legacy_isotime("Monday January")')).toBe(str(`formatdate("EEEE MMMM", "${start}")`));
    expect(str('legacy_isotime(".000 .999999999 ,000")')).toMatch(/^\.\d{3}( \.\d{1,9}| ) ,\d{3}$/);
    expect(str('legacy_isotime("no verbs here")')).toBe('no verbs here');
  });

  test('legacy_strftime formats with strftime directives', () => {
    expect(str('legacy_strftime("%Y-%m")')).toBe(start.slice(0, 7));
    expect(str('legacy_strftime("%Y-%m-%dT%H:%M:%SZ")')).toBe(start);
    expect(str('legacy_strftime("%y %Z %z %%")')).toBe(`${start.slice(2, 4)} UTC +0000 %`);
    expect(str('legacy_strftime("%A %a %B %b %p %I")')).toBe(str(`formatdate("EEEE EEE MMMM MMM AA HH", "${start}")`));
    expect(str('legacy_strftime("%q %")')).toBe('%q %');
    expect(str('legacy_strftime("%L")')).toMatch(/^\.\d{3}$/);
  });

  test('more than one format is an error', () => {
    expect(errorOf('legacy_isotime("a", "b")')).toBe(
      callFailed('legacy_isotime', 'too many values, 1 needed: [{{{{} 83}} a} {{{{} 83}} b}]'),
    );
  });
});

const parts = (fields: Record<string, number | string>): Value =>
  Value.object(
    Object.fromEntries(
      Object.entries(fields).map(([k, v]) => [k, typeof v === 'string' ? Value.string(v) : Value.number(v)]),
    ),
  );

describe('rfc3339_parse', () => {
  test.each([
    [
      '2023-07-25T23:43:16Z',
      { year: 2023, year_day: 206, day: 25, month: 7, month_name: 'July', weekday: 2, weekday_name: 'Tuesday' },
      { hour: 23, minute: 43, second: 16, unix: 1690328596, iso_year: 2023, iso_week: 30 },
    ],
    [
      '2023-07-25 23:43:16.5-02:00',
      { year: 2023, year_day: 206, day: 25, month: 7, month_name: 'July', weekday: 2, weekday_name: 'Tuesday' },
      { hour: 23, minute: 43, second: 16, unix: 1690335796, iso_year: 2023, iso_week: 30 },
    ],
    [
      '2021-01-03T00:00:00Z', // a Sunday in ISO week 53 of 2020
      { year: 2021, year_day: 3, day: 3, month: 1, month_name: 'January', weekday: 0, weekday_name: 'Sunday' },
      { hour: 0, minute: 0, second: 0, unix: 1609632000, iso_year: 2020, iso_week: 53 },
    ],
  ])('rfc3339_parse(%j)', (ts, date, time) => {
    expectValue(`rfc3339_parse("${ts}")`, parts({ ...date, ...time }));
  });

  test('rejects what is not RFC 3339', () => {
    expect(errorOf('rfc3339_parse("2023-07-25")')).toBe(
      invalidArg('timestamp', '"2023-07-25" is not a valid RFC3339 timestamp'),
    );
  });
});

describe('unix_timestamp_parse', () => {
  test.each([
    [
      1690328596,
      { year: 2023, year_day: 206, day: 25, month: 7, month_name: 'July', weekday: 2, weekday_name: 'Tuesday' },
      { hour: 23, minute: 43, second: 16, rfc3339: '2023-07-25T23:43:16Z', iso_year: 2023, iso_week: 30 },
    ],
    [
      -1,
      { year: 1969, year_day: 365, day: 31, month: 12, month_name: 'December', weekday: 3, weekday_name: 'Wednesday' },
      { hour: 23, minute: 59, second: 59, rfc3339: '1969-12-31T23:59:59Z', iso_year: 1970, iso_week: 1 },
    ],
  ])('unix_timestamp_parse(%j)', (ts, date, time) => {
    expectValue(`unix_timestamp_parse(${ts})`, parts({ ...date, ...time }));
  });

  test('rejects fractions', () => {
    expect(errorOf('unix_timestamp_parse(1.5)')).toBe(
      invalidArg(
        'unix_timestamp',
        'unix_timestamp must be a whole number of seconds representable as a 64-bit integer: value must be a whole number, between -9223372036854775808 and 9223372036854775807',
      ),
    );
  });
});

describe('unknown and marked arguments', () => {
  test('an unknown timestamp gives an unknown string', () => {
    expectValue('formatdate("YYYY", v.us)', Value.unknown(StringType));
    expectValue('timeadd(v.us, "1h")', Value.unknown(StringType));
  });

  test('timestamp() returns a known string', () => {
    expect(value('timestamp()').isKnown()).toBe(true);
  });
});
