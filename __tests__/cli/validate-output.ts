import type { Diag, Severity } from '../fixtures/validate/cases.js';

/*
 * Reads diagnostics back out of the text hcl's DiagnosticTextWriter prints
 * (and Packer passes through its Ui):
 *
 *   Error: <summary>
 *
 *     on <file> line <N>, in <context>:
 *     <snippet, or "(source code not available)">
 *
 *   <detail, wrapped>
 *
 * The location lines appear only when the diagnostic has a subject. Packer 1.6.6
 * sometimes prints `on  line 0:` for an empty subject: that counts as none.
 * Plugin errors are multierrors whose summary spans lines
 * (`2 error(s) occurred:\n\n* a\n* b`); without a location the summary is the
 * first line plus such a `* ` list.
 */

const HEADER = /^(Error|Warning): (.*)$/;
const LOCATION = /^ {2}on (.*) line (\d+)(?:, in .*)?:$/;
const MULTI_ERROR = /^\d+ error\(s\) occurred:$/;

export function parseDiagnostics(text: string): Diag[] {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  const starts: number[] = [];
  lines.forEach((l, i) => {
    if (HEADER.test(l) && (i === 0 || lines[i - 1] === '')) starts.push(i);
  });
  return starts.map((start, k) => readOne(lines.slice(start, starts[k + 1] ?? lines.length)));
}

function readOne(block: string[]): Diag {
  const [, word, first] = HEADER.exec(block[0]!)!;
  const severity: Severity = word === 'Error' ? 'error' : 'warning';
  const at = block.findIndex((l) => LOCATION.test(l));
  if (at > 0) {
    const [, file, line] = LOCATION.exec(block[at]!)!;
    const summary = [first, ...block.slice(1, at)].join('\n').trim();
    if (file === '' && line === '0') return { severity, summary };
    return { severity, summary, file, line: Number(line) };
  }
  return { severity, summary: unlocatedSummary(first!, block.slice(1)) };
}

function unlocatedSummary(first: string, rest: string[]): string {
  if (!MULTI_ERROR.test(first)) return first.trim();
  const items: string[] = [];
  for (const l of rest.slice(1)) {
    if (!l.startsWith('* ')) break;
    items.push(l);
  }
  return [first, '', ...items].join('\n');
}

/** A stable text key for set comparison. */
export function diagKey(d: Diag): string {
  const where = d.file === undefined ? '' : ` @ ${d.file}:${d.line}`;
  return `${d.severity}: ${d.summary}${where}`;
}
