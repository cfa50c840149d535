import { readFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';

import { formatDiagnostics } from '../hcl/diagnostic-text.js';
import type { Diagnostic } from '../hcl/diagnostics.js';
import { errorDiag, hasErrors } from '../hcl/diagnostics.js';
import { formatRange } from '../hcl/range.js';
import { formatConfig } from '../hcl/format.js';
import { FmtError, errnoCode, goError, unifiedDiff, writeFileAtomic } from './fmt-files.js';
import { parseGoFlags, type FlagSpec } from './goflag.js';
import type { CliIO } from './io.js';

// Current Packer's text (1.6.6 lacks the stdin and -recursive lines and misspells TEMPLATE).
const help = `Usage: packer fmt [options] [TEMPLATE]

  Rewrites all Packer configuration files to a canonical format. Both
  configuration files (.pkr.hcl) and variable files (.pkrvars.hcl) are updated.
  JSON files (.json) are not modified.

  If TEMPLATE is "." the current directory will be used.
  If TEMPLATE is "-" then content will be read from STDIN.

  The given content must be in Packer's HCL2 configuration language; JSON is
  not supported.

Options:
  -check        Check if the input is formatted. Exit status will be 0 if all
                 input is properly formatted and non-zero otherwise.

  -diff         Display diffs of formatting change

  -write=false  Don't write to source files
                (always disabled if using -check)

  -recursive     Also process files in subdirectories. By default, only the
                 given directory (or current directory) is processed.`;

interface FmtOptions {
  check: boolean;
  diff: boolean;
  write: boolean;
  recursive: boolean;
}

/**
 * `kiln fmt [options] PATH...`, as `packer fmt` (command/fmt.go). Packer's Ui writes errors to
 * stdout too, so everything goes to stdout. Exit codes: 0, 1 on usage or formatting errors,
 * 3 when -check finds files to reformat.
 */
export async function runFmt(args: string[], io: CliIO): Promise<number> {
  const say = (s: string) => io.stdout.write(`${s}\n`);
  // The CLI layer (mitchellh/cli in Packer) answers -h/-help/--help anywhere before "--".
  const beforeDashes = args.includes('--') ? args.slice(0, args.indexOf('--')) : args;
  if (beforeDashes.some((a) => a === '-h' || a === '-help' || a === '--help')) {
    say(help);
    return 0;
  }
  const opts: FmtOptions = { check: false, diff: false, write: true, recursive: false };
  const parsed = parseGoFlags(args, fmtFlags(opts));
  if (!parsed.ok || parsed.args.length === 0) {
    if (!parsed.ok && parsed.message) say(parsed.message);
    say(help);
    return 1;
  }
  if (opts.check) opts.write = false;

  const formatter = new Formatter(opts, io);
  for (const p of parsed.args) await formatter.formatPath(p);
  // Packer writes these without source files (hcl.NewDiagnosticTextWriter(w, nil, 80, false)).
  const text = formatDiagnostics(formatter.diags, new Map());
  if (text !== '') {
    say(text);
    if (hasErrors(formatter.diags)) return 1;
  }
  return opts.check && formatter.bytesModified > 0 ? 3 : 0;
}

/** -check/-diff/-write/-recursive plus the MetaArgs flags every Packer command accepts (ignored here). */
function fmtFlags(opts: FmtOptions): Record<string, FlagSpec> {
  const bool = (key: keyof FmtOptions): FlagSpec => ({ kind: 'bool', set: (v) => (opts[key] = v) });
  const ignored: FlagSpec = { kind: 'value', set: () => undefined };
  return {
    check: bool('check'),
    diff: bool('diff'),
    write: bool('write'),
    recursive: bool('recursive'),
    only: ignored,
    except: ignored,
    'var-file': ignored,
    var: {
      kind: 'value',
      set: (raw) => {
        if (!raw.includes('=')) throw new Error(`No '=' value in arg: ${raw}`);
      },
    },
    'config-type': {
      kind: 'value',
      set: (raw) => {
        if (raw !== 'hcl2' && raw !== 'json') throw new Error(`${raw} does not belong to configType values`);
      },
    },
  };
}

const isHclFile = (name: string) => name.endsWith('.pkr.hcl') || name.endsWith('.pkrvars.hcl');

// Editor swap files and hidden files (hcl2template/formatter.go shouldIgnoreFile).
const isIgnored = (name: string) =>
  name.startsWith('.') || name.endsWith('~') || (name.startsWith('#') && name.endsWith('#'));

/** hcl2template.HCL2Formatter: paths are shown as given and resolved against io.cwd. */
class Formatter {
  readonly diags: Diagnostic[] = [];
  bytesModified = 0;
  private showDiff: boolean;

  constructor(
    private readonly opts: FmtOptions,
    private readonly io: CliIO,
  ) {
    this.showDiff = opts.diff;
  }

  async formatPath(p: string): Promise<void> {
    const st = await stat(this.resolve(p)).catch(() => undefined);
    if (!st?.isDirectory()) return this.formatFile(p);
    let entries;
    try {
      entries = await readdir(this.resolve(p), { withFileTypes: true });
    } catch (e) {
      this.diags.push(errorDiag('Cannot read hcl directory', goError('open', p, e)));
      return;
    }
    // os.ReadDir sorts by name, byte-wise.
    entries.sort((a, b) => Buffer.compare(Buffer.from(a.name), Buffer.from(b.name)));
    for (const entry of entries) {
      if (isIgnored(entry.name)) continue;
      const child = path.join(p, entry.name);
      if (entry.isDirectory()) {
        if (this.opts.recursive) await this.formatPath(child);
      } else if (isHclFile(child)) {
        await this.formatFile(child);
      }
    }
  }

  private async formatFile(p: string): Promise<void> {
    try {
      this.bytesModified += await this.processFile(p);
    } catch (e) {
      if (!(e instanceof FmtError)) throw e;
      this.diags.push(errorDiag(`encountered an error while formatting ${p}`, e.message));
    }
  }

  /** Returns the length of the new text when the file changes, 0 when it is already canonical. */
  private async processFile(filename: string): Promise<number> {
    const stdin = filename === '-';
    if (!stdin && !isHclFile(filename)) throw new FmtError(`file ${filename} is not a HCL file`);
    // Packer turns diffs off for good once it has read stdin.
    if (stdin) this.showDiff = false;
    const src = stdin ? await readAll(this.io.stdin) : await this.readSource(filename);

    const { formatted, diags } = await formatConfig(src, filename);
    if (formatted === undefined) throw new FmtError(multiError(diags.filter((d) => d.severity === 'error')));
    if (src.equals(formatted)) {
      if (stdin) this.io.stdout.write(formatted);
      return 0;
    }
    if (!stdin) this.io.stdout.write(`${filename}\n`);
    if (this.opts.write) {
      if (stdin) this.io.stdout.write(formatted);
      else await writeFileAtomic(this.resolve(filename), formatted, filename);
    }
    if (this.showDiff) {
      try {
        this.io.stdout.write(await unifiedDiff(src, formatted, filename));
      } catch (e) {
        this.bytesModified += formatted.length;
        throw new FmtError(`failed to generate diff for ${filename}: ${(e as Error).message}`, { cause: e });
      }
    }
    return formatted.length;
  }

  private async readSource(filename: string): Promise<Buffer> {
    try {
      return await readFile(this.resolve(filename));
    } catch (e) {
      if (errnoCode(e) === 'EISDIR')
        throw new FmtError(`failed to read ${filename}: ${goError('read', filename, e)}`, { cause: e });
      throw new FmtError(`failed to open ${filename}: ${goError('open', filename, e)}`, { cause: e });
    }
  }

  private resolve(p: string): string {
    return path.resolve(this.io.cwd, p);
  }
}

async function readAll(stream: AsyncIterable<Buffer | string>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks);
}

/** go-multierror's text for a list of hcl.Diagnostic errors ("<range>: <summary>; <detail>"). */
function multiError(diags: readonly Diagnostic[]): string {
  const points = diags.map(
    (d) => `* ${d.subject ? formatRange(d.subject) : '%!s(<nil>)'}: ${d.summary}; ${d.detail ?? ''}`,
  );
  if (points.length === 1) return `1 error occurred:\n\t${points[0]}\n\n`;
  return `${points.length} errors occurred:\n\t${points.join('\n\t')}\n\n`;
}
