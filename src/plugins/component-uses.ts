import type { BodyContent, BodySchema, HclBody } from '../hcl/schema.js';
import { BUILD_SCHEMA, CHAIN_SCHEMA } from '../template/build.js';
import type { PackerConfig } from '../template/config.js';
import type { ComponentUse } from './native.js';

/*
 * The component types a parsed template writes, read from its blocks before
 * anything is evaluated (what `init`, `validate` and `build` know when they
 * check required plugins): every `source` and `data` block's type, and the
 * provisioners and post-processors of every `build` block. Malformed blocks
 * are skipped; decoding reports them later.
 */

export function templateComponentUses(config: Pick<PackerConfig, 'contents'>): ComponentUse[] {
  const used = new Map<string, ComponentUse>();
  const add = (kind: ComponentUse['kind'], type: string | undefined) => {
    if (type !== undefined) used.set(`${kind}.${type}`, { kind, type });
  };
  for (const content of config.contents) {
    for (const block of content.blocks) {
      if (block.type === 'source') add('builder', block.labels[0]);
      else if (block.type === 'data') add('datasource', block.labels[0]);
      else if (block.type === 'build') {
        for (const inner of blocksOf(block.body, BUILD_SCHEMA).blocks) {
          if (inner.type === 'post-processors') {
            for (const pp of blocksOf(inner.body, CHAIN_SCHEMA).blocks) add('post-processor', pp.labels[0]);
          } else if (inner.type === 'post-processor') add('post-processor', inner.labels[0]);
          else if (inner.type === 'provisioner' || inner.type === 'error-cleanup-provisioner') {
            add('provisioner', inner.labels[0]);
          }
        }
      }
    }
  }
  return [...used.values()];
}

function blocksOf(body: HclBody, schema: BodySchema): BodyContent {
  return body.partialContent(schema).content;
}
