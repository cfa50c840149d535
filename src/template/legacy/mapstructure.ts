import { parseGoDuration } from '../../components/schema/go-duration.js';
import { goQuote } from '../../hcl/quote.js';
import { isJsonObject, type JsonObject, type JsonValue } from './go-json.js';
import { formatFloatF, goFormat, goKindName, goTypeName } from './go-values.js';

/*
 * The part of mitchellh/mapstructure that legacy templates go through: decoding
 * interface{} values into typed Go fields, strictly or WeaklyTypedInput, with
 * its error messages. Errors are collected as mapstructure.Error does and
 * printed with errorText ("N error(s) decoding:" and sorted bullets).
 */

export type GoType =
  | { readonly kind: 'string' | 'bool' | 'int' | 'float64' | 'duration' | 'any' }
  | { readonly kind: 'slice'; readonly elem: GoType }
  | { readonly kind: 'map'; readonly elem: GoType };

export const T = {
  string: { kind: 'string' },
  bool: { kind: 'bool' },
  int: { kind: 'int' },
  float64: { kind: 'float64' },
  duration: { kind: 'duration' },
  any: { kind: 'any' },
  slice: (elem: GoType): GoType => ({ kind: 'slice', elem }),
  map: (elem: GoType): GoType => ({ kind: 'map', elem }),
} as const;

export interface DecodeOptions {
  readonly weak: boolean;
  /** The SDK's StringToSliceHookFunc(","): a string for a slice is split at commas. */
  readonly splitStrings?: boolean;
}

export type Decoded = { readonly ok: true; readonly value: unknown } | { readonly ok: false };

function typeName(t: GoType): string {
  switch (t.kind) {
    case 'slice':
      return `[]${typeName(t.elem)}`;
    case 'map':
      return `map[string]${typeName(t.elem)}`;
    case 'any':
      return 'interface {}';
    case 'duration':
      return 'time.Duration';
    default:
      return t.kind;
  }
}

/** Go's strconv.ParseBool. */
function parseBool(s: string): boolean | undefined {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(s)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(s)) return false;
  return undefined;
}

/** strconv.ParseInt(s, 0, 64): decimal, 0x, 0o, 0b or leading-0 octal, with underscores after a prefix. */
function parseInt64(s: string): number | undefined {
  const m = /^([+-]?)(0[xX][0-9a-fA-F_]+|0[bB][01_]+|0[oO]?[0-7_]*|[1-9][0-9]*|0)$/.exec(s);
  if (!m) return undefined;
  const body = m[2]!.replace(/_/g, '');
  const n = /^0[0-7]+$/.test(body) ? parseInt(body.slice(1), 8) : Number(body.replace(/^0[oO]/, '0o'));
  return m[1] === '-' ? -n : n;
}

export class MapDecoder {
  readonly errors: string[] = [];

  constructor(private readonly opts: DecodeOptions) {}

  private unconvertible(name: string, t: GoType, data: JsonValue): Decoded {
    this.errors.push(
      `'${name}' expected type '${typeName(t)}', got unconvertible type '${goTypeName(data)}', value: '${goFormat(data)}'`,
    );
    return { ok: false };
  }

  /** Decodes `data` at field `name`; a null leaves the field unset (ok, value undefined). */
  decode(name: string, data: JsonValue, t: GoType): Decoded {
    if (t.kind === 'any') return { ok: true, value: data };
    if (data === null) return { ok: true, value: undefined };
    const weak = this.opts.weak;
    switch (t.kind) {
      case 'string':
        if (typeof data === 'string') return { ok: true, value: data };
        if (weak && typeof data === 'boolean') return { ok: true, value: data ? '1' : '0' };
        if (weak && typeof data === 'number') return { ok: true, value: formatFloatF(data) };
        return this.unconvertible(name, t, data);
      case 'bool':
        if (typeof data === 'boolean') return { ok: true, value: data };
        if (weak && typeof data === 'number') return { ok: true, value: data !== 0 };
        if (weak && typeof data === 'string') {
          const b = parseBool(data);
          if (b !== undefined || data === '') return { ok: true, value: b ?? false };
          this.errors.push(
            `cannot parse '${name}' as bool: strconv.ParseBool: parsing ${goQuote(data)}: invalid syntax`,
          );
          return { ok: false };
        }
        return this.unconvertible(name, t, data);
      case 'int':
      case 'float64':
        return this.number(name, data, t);
      case 'duration':
        // StringToTimeDurationHookFunc runs first for strings; anything else decodes as int64 nanoseconds.
        if (typeof data === 'string') {
          const d = parseGoDuration(data);
          if (d.ok) return { ok: true, value: d.ms };
          this.errors.push(`error decoding '${name}': ${d.error}`);
          return { ok: false };
        }
        {
          const ns = this.number(name, data, T.int);
          return ns.ok ? { ok: true, value: (ns.value as number) / 1e6 } : ns;
        }
      case 'slice':
        return this.slice(name, data, t);
      case 'map':
        return this.map(name, data, t);
    }
  }

  private number(name: string, data: JsonValue, t: GoType): Decoded {
    const weak = this.opts.weak;
    if (typeof data === 'number') return { ok: true, value: t.kind === 'int' ? Math.trunc(data) : data };
    if (weak && typeof data === 'boolean') return { ok: true, value: data ? 1 : 0 };
    if (weak && typeof data === 'string') {
      const s = data === '' ? '0' : data;
      const n =
        t.kind === 'int' ? parseInt64(s) : /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(s) ? Number(s) : undefined;
      if (n !== undefined) return { ok: true, value: n };
      const fn = t.kind === 'int' ? 'ParseInt' : 'ParseFloat';
      this.errors.push(
        `cannot parse '${name}' as ${t.kind === 'int' ? 'int' : 'float'}: strconv.${fn}: parsing ${goQuote(s)}: invalid syntax`,
      );
      return { ok: false };
    }
    return this.unconvertible(name, t, data);
  }

  private slice(name: string, data: JsonValue, t: { readonly kind: 'slice'; readonly elem: GoType }): Decoded {
    if (typeof data === 'string' && this.opts.splitStrings && t.elem.kind !== 'slice') {
      data = data === '' ? [] : data.split(',');
    }
    if (!Array.isArray(data)) {
      if (!this.opts.weak) {
        this.errors.push(`'${name}': source data must be an array or slice, got ${goKindName(data)}`);
        return { ok: false };
      }
      if (isJsonObject(data) && data.size === 0) return { ok: true, value: [] };
      data = [data];
    }
    const out: unknown[] = [];
    let ok = true;
    data.forEach((item, i) => {
      const d = this.decode(`${name}[${i}]`, item, t.elem);
      if (d.ok) out.push(d.value);
      else ok = false;
    });
    return ok ? { ok: true, value: out } : { ok: false };
  }

  private map(name: string, data: JsonValue, t: { readonly kind: 'map'; readonly elem: GoType }): Decoded {
    if (!isJsonObject(data)) {
      this.errors.push(`'${name}' expected a map, got '${goKindName(data)}'`);
      return { ok: false };
    }
    return this.entries(name, data, t.elem);
  }

  private entries(name: string, data: JsonObject, elem: GoType): Decoded {
    const out = new Map<string, unknown>();
    let ok = true;
    for (const [k, v] of data) {
      const d = this.decode(`${name}[${k}]`, v, elem);
      if (d.ok) out.set(k, d.value);
      else ok = false;
    }
    return ok ? { ok: true, value: out } : { ok: false };
  }
}

/** mapstructure.Error's text. */
export function errorText(errors: readonly string[]): string {
  const points = errors.map((e) => `* ${e}`).sort();
  return `${errors.length} error(s) decoding:\n\n${points.join('\n')}`;
}

/**
 * The field of a struct a map key decodes into: mapstructure matches the field
 * name exactly, then case-insensitively.
 */
export function matchField(fields: readonly string[], key: string): string | undefined {
  return fields.find((f) => f === key) ?? fields.find((f) => f.toLowerCase() === key.toLowerCase());
}
