import type { Attribute, Block, Body } from './ast.js';
import { errorDiag, type Diagnostic } from './diagnostics.js';
import { nameSuggestion } from './didyoumean.js';
import { rangeAtStart, rangeBetween, type Range } from './range.js';
import type { BodyContent, BodySchema, ContentBlock, HclAttribute, HclBody } from './schema.js';

/**
 * HclBody over a native-syntax body, as hclsyntax.Body. PartialContent hides what
 * it returned from the remaining body; Content reports whatever is left over.
 * Unlike Go's map iteration, diagnostics come in written order.
 */
export class NativeBody implements HclBody {
  constructor(
    readonly body: Body,
    private readonly hiddenAttrs: ReadonlySet<string> = new Set(),
    private readonly hiddenBlocks: ReadonlySet<string> = new Set(),
  ) {}

  content(schema: BodySchema): { content: BodyContent; diags: Diagnostic[] } {
    const { content, remain, diags } = this.partial(schema);
    for (const attr of this.visibleAttributes(remain.hiddenAttrs)) {
      const unused = schema.attributes.map((a) => a.name).filter((n) => !content.attributes.has(n));
      const similar = nameSuggestion(attr.name, unused);
      let hint = similar === undefined ? '' : ` Did you mean ${JSON.stringify(similar)}?`;
      if (similar === undefined && schema.blocks.some((b) => b.type === attr.name)) {
        hint = ` Did you mean to define a block of type ${JSON.stringify(attr.name)}?`;
      }
      diags.push(
        errorDiag(
          'Unsupported argument',
          `An argument named ${JSON.stringify(attr.name)} is not expected here.${hint}`,
          attr.nameRange,
        ),
      );
    }
    for (const block of this.body.blocks) {
      if (remain.hiddenBlocks.has(block.type)) continue;
      const similar = nameSuggestion(
        block.type,
        schema.blocks.map((b) => b.type),
      );
      let hint = similar === undefined ? '' : ` Did you mean ${JSON.stringify(similar)}?`;
      if (similar === undefined && schema.attributes.some((a) => a.name === block.type)) {
        hint = ` Did you mean to define argument ${JSON.stringify(block.type)}? If so, use the equals sign to assign it a value.`;
      }
      diags.push(
        errorDiag(
          'Unsupported block type',
          `Blocks of type ${JSON.stringify(block.type)} are not expected here.${hint}`,
          block.typeRange,
        ),
      );
    }
    return { content, diags };
  }

  partialContent(schema: BodySchema): { content: BodyContent; remain: HclBody; diags: Diagnostic[] } {
    return this.partial(schema);
  }

  justAttributes(): { attributes: ReadonlyMap<string, HclAttribute>; diags: Diagnostic[] } {
    const diags: Diagnostic[] = [];
    const first = this.body.blocks[0];
    if (first) {
      // hcl reports only the first block, then still returns the attributes it found.
      diags.push(
        errorDiag(`Unexpected ${JSON.stringify(first.type)} block`, 'Blocks are not allowed here.', first.typeRange),
      );
    }
    const attributes = new Map<string, HclAttribute>();
    for (const attr of this.visibleAttributes(this.hiddenAttrs)) attributes.set(attr.name, asHclAttribute(attr));
    return { attributes, diags };
  }

  missingItemRange(): Range {
    return rangeAtStart(this.body.range);
  }

  private partial(schema: BodySchema): { content: BodyContent; remain: NativeBody; diags: Diagnostic[] } {
    const diags: Diagnostic[] = [];
    const hiddenAttrs = new Set(this.hiddenAttrs);
    const hiddenBlocks = new Set(this.hiddenBlocks);
    const attributes = new Map<string, HclAttribute>();

    for (const attrS of schema.attributes) {
      const attr = hiddenAttrs.has(attrS.name) ? undefined : this.firstAttribute(attrS.name);
      if (!attr) {
        if (attrS.required) {
          diags.push(
            errorDiag(
              'Missing required argument',
              `The argument ${JSON.stringify(attrS.name)} is required, but no definition was found.`,
              this.missingItemRange(),
            ),
          );
        }
        continue;
      }
      hiddenAttrs.add(attrS.name);
      attributes.set(attrS.name, asHclAttribute(attr));
    }

    const blocks: ContentBlock[] = [];
    for (const block of this.body.blocks) {
      if (hiddenBlocks.has(block.type)) continue;
      const blockS = schema.blocks.find((b) => b.type === block.type);
      if (!blockS) continue;
      const labelDiag = checkLabels(block, blockS.labelNames);
      if (labelDiag) {
        diags.push(labelDiag);
        continue;
      }
      blocks.push(asContentBlock(block));
    }
    // Hidden only after the loop, so that every block of a wanted type is returned.
    for (const blockS of schema.blocks) hiddenBlocks.add(blockS.type);

    return {
      content: { attributes, blocks, missingItemRange: this.missingItemRange() },
      remain: new NativeBody(this.body, hiddenAttrs, hiddenBlocks),
      diags,
    };
  }

  /** The parser reports a redefined attribute and keeps the first definition, as hclsyntax does. */
  private firstAttribute(name: string): Attribute | undefined {
    return this.body.attributes.find((a) => a.name === name);
  }

  private visibleAttributes(hidden: ReadonlySet<string>): Attribute[] {
    return this.body.attributes.filter((a) => !hidden.has(a.name) && this.firstAttribute(a.name) === a);
  }
}

function checkLabels(block: Block, labelNames: readonly string[]): Diagnostic | undefined {
  const context = rangeBetween(block.typeRange, block.openBraceRange);
  const name = block.type;
  if (block.labels.length > labelNames.length) {
    const detail =
      labelNames.length === 0
        ? `No labels are expected for ${name} blocks.`
        : `Only ${labelNames.length} labels (${labelNames.join(', ')}) are expected for ${name} blocks.`;
    return errorDiag(`Extraneous label for ${name}`, detail, block.labelRanges[labelNames.length], context);
  }
  if (block.labels.length < labelNames.length) {
    return errorDiag(
      `Missing ${labelNames[block.labels.length] ?? ''} for ${name}`,
      `All ${name} blocks must have ${labelNames.length} labels (${labelNames.join(', ')}).`,
      block.openBraceRange,
      context,
    );
  }
  return undefined;
}

function asHclAttribute(attr: Attribute): HclAttribute {
  return { name: attr.name, expr: attr.expr, range: attr.range, nameRange: attr.nameRange };
}

function asContentBlock(block: Block): ContentBlock {
  const lastHeader = block.labelRanges[block.labelRanges.length - 1] ?? block.typeRange;
  return {
    type: block.type,
    labels: block.labels,
    body: new NativeBody(block.body),
    defRange: rangeBetween(block.typeRange, lastHeader),
    typeRange: block.typeRange,
    labelRanges: block.labelRanges,
  };
}
