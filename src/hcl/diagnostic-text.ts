import type { Block, File } from './ast.js';
import type { Diagnostic } from './diagnostics.js';
import { goQuote } from './quote.js';

/*
 * Renders diagnostics as hcl's diagnostic text writer does, which is what
 * Packer prints (hcl.NewDiagnosticTextWriter(w, files, 80, false)):
 *
 *   Error: Unsupported argument
 *
 *     on example.pkr.hcl line 3, in source "null" "basic":
 *      3:   foo = "bar"
 *
 *   An argument named "foo" is not expected here.
 *
 * Each diagnostic ends with a blank line, exactly as the writer emits it.
 */

export interface FormatOptions {
  /** ANSI colours for the severity and underlining of the subject (default false, as Packer). */
  readonly color?: boolean;
  /** Column to wrap the detail at; 0 disables wrapping (default 80, as Packer). */
  readonly width?: number;
}

const DEFAULT_WIDTH = 80;

export function formatDiagnostics(
  diags: readonly Diagnostic[],
  files: ReadonlyMap<string, File>,
  opts: FormatOptions = {},
): string {
  return diags.map((d) => formatDiagnostic(d, files, opts)).join('');
}

/** Diagnostics without their source files (Packer's fmt passes none): every snippet is "not available". */
export function diagnosticsText(diags: readonly Diagnostic[], width = DEFAULT_WIDTH): string {
  return formatDiagnostics(diags, new Map(), { width });
}

export function formatDiagnostic(diag: Diagnostic, files: ReadonlyMap<string, File>, opts: FormatOptions = {}): string {
  const color = opts.color ?? false;
  const width = opts.width ?? DEFAULT_WIDTH;
  const colorCode = color ? (diag.severity === 'error' ? '\x1b[31m' : '\x1b[33m') : '';
  const reset = color ? '\x1b[0m' : '';
  const severity = diag.severity === 'error' ? 'Error' : 'Warning';
  let out = `${colorCode}${severity}${reset}: ${diag.summary}\n\n`;

  const subject = diag.subject;
  if (subject) {
    const file = files.get(subject.filename);
    if (file === undefined) {
      out += `  on ${subject.filename} line ${subject.start.line}:\n  (source code not available)\n\n`;
    } else {
      const context = contextString(file, subject.start.byte);
      out += `  on ${subject.filename} line ${subject.start.line}${context ? `, in ${context}` : ''}:\n`;
      let snip: ByteSpan = [subject.start.byte, subject.end.byte];
      if (diag.context) snip = spanOver(snip, [diag.context.start.byte, diag.context.end.byte]);
      out += snippet(file.bytes, nonEmpty(snip), nonEmpty([subject.start.byte, subject.end.byte]), color);
      out += '\n';
    }
    out += valueLines(diag.valueContext ?? []);
  }

  if (diag.detail) out += `${width > 0 ? wrapString(diag.detail, width) : diag.detail}\n\n`;
  return out;
}

/** `with x as 1,` / `     y as 2.` and a blank line, as hcl writes the values of an expression's variables. */
function valueLines(statements: readonly string[]): string {
  const last = statements.length - 1;
  return statements.map((s, i) => `${i === 0 ? 'with ' : '     '}${s}${i === last ? '.\n\n' : ',\n'}`).join('');
}

/** A half-open byte span [start, end). */
type ByteSpan = readonly [number, number];

/** An empty range cannot be shown, so it becomes one character wide. */
function nonEmpty(s: ByteSpan): ByteSpan {
  return s[0] === s[1] ? [s[0], s[1] + 1] : s;
}

/** hcl.RangeOver: the span covering both, where an empty span counts for nothing. */
function spanOver(a: ByteSpan, b: ByteSpan): ByteSpan {
  if (a[0] === a[1]) return b;
  if (b[0] === b[1]) return a;
  return [Math.min(a[0], b[0]), Math.max(a[1], b[1])];
}

function contains(s: ByteSpan, offset: number): boolean {
  return offset >= s[0] && offset < s[1];
}

/** hcl.Range.Overlaps, on byte offsets. */
function overlaps(a: ByteSpan, b: ByteSpan): boolean {
  if (a[0] === a[1] || b[0] === b[1]) return false;
  return contains(a, b[0]) || contains(a, b[1]) || contains(b, a[0]) || contains(b, a[1]);
}

/** The numbered source lines overlapping `snip`, with `highlight` underlined when colouring. */
function snippet(src: Buffer, snip: ByteSpan, highlight: ByteSpan, color: boolean): string {
  let out = '';
  let line = 1;
  let start = 0;
  // Lines starting after the snippet cannot overlap it.
  while (start < src.length && start <= snip[1]) {
    const nl = src.indexOf(10, start);
    const next = nl < 0 ? src.length : nl + 1;
    // bufio.ScanLines drops the newline and a carriage return before it.
    let end = nl < 0 ? src.length : nl;
    if (end > start && src[end - 1] === 13) end--;
    const lineSpan: ByteSpan = [start, end];
    if (overlaps(lineSpan, snip)) {
      const text = src.toString('utf8', start, end);
      if (!color || !overlaps(lineSpan, highlight)) {
        out += `${String(line).padStart(4)}: ${text}\n`;
      } else {
        const hs = Math.max(start, highlight[0]);
        const he = Math.min(end, highlight[1]);
        out += `${String(line).padStart(4)}: ${src.toString('utf8', start, hs)}\x1b[1;4m${src.toString('utf8', hs, he)}\x1b[0m${src.toString('utf8', he, end)}\n`;
      }
    }
    start = next;
    line++;
  }
  return out;
}

/** The header of the top-level block containing the offset, as hclsyntax's navigation.ContextString. */
function contextString(file: File, offset: number): string {
  const block = file.body?.blocks.find((b: Block) => contains([b.range.start.byte, b.range.end.byte], offset));
  if (block === undefined) return '';
  return [block.type, ...block.labels.map(goQuote)].join(' ');
}

/* go-wordwrap's WrapString: breaks at whitespace only, so long words overflow. */

const SPACE = /[\t\n\v\f\r \u0085\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/;

export function wrapString(s: string, limit: number): string {
  let out = '';
  let current = 0;
  let word = '';
  let wordLen = 0;
  let space = '';
  let spaceLen = 0;
  for (const ch of s) {
    if (ch === '\n') {
      if (wordLen === 0) {
        if (current + spaceLen <= limit) out += space;
      } else {
        out += space + word;
        word = '';
        wordLen = 0;
      }
      space = '';
      spaceLen = 0;
      out += ch;
      current = 0;
    } else if (SPACE.test(ch)) {
      if (spaceLen === 0 || wordLen > 0) {
        current += spaceLen + wordLen;
        out += space + word;
        space = '';
        spaceLen = 0;
        word = '';
        wordLen = 0;
      }
      space += ch;
      spaceLen++;
    } else {
      word += ch;
      wordLen++;
      if (current + wordLen + spaceLen > limit && wordLen < limit) {
        out += '\n';
        current = 0;
        space = '';
        spaceLen = 0;
      }
    }
  }
  if (wordLen === 0) {
    if (current + spaceLen <= limit) out += space;
  } else {
    out += space + word;
  }
  return out;
}
