import { createInterface } from 'node:readline';
import type { File } from '../hcl/ast.js';
import { formatDiagnostics } from '../hcl/diagnostic-text.js';
import { hasErrors, type Diagnostic } from '../hcl/diagnostics.js';
import { parseExpression } from '../hcl/parse.js';
import { sourceOnlyFile } from '../hcl/source-file.js';
import { evaluate } from '../eval/evaluate.js';
import { discoverPlugins } from '../plugins/resolve.js';
import { loadConsoleScopeWithDatasources, type ConsoleScope } from '../template/console-scope.js';
import { formatConsoleValue } from './console-format.js';
import { parseGoFlags } from './goflag.js';
import type { CliIO } from './io.js';
import { helpRequested, varFlags } from './meta-args.js';

/*
 * `kiln console [options] [TEMPLATE]`, as `packer console` in HCL2 mode
 * (command/console.go, hcl2template PackerConfig.EvaluateExpression): piped
 * stdin evaluates every line and prints the last result; a terminal gets a
 * `> ` prompt and a result per line. Errors are diagnostics on stdout, where
 * Packer's UI writes them; the exit status is 1 when the last line that
 * produced diagnostics had an error. Unlike Packer, the diagnostics quote the
 * console line instead of saying "(source code not available)". A template's
 * data sources are executed first (Packer's Initialize), for the locals built
 * on them.
 */

const help = `Usage: kiln console [options] [TEMPLATE]

  Creates a console for testing variable interpolation.
  If a template is provided, this command will load the template and any
  variables defined therein into its context to be referenced during
  interpolation.

Options:
  -var 'key=value'              Variable for templates, can be used multiple times.
  -var-file=path                JSON or HCL2 file containing user variables.
  -config-type                  Accepted for compatibility; Kiln's console is always HCL2.
  -use-sequential-evaluation    Accepted for compatibility; locals are always evaluated in dependency order.`;

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
with in HCL2 mode.`;

interface ConsoleArgs {
  vars: [string, string][];
  varFiles: string[];
  template?: string;
}

export async function runConsole(argv: string[], io: CliIO): Promise<number> {
  const say = (text: string) => io.stdout.write(`${text}\n`);
  if (helpRequested(argv)) {
    say(help);
    return 0;
  }
  const args: ConsoleArgs = { vars: [], varFiles: [] };
  const parsed = parseGoFlags(argv, {
    ...varFlags(args),
    // Kiln's console is always HCL2, so any -config-type is accepted.
    'config-type': { kind: 'value', set: () => undefined },
    'use-sequential-evaluation': { kind: 'bool', set: () => undefined },
  });
  if (!parsed.ok || parsed.args.length > 1) {
    if (!parsed.ok && parsed.message) say(parsed.message);
    say(help);
    return 1;
  }
  args.template = parsed.args[0];

  const { scope, diags, initDiags } = await loadConsoleScopeWithDatasources({
    template: args.template,
    cwd: io.cwd,
    env: io.env,
    vars: args.vars,
    varFiles: args.varFiles,
    // Packer's console loads no required_plugins: only the plugins found installed serve data sources.
    datasourcePlugins: async () => ({
      catalog: await discoverPlugins({ env: io.env, cwd: io.cwd, resolved: [] }),
      env: io.env,
      launch: { env: io.env, cwd: io.cwd },
    }),
  });
  // As Packer: errors while parsing the template end the command; those of
  // evaluating it (unset variables, locals) do not, and Kiln shows them on stderr.
  if (writeDiagnostics(io, diags, scope.files) !== 0) return 1;
  if (initDiags.length > 0)
    io.stderr.write(`${formatDiagnostics(initDiags, scope.files, { width: 80, color: false })}\n`);

  return io.stdin.isTTY ? interactive(io, scope) : piped(io, scope);
}

async function piped(io: CliIO, scope: ConsoleScope): Promise<number> {
  let last = '';
  let status = 0;
  for await (const line of createInterface({ input: io.stdin, crlfDelay: Infinity })) {
    const { out, diags } = evaluateLine(line.trim(), scope);
    if (diags.length > 0) status = writeDiagnostics(io, diags, scope.files);
    last = out ?? '';
  }
  io.stdout.write(`${last}\n`);
  return status;
}

async function interactive(io: CliIO, scope: ConsoleScope): Promise<number> {
  const rl = createInterface({ input: io.stdin, output: io.stdout, prompt: '> ', terminal: true });
  rl.prompt();
  for await (const line of rl) {
    if (line === 'exit') break;
    const { out, diags } = evaluateLine(line, scope);
    writeDiagnostics(io, diags, scope.files);
    io.stdout.write(`${out ?? ''}\n`);
    rl.prompt();
  }
  rl.close();
  return 0;
}

/** One console line: a command (help, variables) or an expression. */
export function evaluateLine(line: string, scope: ConsoleScope): { out?: string; diags: Diagnostic[] } {
  if (line === '' || line === 'exit') return { out: '', diags: [] };
  if (line === 'help') return { out: consoleHelp, diags: [] };
  if (line === 'variables') return { out: scope.describeVariables(), diags: [] };
  const filename = '<console-input>';
  scope.files.set(filename, sourceOnlyFile(filename, Buffer.from(line)));
  const parsed = parseExpression(line, filename);
  if (hasErrors(parsed.diags)) return { diags: parsed.diags };
  const { value, diags } = evaluate(parsed.expr, scope.context);
  if (hasErrors(diags)) return { diags: [...parsed.diags, ...diags] };
  return { out: formatConsoleValue(value), diags: [...parsed.diags, ...diags] };
}

/** Packer's writeDiags: the text goes to the UI (stdout) either way; errors make the status 1. */
function writeDiagnostics(io: CliIO, diags: readonly Diagnostic[], files: ReadonlyMap<string, File>): number {
  if (diags.length === 0) return 0;
  io.stdout.write(`${formatDiagnostics(diags, files, { width: 80, color: false })}\n`);
  return hasErrors(diags) ? 1 : 0;
}
