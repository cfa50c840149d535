import { GoTemplateError } from '../../template/gotemplate/errors.js';
import { interpolateOnce, validateGoTemplate, type InterpolateContext } from '../../template/gotemplate/render.js';
import { decodeErrorPrefix, type ComponentSpec } from './component.js';
import type { FieldPath } from './to-plain.js';

/*
 * The interpolation step of the SDK's config.Decode (interpolate.RenderMap),
 * run on a component's config before its Prepare checks, for HCL2 and legacy
 * JSON alike: every string (map keys included) must parse as a Go template
 * ("invalid '<key>': ..."), and the strings of keys the plugin does not exclude
 * are rendered once ("render '<key>': ..."). Excluded keys keep their text for
 * run time; values not known yet (placeholders) are left alone.
 */

export type Rendered<T> = { readonly value: T } | { readonly error: string };

/** RenderMap over top-level entries, in the order given; the first error stops. */
export function renderConfigEntries(
  entries: Iterable<readonly [string, unknown]>,
  exclude: readonly string[],
  ctx: InterpolateContext,
  unknown: readonly FieldPath[] = [],
): Rendered<[string, unknown][]> {
  const extra = Object.keys(ctx.extraFuncs ?? {});
  const excluded = new Set(exclude.map((k) => k.toLowerCase()));
  const out: [string, unknown][] = [];
  for (const [k, v] of entries) {
    const check = (s: string): string => {
      const e = validateGoTemplate(s, extra);
      if (e) throw new GoTemplateError(`${e.message} in:\n\n${s}`);
      return s;
    };
    const valid = walkStrings(v, [k], unknown, check);
    if ('error' in valid) return { error: `invalid '${k}': ${valid.error}` };
    if (excluded.has(k.toLowerCase())) {
      out.push([k, v]);
      continue;
    }
    const render = (s: string): string => {
      try {
        return interpolateOnce(s, ctx);
      } catch (e) {
        if (e instanceof GoTemplateError) throw new GoTemplateError(`${e.message} in:\n\n${s}`);
        throw e;
      }
    };
    const rendered = walkStrings(v, [k], unknown, render);
    if ('error' in rendered) return { error: `render '${k}': ${rendered.error}` };
    out.push([k, rendered.value]);
  }
  return { value: out };
}

/**
 * The config a plugin's Prepare sees after config.Decode's interpolation, or
 * the error Prepare returns (with the plugin's prefix). `unknown` holds the
 * paths of placeholder values.
 */
export function renderConfigTemplates<T>(
  config: T,
  spec: ComponentSpec<unknown>,
  ctx: InterpolateContext,
  unknown: readonly FieldPath[] = [],
): Rendered<T> {
  if (spec.interpolate === false || !isPlainObject(config)) return { value: config };
  const r = renderConfigEntries(Object.entries(config), spec.interpolate.exclude, ctx, unknown);
  if ('error' in r) return { error: `${decodeErrorPrefix(spec)}${r.error}` };
  return { value: Object.fromEntries(r.value) as T };
}

function walkStrings(
  v: unknown,
  path: FieldPath,
  unknown: readonly FieldPath[],
  f: (s: string) => string,
): Rendered<unknown> {
  const isUnknown = (p: FieldPath): boolean =>
    unknown.some((u) => u.length === p.length && u.every((x, i) => x === p[i]));
  const walk = (x: unknown, p: FieldPath): unknown => {
    if (isUnknown(p)) return x;
    if (typeof x === 'string') return f(x);
    if (Array.isArray(x)) return x.map((e, i) => walk(e, [...p, i]));
    if (x instanceof Map) return new Map([...x].map(([k, e]) => [walkKey(k, f), walk(e, [...p, k])]));
    if (isPlainObject(x)) return Object.fromEntries(Object.entries(x).map(([k, e]) => [f(k), walk(e, [...p, k])]));
    return x;
  };
  try {
    return { value: walk(v, path) };
  } catch (e) {
    if (e instanceof GoTemplateError) return { error: e.message };
    throw e;
  }
}

function walkKey(k: unknown, f: (s: string) => string): unknown {
  return typeof k === 'string' ? f(k) : k;
}

function isPlainObject(x: unknown): x is Record<string, unknown> {
  if (typeof x !== 'object' || x === null) return false;
  const proto: unknown = Object.getPrototypeOf(x);
  return proto === Object.prototype || proto === null;
}
