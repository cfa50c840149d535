import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lookupComponent } from '../../src/components/registry.js';
import { decodeComponent, multiErrorText, type ComponentKind } from '../../src/components/schema/index.js';
import { packerAvailable, runPacker } from '../support/packer.js';
import { hclBlock } from './helpers.js';

/*
 * `packer validate` (1.6.6, plugins built in) on small templates against our
 * decode + Prepare. `packer166` holds what 1.6.6 says where the current plugin
 * (which Kiln follows) words it differently.
 */

interface Case {
  readonly name: string;
  readonly kind: ComponentKind;
  readonly block: string;
  readonly packer166?: string;
}

const CASES: Case[] = [
  {
    name: 'docker wrong type',
    kind: 'builder',
    block: 'source "docker" "x" {\n  image = "debian"\n  commit = "yes"\n}',
  },
  {
    name: 'docker unsupported argument',
    kind: 'builder',
    block: 'source "docker" "x" {\n  image = "debian"\n  export_path = "o.tar"\n  imagee = "x"\n}',
  },
  {
    name: 'docker conflicting artifact modes (current wording for the missing image)',
    kind: 'builder',
    block: 'source "docker" "x" {\n  commit = true\n  discard = true\n}',
    packer166:
      '2 error(s) occurred:\n\n* Image must be specified\n* Cannot specify more than one of commit, discard, and export_path',
  },
  { name: 'null ssh without settings', kind: 'builder', block: 'source "null" "x" { communicator = "ssh" }' },
  { name: 'null ok', kind: 'builder', block: 'source "null" "x" { communicator = "none" }' },
  {
    name: 'amazon-ebs checks',
    kind: 'builder',
    block: 'source "amazon-ebs" "x" {\n  ami_name = "a!"\n  ssh_username = "ubuntu"\n  region = "us-east-1"\n}',
  },
  {
    name: 'shell script and inline',
    kind: 'provisioner',
    block: 'provisioner "shell" {\n  script = "nope.sh"\n  inline = ["echo"]\n}',
  },
  {
    name: 'file builder duration-free ok',
    kind: 'builder',
    block: 'source "file" "x" {\n  target = "out"\n  content = "x"\n}',
  },
  {
    name: 'null bad duration',
    kind: 'builder',
    block: 'source "null" "x" {\n  communicator = "none"\n  ssh_timeout = "5x"\n}',
  },
];

function template(c: Case): string {
  if (c.kind === 'builder') {
    const [, type] = /"([^"]+)"/.exec(c.block) ?? [];
    return `${c.block}\nbuild { sources = ["source.${type}.x"] }\n`;
  }
  return `source "null" "n" { communicator = "none" }\nbuild {\n  sources = ["source.null.n"]\n  ${c.block}\n}\n`;
}

/** Our first error as text (summary, then detail), or undefined when valid. */
function ours(c: Case): string | undefined {
  const block = hclBlock(c.block);
  const spec = lookupComponent(c.kind, block.labels[0] ?? '')?.spec;
  if (!spec) throw new Error('no spec');
  const decoded = decodeComponent(spec, block.body, undefined);
  const diag = decoded.diags.find((d) => d.severity === 'error');
  if (diag) return diag.detail ? `${diag.summary}\n${diag.detail}` : diag.summary;
  if (!decoded.config) throw new Error('no config');
  const { errors } = spec.prepare(decoded.config);
  return errors.length ? multiErrorText(errors) : undefined;
}

const dir = mkdtempSync(join(tmpdir(), 'kiln-validate-'));

describe.skipIf(!packerAvailable())('components against packer 1.6.6 validate', () => {
  it.each(CASES)('$name', async (c) => {
    const file = join(dir, `${c.name.replace(/\W+/g, '-')}.pkr.hcl`);
    writeFileSync(file, template(c));
    const run = await runPacker(['validate', file], { cwd: dir });
    const out = run.stdout + run.stderr;
    const mine = ours(c);
    expect(run.exit === 0).toBe(mine === undefined);
    if (mine === undefined) return;
    // Packer's framing differs by layer ("Failed preparing provisioner-block", one
    // "N error(s) decoding:" for all duration errors); every line of ours must appear.
    for (const line of (c.packer166 ?? mine).split('\n')) expect(out).toContain(line);
  });
});
