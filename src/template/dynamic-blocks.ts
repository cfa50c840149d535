import type { Expression } from '../hcl/ast.js';
import { errorDiag, hasErrors, type Diagnostic } from '../hcl/diagnostics.js';
import type { Range } from '../hcl/range.js';
import type {
  AttributeSchema,
  BlockHeaderSchema,
  BodyContent,
  BodySchema,
  ContentBlock,
  HclAttribute,
  HclBody,
} from '../hcl/schema.js';
import { absTraversalForExpr, exprList } from '../hcl/static.js';
import { childContext, type EvalContext } from '../eval/context.js';
import { ConversionError, convert } from '../eval/convert.js';
import { withValues } from '../eval/diagnostic-values.js';
import { elementPairs } from '../eval/element-iterator.js';
import { evaluate } from '../eval/evaluate.js';
import { friendlyName, StringType } from '../eval/types.js';
import { DynamicVal, Value } from '../eval/value.js';

/*
 * `dynamic "TYPE" { for_each, iterator, labels, content {} }` blocks, as hcl's
 * ext/dynblock Expand: a body wrapper that, asked for blocks of TYPE, returns the
 * written ones and one generated block per for_each element, in written order.
 * for_each and labels are evaluated here; the attributes of generated blocks
 * carry their iterators (HclAttribute.scope) for the decoder to evaluate with.
 */

const dynamicHeader: BlockHeaderSchema = { type: 'dynamic', labelNames: ['type'] };

function specSchema(withLabels: boolean): BodySchema {
  const attributes: AttributeSchema[] = [{ name: 'for_each', required: true }, { name: 'iterator' }];
  if (withLabels) attributes.push({ name: 'labels', required: true });
  return { attributes, blocks: [{ type: 'content', labelNames: [] }] };
}

/** The iterators in scope: each name bound to `{ key, value }`, inner ones shadowing outer ones. */
type Iterators = ReadonlyMap<string, Value>;

export function expandDynamicBlocks(body: HclBody, ctx: EvalContext | undefined): HclBody {
  return new ExpandBody(body, ctx, new Map(), new Set(), new Map());
}

class ExpandBody implements HclBody {
  constructor(
    private readonly original: HclBody,
    private readonly forEachCtx: EvalContext | undefined,
    private readonly iterators: Iterators,
    // What earlier partialContent calls took, kept here (not in the original's remain)
    // so that `dynamic` blocks of types not taken yet stay reachable.
    private readonly hiddenAttrs: ReadonlySet<string>,
    private readonly hiddenBlocks: ReadonlyMap<string, BlockHeaderSchema>,
  ) {}

  content(schema: BodySchema): { content: BodyContent; diags: Diagnostic[] } {
    const raw = this.original.content(this.extendSchema(schema));
    return this.expand(schema, raw.content, raw.diags, false);
  }

  partialContent(schema: BodySchema): { content: BodyContent; remain: HclBody; diags: Diagnostic[] } {
    const raw = this.original.partialContent(this.extendSchema(schema));
    const { content, diags } = this.expand(schema, raw.content, raw.diags, true);
    const hiddenAttrs = new Set([...this.hiddenAttrs, ...schema.attributes.map((a) => a.name)]);
    const hiddenBlocks = new Map([...this.hiddenBlocks, ...schema.blocks.map((b) => [b.type, b] as const)]);
    const remain = new ExpandBody(this.original, this.forEachCtx, this.iterators, hiddenAttrs, hiddenBlocks);
    return { content, remain, diags };
  }

  justAttributes(): { attributes: ReadonlyMap<string, HclAttribute>; diags: Diagnostic[] } {
    return this.original.justAttributes();
  }

  missingItemRange(): Range {
    return this.original.missingItemRange();
  }

  /** The schema plus `dynamic` blocks, and what is hidden, so the original body does not report it. */
  private extendSchema(schema: BodySchema): BodySchema {
    const attributes = [...schema.attributes, ...[...this.hiddenAttrs].map((name) => ({ name }))];
    return { attributes, blocks: [...schema.blocks, dynamicHeader, ...this.hiddenBlocks.values()] };
  }

  private expand(
    schema: BodySchema,
    raw: BodyContent,
    diags: Diagnostic[],
    partial: boolean,
  ): { content: BodyContent; diags: Diagnostic[] } {
    const blocks: ContentBlock[] = [];
    for (const block of raw.blocks) {
      if (block.type !== 'dynamic') {
        if (!this.hiddenBlocks.has(block.type)) blocks.push({ ...block, body: this.child(block.body, this.iterators) });
        continue;
      }
      const realType = block.labels[0] ?? '';
      if (this.hiddenBlocks.has(realType)) continue;
      const blockS = schema.blocks.find((b) => b.type === realType);
      if (!blockS) {
        if (!partial) {
          const detail = `Blocks of type ${JSON.stringify(realType)} are not expected here.`;
          diags.push(errorDiag('Unsupported block type', detail, block.labelRanges[0]));
        }
        continue;
      }
      blocks.push(...this.generate(blockS, block, diags));
    }
    const attributes = new Map<string, HclAttribute>();
    for (const [name, attr] of raw.attributes) {
      if (this.hiddenAttrs.has(name)) continue;
      attributes.set(name, this.iterators.size === 0 ? attr : { ...attr, scope: this.iterators });
    }
    return { content: { attributes, blocks, missingItemRange: raw.missingItemRange }, diags };
  }

  /** The blocks one `dynamic` block stands for (decodeSpec, then newBlock per element). */
  private generate(blockS: BlockHeaderSchema, dynamic: ContentBlock, diags: Diagnostic[]): ContentBlock[] {
    const spec = this.decodeSpec(blockS, dynamic, diags);
    if (!spec) return [];
    const [forEach, marks] = spec.forEach.unmark();
    // An unknown collection gives one block whose iterator is unknown: its values decode as unknown.
    const elements: [Value, Value][] = forEach.isKnown() ? elementPairs(forEach) : [[DynamicVal, DynamicVal]];
    const out: ContentBlock[] = [];
    for (const [key, value] of elements) {
      const iterator = Value.object({ key: key.withMarks(marks), value: value.withMarks(marks) });
      const iterators = new Map([...this.iterators, [spec.iteratorName, iterator]]);
      const labels = this.labels(spec.labelExprs, iterators, diags);
      if (!labels) continue;
      out.push({
        type: blockS.type,
        labels: labels.map((l) => l.value),
        labelRanges: labels.map((l) => l.range),
        typeRange: dynamic.labelRanges[0] ?? dynamic.typeRange,
        defRange: dynamic.defRange,
        body: this.child(spec.content, iterators),
      });
    }
    return out;
  }

  private decodeSpec(blockS: BlockHeaderSchema, dynamic: ContentBlock, diags: Diagnostic[]): DynamicSpec | undefined {
    const { content, diags: specDiags } = dynamic.body.content(specSchema(blockS.labelNames.length > 0));
    diags.push(...specDiags);
    if (hasErrors(specDiags)) return undefined;

    let iteratorName = blockS.type;
    const iteratorAttr = content.attributes.get('iterator');
    if (iteratorAttr) {
      const { traversal, diags: travDiags } = absTraversalForExpr(iteratorAttr.expr);
      diags.push(...travDiags);
      if (!traversal) return undefined;
      const root = traversal[0];
      if (traversal.length !== 1 || root?.kind !== 'root') {
        const detail = 'Dynamic iterator must be a single variable name.';
        diags.push(errorDiag('Invalid dynamic iterator name', detail, iteratorAttr.expr.range));
        return undefined;
      }
      iteratorName = root.name;
    }

    const forEachAttr = content.attributes.get('for_each');
    if (!forEachAttr) return undefined; // required: reported by content()
    const forEachExpr = forEachAttr.expr;
    const ctx = this.scopedContext(this.iterators);
    const evaluated = evaluate(forEachExpr, ctx);
    diags.push(...evaluated.diags);
    if (hasErrors(evaluated.diags)) return undefined;
    const [forEach] = evaluated.value.unmark();
    const invalid = (detail: string): undefined => {
      const diag = errorDiag('Invalid dynamic for_each value', detail, forEachExpr.range);
      diags.push(withValues(diag, forEachExpr, ctx));
      return undefined;
    };
    if (!canIterate(forEach) && forEach.type.kind !== 'dynamic') {
      return invalid(
        `Cannot use a ${friendlyName(evaluated.value.type)} value in for_each. An iterable collection is required.`,
      );
    }
    if (forEach.isNull()) return invalid('Cannot use a null value in for_each.');

    let labelExprs: readonly Expression[] = [];
    const labelsAttr = content.attributes.get('labels');
    if (labelsAttr) {
      const { items, diags: listDiags } = exprList(labelsAttr.expr);
      diags.push(...listDiags);
      if (!items) return undefined;
      const want = blockS.labelNames.length;
      const detail = `Blocks of type ${JSON.stringify(blockS.type)} require ${want} label(s).`;
      const extra = items[want];
      if (extra) {
        diags.push(errorDiag('Extraneous dynamic block label', detail, extra.range));
        return undefined;
      }
      if (items.length < want) {
        diags.push(errorDiag('Insufficient dynamic block labels', detail, labelsAttr.expr.range));
        return undefined;
      }
      labelExprs = items;
    }

    const [first, second] = content.blocks;
    if (!first) {
      const detail =
        'A dynamic block must have a nested block of type "content" to describe the body of each generated block.';
      diags.push(errorDiag('Missing dynamic content block', detail, content.missingItemRange));
      return undefined;
    }
    if (second) {
      const detail = 'Only one nested content block is allowed for each dynamic block.';
      diags.push(errorDiag('Extraneous dynamic content block', detail, second.defRange));
      return undefined;
    }
    return { forEach: evaluated.value, iteratorName, labelExprs, content: first.body };
  }

  /** The labels of one generated block, or undefined after a diagnostic. */
  private labels(
    exprs: readonly Expression[],
    iterators: Iterators,
    diags: Diagnostic[],
  ): { value: string; range: Range }[] | undefined {
    const ctx = this.scopedContext(iterators);
    const out: { value: string; range: Range }[] = [];
    for (const expr of exprs) {
      const evaluated = evaluate(expr, ctx);
      diags.push(...evaluated.diags);
      if (hasErrors(evaluated.diags)) return undefined;
      const invalid = (detail: string): undefined => {
        diags.push(withValues(errorDiag('Invalid dynamic block label', detail, expr.range), expr, ctx));
        return undefined;
      };
      let label: Value;
      try {
        label = convert(evaluated.value, StringType);
      } catch (e) {
        if (!(e instanceof ConversionError)) throw e;
        return invalid(`Cannot use this value as a dynamic block label: ${e.message}.`);
      }
      if (label.isNull()) return invalid('Cannot use a null value as a dynamic block label.');
      if (!label.isKnown()) {
        return invalid('This value is not yet known. Dynamic block labels must be immediately-known values.');
      }
      if (label.isMarked()) {
        return invalid('This value has dynamic marks that make it unsuitable for use as a block label.');
      }
      out.push({ value: label.asString(), range: expr.range });
    }
    return out;
  }

  /** A nested body, expanded in turn, seeing the given iterators. */
  private child(body: HclBody, iterators: Iterators): HclBody {
    return new ExpandBody(body, this.forEachCtx, iterators, new Set(), new Map());
  }

  private scopedContext(iterators: Iterators): EvalContext | undefined {
    return iterators.size === 0 ? this.forEachCtx : childContext(this.forEachCtx, iterators);
  }
}

interface DynamicSpec {
  /** As evaluated, marks included. */
  readonly forEach: Value;
  readonly iteratorName: string;
  readonly labelExprs: readonly Expression[];
  readonly content: HclBody;
}

/** cty's CanIterateElements: the type is a collection or structural type. */
function canIterate(v: Value): boolean {
  return ['list', 'set', 'tuple', 'map', 'object'].includes(v.type.kind);
}
