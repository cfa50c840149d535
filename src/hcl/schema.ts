import type { Expression } from './ast.js';
import type { Diagnostic } from './diagnostics.js';
import type { Range } from './range.js';
import type { Value } from '../eval/value.js';

/*
 * The schema-driven body interface, shaped as hcl.Body. Decoders never look at
 * syntax: they ask a body for the attributes and blocks a schema names, and the
 * native (.pkr.hcl) and JSON (.pkr.json) bodies answer alike.
 */

export interface AttributeSchema {
  readonly name: string;
  readonly required?: boolean;
}

export interface BlockHeaderSchema {
  readonly type: string;
  readonly labelNames: readonly string[];
}

export interface BodySchema {
  readonly attributes: readonly AttributeSchema[];
  readonly blocks: readonly BlockHeaderSchema[];
}

/** An attribute as hcl.Attribute: `range` covers name to end of value. */
export interface HclAttribute {
  readonly name: string;
  readonly expr: Expression;
  readonly range: Range;
  readonly nameRange: Range;
  /**
   * Variables `expr` sees over the decoder's context, as dynblock's exprWrap:
   * the iterators of the `dynamic` blocks that generated this attribute's block.
   */
  readonly scope?: ReadonlyMap<string, Value>;
}

/** A block as hcl.Block. `defRange` is what diagnostics about the whole block underline. */
export interface ContentBlock {
  readonly type: string;
  readonly labels: readonly string[];
  readonly body: HclBody;
  readonly defRange: Range;
  readonly typeRange: Range;
  readonly labelRanges: readonly Range[];
}

export interface BodyContent {
  readonly attributes: ReadonlyMap<string, HclAttribute>;
  /** In written order, across all block types of the schema. */
  readonly blocks: readonly ContentBlock[];
  readonly missingItemRange: Range;
}

export interface HclBody {
  /** Everything the schema names; anything else in the body is an error. */
  content(schema: BodySchema): { content: BodyContent; diags: Diagnostic[] };
  /** What the schema names, plus a body holding the rest for the next decoder. */
  partialContent(schema: BodySchema): { content: BodyContent; remain: HclBody; diags: Diagnostic[] };
  /** Every attribute, for bodies whose argument names are not known ahead (locals, variable files). */
  justAttributes(): { attributes: ReadonlyMap<string, HclAttribute>; diags: Diagnostic[] };
  /** Where to point at something that should have been in this body but is not. */
  missingItemRange(): Range;
}
