import { errorDiag, type Diagnostic } from '../hcl/diagnostics.js';
import { formatRange } from '../hcl/range.js';
import type { ContentBlock, HclBody } from '../hcl/schema.js';
import { StringType } from '../eval/types.js';
import { decodeLiteral } from './literal.js';

/*
 * `source "TYPE" "NAME"` blocks and their uses in builds (types.source.go).
 * A use names a source as `source.TYPE.NAME` or `TYPE.NAME`; a build-level
 * `source "TYPE.NAME" { name = "..." ... }` block may give it a local name and
 * add builder fields, merged over the source's own body.
 */

export interface SourceBlock {
  readonly type: string;
  readonly name: string;
  readonly block: ContentBlock;
}

export interface SourceRef {
  readonly type: string;
  readonly name: string;
}

export interface SourceUse extends SourceRef {
  readonly localName: string;
  /** The build-level body adding fields, if the use is a block. */
  readonly body?: HclBody;
}

export function sourceKey(ref: SourceRef): string {
  return `${ref.type}.${ref.name}`;
}

/** The name builds and filters see: `type.localname` or `type.name`. */
export function useName(use: SourceUse): string {
  return `${use.type}.${use.localName || use.name}`;
}

/** sourceRefFromString: `source.T.N` or `T.N`; undefined for fewer than two parts. */
export function sourceRefFromString(text: string): SourceRef | undefined {
  let parts = text.split('.');
  if (parts.length < 2) return undefined;
  if (parts.length > 2) parts = parts.slice(1);
  return { type: parts[0] ?? '', name: parts[1] ?? '' };
}

/** Adds a top-level source block, reporting a second one with the same type and name. */
export function addSource(sources: Map<string, SourceBlock>, block: ContentBlock): Diagnostic[] {
  const source = { type: block.labels[0] ?? '', name: block.labels[1] ?? '', block };
  const existing = sources.get(sourceKey(source));
  if (existing) {
    return [
      errorDiag(
        'Duplicate source block',
        `This source block has the same builder type and name as a previous block declared at ${formatRange(existing.block.defRange)}. Each source must have a unique name per builder type.`,
        block.defRange,
      ),
    ];
  }
  sources.set(sourceKey(source), source);
  return [];
}

/** decodeBuildSource: the `name` attribute is Packer's; everything else is builder fields. */
export function decodeBuildSource(block: ContentBlock): { use: SourceUse; diags: Diagnostic[] } {
  const ref = sourceRefFromString(block.labels[0] ?? '') ?? { type: '', name: '' };
  const { content, remain, diags } = block.body.partialContent({ attributes: [{ name: 'name' }], blocks: [] });
  const nameAttr = content.attributes.get('name');
  const localName = (nameAttr && decodeLiteral(nameAttr.expr, StringType, diags)?.asString()) ?? '';
  return { use: { ...ref, localName, body: remain }, diags };
}
