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

const legacy = {
  variables: { suffix: 'x', pw: 'hunter2-secret' },
  'sensitive-variables': ['pw'],
  builders: [
    { type: 'null', communicator: 'none' },
    { type: 'null', name: 'second', communicator: 'none' },
    { type: 'file', name: 'doc-{{user `suffix`}}', content: 'x', target: 'doc.txt' },
  ],
};

function legacyDir(template: unknown = legacy): string {
  const d = mkdtempSync(join(tmpdir(), 'kiln-plan-legacy-'));
  writeFileSync(join(d, 't.json'), JSON.stringify(template));
  return d;
}

describe('kiln plan of a legacy JSON template', () => {
  // Named as -only selects them (Packer 1.6.6's build names: the builder's name, else its type), sorted as Packer sorts them.
  it.each([
    [['t.json'], '{"include":[{"build":"doc-x"},{"build":"null"},{"build":"second"}]}\n'],
    [['-var', 'suffix=y', '-only=second,doc-y', 't.json'], '{"include":[{"build":"doc-y"},{"build":"second"}]}\n'],
    [['-except=null', 't.json'], '{"include":[{"build":"doc-x"},{"build":"second"}]}\n'],
    // Exact names only: neither a glob nor the type-prefixed name selects.
    [['-only=null.second,sec*', 't.json'], '{"include":[]}\n'],
  ])('%j prints the matrix', async (args, out) => {
    const { io, stdout, stderr } = memoryIO({ cwd: legacyDir() });
    expect(await main(['plan', ...args], io)).toBe(0);
    expect(stdout()).toBe(out);
    expect(stderr()).toBe('');
  });

  it('writes the errors of builds that fail to prepare to stderr, sensitive values hidden, and exits 1', async () => {
    const template = {
      ...legacy,
      builders: [
        ...legacy.builders,
        {
          type: 'null',
          name: 'bad',
          ssh_host: 'h',
          ssh_username: 'u',
          ssh_private_key_file: '/nope/{{user `pw`}}',
        },
      ],
    };
    const { io, stdout, stderr } = memoryIO({ cwd: legacyDir(template) });
    expect(await main(['plan', '-only=bad,null', 't.json'], io)).toBe(1);
    expect(stdout()).toBe('');
    // As packer validate 1.6.6 prints it.
    expect(stderr()).toBe(
      [
        'Error: Failed to prepare build: "bad"',
        '',
        '1 error(s) occurred:',
        '',
        '* ssh_private_key_file is invalid: stat /nope/<sensitive>: no such file or',
        'directory',
        '',
        '',
        '',
      ].join('\n'),
    );
  });

  it('writes a loading error as Packer does', async () => {
    const { io, stdout, stderr } = memoryIO({ cwd: legacyDir({ builders: [] }) });
    expect(await main(['plan', 't.json'], io)).toBe(1);
    expect(stdout()).toBe('');
    // As packer validate 1.6.6 prints it (on stdout).
    expect(stderr()).toBe('Error: \n\n1 error occurred:\n\t* at least one builder must be defined\n\n\n\n\n');
  });
});
