import { errorDiag, type Diagnostic } from './diagnostics.js';
import { formatRange, type Range } from './range.js';
import type { BodyContent, BodySchema, ContentBlock, HclAttribute, HclBody } from './schema.js';

/**
 * One body made of several, as hcl.MergeBodies: Packer merges the files of a
 * directory this way. Blocks come in body order; an argument set in two bodies
 * is an error. Nested merged bodies are flattened.
 */
export function mergeBodies(bodies: readonly HclBody[]): HclBody {
  return new MergedBodies(bodies.flatMap((b) => (b instanceof MergedBodies ? b.bodies : [b])));
}

class MergedBodies implements HclBody {
  constructor(readonly bodies: readonly HclBody[]) {}

  content(schema: BodySchema): { content: BodyContent; diags: Diagnostic[] } {
    const { content, diags } = this.merged(schema, false);
    return { content, diags };
  }

  partialContent(schema: BodySchema): { content: BodyContent; remain: HclBody; diags: Diagnostic[] } {
    return this.merged(schema, true);
  }

  justAttributes(): { attributes: ReadonlyMap<string, HclAttribute>; diags: Diagnostic[] } {
    const attributes = new Map<string, HclAttribute>();
    const diags: Diagnostic[] = [];
    for (const body of this.bodies) {
      const own = body.justAttributes();
      diags.push(...own.diags);
      addAttributes(attributes, own.attributes, diags);
    }
    return { attributes, diags };
  }

  missingItemRange(): Range {
    const first = this.bodies[0];
    if (first) return first.missingItemRange();
    const nowhere = { line: 0, column: 0, byte: 0 };
    return { filename: '<empty>', start: nowhere, end: nowhere };
  }

  private merged(schema: BodySchema, partial: boolean): { content: BodyContent; remain: HclBody; diags: Diagnostic[] } {
    // Any one body may supply a required argument, so each is asked with none required.
    const optional: BodySchema = {
      attributes: schema.attributes.map((a) => ({ name: a.name })),
      blocks: schema.blocks,
    };
    const attributes = new Map<string, HclAttribute>();
    const blocks: ContentBlock[] = [];
    const leftovers: HclBody[] = [];
    const diags: Diagnostic[] = [];
    for (const body of this.bodies) {
      let content: BodyContent;
      if (partial) {
        const got = body.partialContent(optional);
        leftovers.push(got.remain);
        diags.push(...got.diags);
        content = got.content;
      } else {
        const got = body.content(optional);
        diags.push(...got.diags);
        content = got.content;
      }
      addAttributes(attributes, content.attributes, diags);
      blocks.push(...content.blocks);
    }
    for (const attrS of schema.attributes) {
      if (attrS.required && !attributes.has(attrS.name)) {
        diags.push({
          severity: 'error',
          summary: 'Missing required argument',
          detail: `The argument ${JSON.stringify(attrS.name)} is required, but was not set.`,
        });
      }
    }
    return {
      content: { attributes, blocks, missingItemRange: this.missingItemRange() },
      remain: mergeBodies(leftovers),
      diags,
    };
  }
}

function addAttributes(
  into: Map<string, HclAttribute>,
  from: ReadonlyMap<string, HclAttribute>,
  diags: Diagnostic[],
): void {
  for (const [name, attr] of from) {
    const existing = into.get(name);
    if (existing) {
      diags.push(
        errorDiag(
          'Duplicate argument',
          `Argument ${JSON.stringify(name)} was already set at ${formatRange(existing.nameRange)}`,
          attr.nameRange,
        ),
      );
      continue;
    }
    into.set(name, attr);
  }
}
