import { convert } from '../convert.js';
import { BoolType, NumberType, StringType, type Type } from '../types.js';
import type { Value } from '../value.js';
import { FunctionArgError, FunctionCallError } from './function.js';
import { jsonString, marshalJSON } from './format-json.js';
import { floatText, formatFloat, formatInteger, type NumberVerb } from './go-number-format.js';
import { goQuote, goQuoteRune } from './gocty.js';
import { graphemeCount, graphemes } from './graphemes.js';

/*
 * The format specification language of cty's format.go / format_fsm.rl:
 * %[flags][width][.precision][[argument index]]verb. Offsets in messages are
 * UTF-8 byte offsets into the specification, as cty reports them.
 */

interface Verb extends NumberVerb {
  /** One-based argument number. */
  argNum: number;
  /** The verb as written, e.g. "%-5.2[2]f". */
  raw: string;
  /** Byte offset of the verb's "%". */
  offset: number;
}

const FLAGS = '0#-+ ';

/** Formats `args` by the specification; errors carry cty's wording. */
export function formatValues(spec: string, args: readonly Value[]): string {
  const chars = [...spec];
  const offsets: number[] = [0];
  for (const ch of chars) offsets.push(offsets[offsets.length - 1]! + Buffer.byteLength(ch));
  const unexpected = (i: number): FunctionCallError =>
    i >= chars.length
      ? new FunctionCallError(`invalid format string starting at offset ${offsets[chars.length]}`)
      : new FunctionCallError(`unrecognized format character ${goQuoteRune(chars[i]!)} at offset ${offsets[i]}`);
  const isDigit = (i: number, from = '0'): boolean => i < chars.length && chars[i]! >= from && chars[i]! <= '9';
  const readNumber = (start: number): [number, number] => {
    let value = 0;
    let i = start;
    for (; isDigit(i); i++) value = value * 10 + Number(chars[i]);
    return [value, i];
  };

  let out = '';
  let nextArg = 1;
  let highestArg = 0;
  for (let i = 0; i < chars.length;) {
    if (chars[i] !== '%') {
      out += chars[i++];
      continue;
    }
    if (chars[i + 1] === '%') {
      out += '%';
      i += 2;
      continue;
    }
    const start = i++;
    const flags = new Set<string>();
    for (; i < chars.length && FLAGS.includes(chars[i]!); i++) flags.add(chars[i]!);
    let width = -1;
    if (isDigit(i, '1')) [width, i] = readNumber(i);
    let prec = -1;
    if (chars[i] === '.') [prec, i] = readNumber(i + 1);
    let argNum = nextArg;
    if (chars[i] === '[') {
      if (!isDigit(i + 1, '1')) throw unexpected(i + 1);
      [argNum, i] = readNumber(i + 1);
      if (chars[i] !== ']') throw unexpected(i);
      i++;
    }
    if (i >= chars.length || !/^[a-zA-Z]$/.test(chars[i]!)) throw unexpected(i);
    const verb: Verb = {
      mode: chars[i]!,
      width,
      prec,
      plus: flags.has('+'),
      space: flags.has(' '),
      zero: flags.has('0'),
      minus: flags.has('-'),
      sharp: flags.has('#'),
      argNum,
      raw: chars.slice(start, i + 1).join(''),
      offset: offsets[start]!,
    };
    i++;
    highestArg = Math.max(highestArg, argNum);
    out += formatVerb(verb, args);
    nextArg = argNum + 1;
  }

  if (highestArg < args.length) {
    // Extraneous arguments are an error, to catch mistakes.
    const message =
      highestArg === 0
        ? 'too many arguments; no verbs in format string'
        : `too many arguments; only ${highestArg} used by format string`;
    throw new FunctionArgError(highestArg + 1, message);
  }
  return out;
}

function formatVerb(verb: Verb, args: readonly Value[]): string {
  const arg = args[verb.argNum - 1];
  const where = `${goQuote(verb.raw)} at ${verb.offset}`;
  if (!arg) {
    throw new FunctionCallError(
      `not enough arguments for ${where}: need index ${verb.argNum} but have ${args.length} total`,
    );
  }
  if (verb.mode !== 'v' && arg.isNull()) {
    throw new FunctionCallError(`unsupported value for ${where}: null value cannot be formatted`);
  }
  const converted = (type: Type): Value => {
    try {
      return convert(arg, type);
    } catch (e) {
      throw new FunctionCallError(`unsupported value for ${where}: ${(e as Error).message}`);
    }
  };
  switch (verb.mode) {
    case 'v':
      return formatAsIs(verb, arg, where);
    case 't':
      return converted(BoolType).asBool() ? 'true' : 'false';
    case 'b':
    case 'd':
    case 'o':
    case 'x':
    case 'X': {
      const n = converted(NumberType).asNumber();
      if (!n.isFinite() || !n.isInteger())
        throw new FunctionCallError(`unsupported value for ${where}: an integer is required`);
      return formatInteger(BigInt(n.toFixed()), verb);
    }
    case 'e':
    case 'E':
    case 'f':
    case 'g':
    case 'G':
      return formatFloat(converted(NumberType).asNumber(), verb);
    case 's':
    case 'q': {
      let s = converted(StringType).asString();
      if (verb.prec > 0) s = graphemes(s).slice(0, verb.prec).join('');
      return padWidth(verb, verb.mode === 'q' ? jsonString(s) : s);
    }
    default:
      throw new FunctionCallError(
        `unsupported format verb ${goQuoteRune(verb.mode)} in ${goQuote(verb.raw)} at offset ${verb.offset}`,
      );
  }
}

/** %v: strings and numbers directly, anything else (and %#v) as JSON. */
function formatAsIs(verb: Verb, arg: Value, where: string): string {
  if (!verb.sharp && !arg.isNull()) {
    if (arg.type.kind === 'string') return padWidth(verb, arg.asString());
    if (arg.type.kind === 'number') return padWidth(verb, floatText(arg.asNumber(), 'g', -1));
  }
  try {
    return padWidth(verb, marshalJSON(arg));
  } catch (e) {
    throw new FunctionCallError(`unsupported value for ${where}: ${(e as Error).message}`);
  }
}

/** Width in grapheme clusters; "0" pads with zeros, "-" pads on the right. */
function padWidth(verb: Verb, s: string): string {
  const missing = verb.width - graphemeCount(s);
  if (verb.width < 0 || missing <= 0) return s;
  const pad = (verb.zero ? '0' : ' ').repeat(missing);
  return verb.minus ? s + pad : pad + s;
}
