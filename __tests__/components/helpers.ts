import { expect } from 'vitest';
import { lookupComponent } from '../../src/components/registry.js';
import { decodeComponent, type ComponentKind, type PrepareResult } from '../../src/components/schema/index.js';
import type { Diagnostic } from '../../src/hcl/diagnostics.js';
import { parseJSON } from '../../src/hcl/json/parse.js';
import { NativeBody } from '../../src/hcl/native-body.js';
import { parseConfig } from '../../src/hcl/parse.js';
import type { Range } from '../../src/hcl/range.js';
import type { ContentBlock, HclBody } from '../../src/hcl/schema.js';

/* Component bodies from real template text, native or JSON syntax. */

export const at = (r: Range | undefined) =>
  r && `${r.start.line}:${r.start.column}:${r.start.byte}-${r.end.line}:${r.end.column}:${r.end.byte}`;

export const brief = (d: Diagnostic) => [d.severity, d.summary, d.detail, at(d.subject)];

const TOP = {
  attributes: [],
  blocks: [
    { type: 'source', labelNames: ['type', 'name'] },
    { type: 'provisioner', labelNames: ['type'] },
    { type: 'post-processor', labelNames: ['type'] },
    { type: 'data', labelNames: ['type', 'name'] },
  ],
};

function firstBlock(body: HclBody): ContentBlock {
  const { content, diags } = body.content(TOP);
  expect(diags).toEqual([]);
  const block = content.blocks[0];
  if (!block) throw new Error('no block');
  return block;
}

/** The first top-level component block of a .pkr.hcl text. */
export function hclBlock(src: string): ContentBlock {
  const { file, diags } = parseConfig(src, 't.pkr.hcl');
  expect(diags).toEqual([]);
  return firstBlock(new NativeBody(file.body));
}

/** The first top-level component block of a .pkr.json text. */
export function jsonBlock(src: string): ContentBlock {
  const { body, diags } = parseJSON(src, 't.pkr.json');
  expect(diags).toEqual([]);
  return firstBlock(body);
}

/** Decodes the first component block of `src` (which must decode cleanly) and runs its Prepare checks. */
export function prepareBlock(kind: ComponentKind, src: string): { result: PrepareResult; defRange: Range } {
  const block = hclBlock(src);
  const spec = lookupComponent(kind, block.labels[0] ?? '')?.spec;
  if (!spec) throw new Error(`no spec for ${src}`);
  const decoded = decodeComponent(spec, block.body, undefined);
  expect(decoded.diags).toEqual([]);
  if (!decoded.config) throw new Error('no config');
  return { result: spec.prepare(decoded.config), defRange: block.defRange };
}

/** The diagnostics of decoding the first component block of `src`, as [summary, detail]. */
export function decodeDiags(kind: ComponentKind, src: string): [string, string | undefined][] {
  const block = hclBlock(src);
  const spec = lookupComponent(kind, block.labels[0] ?? '')?.spec;
  if (!spec) throw new Error(`no spec for ${src}`);
  return decodeComponent(spec, block.body, undefined).diags.map((d) => [d.summary, d.detail]);
}
