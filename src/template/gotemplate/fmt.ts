import { goQuote, goQuoteRune } from '../../eval/functions/gocty.js';
import { formatFloat64 } from './float-format.js';
import { GoComplex, GoStruct, type GoMap, type GoValue, fromJS, mapGet, mapKeys, typeName } from './values.js';

/*
 * Go's fmt over template values: Sprint, Sprintln and Sprintf with the verbs,
 * flags, widths and precisions templates use, and fmt's in-band errors
 * ("%!d(string=x)", "%!v(MISSING)", "%!(EXTRA int=1)"). Argument indexes
 * ("%[2]d") are not supported.
 */

interface Flags {
  sharp: boolean;
  zero: boolean;
  plus: boolean;
  minus: boolean;
  space: boolean;
  plusV: boolean;
  sharpV: boolean;
  wid: number | undefined;
  prec: number | undefined;
}

const noFlags = (): Flags => ({
  sharp: false,
  zero: false,
  plus: false,
  minus: false,
  space: false,
  plusV: false,
  sharpV: false,
  wid: undefined,
  prec: undefined,
});

const runeCount = (s: string): number => [...s].length;

function pad(f: Flags, s: string): string {
  if (f.wid === undefined || f.wid === 0) return s;
  const width = f.wid - runeCount(s);
  if (width <= 0) return s;
  if (f.minus) return s + ' '.repeat(width);
  return (f.zero ? '0' : ' ').repeat(width) + s;
}

function fmtInteger(f: Flags, value: bigint, base: number, verb: string): string {
  const negative = value < 0n;
  let digits = (negative ? -value : value).toString(base);
  if (verb === 'X') digits = digits.toUpperCase();
  let prec = 0;
  if (f.prec !== undefined) {
    prec = f.prec;
    if (prec === 0 && value === 0n) return pad({ ...f, zero: false }, '');
  } else if (f.zero && f.wid !== undefined) {
    prec = f.wid;
    if (negative || f.plus || f.space) prec--;
  }
  digits = digits.padStart(prec, '0');
  if (f.sharp) {
    if (base === 2) digits = '0b' + digits;
    else if (base === 8 && !digits.startsWith('0')) digits = '0' + digits;
    else if (base === 16) digits = (verb === 'X' ? '0X' : '0x') + digits;
  }
  if (verb === 'O') digits = '0o' + digits;
  const sign = negative ? '-' : f.plus ? '+' : f.space ? ' ' : '';
  return pad({ ...f, zero: false }, sign + digits);
}

/** The # flag: always a decimal point; %g keeps trailing zeros up to its precision. */
function sharpFloat(num: string, prec: number): string {
  let digits = prec === -1 ? 6 : prec;
  const e = num.search(/[eE]/);
  const tail = e < 0 ? '' : num.slice(e);
  let body = e < 0 ? num : num.slice(0, e);
  let sawNonzero = false;
  for (const c of body.slice(1)) {
    if (c === '.') continue;
    if (c !== '0') sawNonzero = true;
    if (sawNonzero) digits--;
  }
  if (!body.includes('.')) {
    if (body.length === 2 && body[1] === '0') digits--;
    body += '.';
  }
  return body + '0'.repeat(Math.max(digits, 0)) + tail;
}

function fmtFloat(f: Flags, v: number, verb: 'e' | 'E' | 'f' | 'g' | 'G', defaultPrec: number): string {
  let num = formatFloat64(v, verb, f.prec ?? defaultPrec);
  if (!num.startsWith('-') && !num.startsWith('+')) num = '+' + num;
  if (f.space && num[0] === '+' && !f.plus) num = ' ' + num.slice(1);
  if (num[1] === 'I' || num[1] === 'N') {
    if (num[1] === 'N' && !f.space && !f.plus) num = num.slice(1);
    return pad({ ...f, zero: false }, num);
  }
  if (f.sharp) num = sharpFloat(num, verb === 'g' || verb === 'G' ? (f.prec ?? defaultPrec) : 0);
  if (f.plus || num[0] !== '+') {
    if (f.zero && f.wid !== undefined && f.wid > num.length) {
      return num[0] + '0'.repeat(f.wid - num.length) + num.slice(1);
    }
    return pad(f, num);
  }
  return pad(f, num.slice(1));
}

function fmtString(f: Flags, s: string, verb: string): string | undefined {
  if (f.prec !== undefined) s = [...s].slice(0, f.prec).join('');
  switch (verb) {
    case 'v':
    case 's':
      return pad(f, s);
    case 'q':
      return pad(f, f.sharp && !s.includes('`') ? `\`${s}\`` : goQuote(s));
    case 'x':
    case 'X': {
      let hex = Buffer.from(s, 'utf8').toString('hex');
      if (verb === 'X') hex = hex.toUpperCase();
      return pad(f, hex);
    }
  }
  return undefined;
}

function fmtInt(f: Flags, v: bigint, verb: string): string | undefined {
  switch (verb) {
    case 'v':
    case 'd':
      return fmtInteger(f, v, 10, verb);
    case 'b':
      return fmtInteger(f, v, 2, verb);
    case 'o':
    case 'O':
      return fmtInteger(f, v, 8, verb);
    case 'x':
    case 'X':
      return fmtInteger(f, v, 16, verb);
    case 'c':
      return pad(f, String.fromCodePoint(validRune(v)));
    case 'q':
      return pad(f, goQuoteRune(String.fromCodePoint(validRune(v))));
    case 'U': {
      const code = `U+${v.toString(16).toUpperCase().padStart(4, '0')}`;
      return pad(f, f.sharp ? `${code} '${String.fromCodePoint(validRune(v))}'` : code);
    }
  }
  return undefined;
}

const validRune = (v: bigint): number =>
  v >= 0n && v <= 0x10ffffn && !(v >= 0xd800n && v <= 0xdfffn) ? Number(v) : 0xfffd;

function fmtFloatVerb(f: Flags, v: number, verb: string): string | undefined {
  switch (verb) {
    case 'v':
      return fmtFloat(f, v, 'g', -1);
    case 'g':
    case 'G':
      return fmtFloat(f, v, verb, -1);
    case 'e':
    case 'E':
    case 'f':
      return fmtFloat(f, v, verb, 6);
    case 'F':
      return fmtFloat(f, v, 'f', 6);
  }
  return undefined;
}

class Printer {
  out = '';
  f: Flags = noFlags();

  badVerb(verb: string, arg: GoValue): void {
    this.out += `%!${verb}(`;
    if (arg === undefined || arg === null) this.out += '<nil>';
    else {
      this.out += `${typeName(arg)}=`;
      this.printArg(arg, 'v');
    }
    this.out += ')';
  }

  printArg(arg: GoValue, verb: string, depth = 0): void {
    if (arg === undefined || arg === null) {
      if (verb === 'T' || verb === 'v' || depth > 0) this.out += pad(this.f, '<nil>');
      else this.badVerb(verb, arg);
      return;
    }
    if (verb === 'T') {
      this.out += fmtString(this.f, typeName(arg), 's');
      return;
    }
    let text: string | undefined;
    switch (typeof arg) {
      case 'string':
        text = fmtString(this.f, arg, verb);
        break;
      case 'boolean':
        text = verb === 'v' || verb === 't' ? pad(this.f, String(arg)) : undefined;
        break;
      case 'bigint':
        text = fmtInt(this.f, arg, verb);
        break;
      case 'number':
        text = fmtFloatVerb(this.f, arg, verb);
        break;
      default:
        this.printComposite(arg, verb, depth);
        return;
    }
    if (text === undefined) this.badVerb(verb, arg);
    else this.out += text;
  }

  printComposite(arg: GoValue, verb: string, depth: number): void {
    if (arg instanceof GoComplex) {
      const re = fmtFloatVerb(this.f, arg.re, verb);
      if (re === undefined) return this.badVerb(verb, arg);
      const im = fmtFloatVerb({ ...this.f, plus: true }, arg.im, verb)!;
      this.out += `(${re}${im}i)`;
      return;
    }
    if (arg instanceof GoStruct) {
      this.out += '{';
      Object.entries(arg.fields).forEach(([name, value], i) => {
        if (i > 0) this.out += ' ';
        if (this.f.plusV) this.out += `${name}:`;
        this.printArg(fromJS(value), verb, depth + 1);
      });
      this.out += '}';
      return;
    }
    if (Array.isArray(arg)) {
      this.out += '[';
      arg.forEach((el: unknown, i) => {
        if (i > 0) this.out += ' ';
        this.printArg(fromJS(el), verb, depth + 1);
      });
      this.out += ']';
      return;
    }
    const map = arg as GoMap;
    this.out += 'map[';
    mapKeys(map).forEach((key, i) => {
      if (i > 0) this.out += ' ';
      this.printArg(key, verb, depth + 1);
      this.out += ':';
      this.printArg(mapGet(map, key), verb, depth + 1);
    });
    this.out += ']';
  }
}

const isString = (v: GoValue): boolean => typeof v === 'string';

/** fmt.Sprint: spaces between operands when neither side is a string. */
export function sprint(args: readonly GoValue[]): string {
  const p = new Printer();
  args.forEach((arg, i) => {
    if (i > 0 && !isString(arg) && !isString(args[i - 1])) p.out += ' ';
    p.printArg(arg, 'v');
  });
  return p.out;
}

/** fmt.Sprintln: spaces between all operands and a final newline. */
export function sprintln(args: readonly GoValue[]): string {
  const p = new Printer();
  args.forEach((arg, i) => {
    if (i > 0) p.out += ' ';
    p.printArg(arg, 'v');
  });
  return p.out + '\n';
}

function parseNum(format: string, i: number): [number | undefined, number] {
  let n: number | undefined;
  while (i < format.length && format[i]! >= '0' && format[i]! <= '9') {
    n = (n ?? 0) * 10 + Number(format[i]);
    i++;
  }
  return [n, i];
}

/** fmt.Sprintf. */
export function sprintf(format: string, args: readonly GoValue[]): string {
  const p = new Printer();
  let argNum = 0;
  const intArg = (): number | undefined => {
    const a = args[argNum++];
    return typeof a === 'bigint' ? Number(a) : undefined;
  };
  let i = 0;
  while (i < format.length) {
    const next = format.indexOf('%', i);
    if (next < 0) {
      p.out += format.slice(i);
      break;
    }
    p.out += format.slice(i, next);
    i = next + 1;
    const f = noFlags();
    p.f = f;
    for (; i < format.length; i++) {
      const c = format[i]!;
      if (c === '#') f.sharp = true;
      else if (c === '0') f.zero = !f.minus;
      else if (c === '+') f.plus = true;
      else if (c === '-') {
        f.minus = true;
        f.zero = false;
      } else if (c === ' ') f.space = true;
      else break;
    }
    if (format[i] === '*') {
      i++;
      f.wid = intArg();
      if (f.wid === undefined) p.out += '%!(BADWIDTH)';
      else if (f.wid < 0) {
        f.wid = -f.wid;
        f.minus = true;
        f.zero = false;
      }
    } else {
      [f.wid, i] = parseNum(format, i);
    }
    if (i + 1 < format.length && format[i] === '.') {
      i++;
      if (format[i] === '*') {
        i++;
        f.prec = intArg();
        if (f.prec !== undefined && f.prec < 0) f.prec = undefined;
        if (f.prec === undefined) p.out += '%!(BADPREC)';
      } else {
        [f.prec, i] = parseNum(format, i);
        f.prec ??= 0;
      }
    }
    if (i >= format.length) {
      p.out += '%!(NOVERB)';
      break;
    }
    const verb = String.fromCodePoint(format.codePointAt(i)!);
    i += verb.length;
    if (verb === '%') p.out += '%';
    else if (argNum >= args.length) p.out += `%!${verb}(MISSING)`;
    else {
      if (verb === 'v') {
        f.sharpV = f.sharp;
        f.sharp = false;
        f.plusV = f.plus;
        f.plus = false;
      }
      p.printArg(args[argNum++], verb);
    }
  }
  if (argNum < args.length) {
    p.f = noFlags();
    p.out += '%!(EXTRA ';
    args.slice(argNum).forEach((arg, k) => {
      if (k > 0) p.out += ', ';
      if (arg === undefined || arg === null) p.out += '<nil>';
      else {
        p.out += `${typeName(arg)}=`;
        p.printArg(arg, 'v');
      }
    });
    p.out += ')';
  }
  return p.out;
}
