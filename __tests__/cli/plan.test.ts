import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { memoryIO } from '../support/cli.js';

const template = `
variable "v" {
  type = string
}
source "null" "a" {
  communicator = "none"
}
source "file" "b" {
  content = var.v
  target  = "b.txt"
}
build {
  sources = ["source.null.a", "source.file.b"]
}
build {
  name    = "second"
  sources = ["source.null.a"]
}
`;

function dir(): string {
  const d = mkdtempSync(join(tmpdir(), 'kiln-plan-'));
  writeFileSync(join(d, 't.pkr.hcl'), template);
  return d;
}

describe('kiln plan', () => {
  it.each([
    [['-var', 'v=x', '.'], '{"include":[{"build":"null.a"},{"build":"file.b"},{"build":"second.null.a"}]}\n'],
    [['-var=v=x', '-only=second.*,null.a', '.'], '{"include":[{"build":"null.a"},{"build":"second.null.a"}]}\n'],
    [['-var=v=x', '-except=second.*,file.b', 't.pkr.hcl'], '{"include":[{"build":"null.a"}]}\n'],
  ])('%j prints the matrix', async (args, out) => {
    const { io, stdout, stderr } = memoryIO({ cwd: dir() });
    expect(await main(['plan', ...args], io)).toBe(0);
    expect(stdout()).toBe(out);
    expect(stderr()).toBe('');
  });

  it('writes diagnostics to stderr and exits 1 on errors', async () => {
    const { io, stdout, stderr } = memoryIO({ cwd: dir() });
    expect(await main(['plan', '.'], io)).toBe(1);
    expect(stdout()).toBe('');
    expect(stderr()).toBe(
      'Error: Unset variable "v"\n\nA used variable must be set or have a default value; see\nhttps://packer.io/docs/templates/hcl_templates/syntax for details.\n\n\n',
    );
  });

  it('writes a warning to stderr and keeps stdout the JSON alone', async () => {
    const { io, stdout, stderr } = memoryIO({ cwd: dir() });
    expect(await main(['plan', '-var=v=x', '-only=nope', '.'], io)).toBe(0);
    expect(stdout()).toBe('{"include":[]}\n');
    expect(stderr()).toContain(
      "Warning: an 'only' option was passed, but not all matches were found for the given build.",
    );
  });

  it('needs exactly one template', async () => {
    const { io, stdout } = memoryIO({ cwd: dir() });
    expect(await main(['plan'], io)).toBe(1);
    expect(stdout()).toMatch(/^Usage: kiln plan \[options\] TEMPLATE\n/);
  });
});
