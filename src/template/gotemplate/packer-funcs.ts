import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { RFC3339, formatGo, type GoTime } from '../../eval/functions/gotime.js';
import type { InterpolateContext } from './context.js';
import { GoFuncError } from './errors.js';
import { sprint } from './fmt.js';
import type { GoFunc } from './func-spec.js';
import { strftime } from '../../eval/functions/strftime.js';
import { type GoValue, fromJS, isMap, mapGet } from './values.js';

/*
 * Packer's template functions (packer-plugin-sdk template/interpolate/funcs.go),
 * bound to an InterpolateContext, with the SDK's error messages.
 */

const fail = (message: string): never => {
  throw new GoFuncError(message);
};

/** Marks generated data a builder has not produced yet (packerbuilderdata.PlaceholderMsg). */
export const PLACEHOLDER_MSG = 'To set this dynamically in the Packer template, you must use the `build` function';

export const ERR_VARIABLE_NOT_SET = 'Error: variable not set:';

function goTime(d: Date): GoTime {
  const ms = d.getTime();
  const sec = Math.floor(ms / 1000);
  return { sec, nsec: (ms - sec * 1000) * 1e6, offset: 0, zone: 'UTC' };
}

/** Go's strings.Split. */
function split(s: string, sep: string): string[] {
  return sep === '' ? [...s] : s.split(sep);
}

/** Go's strings.Replace: the first n (all when n < 0) non-overlapping instances. */
export function goReplace(s: string, old: string, replacement: string, n: number): string {
  if (old === replacement || n === 0) return s;
  // An empty `old` matches before each rune and at the end.
  const parts = old === '' ? ['', ...s, ''] : s.split(old);
  const limit = n < 0 ? parts.length - 1 : Math.min(n, parts.length - 1);
  let out = parts[0]!;
  for (let i = 1; i < parts.length; i++) out += (i <= limit ? replacement : old) + parts[i]!;
  return out;
}

/**
 * Go's strings.ToUpper/ToLower use simple case mappings, rune by rune: where
 * JavaScript's full mapping gives several runes ("ß" → "SS", "İ" → "i̇"),
 * upper keeps the rune and lower takes the first.
 */
function mapRunes(s: string, upper: boolean): string {
  let out = '';
  for (const ch of s) {
    const mapped = [...(upper ? ch.toUpperCase() : ch.toLowerCase())];
    out += mapped.length === 1 ? mapped[0] : upper ? ch : mapped[0];
  }
  return out;
}

/** The SDK's uuid.TimeOrderedUUID: 32 bits of Unix seconds, then 96 random bits. */
export function timeOrderedUUID(now = new Date()): string {
  const unix = (Math.floor(now.getTime() / 1000) >>> 0).toString(16).padStart(8, '0');
  const hex = randomBytes(12).toString('hex');
  return `${unix}-${hex.slice(0, 4)}-${hex.slice(4, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}${hex.slice(16)}`;
}

function build(ctx: InterpolateContext, key: string): string {
  const data: GoValue = ctx.generatedData ?? fromJS(ctx.data);
  if (!isMap(data)) {
    return fail(`Error validating build variable: the given variable ${key} will not be passed into your plugin.`);
  }
  const value = mapGet(data, key);
  if (typeof value !== 'string') return fail(`loaded data, but couldnt find ${key} in it.`);
  // In the first interpolation pass the value is passed through for the second.
  return value.includes(PLACEHOLDER_MSG) ? `{{.${key}}}` : value;
}

const str = (v: GoValue): string => v as string;
const int = (v: GoValue): number => Number(v as bigint);

function fn(params: GoFunc['params'], call: (args: GoValue[]) => GoValue, variadic?: 'string'): GoFunc {
  return variadic ? { params, variadic, call } : { params, call };
}

/** Packer's functions for one context (Go's interpolate.Funcs without plugin additions). */
export function packerFuncs(ctx: InterpolateContext): Map<string, GoFunc> {
  const init = goTime(ctx.initTime);
  const needsEnv = (message: string): void => {
    if (!ctx.enableEnv) fail(message);
  };
  return new Map<string, GoFunc>([
    ['build_name', fn([], () => ctx.buildName || fail('build_name not available'))],
    ['build_type', fn([], () => ctx.buildType || fail('build_type not available'))],
    [
      'env',
      fn(['string'], ([k]) => {
        needsEnv('env vars are not allowed here');
        return process.env[str(k)] ?? '';
      }),
    ],
    [
      'isotime',
      fn(
        [],
        (format) => {
          if (format.length === 0) return formatGo(init, RFC3339);
          if (format.length > 1) return fail(`too many values, 1 needed: ${sprint([format])}`);
          return formatGo(init, str(format[0]));
        },
        'string',
      ),
    ],
    ['strftime', fn(['string'], ([f]) => strftime(str(f), init))],
    ['pwd', fn([], () => process.cwd())],
    [
      'split',
      fn(['string', 'string', 'int'], ([k, s, i]) => {
        const parts = split(str(k), str(s));
        const n = int(i);
        if (n < 0) return fail(`runtime error: index out of range [${n}]`);
        if (parts.length <= n) {
          return fail(
            `the substring ${n} was unavailable using the separator value, ${str(s)}, only ${parts.length} values were found`,
          );
        }
        return parts[n]!;
      }),
    ],
    [
      'template_dir',
      fn([], () =>
        ctx.templatePath ? path.resolve(path.dirname(ctx.templatePath)) : fail('template path not available'),
      ),
    ],
    ['timestamp', fn([], () => String(init.sec))],
    ['uuid', fn([], () => timeOrderedUUID())],
    [
      'user',
      fn(['string'], ([k]) => {
        const key = str(k);
        const vars = ctx.userVariables;
        if (Object.hasOwn(vars, key)) return vars[key]!;
        // Only while interpolating variables is a missing one an error (retried by the caller).
        return ctx.enableEnv ? fail(`${ERR_VARIABLE_NOT_SET} ${key}`) : '';
      }),
    ],
    ['packer_version', fn([], () => ctx.packerVersion || fail('packer_version not available'))],
    [
      'consul_key',
      fn(['string'], () => {
        needsEnv('consul_key is not allowed here');
        return fail('consul_key is not supported by Kiln');
      }),
    ],
    [
      'vault',
      fn(['string', 'string'], () => {
        needsEnv('Vault vars are only allowed in the variables section');
        return fail('vault is not supported by Kiln');
      }),
    ],
    [
      'aws_secretsmanager',
      fn(
        [],
        (secret) => {
          needsEnv('AWS Secrets Manager is only allowed in the variables section');
          if (secret.length === 0) return fail('secret name must be provided');
          if (secret.length > 2) return fail('only secret name and optional secret key can be provided.');
          return fail('aws_secretsmanager is not supported by Kiln');
        },
        'string',
      ),
    ],
    [
      'aws_secretsmanager_raw',
      fn(['string'], () => {
        needsEnv('AWS Secrets Manager is only allowed in the variables section');
        return fail('aws_secretsmanager_raw is not supported by Kiln');
      }),
    ],
    [
      'sed',
      fn(['string', 'string'], () =>
        fail(
          'template function `sed` is deprecated use `replace` or `replace_all` instead.' +
            'Documentation: https://www.packer.io/docs/templates/engine',
        ),
      ),
    ],
    ['build', fn(['string'], ([k]) => build(ctx, str(k)))],
    ['replace', fn(['string', 'string', 'int', 'string'], ([o, n, c, s]) => goReplace(str(s), str(o), str(n), int(c)))],
    ['replace_all', fn(['string', 'string', 'string'], ([o, n, s]) => goReplace(str(s), str(o), str(n), -1))],
    ['upper', fn(['string'], ([s]) => mapRunes(str(s), true))],
    ['lower', fn(['string'], ([s]) => mapRunes(str(s), false))],
  ]);
}

/** A plugin's function: a GoFunc as is, a plain function as func(string, ...) string. */
export function pluginFunc(f: GoFunc | ((...args: string[]) => unknown)): GoFunc {
  if (typeof f !== 'function') return f;
  return { params: Array(f.length).fill('string'), call: (args) => fromJS(f(...args.map(str))) };
}
