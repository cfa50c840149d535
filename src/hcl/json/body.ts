import { errorDiag, type Diagnostic } from '../diagnostics.js';
import { nameSuggestion } from '../didyoumean.js';
import { formatRange, rangeBetween, type Range } from '../range.js';
import type { BodyContent, BodySchema, ContentBlock, HclAttribute, HclBody } from '../schema.js';
import { lowerJsonValue } from './lower.js';
import { startRange, type JsonProperty, type JsonValue } from './values.js';

/**
 * HclBody over a JSON value, as hcl's json body (json/structure.go and spec.md):
 * the schema decides whether a property is an attribute or blocks; a body may be
 * an object or an array of objects; `"//"` properties are comments.
 */
export class JsonBody implements HclBody {
  constructor(
    readonly value: JsonValue,
    private readonly hiddenAttrs: ReadonlySet<string> = new Set(),
  ) {}

  content(schema: BodySchema): { content: BodyContent; diags: Diagnostic[] } {
    const { content, remain, diags } = this.partial(schema);
    const suggestions = [
      ...schema.attributes.map((a) => a.name).filter((n) => !remain.hiddenAttrs.has(n)),
      // Blocks may repeat, so their types are suggested even when used.
      ...schema.blocks.map((b) => b.type),
    ];
    // hcl collects the properties a second time here, repeating any shape errors.
    const { properties, diags: shapeDiags } = collectProperties(this.value);
    diags.push(...shapeDiags);
    for (const prop of properties) {
      if (prop.name === '//' || remain.hiddenAttrs.has(prop.name)) continue;
      const similar = nameSuggestion(prop.name, suggestions);
      const hint = similar === undefined ? '' : ` Did you mean ${JSON.stringify(similar)}?`;
      diags.push(
        errorDiag(
          'Extraneous JSON object property',
          `No argument or block type is named ${JSON.stringify(prop.name)}.${hint}`,
          prop.nameRange,
          prop.nameRange,
        ),
      );
    }
    return { content, diags };
  }

  partialContent(schema: BodySchema): { content: BodyContent; remain: HclBody; diags: Diagnostic[] } {
    return this.partial(schema);
  }

  justAttributes(): { attributes: ReadonlyMap<string, HclAttribute>; diags: Diagnostic[] } {
    const attributes = new Map<string, HclAttribute>();
    if (this.value.kind !== 'object') {
      const diag = errorDiag(
        'Incorrect JSON value type',
        'A JSON object is required here, setting the arguments for this block.',
        startRange(this.value),
      );
      return { attributes, diags: [diag] };
    }
    const diags: Diagnostic[] = [];
    for (const prop of this.value.properties) {
      if (prop.name === '//' || this.hiddenAttrs.has(prop.name)) continue;
      const existing = attributes.get(prop.name);
      if (existing) {
        diags.push(
          errorDiag(
            'Duplicate attribute definition',
            `The argument ${JSON.stringify(prop.name)} was already set at ${formatRange(existing.range)}.`,
            prop.nameRange,
          ),
        );
        continue;
      }
      attributes.set(prop.name, attribute(prop, diags));
    }
    return { attributes, diags };
  }

  missingItemRange(): Range {
    switch (this.value.kind) {
      case 'object':
        return this.value.closeRange;
      case 'array':
        return this.value.openRange;
      default:
        return startRange(this.value);
    }
  }

  private partial(schema: BodySchema): { content: BodyContent; remain: JsonBody; diags: Diagnostic[] } {
    const { properties, diags } = collectProperties(this.value);
    const used = new Set(this.hiddenAttrs);
    const attributes = new Map<string, HclAttribute>();
    const blocks: ContentBlock[] = [];
    for (const prop of properties) {
      if (this.hiddenAttrs.has(prop.name)) continue;
      const blockS = schema.blocks.find((b) => b.type === prop.name);
      if (schema.attributes.some((a) => a.name === prop.name)) {
        const existing = attributes.get(prop.name);
        if (existing) {
          diags.push(
            errorDiag(
              'Duplicate argument',
              `The argument ${JSON.stringify(prop.name)} was already set at ${formatRange(existing.range)}.`,
              prop.nameRange,
              prop.nameRange,
            ),
          );
          continue;
        }
        attributes.set(prop.name, attribute(prop, diags));
        used.add(prop.name);
      } else if (blockS) {
        unpackBlock(
          prop.value,
          { type: prop.name, typeRange: prop.nameRange },
          blockS.labelNames,
          [],
          [],
          blocks,
          diags,
        );
        used.add(prop.name);
      }
    }
    for (const attrS of schema.attributes) {
      if (attrS.required && !attributes.has(attrS.name)) {
        diags.push(
          errorDiag(
            'Missing required argument',
            `The argument ${JSON.stringify(attrS.name)} is required, but no definition was found.`,
            this.missingItemRange(),
          ),
        );
      }
    }
    return {
      content: { attributes, blocks, missingItemRange: this.missingItemRange() },
      remain: new JsonBody(this.value, used),
      diags,
    };
  }
}

function attribute(prop: JsonProperty, diags: Diagnostic[]): HclAttribute {
  const lowered = lowerJsonValue(prop.value);
  diags.push(...lowered.diags);
  return {
    name: prop.name,
    expr: lowered.expr,
    range: rangeBetween(prop.nameRange, prop.value.range),
    nameRange: prop.nameRange,
  };
}

interface BlockHead {
  readonly type: string;
  readonly typeRange: Range;
}

/** Peels one nesting level per label, then reads one block body or an array of them. */
function unpackBlock(
  v: JsonValue,
  head: BlockHead,
  labelsLeft: readonly string[],
  labels: readonly string[],
  labelRanges: readonly Range[],
  blocks: ContentBlock[],
  diags: Diagnostic[],
): void {
  const [labelName, ...rest] = labelsLeft;
  if (labelName !== undefined) {
    const { properties, diags: shapeDiags } = collectProperties(v, labelName);
    diags.push(...shapeDiags);
    if (properties.length === 0) {
      diags.push(
        errorDiag(
          'Missing block label',
          `At least one object property is required, whose name represents the ${head.type} block's ${labelName}.`,
          startRange(v),
        ),
      );
      return;
    }
    for (const prop of properties) {
      unpackBlock(prop.value, head, rest, [...labels, prop.name], [...labelRanges, prop.nameRange], blocks, diags);
    }
    return;
  }
  const block = (body: JsonValue, defRange: Range): ContentBlock => ({
    type: head.type,
    labels,
    body: new JsonBody(body),
    defRange,
    typeRange: head.typeRange,
    labelRanges,
  });
  switch (v.kind) {
    case 'null':
      return;
    case 'object':
      blocks.push(block(v, v.openRange));
      return;
    case 'array':
      // Elements that are not objects fail when their content is asked for.
      for (const item of v.items) blocks.push(block(item, v.openRange));
      return;
    default:
      diags.push(
        errorDiag(
          'Incorrect JSON value type',
          `Either a JSON object or a JSON array is required, representing the contents of one or more ${JSON.stringify(head.type)} blocks.`,
          startRange(v),
        ),
      );
  }
}

/**
 * The properties of an object, or of every object in an array, in order. With a
 * label name the wording of shape errors speaks of labels instead of arguments.
 */
function collectProperties(v: JsonValue, labelName?: string): { properties: JsonProperty[]; diags: Diagnostic[] } {
  const properties: JsonProperty[] = [];
  const diags: Diagnostic[] = [];
  const purpose =
    labelName === undefined ? 'to define arguments and child blocks' : `to specify ${labelName} labels for this block`;
  switch (v.kind) {
    case 'null':
      break;
    case 'object':
      properties.push(...v.properties);
      break;
    case 'array':
      for (const item of v.items) {
        if (item.kind === 'object') properties.push(...item.properties);
        else
          diags.push(
            errorDiag('Incorrect JSON value type', `A JSON object is required here, ${purpose}.`, startRange(item)),
          );
      }
      break;
    default:
      diags.push(
        errorDiag(
          'Incorrect JSON value type',
          `Either a JSON object or JSON array of objects is required here, ${purpose}.`,
          startRange(v),
        ),
      );
  }
  return { properties, diags };
}
