import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { childProcesses } from '../plugins/bridge/support.js';
import { installModernPlugin } from '../support/modern-plugin.js';
import { packerAvailable } from '../support/packer.js';
import { errorSummaries, fixtures, kilnConsole, packerConsole, tempTemplate } from '../template/scope-helpers.js';

/* `kiln console` with templates: piped and interactive modes, commands, flags and exit status. */

const basic = join(fixtures, 'console-basic');
const consoleDir = join(fixtures, 'console-dir');
const localBlock = join(fixtures, 'console-local-block');

const consoleHelp = `Packer console HCL2 Mode.
The Packer console allows you to experiment with Packer interpolations.
You may access variables and functions in the Packer config you called the
console with.

Type in the interpolation to test and hit <enter> to see the result.

"upper(var.foo.id)" would evaluate to the ID of "foo" and uppercase is, if it
exists in your config file.

"variables" will dump all available variables and their values.

To exit the console, type "exit" and hit <enter>, or use Control-C.

/!\\ It is not possible to use go templating interpolation like "{{timestamp}}"
with in HCL2 mode.
`;

const consoleDirVariables = `> input-variables:

var.registry: "ghcr.io"
var.tag: "1.0"

> local-variables:

local.base: "ghcr.io/app"
local.image: "ghcr.io/app:1.0"

`;

describe('piped kiln console', () => {
  it.each([
    ['only the last line', '1 + 1\nupper("kiln")\n', 'KILN\n'],
    ['an empty last line', '1 + 1\n\n', '\n'],
    ['nothing', '', '\n'],
    ['trimmed lines', '   "a"   \n', 'a\n'],
    ['help', 'help\n', consoleHelp],
    ['exit, which ends nothing when piped', 'exit\n', '\n'],
  ])('prints the result of %s', async (_what, stdin, stdout) => {
    expect(await kilnConsole([], basic, stdin)).toEqual({ stdout, stderr: '', exit: 0 });
  });

  it('prints the variables command', async () => {
    const r = await kilnConsole(['-var-file=release.pkrvars.hcl', '.'], consoleDir, 'variables\n');
    expect(r).toEqual({ stdout: consoleDirVariables, stderr: '', exit: 0 });
  });

  it.each([
    ['var.name', [], 'kiln\n'],
    ['var.name', ['-var', 'name=cli'], 'cli\n'],
    ['var.size * 2', ['-var', 'size=21'], '42\n'],
    ['var.tags', ['-var', 'tags=["x", "y"]'], '[\n  "x",\n  "y",\n]\n'],
    ['local.greeting', ['-var', 'name=world'], 'hello world\n'],
    ['var.flags', [], '{\n  "debug" = false\n}\n'],
    ['var.secret', [], '<sensitive>\n'],
    ['upper(var.secret)', [], '<sensitive>\n'],
    ['[var.secret, "plain"]', [], '[\n  <sensitive>,\n  "plain",\n]\n'],
    ['build', [], '<unknown>\n'],
    ['source.name', [], '<unknown>\n'],
    ['packer.iterationID', [], '<unknown>\n'],
    ['"${source.name}!"', [], '<unknown>\n'],
    ['packer.version', [], '1.14.0\n'],
    ['path.root', [], '.\n'],
  ])('%s with %j', async (expr, flags, stdout) => {
    const r = await kilnConsole([...flags, '-var', 'required=r', '.'], basic, `${expr}\n`);
    expect(r).toEqual({ stdout, stderr: '', exit: 0 });
  });

  it('reads -var-file values, the last file given winning', async () => {
    const dir = tempTemplate({
      'v.pkr.hcl': 'variable "p" {\n  type = list(number)\n}\n',
      'one.pkrvars.json': '{"p": [1]}',
      'two.pkrvars.hcl': 'p = [2, 3]\n',
    });
    const r = await kilnConsole(['-var-file', 'two.pkrvars.hcl', '-var-file=one.pkrvars.json', '.'], dir, 'var.p\n');
    expect(r).toEqual({ stdout: '[\n  1,\n]\n', stderr: '', exit: 0 });
  });

  it('prints <sensitive> for a sensitive local', async () => {
    const r = await kilnConsole(['.'], localBlock, 'local.token\n');
    expect(r).toEqual({ stdout: '<sensitive>\n', stderr: '', exit: 0 });
    const listing = await kilnConsole(['.'], localBlock, 'variables\n');
    expect(listing.stdout).toBe(
      '> input-variables:\n\nvar.password: "<sensitive>"\n\n> local-variables:\n\nlocal.plain: "X"\nlocal.suffix: "x"\nlocal.token: "<sensitive>"\n\n',
    );
  });

  it('exits 1 when a line fails, and still prints the last result', async () => {
    const r = await kilnConsole([], basic, '1 +\n2\n');
    expect(r).toEqual({
      stdout: `Error: Missing expression

  on <console-input> line 1:
   1: 1 +

Expected the start of an expression, but found the end of the file.


2
`,
      stderr: '',
      exit: 1,
    });
  });

  it('exits 1 after an evaluation error on the last line', async () => {
    // build is an unknown object with no attributes: Packer's validate-time scope.
    const r = await kilnConsole([], basic, 'build.ID\n');
    expect(r.exit).toBe(1);
    expect(r.stdout).toBe(`Error: Unsupported attribute

  on <console-input> line 1:
   1: build.ID

This object does not have an attribute named "ID".


\n`);
  });

  it('ends before reading a line when the template does not load', async () => {
    const dir = tempTemplate({ 'a.pkr.hcl': 'variable "x" {\n  type    = number\n  default = "abc"\n}\n' });
    const r = await kilnConsole(['.'], dir, 'help\n');
    expect(r).toEqual({
      stdout: `Error: Invalid default value for variable

  on a.pkr.hcl line 3, in variable "x":
   3:   default = "abc"

This default value is not compatible with the variable's type constraint: a
number is required.


`,
      stderr: '',
      exit: 1,
    });
  });

  it('shows the diagnostics of evaluating the template on stderr, and goes on', async () => {
    const r = await kilnConsole(['.'], basic, 'var.required\n');
    expect(r).toEqual({
      stdout: '<unknown>\n',
      stderr: `Error: Unset variable "required"

A used variable must be set or have a default value; see
https://packer.io/docs/templates/hcl_templates/syntax for details.


`,
      exit: 0,
    });
  });

  it('rejects a -var without "=" and an undeclared -var', async () => {
    const bad = await kilnConsole(['-var', 'foo', '.'], basic, '1\n');
    expect(bad.exit).toBe(1);
    expect(bad.stdout).toMatch(/^invalid value "foo" for flag -var: No '=' value in arg: foo\nUsage: kiln console/);
    const undeclared = await kilnConsole(['-var', 'nope=1', '-var', 'required=r', '.'], basic, '1\n');
    expect(undeclared).toEqual({
      stdout: `Error: Undefined -var variable

A "nope" variable was passed in the command line but was not found in known
variables. To declare variable "nope", place this block in one of your .pkr
files, such as variables.pkr.hcl


`,
      stderr: '',
      exit: 1,
    });
  });

  it('answers -help with the usage and status 0', async () => {
    const r = await kilnConsole(['-var', 'x=1', '-help'], basic, '1\n');
    expect(r.exit).toBe(0);
    expect(r.stdout).toMatch(/^Usage: kiln console \[options\] \[TEMPLATE\]\n\n/);
    expect(r.stdout).toMatch(/dependency order\.\n$/);
  });
});

describe('interactive kiln console', () => {
  it('prints each result after a prompt and stops at exit', async () => {
    const { memoryIO } = await import('../support/cli.js');
    const { runConsole } = await import('../../src/cli/console.js');
    const m = memoryIO({ cwd: basic, stdin: '1 + 1\nupper("a")\nexit\n"not evaluated"\n', tty: true });
    expect(await runConsole(['-var', 'required=r', '.'], m.io)).toBe(0);
    // Without the terminal's cursor sequences and echo, what remains is the results after each prompt.
    const results = m
      .stdout()
      .split('> ')
      .slice(1)
      .map((chunk) =>
        chunk.replace(new RegExp(`${String.fromCharCode(27)}\\[\\d*[A-Za-z]`, 'g'), '').replace(/^.*\r\n/gm, ''),
      );
    expect(results).toEqual(['2\n', 'A\n', '']);
  });
});

/** The real CLI in a child process, stdin piped. */
function kilnProcess(args: string[], cwd: string, stdin: string) {
  return new Promise<{ stdout: string; stderr: string; exit: number | null }>((resolve, reject) => {
    const child = spawn('npx', ['tsx', join(import.meta.dirname, '..', '..', 'src', 'cli', 'index.ts'), ...args], {
      cwd,
      env: { ...process.env, PKR_VAR_tag: 'from-env' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', reject);
    child.on('close', (exit) => resolve({ stdout, stderr, exit }));
    child.stdin.end(stdin);
  });
}

describe('kiln console with data sources', () => {
  // Packer's console runs Initialize with data sources executed, but evaluates
  // lines in its NilContext, which has no `data`: only locals show their values.
  const template = `data "null" "greeting" {
  input = "hi"
}

locals {
  message = "\${data.null.greeting.output} there"
}
`;
  const noPlugins = () => ({ PACKER_PLUGIN_PATH: tempTemplate({}) });

  it.each([
    ['a local built on a data source', 'local.message\n', 'hi there\n', 0],
    [
      'the variables command',
      'variables\n',
      '> input-variables:\n\n\n> local-variables:\n\nlocal.message: "hi there"\n\n',
      0,
    ],
    [
      'data itself, which is not in the console scope',
      'data.null.greeting.output\n',
      'Error: Unknown variable\n\n  on <console-input> line 1:\n   1: data.null.greeting.output\n\n' +
        'There is no variable named "data". Did you mean "path"?\n\n\n\n',
      1,
    ],
  ])('executes a native data source for %s', async (_what, stdin, stdout, exit) => {
    const dir = tempTemplate({ 't.pkr.hcl': template });
    expect(await kilnConsole(['t.pkr.hcl'], dir, stdin, noPlugins())).toEqual({ stdout, stderr: '', exit });
  });

  it('ends before reading a line on a duplicate data block', async () => {
    const dir = tempTemplate({ 't.pkr.hcl': `${template}data "null" "greeting" {\n  input = "again"\n}\n` });
    const r = await kilnConsole(['t.pkr.hcl'], dir, 'local.message\n', noPlugins());
    expect(r.exit).toBe(1);
    expect(errorSummaries(r.stdout)).toEqual(['Duplicate data block']);
  });
});

describe.each([
  ['protobuf', {}],
  ['gob', { PACKER_FORCE_GOB: '1' }],
])('kiln console with a plugin data source (%s)', (_encoding, encodingEnv) => {
  // Packer's console loads no required_plugins: an installed plugin serves the data source.
  let plugins: string;
  beforeAll(async () => {
    plugins = join(tempTemplate({}), 'plugins');
    await installModernPlugin(plugins);
  }, 900_000);
  afterEach(async () => {
    expect(await childProcesses()).toEqual([]);
  });

  const template = (greeting: string) => `data "kilntest-values" "settings" {
  greeting = "${greeting}"
  numbers  = [1, 2, 3]
  labels   = { team = "ci" }
}

locals {
  message = data.kilntest-values.settings.message
  sum     = data.kilntest-values.settings.sum
}
`;

  it('executes it for the locals built on it', async () => {
    const dir = tempTemplate({ 't.pkr.hcl': template('hello kiln') });
    const r = await kilnConsole(['t.pkr.hcl'], dir, 'variables\n', { PACKER_PLUGIN_PATH: plugins, ...encodingEnv });
    expect(r).toEqual({
      stdout: '> input-variables:\n\n\n> local-variables:\n\nlocal.message: "hello kiln!"\nlocal.sum: "6"\n\n',
      stderr: '',
      exit: 0,
    });
  });

  it("shows the plugin's refusal of its config on stderr, and goes on", async () => {
    const dir = tempTemplate({ 't.pkr.hcl': template('') });
    const r = await kilnConsole(['t.pkr.hcl'], dir, '1 + 1\n', { PACKER_PLUGIN_PATH: plugins, ...encodingEnv });
    expect(r).toEqual({
      stdout: '2\n',
      stderr:
        'Error: 1 error(s) occurred:\n\n* the `greeting` must be specified\n\n' +
        '  on t.pkr.hcl line 1, in data "kilntest-values" "settings":\n   1: data "kilntest-values" "settings" {\n\n\n',
      exit: 0,
    });
  });
});

describe('kiln console as a process', () => {
  it('prints the last result of piped lines', async () => {
    const r = await kilnProcess(['console', '-var', 'registry=quay.io', '.'], consoleDir, 'var.tag\nlocal.image\n');
    // PKR_VAR_tag loses to the auto var file; -var wins over everything.
    expect(r).toEqual({ stdout: 'quay.io/app:from-auto-hcl\n', stderr: '', exit: 0 });
  }, 60_000);

  it('exits 1 after an error line', async () => {
    const r = await kilnProcess(['console', 'console-dir'], fixtures, 'var.nope\n');
    expect(r.exit).toBe(1);
    expect(r.stdout).toMatch(/^Error: Unsupported attribute\n/);
  }, 60_000);
});

describe.runIf(packerAvailable())('packer console 1.6.6 on the same input', () => {
  it.each([
    ['1 + 1\nupper("kiln")\n', ['.']],
    ['1 + 1\n\n', ['.']],
    ['var.size * 2\n', ['-var', 'size=21', '.']],
    ['var.tags\n', ['-var', 'tags=["x", "y"]', '.']],
    ['local.greeting\n', ['.']],
    ['var.secret\n', ['.']],
    ['build\n', ['.']],
    ['"${build.ID}"\n', ['.']],
    ['source.name\n', ['.']],
    ['path.root\n', ['.']],
    ['var.nope\n2\n', ['.']],
    ['build.ID\n', ['.']],
  ])('%j with %j', async (stdin, args) => {
    const packer = await packerConsole(['-var', 'required=r', ...args], basic, stdin);
    const ours = await kilnConsole(['-var', 'required=r', ...args], basic, stdin);
    // Kiln quotes the console line where Packer has no source for it.
    const withoutSnippet = (text: string) => text.replace(/^(?: {2}\(source code not available\)| {3}1: .*)\n/gm, '');
    expect({ ...ours, stdout: withoutSnippet(ours.stdout) }).toEqual({
      stdout: withoutSnippet(packer.stdout),
      stderr: '',
      exit: packer.exit,
    });
  });
});
