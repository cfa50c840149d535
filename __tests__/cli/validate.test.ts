import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runValidate } from '../../src/cli/validate.js';
import { memoryIO } from '../support/cli.js';

const cases = new URL('../fixtures/templates/validate-cases/', import.meta.url).pathname;
const basic = new URL('../fixtures/templates/validate-basic/', import.meta.url).pathname;

async function validate(args: string[], cwd = cases) {
  const m = memoryIO({ cwd });
  const code = await runValidate(args, m.io);
  return { code, stdout: m.stdout(), stderr: m.stderr() };
}

const VALID = 'The configuration is valid.\n';

describe('kiln validate', () => {
  test.each([
    [['build.pkr.hcl'], 0, VALID],
    [['-syntax-only', 'build.pkr.hcl'], 0, 'Syntax-only check passed. Everything looks okay.\n'],
    [['-except=bn.*', 'build.pkr.hcl'], 0, VALID],
    [['-only=bn.null.?', 'build.pkr.hcl'], 0, VALID],
    [
      ['-only=foo', 'build.pkr.hcl'],
      0,
      `Warning: an 'only' option was passed, but not all matches were found for the given build.

Possible build names: [bn.null.x bn.null.x].
These could also be matched with a glob pattern like: 'happycloud.*'


${VALID}`,
    ],
    [['-only=[', 'build.pkr.hcl'], 1, 'Error: Invalid -only pattern [: unexpected end of input\n\n\n'],
    [['nonexist'], 1, '"nonexist": stat nonexist: no such file or directory\n'],
    [['nonexist.pkr.hcl'], 1, 'Error: \n\nstat nonexist.pkr.hcl: no such file or directory\n\n\n'],
  ])('%j in validate-basic', async (args, code, stdout) => {
    expect(await validate(args, basic)).toEqual({ code, stdout, stderr: '' });
  });

  test.each([
    [
      'unsupported-argument.pkr.hcl',
      `Error: Unsupported argument

  on unsupported-argument.pkr.hcl line 3:
  (source code not available)

An argument named "foo" is not expected here.


`,
    ],
    [
      'unknown-provisioner.pkr.hcl',
      `Error: Unknown provisioner type "shel"

  on unknown-provisioner.pkr.hcl line 7:
  (source code not available)

Did you mean to use "shell"?

Error: Unknown post-processor type "ansible"

  on unknown-provisioner.pkr.hcl line 10:
  (source code not available)

The post-processor ansible is unknown by Packer, and is likely part of a plugin
that is not installed.
You may find the needed plugin along with installation instructions documented
on the Packer integrations page.

https://developer.hashicorp.com/packer/integrations?filter=ansible

Kiln knows these post-processor types: amazon-import, artifice, checksum,
compress, docker-import, docker-push, docker-save, docker-tag, manifest,
shell-local. Any other runs through its plugin once one is installed (a
required_plugins entry and kiln init, or a packer-post-processor-ansible binary
in PACKER_PLUGIN_PATH).


`,
    ],
    [
      'validation-rules.pkr.hcl',
      `Error: Invalid reference in variable validation

  on validation-rules.pkr.hcl line 8, in variable "size":
   8:     condition     = var.other != ""

The condition for variable "size" can only refer to the variable itself, using
var.size.

Error: Invalid variable validation condition

  on validation-rules.pkr.hcl line 8, in variable "size":
   8:     condition     = var.other != ""

The condition for variable "size" must refer to var.size in order to test
incoming values.

Error: Invalid validation error message

  on validation-rules.pkr.hcl line 9, in variable "size":
   9:     error_message = "lowercase message"

Validation error message must be at least one full sentence starting with an
uppercase letter ( if the alphabet permits it ) and ending with a period or
question mark.


`,
    ],
    [
      'required-version.pkr.hcl',
      `Error: Unsupported Packer Core version

  on required-version.pkr.hcl line 2, in packer:
   2:   required_version = ">= 2.0.0"

This configuration does not support Packer version 1.14.0. To proceed, either
choose another supported Packer version or update this version constraint.
Version constraints are normally set for good reason, so updating the constraint
may lead to other errors or unexpected behavior.


`,
    ],
    [
      'missing-source.pkr.hcl',
      `Error: missing source reference

  on missing-source.pkr.hcl line 1:
  (source code not available)

a build block must reference at least one source to be built


`,
    ],
    [
      'provisioner-fields.pkr.hcl',
      `Error: Failed to parse pause_before duration

  on provisioner-fields.pkr.hcl line 7:
  (source code not available)

time: unknown unit " minutes" in duration "5 minutes"

Error: only one of 'only' or 'except' may be specified


`,
    ],
    [
      'prepare-error.pkr.hcl',
      `Error: Failed preparing provisioner-block "shell-local" ""

  on prepare-error.pkr.hcl line 7:
  (source code not available)

1 error(s) occurred:

* You may only specify one of the following options: Command, Inline, Script or
Scripts. Please consolidate these options in your config.


`,
    ],
    [
      'local-missing.pkr.hcl',
      `Error: failed to prepare execution graph

An error occurred while building the graph for datasources/locals: 1 error
occurred:
	* could not get dependency "local.b" for "local.a", "local.b" missing in
template




`,
    ],
  ])('%s fails', async (file, stdout) => {
    expect(await validate([file])).toEqual({ code: 1, stdout, stderr: '' });
  });

  test('variable validation rules run against the winning value', async () => {
    expect(await validate(['validation.pkr.hcl'])).toEqual({ code: 0, stdout: VALID, stderr: '' });
    expect(await validate(['-var', 'size=200', 'validation.pkr.hcl'])).toEqual({
      code: 1,
      stdout: `Error: Invalid value for cmd variable

  on validation.pkr.hcl line 4:
  (source code not available)

The size must be below 100.

This was checked by the validation rule at validation.pkr.hcl:4,3-13.


`,
      stderr: '',
    });
  });

  test('data sources feed locals and builds, executed or not', async () => {
    expect((await validate(['datasource.pkr.hcl'])).stdout).toBe(VALID);
    expect((await validate(['-evaluate-datasources', 'datasource.pkr.hcl'])).stdout).toBe(VALID);
  });

  test('flag errors print the message and the help, status 1', async () => {
    const r = await validate(['-bogus', 'x.pkr.hcl']);
    expect(r.code).toBe(1);
    expect(
      r.stdout.startsWith('flag provided but not defined: -bogus\nUsage: kiln validate [options] TEMPLATE\n'),
    ).toBe(true);
    expect((await validate([])).code).toBe(1);
    expect((await validate(['-config-type=yaml', 'x'])).stdout).toMatch(
      /^invalid value "yaml" for flag -config-type: yaml does not belong to configType values\n/,
    );
  });

  test('-machine-readable anywhere switches the UI', async () => {
    const r = await validate(['build.pkr.hcl', '-machine-readable'].reverse(), basic);
    expect(r.stdout).toMatch(/^\d+,,ui,say,The configuration is valid\.\n$/);
  });

  test('a legacy template is reported as Packer reports one it cannot parse', async () => {
    const r = await validate(['unsupported-block.pkr.hcl'.replace('.pkr.hcl', '.json')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('stat unsupported-block.json: no such file or directory');
  });
});

describe('kiln validate with required_plugins', () => {
  const template = `
packer {
  required_plugins {
    ansible = {
      source  = "github.com/hashicorp/ansible"
      version = ">= 1.1.0"
    }
    docker = {
      source  = "github.com/hashicorp/docker"
      version = ">= 1.0.0"
    }
  }
}
source "null" "n" {
  communicator = "none"
}
build {
  sources = ["source.null.n"]
}
`;

  test('names the plugins that are neither installed nor served natively, and kiln init', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kiln-plugins-'));
    writeFileSync(join(dir, 't.pkr.hcl'), template);
    const m = memoryIO({ cwd: dir, env: { PACKER_PLUGIN_PATH: join(dir, 'plugins'), HOME: dir } });
    expect(await runValidate(['t.pkr.hcl'], m.io)).toBe(1);
    expect(m.stdout() + m.stderr()).toContain('Error: Missing plugins');
    expect(m.stdout() + m.stderr()).toContain('* github.com/hashicorp/ansible >= 1.1.0');
    expect(m.stdout() + m.stderr()).not.toContain('github.com/hashicorp/docker');
    expect(m.stdout() + m.stderr()).toContain('Did you run kiln init for this project ?');
  });

  test.each([
    ['amazon-chroot', 'a component Kiln does not have: the plugin must be installed', true],
    ['amazon-ebs', 'only components Kiln has: served natively', false],
  ])('a native source used for %s: %s', async (type, _why, missing) => {
    const dir = mkdtempSync(join(tmpdir(), 'kiln-plugins-'));
    const text =
      'packer {\n  required_plugins {\n    amazon = {\n      source  = "github.com/hashicorp/amazon"\n' +
      `      version = ">= 1.0.0"\n    }\n  }\n}\nsource "${type}" "c" {\n  source_ami = "ami-1"\n}\n` +
      `build {\n  sources = ["source.${type}.c"]\n}\n`;
    writeFileSync(join(dir, 't.pkr.hcl'), text);
    const m = memoryIO({ cwd: dir, env: { PACKER_PLUGIN_PATH: join(dir, 'plugins'), HOME: dir } });
    expect(await runValidate(['t.pkr.hcl'], m.io)).toBe(1);
    const out = m.stdout() + m.stderr();
    if (missing)
      expect(out).toContain(
        'Error: Missing plugins\n\nThe following plugins are required, but not installed:\n\n* github.com/hashicorp/amazon >= 1.0.0\n',
      );
    else expect(out).not.toContain('Missing plugins');
  });
});
