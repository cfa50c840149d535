import { goQuote } from '../hcl/quote.js';
import type { Num } from '../eval/number.js';
import { Sensitive, type Value } from '../eval/value.js';

/*
 * How `packer console` prints a value (hcl2template PrintableCtyValue): the value
 * goes through hcl2shim.ConfigValueFromHCL2 (numbers become int64 when exact,
 * float64 otherwise; null map entries are dropped) and then repl.FormatResult
 * (top-level strings raw, nested ones Go-quoted, lists and maps one item a line).
 * Packer masks secrets in its UI; Kiln prints a sensitive value as <sensitive>.
 */

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

export function formatConsoleValue(value: Value): string {
  if (!value.isWhollyKnown()) return '<unknown>';
  return formatResult(value, false);
}

function formatResult(v: Value, nested: boolean): string {
  if (v.hasMark(Sensitive)) return '<sensitive>';
  if (v.isNull()) return 'null';
  switch (v.type.kind) {
    case 'string':
      return nested ? goQuote(v.asString()) : v.asString();
    case 'number':
      return formatNumber(v.asNumber());
    case 'bool':
      return v.asBool() ? 'true' : 'false';
    case 'list':
    case 'set':
    case 'tuple':
      return formatList(v.elements());
    case 'map':
    case 'object':
      return formatMap(v.entries());
    default:
      return '<unknown-type>';
  }
}

function formatList(items: readonly Value[]): string {
  if (items.length === 0) return '[]';
  return `[\n${items.map((item) => `${indent(formatResult(item, true))},\n`).join('')}]`;
}

function formatMap(entries: ReadonlyMap<string, Value>): string {
  // ConfigValueFromHCL2 leaves null attributes out of the Go map it builds.
  const shown = [...entries].filter(([, v]) => !v.isNull() || v.hasMark(Sensitive));
  if (shown.length === 0) return '{}';
  const lines = shown.map(([k, v]) => `${indent(`${goQuote(k)} = ${formatResult(v, true)}`)}\n`);
  return `{\n${lines.join('')}}`;
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => `  ${line}`)
    .join('\n');
}

/** An exact int64 prints as an integer; anything else as Go's %g of the nearest float64. */
export function formatNumber(n: Num): string {
  if (n.isInteger()) {
    const big = BigInt(n.toFixed(0));
    if (big >= INT64_MIN && big <= INT64_MAX) return big.toString();
  }
  return formatGoFloatG(Number(n.toString()));
}

/** Go's fmt %g for a float64: shortest digits that round-trip, exponent form when exp < -4 or exp >= 6. */
export function formatGoFloatG(f: number): string {
  if (Number.isNaN(f)) return 'NaN';
  if (!Number.isFinite(f)) return f > 0 ? '+Inf' : '-Inf';
  if (f === 0) return Object.is(f, -0) ? '-0' : '0';
  const [mantissa = '', expText = '0'] = f.toExponential().split('e');
  const exp = Number(expText);
  const negative = mantissa.startsWith('-');
  const digits = mantissa.replace('-', '').replace('.', '');
  const sign = negative ? '-' : '';
  // With shortest formatting Go picks the exponent form by precision 6 (strconv ftoa.go).
  if (exp < -4 || exp >= 6) {
    const frac = digits.length > 1 ? `.${digits.slice(1)}` : '';
    const expSign = exp < 0 ? '-' : '+';
    return `${sign}${digits[0]}${frac}e${expSign}${String(Math.abs(exp)).padStart(2, '0')}`;
  }
  if (exp < 0) return `${sign}0.${'0'.repeat(-exp - 1)}${digits}`;
  const intPart = digits.slice(0, exp + 1).padEnd(exp + 1, '0');
  const fracPart = digits.slice(exp + 1);
  return `${sign}${intPart}${fracPart ? `.${fracPart}` : ''}`;
}
