import type { Value } from '../value.js';
import { formatNumber } from '../number-text.js';

/*
 * yamlencode's output, byte for byte: go-cty-yaml drives the libyaml emitter
 * (go-yaml's port) with block collections, double-quoted strings (literal
 * block style when the string has a newline), and plain numbers, bools and
 * null. This reproduces that emitter's state machine for those events: its
 * indentation, 80-column folding of long quoted strings, escapes, block
 * scalar chomping indicators and the "..." document end marker.
 */

const BestIndent = 2;
const BestWidth = 80;

type Style = 'plain' | 'double' | 'literal';

interface Context {
  readonly root: boolean;
  readonly mapping: boolean;
  readonly simpleKey: boolean;
}

const isBreak = (c: string): boolean => c === '\r' || c === '\n' || c === '\u0085' || c === '\u2028' || c === '\u2029';

/** libyaml's is_printable, over code points (it treats 4-byte UTF-8 as unprintable). */
function isPrintable(cp: number): boolean {
  return (
    cp === 0x0a ||
    (cp >= 0x20 && cp <= 0x7e) ||
    (cp >= 0xa0 && cp <= 0xd7ff) ||
    (cp >= 0xe000 && cp <= 0xfffd && cp !== 0xfeff)
  );
}

/** The facts yaml_emitter_analyze_scalar derives that our styles depend on. */
function analyze(value: string): { multiline: boolean; blockAllowed: boolean } {
  const chars = [...value];
  if (chars.length === 0) return { multiline: false, blockAllowed: false };
  let lineBreaks = false;
  let special = false;
  let trailingSpace = false;
  let spaceBreak = false;
  let previousSpace = false;
  chars.forEach((c, i) => {
    if (!isPrintable(c.codePointAt(0)!)) special = true;
    if (c === ' ') {
      if (i === chars.length - 1) trailingSpace = true;
      previousSpace = true;
    } else if (isBreak(c)) {
      lineBreaks = true;
      if (previousSpace) spaceBreak = true;
      previousSpace = false;
    } else previousSpace = false;
  });
  return { multiline: lineBreaks, blockAllowed: !trailingSpace && !spaceBreak && !special };
}

const Escapes: Readonly<Record<number, string>> = {
  0x00: '0',
  0x07: 'a',
  0x08: 'b',
  0x09: 't',
  0x0a: 'n',
  0x0b: 'v',
  0x0c: 'f',
  0x0d: 'r',
  0x1b: 'e',
  0x22: '"',
  0x5c: '\\',
  0x85: 'N',
  0xa0: '_',
  0x2028: 'L',
  0x2029: 'P',
};

function escape(cp: number): string {
  const named = Escapes[cp];
  if (named !== undefined) return `\\${named}`;
  const hex = cp.toString(16).toUpperCase();
  if (cp <= 0xff) return `\\x${hex.padStart(2, '0')}`;
  if (cp <= 0xffff) return `\\u${hex.padStart(4, '0')}`;
  return `\\U${hex.padStart(8, '0')}`;
}

class Emitter {
  private out = '';
  private column = 0;
  private whitespace = true;
  private indention = true;
  private openEnded = false;
  private indent = -1;
  private readonly indents: number[] = [];

  emitDocument(v: Value): string {
    this.node(v, { root: true, mapping: false, simpleKey: false });
    this.writeIndent(); // document end (implicit)
    if (this.openEnded) {
      this.indicator('...', true, false, false);
      this.writeIndent();
    }
    return this.out;
  }

  /* ---- low-level writers (put, write, put_break, write_indent, write_indicator) ---- */

  private put(s: string): void {
    this.out += s;
    this.column += [...s].length;
  }

  private putBreak(): void {
    this.out += '\n';
    this.column = 0;
  }

  private writeIndent(): void {
    const indent = Math.max(this.indent, 0);
    if (!this.indention || this.column > indent || (this.column === indent && !this.whitespace)) this.putBreak();
    while (this.column < indent) this.put(' ');
    this.whitespace = true;
    this.indention = true;
  }

  private indicator(text: string, needWhitespace: boolean, isWhitespace: boolean, isIndention: boolean): void {
    if (needWhitespace && !this.whitespace) this.put(' ');
    this.put(text);
    this.whitespace = isWhitespace;
    this.indention = this.indention && isIndention;
    this.openEnded = false;
  }

  private increaseIndent(flow: boolean, indentless: boolean): void {
    this.indents.push(this.indent);
    if (this.indent < 0) this.indent = flow ? BestIndent : 0;
    else if (!indentless) this.indent += BestIndent;
  }

  private popIndent(): void {
    this.indent = this.indents.pop()!;
  }

  /* ---- nodes ---- */

  private node(v: Value, ctx: Context): void {
    if (v.isNull()) return this.scalar('null', 'plain', ctx);
    switch (v.type.kind) {
      case 'string': {
        const s = v.asString();
        return this.scalar(s, s.includes('\n') ? 'literal' : 'double', ctx);
      }
      case 'number':
        return this.scalar(formatNumber(v.asNumber()), 'plain', ctx);
      case 'bool':
        return this.scalar(v.asBool() ? 'true' : 'false', 'plain', ctx);
      case 'list':
      case 'set':
      case 'tuple':
        return this.sequence(v.elements(), ctx);
      default:
        return this.mapping([...v.entries()]);
    }
  }

  private emptyFlow(open: string, close: string): void {
    this.indicator(open, true, true, false);
    this.indicator(close, false, false, false);
  }

  private sequence(items: readonly Value[], ctx: Context): void {
    if (items.length === 0) return this.emptyFlow('[', ']');
    this.increaseIndent(false, ctx.mapping && !this.indention);
    for (const item of items) {
      this.writeIndent();
      this.indicator('-', true, false, true);
      this.node(item, { root: false, mapping: false, simpleKey: false });
    }
    this.popIndent();
  }

  private mapping(entries: readonly [string, Value][]): void {
    if (entries.length === 0) return this.emptyFlow('{', '}');
    this.increaseIndent(false, false);
    for (const [key, value] of entries) {
      this.writeIndent();
      const keyStyle: Style = key.includes('\n') ? 'literal' : 'double';
      const simple = !analyze(key).multiline && Buffer.byteLength(key) <= 128;
      if (simple) {
        this.scalar(key, keyStyle, { root: false, mapping: true, simpleKey: true });
        this.indicator(':', false, false, false);
      } else {
        this.indicator('?', true, false, true);
        this.scalar(key, keyStyle, { root: false, mapping: true, simpleKey: false });
        this.writeIndent();
        this.indicator(':', true, false, true);
      }
      this.node(value, { root: false, mapping: true, simpleKey: false });
    }
    this.popIndent();
  }

  private scalar(value: string, requested: Style, ctx: Context): void {
    const facts = analyze(value);
    let style = requested;
    if (ctx.simpleKey && facts.multiline) style = 'double';
    if (style === 'literal' && (!facts.blockAllowed || ctx.simpleKey)) style = 'double';
    this.increaseIndent(true, false);
    if (style === 'plain') this.plain(value, ctx.root);
    else if (style === 'double') this.doubleQuoted(value, !ctx.simpleKey);
    else this.literal(value);
    this.popIndent();
  }

  private plain(value: string, root: boolean): void {
    if (!this.whitespace) this.put(' ');
    this.put(value); // numbers, bools and null: no spaces or breaks to fold
    this.whitespace = false;
    this.indention = false;
    if (root) this.openEnded = true;
  }

  private doubleQuoted(value: string, allowBreaks: boolean): void {
    this.indicator('"', true, false, false);
    // libyaml's is_bom looks at the start of the value whatever the position.
    const bomStart = value.startsWith('\ufeff');
    const chars = [...value];
    let spaces = false;
    chars.forEach((c, i) => {
      const cp = c.codePointAt(0)!;
      if (!isPrintable(cp) || bomStart || isBreak(c) || c === '"' || c === '\\') {
        this.put(escape(cp));
        spaces = false;
      } else if (c === ' ') {
        if (allowBreaks && !spaces && this.column > BestWidth && i > 0 && i < chars.length - 1) {
          this.writeIndent();
          if (chars[i + 1] === ' ') this.put('\\');
        } else this.put(c);
        spaces = true;
      } else {
        this.put(c);
        spaces = false;
      }
    });
    this.indicator('"', false, false, false);
    this.whitespace = false;
    this.indention = false;
  }

  private literal(value: string): void {
    this.indicator('|', true, false, false);
    const chars = [...value];
    if (chars[0] === ' ' || isBreak(chars[0]!)) this.indicator(String(BestIndent), false, false, false);
    const last = chars.length - 1;
    let chomp = '';
    if (!isBreak(chars[last]!)) chomp = '-';
    else if (last === 0 || isBreak(chars[last - 1]!)) chomp = '+';
    // Writing the indicator clears openEnded again, as in libyaml: "|+" never ends with "...".
    if (chomp !== '') this.indicator(chomp, false, false, false);
    this.putBreak();
    this.indention = true;
    this.whitespace = true;
    let breaks = true;
    for (const c of chars) {
      if (isBreak(c)) {
        if (c === '\n') this.putBreak();
        else {
          this.out += c;
          this.column = 0;
        }
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) this.writeIndent();
        this.put(c);
        this.indention = false;
        breaks = false;
      }
    }
  }
}

/** yamlencode: the YAML text go-cty-yaml produces for a known value. */
export function yamlEncode(v: Value): string {
  return new Emitter().emitDocument(v);
}
