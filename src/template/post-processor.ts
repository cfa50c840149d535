import { hasErrors, type Diagnostic } from '../hcl/diagnostics.js';
import type { ContentBlock, HclBody } from '../hcl/schema.js';
import type { EvalContext } from '../eval/context.js';
import { BoolType, listOf, StringType } from '../eval/types.js';
import { decodeExpression } from './literal.js';
import { validateOnlyExcept, type OnlyExcept } from './only-except.js';

/*
 * `post-processor "TYPE"` blocks (types.build.post-processor.go): name, only,
 * except and keep_input_artifact are Packer's; the rest of the body goes to
 * the post-processor's schema when the build is planned.
 */

export interface PostProcessorBlock {
  readonly type: string;
  readonly name: string;
  readonly onlyExcept: OnlyExcept;
  readonly keepInputArtifact?: boolean;
  readonly rest: HclBody;
  readonly block: ContentBlock;
}

const commonFields = {
  attributes: [{ name: 'name' }, { name: 'only' }, { name: 'except' }, { name: 'keep_input_artifact' }],
  blocks: [],
};

export function decodePostProcessor(
  block: ContentBlock,
  ctx: EvalContext,
): { postProcessor?: PostProcessorBlock; diags: Diagnostic[] } {
  const { content, remain, diags } = block.body.partialContent(commonFields);
  const attr = (name: string) => content.attributes.get(name)?.expr;
  const nameExpr = attr('name');
  const name = (nameExpr && decodeExpression(nameExpr, StringType, ctx, diags)?.asString()) ?? '';
  const list = (field: string) => {
    const e = attr(field);
    const v = e && decodeExpression(e, listOf(StringType), ctx, diags);
    return v ? v.elements().map((x) => x.asString()) : [];
  };
  const onlyExcept = { only: list('only'), except: list('except') };
  const keepExpr = attr('keep_input_artifact');
  const keepInputArtifact = keepExpr && decodeExpression(keepExpr, BoolType, ctx, diags)?.asBool();
  if (hasErrors(diags)) return { diags };
  diags.push(...validateOnlyExcept(onlyExcept));
  if (hasErrors(diags)) return { diags };
  return {
    postProcessor: { type: block.labels[0] ?? '', name, onlyExcept, keepInputArtifact, rest: remain, block },
    diags,
  };
}
