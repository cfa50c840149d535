import type { Expression, ObjectKey } from './ast.js';
import { errorDiag, hasErrors, type Diagnostic } from './diagnostics.js';
import { jsonValueOf } from './json/lower.js';
import { parseExpression } from './parse.js';
import type { Range } from './range.js';

/*
 * Static analysis of expressions, as hcl.ExprList, hcl.ExprMap,
 * hcl.AbsTraversalForExpr and hcl.ExprAsKeyword: reading the shape of an
 * expression without evaluating it. Expressions lowered from JSON follow the JSON
 * rules (hcl json/spec.md "Static Analysis"): only a JSON string can be a
 * traversal, by parsing its contents as one.
 */

export type IndexKey =
  { readonly type: 'number'; readonly text: string } | { readonly type: 'string'; readonly value: string };

export type TraverseStep =
  | { readonly kind: 'root'; readonly name: string; readonly range: Range }
  | { readonly kind: 'attr'; readonly name: string; readonly range: Range }
  | { readonly kind: 'index'; readonly key: IndexKey; readonly range: Range };

/** A static reference such as `var.images[0].name`: a root name, then attribute and constant-index steps. */
export type Traversal = readonly TraverseStep[];

export interface KeyValuePair {
  readonly key: Expression | ObjectKey;
  readonly value: Expression;
}

type Analysed = Expression | ObjectKey;

export function exprList(expr: Analysed): { items?: readonly Expression[]; diags: Diagnostic[] } {
  if (expr.kind === 'Tuple') return { items: expr.items, diags: [] };
  return { diags: [errorDiag('Invalid expression', 'A static list expression is required.', startRangeOf(expr))] };
}

export function exprMap(expr: Analysed): { pairs?: readonly KeyValuePair[]; diags: Diagnostic[] } {
  if (expr.kind === 'Object') return { pairs: expr.items.map((i) => ({ key: i.key, value: i.value })), diags: [] };
  return { diags: [errorDiag('Invalid expression', 'A static map expression is required.', startRangeOf(expr))] };
}

export function absTraversalForExpr(expr: Analysed): { traversal?: Traversal; diags: Diagnostic[] } {
  const traversal = asTraversal(expr);
  if (traversal) return { traversal, diags: [] };
  const detail =
    'A single static variable reference is required: only attribute access and indexing with constant keys. No calculations, function calls, template expressions, etc are allowed here.';
  return { diags: [errorDiag('Invalid expression', detail, expr.range)] };
}

/** The name of a single-name traversal (`string`, `true`, `null`), as used for keywords; otherwise undefined. */
export function exprAsKeyword(expr: Analysed): string | undefined {
  const traversal = asTraversal(expr);
  const root = traversal?.[0];
  return traversal?.length === 1 && root?.kind === 'root' ? root.name : undefined;
}

function asTraversal(expr: Analysed): Traversal | undefined {
  const json = jsonValueOf(expr);
  if (json) {
    if (json.kind !== 'string') return undefined;
    // As hcl, positions inside the string count from the opening quote.
    const parsed = parseExpression(json.value, json.range.filename, json.range.start);
    return hasErrors(parsed.diags) ? undefined : nativeTraversal(parsed.expr);
  }
  return nativeTraversal(expr);
}

function nativeTraversal(expr: Analysed): Traversal | undefined {
  switch (expr.kind) {
    case 'ObjectKey':
      return expr.forceNonLiteral ? undefined : nativeTraversal(expr.wrapped);
    case 'Variable':
      return [{ kind: 'root', name: expr.name, range: expr.range }];
    case 'Literal':
      // The keywords are literals to the parser but names to traversal syntax.
      if (expr.type === 'bool') return [{ kind: 'root', name: String(expr.value), range: expr.range }];
      if (expr.type === 'null') return [{ kind: 'root', name: 'null', range: expr.range }];
      return undefined;
    case 'GetAttr': {
      const source = nativeTraversal(expr.source);
      if (!source) return undefined;
      const range = { filename: expr.range.filename, start: expr.source.range.end, end: expr.nameRange.end };
      const step: TraverseStep = expr.legacyIndex
        ? { kind: 'index', key: { type: 'number', text: expr.name }, range }
        : { kind: 'attr', name: expr.name, range };
      return [...source, step];
    }
    case 'Index': {
      const source = nativeTraversal(expr.collection);
      const key = constantKey(expr.key);
      return source && key ? [...source, { kind: 'index', key, range: expr.bracketRange }] : undefined;
    }
    default:
      return undefined;
  }
}

function constantKey(expr: Expression): IndexKey | undefined {
  if (expr.kind === 'Literal' && expr.type === 'number') return { type: 'number', text: expr.text };
  if (expr.kind === 'Literal' && expr.type === 'string') return { type: 'string', value: expr.value };
  if (expr.kind === 'Template' && expr.parts.length === 1) {
    const only = expr.parts[0];
    if (only?.kind === 'Literal' && only.type === 'string') return { type: 'string', value: only.value };
  }
  return undefined;
}

/** Where hcl's StartRange would point for a diagnostic about the whole expression. */
function startRangeOf(expr: Analysed): Range {
  switch (expr.kind) {
    case 'ObjectKey':
      return startRangeOf(expr.wrapped);
    case 'Tuple':
    case 'Object':
    case 'For':
      return expr.openRange;
    case 'FunctionCall':
      return { filename: expr.range.filename, start: expr.nameRange.start, end: expr.openParenRange.end };
    case 'Conditional':
      return startRangeOf(expr.condition);
    case 'BinaryOp':
      return startRangeOf(expr.lhs);
    case 'UnaryOp':
      return expr.symbolRange;
    case 'Splat':
      return expr.markerRange;
    default:
      return expr.range;
  }
}
