import { errorDiag, hasErrors, type Diagnostic } from '../hcl/diagnostics.js';
import type { ContentBlock, HclBody } from '../hcl/schema.js';
import type { EvalContext } from '../eval/context.js';
import { DynamicPseudoType, listOf, NumberType, StringType } from '../eval/types.js';
import type { Value } from '../eval/value.js';
import { parseGoDuration } from '../components/schema/go-duration.js';
import { decodeExpression } from './literal.js';
import { validateOnlyExcept, type OnlyExcept } from './only-except.js';

/*
 * `provisioner "TYPE"` and `error-cleanup-provisioner "TYPE"` blocks
 * (types.build.provisioners.go decodeProvisioner): the common fields are
 * decoded here in the build context; the rest of the body goes to the
 * provisioner's own schema when the build is planned.
 */

export interface ProvisionerBlock {
  readonly type: string;
  readonly name: string;
  readonly pauseBeforeMs: number;
  readonly maxRetries: number;
  readonly timeoutMs: number;
  readonly onlyExcept: OnlyExcept;
  /** Field overrides keyed by source name. */
  readonly override?: ReadonlyMap<string, Value>;
  readonly rest: HclBody;
  readonly block: ContentBlock;
}

const commonFields = {
  attributes: [
    { name: 'name' },
    { name: 'pause_before' },
    { name: 'max_retries' },
    { name: 'timeout' },
    { name: 'only' },
    { name: 'except' },
    { name: 'override' },
  ],
  blocks: [],
};

export function decodeProvisioner(
  block: ContentBlock,
  ctx: EvalContext,
): { provisioner?: ProvisionerBlock; diags: Diagnostic[] } {
  const { content, remain, diags } = block.body.partialContent(commonFields);
  const attr = (name: string) => content.attributes.get(name)?.expr;
  const str = (name: string) => {
    const e = attr(name);
    return (e && decodeExpression(e, StringType, ctx, diags)?.asString()) ?? '';
  };
  const list = (name: string) => {
    const e = attr(name);
    const v = e && decodeExpression(e, listOf(StringType), ctx, diags);
    return v ? v.elements().map((x) => x.asString()) : [];
  };
  const name = str('name');
  const pauseBefore = str('pause_before');
  const retries = attr('max_retries');
  const maxRetries = (retries && decodeExpression(retries, NumberType, ctx, diags)?.asNumber().toNumber()) ?? 0;
  const timeout = str('timeout');
  const onlyExcept = { only: list('only'), except: list('except') };
  const overrideExpr = attr('override');
  const override = overrideExpr && decodeExpression(overrideExpr, DynamicPseudoType, ctx, diags);
  if (hasErrors(diags)) return { diags };
  diags.push(...validateOnlyExcept(onlyExcept));
  if (hasErrors(diags)) return { diags };

  let overrides: Map<string, Value> | undefined;
  if (override) {
    if (override.type.kind !== 'object') {
      diags.push({
        severity: 'error',
        summary: "provisioner's override block must be an HCL object",
        subject: block.defRange,
      });
      return { diags };
    }
    overrides = new Map();
    for (const [source, fields] of override.entries()) {
      if (fields.type.kind !== 'object') {
        diags.push({
          severity: 'error',
          summary: `provisioner's override.'${source}' block must be an HCL object`,
          subject: block.defRange,
        });
        return { diags };
      }
      overrides.set(source, fields);
    }
  }
  const pause = durationOf(pauseBefore, 'Failed to parse pause_before duration', block, diags);
  if (pause === undefined) return { diags };
  const timeoutMs = durationOf(timeout, 'Failed to parse timeout duration', block, diags);
  if (timeoutMs === undefined) return { diags };
  const provisioner: ProvisionerBlock = {
    type: block.labels[0] ?? '',
    name,
    pauseBeforeMs: pause,
    maxRetries,
    timeoutMs,
    onlyExcept,
    override: overrides,
    rest: remain,
    block,
  };
  return { provisioner, diags };
}

function durationOf(text: string, summary: string, block: ContentBlock, diags: Diagnostic[]): number | undefined {
  if (text === '') return 0;
  const parsed = parseGoDuration(text);
  if (parsed.ok) return parsed.ms;
  diags.push(errorDiag(summary, parsed.error, block.defRange));
  return undefined;
}
