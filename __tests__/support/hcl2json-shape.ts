import { Decimal } from 'decimal.js';
import type { Block, Body, Expression, File, ObjectKey, TemplateExpr } from '../../src/hcl/ast.js';
import type { Range } from '../../src/hcl/range.js';

/*
 * Lowers our syntax tree to the JSON that @cdktf/hcl2json (tmccombs/hcl2json over
 * hclsyntax) produces for the same file, so that its output can serve as an oracle
 * for the parser. It mirrors that converter rule for rule: blocks nest by labels
 * into arrays of bodies, literals become JSON values, templates become strings
 * with ${...} and %{...} parts, anything else becomes "${source text}".
 */

export type JsonShape = null | boolean | number | string | JsonShape[] | { [key: string]: JsonShape };
type JsonObj = { [key: string]: JsonShape };

export function hcl2jsonShape(file: File): JsonObj {
  return new Converter(file.bytes).body(file.body);
}

class Converter {
  constructor(private readonly bytes: Buffer) {}

  body(body: Body): JsonObj {
    const out: JsonObj = {};
    for (const block of body.blocks) this.block(block, out);
    // hclsyntax keeps the first of redefined attributes (and reports an error).
    const seen = new Set<string>();
    for (const attr of body.attributes) {
      if (seen.has(attr.name)) continue;
      seen.add(attr.name);
      out[attr.name] = this.expr(attr.expr);
    }
    return out;
  }

  private block(block: Block, into: JsonObj): void {
    let out = into;
    let key = block.type;
    for (const label of block.labels) {
      const existing = out[key];
      if (existing === undefined) {
        const next: JsonObj = {};
        out[key] = next;
        out = next;
      } else if (isObject(existing)) {
        out = existing;
      } else {
        throw new Error(`Unable to convert Block to JSON: ${block.type}.${block.labels.join('.')}`);
      }
      key = label;
    }
    const value = this.body(block.body);
    const current = out[key];
    if (current === undefined) out[key] = [value];
    else if (Array.isArray(current)) current.push(value);
    else throw new Error(`invalid HCL detected for "${key}" block, cannot have blocks with and without labels`);
  }

  expr(e: Expression): JsonShape {
    switch (e.kind) {
      case 'Literal':
        return literalValue(e);
      case 'UnaryOp': {
        if (e.operand.kind !== 'Literal') return this.wrap(e);
        const v = literalValue(e.operand);
        if (e.op === '-' && typeof v === 'number') return -v;
        if (e.op === '!' && typeof v === 'boolean') return !v;
        throw new Error(`hcl2json cannot evaluate ${this.source(e.range)}`);
      }
      case 'Template':
        return this.template(e);
      case 'TemplateWrap':
        return this.expr(e.wrapped);
      case 'Tuple':
        return e.items.map((item) => this.expr(item));
      case 'Object': {
        const out: JsonObj = {};
        for (const item of e.items) out[this.key(item.key)] = this.expr(item.value);
        return out;
      }
      default:
        return this.wrap(e);
    }
  }

  private template(t: TemplateExpr): string {
    return t.parts.map((part) => this.stringPart(part)).join('');
  }

  private stringPart(e: Expression): string {
    switch (e.kind) {
      case 'Literal':
        if (e.type === 'null') return 'null';
        if (e.type === 'string') return escapeLiteral(e.value);
        if (e.type === 'bool') return String(e.value);
        return new Decimal(e.text).toFixed();
      case 'Template':
        return this.template(e);
      case 'TemplateWrap':
        return this.stringPart(e.wrapped);
      case 'Conditional':
        return this.conditional(e.condition.range, this.stringPart(e.trueResult), this.stringPart(e.falseResult));
      case 'TemplateIf':
        return this.conditional(e.condition.range, this.template(e.then), e.else ? this.template(e.else) : '');
      case 'TemplateFor': {
        const vars = e.keyVar === undefined ? e.valueVar : `${e.keyVar}, ${e.valueVar}`;
        return `%{for ${vars} in ${this.source(e.collection.range)}}${this.template(e.body)}%{endfor}`;
      }
      default:
        return this.wrap(e);
    }
  }

  private conditional(condition: Range, whenTrue: string, whenFalse: string): string {
    const otherwise = whenFalse.length > 0 ? `%{else}${whenFalse}` : '';
    return `%{if ${this.source(condition)}}${whenTrue}${otherwise}%{endif}`;
  }

  /** A bare traversal key is its source text; any other key converts as a template part. */
  private key(key: ObjectKey): string {
    return isScopeTraversal(key.wrapped) ? this.source(key.wrapped.range) : this.stringPart(key.wrapped);
  }

  private wrap(e: Expression): string {
    return `\${${this.source(e.range)}}`;
  }

  /** The converter's rangeSource, including its habit of taking one following ")". */
  private source(r: Range): string {
    let end = r.end.byte;
    if (end < this.bytes.length && this.bytes[end] === 0x29) end++;
    return this.bytes.toString('utf8', r.start.byte, end);
  }
}

function literalValue(e: Expression & { kind: 'Literal' }): JsonShape {
  switch (e.type) {
    case 'number':
      return Number(e.text);
    case 'bool':
      return e.value;
    case 'string':
      return nfc(e.value);
    case 'null':
      return null;
  }
}

/** What hclsyntax folds into one ScopeTraversalExpr: a name, then attributes and constant indexes. */
function isScopeTraversal(e: Expression): boolean {
  switch (e.kind) {
    case 'Variable':
      return true;
    case 'GetAttr':
      return isScopeTraversal(e.source);
    case 'Index':
      return isConstantKey(e.key) && isScopeTraversal(e.collection);
    default:
      return false;
  }
}

function isConstantKey(e: Expression): boolean {
  if (e.kind === 'Literal') return true;
  return e.kind === 'Template' && e.parts.length === 1 && e.parts[0]?.kind === 'Literal';
}

/** Literal text that hcl would read as a template sequence is escaped again. */
function escapeLiteral(s: string): string {
  return nfc(s)
    .replaceAll('${', () => '$${')
    .replaceAll('%{', () => '%%{');
}

/** The converter sees strings as cty values, which are always in Unicode normal form C. */
function nfc(s: string): string {
  return s.normalize('NFC');
}

function isObject(v: JsonShape | undefined): v is JsonObj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
