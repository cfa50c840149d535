import { describe, expect, it } from 'vitest';
import { parseJSON } from '../../src/hcl/json/parse.js';
import { NativeBody } from '../../src/hcl/native-body.js';
import { parseConfig } from '../../src/hcl/parse.js';
import type { BlockHeaderSchema, BodySchema, HclBody } from '../../src/hcl/schema.js';

/*
 * The same Packer template written in both syntaxes must give the same content
 * through HclBody: same blocks in the same order with the same labels, and the
 * same expressions (ranges aside). HCL strings and keys are written quoted where
 * JSON can only have strings.
 */

const HCL = `
variable "region" {
  type    = "\${string}"
  default = "us-east-1"
}

source "docker" "ubuntu" {
  image  = "ubuntu:22.04"
  commit = true
  changes = ["USER root", "WORKDIR /app"]
}

source "null" "none" {
  communicator = "none"
}

build {
  sources = ["source.docker.ubuntu", "source.null.none"]

  provisioner "shell" {
    inline = ["echo \${var.region}", "uname -a"]
    max_retries = 3
  }

  provisioner "file" {
    source      = "a.txt"
    destination = "/tmp/\${source.name}.txt"
  }

  post-processor "manifest" {
    custom_data = { "region" = "\${var.region}", "n" = 1.5 }
  }
}
`;

const JSON_TEMPLATE = JSON.stringify({
  variable: { region: { type: '${string}', default: 'us-east-1' } },
  source: [
    { docker: { ubuntu: { image: 'ubuntu:22.04', commit: true, changes: ['USER root', 'WORKDIR /app'] } } },
    { null: { none: { communicator: 'none' } } },
  ],
  build: {
    sources: ['source.docker.ubuntu', 'source.null.none'],
    provisioner: [
      { shell: { inline: ['echo ${var.region}', 'uname -a'], max_retries: 3 } },
      { file: { source: 'a.txt', destination: '/tmp/${source.name}.txt' } },
    ],
    'post-processor': { manifest: { custom_data: { region: '${var.region}', n: 1.5 } } },
  },
});

const SCHEMAS: Record<string, BodySchema> = {
  root: {
    attributes: [],
    blocks: [
      { type: 'variable', labelNames: ['name'] },
      { type: 'source', labelNames: ['type', 'name'] },
      { type: 'build', labelNames: [] },
    ],
  },
  variable: { attributes: [{ name: 'type' }, { name: 'default' }], blocks: [] },
  build: {
    attributes: [{ name: 'sources' }],
    blocks: [
      { type: 'provisioner', labelNames: ['type'] },
      { type: 'post-processor', labelNames: ['type'] },
    ],
  },
};

/** Everything but source positions. */
function withoutRanges(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(withoutRanges);
  if (typeof v !== 'object' || v === null) return v;
  const entries = Object.entries(v).filter(([k]) => k !== 'range' && !k.endsWith('Range') && !k.endsWith('Ranges'));
  return Object.fromEntries(entries.map(([k, x]) => [k, withoutRanges(x)]));
}

/** Decodes a body the way a template loader would: schema where known, justAttributes in components. */
function decode(body: HclBody, schema: BodySchema | undefined): unknown {
  if (!schema) {
    const { attributes, diags } = body.justAttributes();
    expect(diags).toEqual([]);
    return [...attributes.values()].map((a) => [a.name, withoutRanges(a.expr)]);
  }
  const { content, diags } = body.content(schema);
  expect(diags).toEqual([]);
  return {
    attributes: [...content.attributes.values()].map((a) => [a.name, withoutRanges(a.expr)]),
    blocks: content.blocks.map((b) => [b.type, b.labels, decode(b.body, childSchema(b.type))]),
  };
}

function childSchema(type: BlockHeaderSchema['type']): BodySchema | undefined {
  return SCHEMAS[type];
}

describe('HCL and JSON syntax through HclBody', () => {
  it('give the same content for the same template', () => {
    const native = parseConfig(HCL, 't.pkr.hcl');
    expect(native.diags).toEqual([]);
    const json = parseJSON(JSON_TEMPLATE, 't.pkr.json');
    expect(json.diags).toEqual([]);
    const fromHcl = decode(new NativeBody(native.file.body), SCHEMAS.root);
    const fromJson = decode(json.body, SCHEMAS.root);
    expect(fromJson).toEqual(fromHcl);
    // And the decode saw the whole template, not an empty one.
    expect(JSON.stringify(fromHcl)).toContain('post-processor');
    expect(JSON.stringify(fromHcl)).toContain('WORKDIR /app');
  });
});
