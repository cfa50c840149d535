import type { EvalContext } from '../../eval/context.js';
import { hasErrors, type Diagnostic } from '../../hcl/diagnostics.js';
import type { Range } from '../../hcl/range.js';
import type { HclBody } from '../../hcl/schema.js';
import type { z } from 'zod';
import type { ComponentSpec } from './component.js';
import { decodeBody, pathKey, type BodyDecoding } from './decode-body.js';
import type { FieldPath } from './to-plain.js';

/*
 * A component body decoded as Packer does: hcldec against the schema (the
 * diagnostics of decodeHCL2Spec), then the value-level checks of zod (as the
 * SDK's config.Decode, e.g. durations), each reported at the attribute it is about.
 * A config with unknown values (build.* during validate) decodes with Packer's
 * placeholders in their place; checks that the placeholder fails are not errors.
 */

export interface DecodedComponent<T> {
  /** Present when there are no error diagnostics. */
  readonly config?: T;
  /** Paths of values not known yet (replaced by placeholders in `config`). */
  readonly unknown: readonly FieldPath[];
  /** Paths of values marked sensitive, to register with the log masker. */
  readonly sensitive: readonly FieldPath[];
  readonly diags: Diagnostic[];
}

export function decodeComponent<T>(
  spec: ComponentSpec<T>,
  body: HclBody,
  ctx: EvalContext | undefined,
): DecodedComponent<T> {
  return parseComponentInput(spec, decodeComponentInput(spec, body, ctx));
}

/** The body decoded to plain values, before zod: a plugin may merge further raw config into `input`. */
export interface ComponentInput extends BodyDecoding {
  readonly input: Record<string, unknown>;
}

export function decodeComponentInput<T>(
  spec: ComponentSpec<T>,
  body: HclBody,
  ctx: EvalContext | undefined,
): ComponentInput {
  const out: BodyDecoding = { diags: [], ranges: new Map(), unknown: [], sensitive: [] };
  const input = decodeBody(spec.object, body, ctx, [], out);
  return { ...out, input };
}

export function parseComponentInput<T>(spec: ComponentSpec<T>, decoded: ComponentInput): DecodedComponent<T> {
  const result = { unknown: decoded.unknown, sensitive: decoded.sensitive, diags: decoded.diags };
  if (hasErrors(decoded.diags)) return result;
  const parsed = parseKnown(spec.schema, decoded.input, decoded.unknown);
  if (parsed.success) return { ...result, config: parsed.data };
  for (const issue of parsed.error.issues) {
    const path = issue.path.filter((p) => typeof p !== 'symbol');
    const summary = `error decoding '${mapstructurePath(path)}': ${issue.message}`;
    result.diags.push({ severity: 'error', summary, subject: rangeOf(path, decoded.ranges) });
  }
  return result;
}

/** Parses `input`, dropping values at unknown paths that fail only because they are placeholders. */
function parseKnown<T>(schema: z.ZodType<T>, input: Record<string, unknown>, unknown: readonly FieldPath[]) {
  let parsed = schema.safeParse(input);
  const dropped = new Set<string>();
  while (!parsed.success) {
    const placeholders = parsed.error.issues
      .map((i) => unknown.find((u) => isPrefix(u, i.path)))
      .filter((u): u is FieldPath => u !== undefined && !dropped.has(pathKey(u)));
    if (placeholders.length === 0 || placeholders.length < parsed.error.issues.length) return parsed;
    for (const u of placeholders) {
      dropped.add(pathKey(u));
      deleteAt(input, u);
    }
    parsed = schema.safeParse(input);
  }
  return parsed;
}

function isPrefix(prefix: FieldPath, path: readonly PropertyKey[]): boolean {
  return prefix.length <= path.length && prefix.every((p, i) => p === path[i]);
}

function deleteAt(root: Record<string, unknown>, path: FieldPath): void {
  let node: unknown = root;
  for (const step of path.slice(0, -1)) node = (node as Record<string | number, unknown>)[step];
  const last = path[path.length - 1];
  if (last !== undefined && node && typeof node === 'object') delete (node as Record<string | number, unknown>)[last];
}

/** How mapstructure names a field in its errors: `a[0].b`. */
function mapstructurePath(path: readonly PropertyKey[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`)).join('');
}

/** The range of the nearest decoded value on the path (the attribute, else its block's body). */
function rangeOf(path: readonly PropertyKey[], ranges: ReadonlyMap<string, Range>): Range | undefined {
  for (let n = path.length; n >= 0; n--) {
    const range = ranges.get(pathKey(path.slice(0, n) as FieldPath));
    if (range) return range;
  }
  return undefined;
}
