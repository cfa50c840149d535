/**
 * Command-line flags parsed the way Go's `flag` package does (Packer's commands use it):
 * `-name`, `--name`, `-name=value`, `-name value` (non-bool only), `--` ends the flags,
 * and parsing stops at the first argument that is not a flag.
 */

import { goQuote } from '../hcl/quote.js';

export interface BoolFlag {
  readonly kind: 'bool';
  set(value: boolean): void;
}

export interface ValueFlag {
  readonly kind: 'value';
  /** Throws an Error whose message Go would print after "invalid value ... for flag -name: ". */
  set(value: string): void;
}

export type FlagSpec = BoolFlag | ValueFlag;

export type FlagParseResult =
  | { readonly ok: true; readonly args: string[] }
  /** `message` is what Go prints before the usage text; `help` is -h/-help with no message. */
  | { readonly ok: false; readonly help: boolean; readonly message: string };

const goBools: Readonly<Record<string, boolean>> = {
  '1': true,
  t: true,
  T: true,
  TRUE: true,
  true: true,
  True: true,
  '0': false,
  f: false,
  F: false,
  FALSE: false,
  false: false,
  False: false,
};

export function parseGoFlags(argv: readonly string[], flags: Readonly<Record<string, FlagSpec>>): FlagParseResult {
  const rest = [...argv];
  const fail = (message: string): FlagParseResult => ({ ok: false, help: false, message });
  for (;;) {
    const s = rest[0];
    if (s === undefined || s.length < 2 || !s.startsWith('-')) break;
    const dashes = s[1] === '-' ? 2 : 1;
    if (s === '--') {
      rest.shift();
      break;
    }
    let name = s.slice(dashes);
    if (name === '' || name.startsWith('-') || name.startsWith('=')) return fail(`bad flag syntax: ${s}`);
    rest.shift();
    let value: string | undefined;
    const eq = name.indexOf('=');
    if (eq > 0) {
      value = name.slice(eq + 1);
      name = name.slice(0, eq);
    }
    const flag = Object.hasOwn(flags, name) ? flags[name] : undefined;
    if (flag === undefined) {
      if (name === 'help' || name === 'h') return { ok: false, help: true, message: '' };
      return fail(`flag provided but not defined: -${name}`);
    }
    if (flag.kind === 'bool') {
      const b = value === undefined ? true : goBools[value];
      if (b === undefined) return fail(`invalid boolean value ${goQuote(value ?? '')} for -${name}: parse error`);
      flag.set(b);
      continue;
    }
    if (value === undefined) value = rest.shift();
    if (value === undefined) return fail(`flag needs an argument: -${name}`);
    try {
      flag.set(value);
    } catch (e) {
      return fail(`invalid value ${goQuote(value)} for flag -${name}: ${(e as Error).message}`);
    }
  }
  return { ok: true, args: rest };
}
