import { ConversionError, convert } from '../../eval/convert.js';
import type { EvalContext } from '../../eval/context.js';
import { withValues } from '../../eval/diagnostic-values.js';
import { evaluate } from '../../eval/evaluate.js';
import type { Value } from '../../eval/value.js';
import { errorDiag, type Diagnostic } from '../../hcl/diagnostics.js';
import { formatRange, rangeBetween, type Range } from '../../hcl/range.js';
import type { ContentBlock, HclAttribute, HclBody } from '../../hcl/schema.js';
import type { FieldSpec, ObjectSpec } from './object-spec.js';
import { toPlain, type FieldPath, type PlainTracking } from './to-plain.js';

/*
 * hcldec.Decode over an ObjectSpec, producing plain JavaScript for zod instead
 * of a cty value. body.content() reports unsupported arguments and blocks and
 * missing required arguments; each attribute is evaluated and converted to its
 * field's type; nested blocks decode recursively. Where every decoded value
 * came from is kept so that later checks can point at it.
 */

export interface BodyDecoding extends PlainTracking {
  readonly diags: Diagnostic[];
  /** Source range by path key (see pathKey): expressions of attributes, bodies of blocks. */
  readonly ranges: Map<string, Range>;
}

export function pathKey(path: FieldPath): string {
  return JSON.stringify(path);
}

export function decodeBody(
  spec: ObjectSpec,
  body: HclBody,
  ctx: EvalContext | undefined,
  path: FieldPath,
  out: BodyDecoding,
): Record<string, unknown> {
  const { content, diags } = body.content(spec.bodySchema);
  out.diags.push(...diags);
  out.ranges.set(pathKey(path), body.missingItemRange());
  const result: Record<string, unknown> = {};
  for (const field of spec.fields) {
    const value = decodeField(field, content.attributes, content.blocks, ctx, [...path, field.name], out);
    if (value !== undefined) result[field.name] = value;
  }
  return result;
}

function decodeField(
  field: FieldSpec,
  attributes: ReadonlyMap<string, HclAttribute>,
  blocks: readonly ContentBlock[],
  ctx: EvalContext | undefined,
  path: FieldPath,
  out: BodyDecoding,
): unknown {
  if (field.role === 'attribute') {
    const attr = attributes.get(field.name);
    if (!attr) return undefined;
    out.ranges.set(pathKey(path), attr.expr.range);
    const value = decodeAttribute(attr, field, ctx, out.diags);
    return value && toPlain(value, path, out);
  }
  const mine = blocks.filter((b) => b.type === field.name);
  if (field.role === 'blocks') {
    return mine.map((b, i) => decodeBody(field.nested, b.body, ctx, [...path, i], out));
  }
  const [first, second] = mine;
  if (first && second) {
    out.diags.push(
      errorDiag(
        `Duplicate ${field.name} block`,
        `Only one block of type ${JSON.stringify(field.name)} is allowed. Previous definition was at ${formatRange(first.defRange)}.`,
        second.defRange,
      ),
    );
  }
  return first && decodeBody(field.nested, first.body, ctx, path, out);
}

/** AttrSpec.decode: the value converted to the field's type, or undefined after a diagnostic. */
function decodeAttribute(
  attr: HclAttribute,
  field: FieldSpec & { role: 'attribute' },
  ctx: EvalContext | undefined,
  diags: Diagnostic[],
): Value | undefined {
  const evaluated = evaluate(attr.expr, ctx);
  diags.push(...evaluated.diags);
  try {
    return convert(evaluated.value, field.type);
  } catch (e) {
    if (!(e instanceof ConversionError)) throw e;
    const diag = errorDiag(
      'Incorrect attribute value type',
      `Inappropriate value for attribute ${JSON.stringify(field.name)}: ${e.message}.`,
      attr.expr.range,
      rangeBetween(attr.nameRange, attr.expr.range),
    );
    diags.push(withValues(diag, attr.expr, ctx));
    return undefined;
  }
}
