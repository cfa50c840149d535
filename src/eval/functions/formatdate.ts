import { FunctionArgError } from './function.js';
import { goQuote } from './gocty.js';
import { DayNames, MonthNames, civil, formatGo, type GoTime } from './gotime.js';

/*
 * cty's formatdate format language: runs of one letter are verbs ("YYYY",
 * "MMM", "hh"), text in single quotes is literal ('' is a quote), anything
 * else is copied. Errors blame the format argument (index 0).
 */

const isLetter = (c: string): boolean => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');

/** cty's splitDateFormat: verbs, quoted literals and other text. */
function tokens(format: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < format.length) {
    const c = format[i]!;
    let end: number;
    if (c === "'") {
      if (format[i + 1] === "'") end = i + 2;
      else {
        end = format.length;
        for (let j = i + 1; j < format.length; j++) {
          if (format[j] !== "'") continue;
          if (format[j + 1] === "'") {
            j++; // doubled quote inside a literal
            continue;
          }
          end = j + 1;
          break;
        }
      }
    } else if (isLetter(c)) {
      end = i + 1;
      while (format[end] === c) end++;
    } else {
      end = i + 1;
      while (end < format.length && format[end] !== "'" && !isLetter(format[end]!)) end++;
    }
    out.push(format.slice(i, end));
    i = end;
  }
  return out;
}

const two = (n: number): string => String(n).padStart(2, '0');

function verbError(tok: string, detail?: string): FunctionArgError {
  return new FunctionArgError(0, `invalid date format verb ${goQuote(tok)}${detail ? `: ${detail}` : ''}`);
}

function formatVerb(tok: string, t: GoTime): string {
  const c = civil(t);
  const n = tok.length;
  const oneOrTwo = (v: number, what: string, one: string): string => {
    if (n === 1) return String(v);
    if (n === 2) return two(v);
    throw verbError(tok, `${what} must either be "${one}" or "${one}${one}"`);
  };
  switch (tok[0]) {
    case 'Y':
      if (n === 2) return two(((c.year % 100) + 100) % 100);
      if (n === 4) return String(c.year).padStart(4, '0');
      throw verbError(tok, 'year must either be "YY" or "YYYY"');
    case 'M':
      if (n === 3) return MonthNames[c.month - 1]!.slice(0, 3);
      if (n === 4) return MonthNames[c.month - 1]!;
      if (n > 4) throw verbError(tok, 'month must be "M", "MM", "MMM", or "MMMM"');
      return oneOrTwo(c.month, 'month', 'M');
    case 'D':
      return oneOrTwo(c.day, 'day of month', 'D');
    case 'E':
      if (n === 3) return DayNames[c.weekday]!.slice(0, 3);
      if (n === 4) return DayNames[c.weekday]!;
      throw verbError(tok, 'day of week must either be "EEE" or "EEEE"');
    case 'h':
      return oneOrTwo(c.hour, '24-hour', 'h');
    case 'H':
      return oneOrTwo(c.hour % 12 === 0 ? 12 : c.hour % 12, '12-hour', 'H');
    case 'A':
    case 'a': {
      if (n !== 2) throw verbError(tok, `must be "${tok[0]}${tok[0]}"`);
      const pm = c.hour >= 12 ? 'PM' : 'AM';
      return tok[0] === 'A' ? pm : pm.toLowerCase();
    }
    case 'm':
      return oneOrTwo(c.minute, 'minute', 'm');
    case 's':
      return oneOrTwo(c.second, 'second', 's');
    case 'Z':
      if (n === 1) return formatGo(t, 'Z07:00');
      if (n === 3) {
        const z = formatGo(t, '-0700');
        return z === '+0000' ? 'UTC' : z;
      }
      if (n === 4) return formatGo(t, '-0700');
      if (n === 5) return formatGo(t, '-07:00');
      throw verbError(tok, 'timezone must be Z, ZZZZ, or ZZZZZ');
    default:
      throw verbError(tok);
  }
}

/** Formats t per a formatdate spec; throws FunctionArgError(0) for a bad spec. */
export function formatDate(format: string, t: GoTime): string {
  let out = '';
  for (const tok of tokens(format)) {
    if (tok[0] === "'") {
      if (tok.length === 1 || !tok.endsWith("'")) throw new FunctionArgError(0, "unterminated literal '");
      if (tok.length === 2) out += "'";
      else out += tok.slice(1, -1).replace(/''/g, "'");
    } else if (isLetter(tok[0]!)) out += formatVerb(tok, t);
    else out += tok;
  }
  return out;
}
