import { errorDiag, hasErrors, warningDiag, type Diagnostic } from '../hcl/diagnostics.js';
import type { ContentBlock } from '../hcl/schema.js';
import type { EvalContext } from '../eval/context.js';
import { listOf, StringType } from '../eval/types.js';
import { Value } from '../eval/value.js';
import { decodeExpression } from './literal.js';
import { isValidIdentifier } from './names.js';
import { decodePostProcessor, type PostProcessorBlock } from './post-processor.js';
import { decodeProvisioner, type ProvisionerBlock } from './provisioner.js';
import { decodeBuildSource, sourceRefFromString, type SourceUse } from './source.js';

/*
 * `build` blocks (types.build.go decodeBuildConfig): name, description and
 * sources are decoded in the locals context; provisioners and post-processors
 * see `build.name`. A standalone post-processor is a chain of one.
 */

export interface BuildBlock {
  readonly name: string;
  readonly description: string;
  readonly sources: SourceUse[];
  readonly provisioners: ProvisionerBlock[];
  errorCleanupProvisioner?: ProvisionerBlock;
  readonly postProcessorChains: PostProcessorBlock[][];
  readonly block: ContentBlock;
}

export const HCP_REGISTRY = 'hcp_packer_registry';

/** A build block's nested blocks (also read by plugins/component-uses.ts before decoding). */
export const BUILD_SCHEMA = {
  attributes: [],
  blocks: [
    { type: 'from', labelNames: ['type'] },
    { type: 'source', labelNames: ['reference'] },
    { type: 'provisioner', labelNames: ['type'] },
    { type: 'error-cleanup-provisioner', labelNames: ['type'] },
    { type: 'post-processor', labelNames: ['type'] },
    { type: 'post-processors', labelNames: [] },
    { type: HCP_REGISTRY, labelNames: [] },
  ],
};

/** A post-processors block: its chain. */
export const CHAIN_SCHEMA = { attributes: [], blocks: [{ type: 'post-processor', labelNames: ['type'] }] };

const INVALID_SOURCE_DETAIL =
  'A source type is made of three parts that are split by a dot `.`; each part must start with a letter and may contain only letters, digits, underscores, and dashes. A valid source reference looks like: `source.type.name`';

/**
 * `localsCtx` is Packer's LocalContext; `buildCtx` its BuildContext, to which
 * `build.name` is added for provisioners and post-processors.
 */
export function decodeBuild(
  block: ContentBlock,
  localsCtx: EvalContext,
  buildCtx: EvalContext,
): { build?: BuildBlock; diags: Diagnostic[] } {
  const { content, remain, diags } = block.body.partialContent({
    attributes: [{ name: 'name' }, { name: 'description' }, { name: 'sources' }],
    blocks: [],
  });
  const str = (name: string) => {
    const attr = content.attributes.get(name);
    return (attr && decodeExpression(attr.expr, StringType, localsCtx, diags)?.asString()) ?? '';
  };
  const name = str('name');
  const description = str('description');
  const sourcesAttr = content.attributes.get('sources');
  const sourceNames = sourcesAttr
    ? decodeExpression(sourcesAttr.expr, listOf(StringType), localsCtx, diags)
    : undefined;
  if (hasErrors(diags)) return { diags };

  const build: BuildBlock = { name, description, sources: [], provisioners: [], postProcessorChains: [], block };
  let hadSource = false;
  for (const text of sourceNames?.elements().map((v) => v.asString()) ?? []) {
    hadSource = true;
    const ref = sourceRefFromString(text);
    if (!ref || !isValidIdentifier(ref.type) || !isValidIdentifier(ref.name)) {
      diags.push(errorDiag('Invalid source reference', INVALID_SOURCE_DETAIL, block.defRange));
      continue;
    }
    build.sources.push({ ...ref, localName: '' });
  }

  const inner = remain.content(BUILD_SCHEMA);
  diags.push(...inner.diags);
  if (hasErrors(diags)) return { diags };
  const ctx: EvalContext = {
    ...buildCtx,
    variables: new Map([...buildCtx.variables, ['build', Value.object({ name: Value.string(name) })]]),
  };
  let hcpRegistry = false;
  for (const b of inner.content.blocks) {
    switch (b.type) {
      case HCP_REGISTRY:
        if (hcpRegistry) {
          diags.push({ severity: 'error', summary: `Only one ${HCP_REGISTRY} is allowed`, subject: b.defRange });
          continue;
        }
        hcpRegistry = true;
        diags.push(hcpRegistryWarning(b));
        break;
      case 'source': {
        hadSource = true;
        const { use, diags: d } = decodeBuildSource(b);
        diags.push(...d);
        if (!hasErrors(d)) build.sources.push(use);
        break;
      }
      case 'provisioner': {
        const { provisioner, diags: d } = decodeProvisioner(b, ctx);
        diags.push(...d);
        if (provisioner) build.provisioners.push(provisioner);
        break;
      }
      case 'error-cleanup-provisioner': {
        if (build.errorCleanupProvisioner) {
          diags.push({
            severity: 'error',
            summary: 'Only one error-cleanup-provisioner is allowed',
            subject: b.defRange,
          });
          continue;
        }
        const { provisioner, diags: d } = decodeProvisioner(b, ctx);
        diags.push(...d);
        if (provisioner) build.errorCleanupProvisioner = provisioner;
        break;
      }
      case 'post-processor': {
        const { postProcessor, diags: d } = decodePostProcessor(b, ctx);
        diags.push(...d);
        if (postProcessor) build.postProcessorChains.push([postProcessor]);
        break;
      }
      case 'post-processors': {
        const chain = decodeChain(b, ctx, diags);
        if (chain) build.postProcessorChains.push(chain);
        break;
      }
    }
  }
  if (!hadSource) {
    diags.push(
      errorDiag(
        'missing source reference',
        'a build block must reference at least one source to be built',
        block.defRange,
      ),
    );
  }
  return hasErrors(diags) ? { diags } : { build, diags };
}

function decodeChain(block: ContentBlock, ctx: EvalContext, diags: Diagnostic[]): PostProcessorBlock[] | undefined {
  const { content, diags: d } = block.body.content(CHAIN_SCHEMA);
  diags.push(...d);
  if (hasErrors(d)) return undefined;
  const chain: PostProcessorBlock[] = [];
  for (const b of content.blocks) {
    const { postProcessor, diags: pd } = decodePostProcessor(b, ctx);
    diags.push(...pd);
    if (!postProcessor) return undefined;
    chain.push(postProcessor);
  }
  return chain;
}

/** Kiln does not talk to HCP Packer: the block is read and ignored. */
export function hcpRegistryWarning(block: ContentBlock): Diagnostic {
  return warningDiag(
    `Unsupported ${HCP_REGISTRY} block`,
    'Kiln does not publish build metadata to the HCP Packer registry; this block is ignored.',
    block.defRange,
  );
}
