import { isJsonObject, type JsonValue } from './go-json.js';

/*
 * How Go prints the interface{} values a JSON document decodes to: their type
 * names (reflect.Type.String()) and `%v`, as they appear in mapstructure errors.
 */

export function goTypeName(v: JsonValue): string {
  if (v === null) return 'interface {}';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'number') return 'float64';
  if (typeof v === 'boolean') return 'bool';
  return Array.isArray(v) ? '[]interface {}' : 'map[string]interface {}';
}

/** reflect.Kind names, as mapstructure's "expected a map, got 'slice'". */
export function goKindName(v: JsonValue): string {
  if (v === null) return 'invalid';
  if (typeof v === 'number') return 'float64';
  if (typeof v === 'string' || typeof v === 'boolean') return typeof v === 'string' ? 'string' : 'bool';
  return Array.isArray(v) ? 'slice' : 'map';
}

/** fmt's %v of a value: maps print with sorted keys, slices space-separated. */
export function goFormat(v: JsonValue): string {
  if (v === null) return '<nil>';
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return String(v);
  if (typeof v === 'number') return formatFloatG(v);
  if (Array.isArray(v)) return `[${v.map(goFormat).join(' ')}]`;
  if (isJsonObject(v)) {
    const keys = [...v.keys()].sort();
    return `map[${keys.map((k) => `${k}:${goFormat(v.get(k) ?? null)}`).join(' ')}]`;
  }
  return '';
}

/** strconv.FormatFloat(f, 'g', -1, 64), which %v uses for float64: an exponent from 1e+06 on. */
export function formatFloatG(f: number): string {
  if (Number.isNaN(f)) return 'NaN';
  if (!Number.isFinite(f)) return f > 0 ? '+Inf' : '-Inf';
  if (f === 0) return Object.is(f, -0) ? '-0' : '0';
  const [mantissa, expText] = f.toExponential().split('e') as [string, string];
  const exp = Number(expText);
  if (exp < -4 || exp >= 6) {
    const sign = exp < 0 ? '-' : '+';
    return `${mantissa}e${sign}${String(Math.abs(exp)).padStart(2, '0')}`;
  }
  return formatFloatF(f);
}

/** strconv.FormatFloat(f, 'f', -1, 64): the shortest digits, never an exponent. */
export function formatFloatF(f: number): string {
  const [mantissa, expText] = f.toExponential().split('e') as [string, string];
  const exp = Number(expText);
  const negative = mantissa.startsWith('-');
  const digits = mantissa.replace('-', '').replace('.', '');
  let out: string;
  if (exp >= digits.length - 1) out = digits + '0'.repeat(exp - digits.length + 1);
  else if (exp >= 0) out = `${digits.slice(0, exp + 1)}.${digits.slice(exp + 1)}`;
  else out = `0.${'0'.repeat(-exp - 1)}${digits}`;
  return negative ? `-${out}` : out;
}
