import type { Expression, ObjectKey } from '../hcl/ast.js';
import type { Range } from '../hcl/range.js';
import { literalValue } from './literal.js';
import { Value } from './value.js';

/*
 * Static analysis: the variable references (traversals such as `var.foo`,
 * `local.bar.baz`, `data.http.x.body`, `list[0]`) an expression makes, as
 * hclsyntax.Variables. Names bound by an enclosing for expression are local
 * and not reported. Callers use these to order locals and data sources and to
 * check that references exist before evaluating.
 */

export interface TraverseRoot {
  readonly kind: 'root';
  readonly name: string;
  readonly range: Range;
}
export interface TraverseAttr {
  readonly kind: 'attr';
  readonly name: string;
  readonly range: Range;
}
export interface TraverseIndex {
  readonly kind: 'index';
  readonly key: Value;
  readonly range: Range;
}

/** A root name followed by attribute and constant-index steps. */
export type Traversal = readonly [TraverseRoot, ...(TraverseAttr | TraverseIndex)[]];

/** Every traversal from the root scope in expr, in source order. */
export function variables(expr: Expression): Traversal[] {
  const found: Traversal[] = [];
  walk(expr, [], found);
  return found;
}

/** The whole source range a traversal covers. */
export function traversalRange(t: Traversal): Range {
  const last = t[t.length - 1]!;
  return { filename: t[0].range.filename, start: t[0].range.start, end: last.range.end };
}

/**
 * The expression as a traversal when it is a name followed only by attribute
 * accesses and literal indexes (what hcl parses as a ScopeTraversalExpr).
 */
export function asTraversal(expr: Expression): Traversal | undefined {
  switch (expr.kind) {
    case 'Variable':
      return [{ kind: 'root', name: expr.name, range: expr.range }];
    case 'GetAttr': {
      const source = asTraversal(expr.source);
      if (!source) return undefined;
      const range = expr.nameRange;
      const step: TraverseAttr | TraverseIndex = expr.legacyIndex
        ? { kind: 'index', key: Value.number(expr.name), range }
        : { kind: 'attr', name: expr.name, range };
      return [...source, step];
    }
    case 'Index': {
      const key = literalKey(expr.key);
      const source = key && asTraversal(expr.collection);
      if (!key || !source) return undefined;
      return [...source, { kind: 'index', key, range: expr.bracketRange }];
    }
    default:
      return undefined;
  }
}

/** A constant index key: a literal, or a quoted string without interpolations. */
function literalKey(expr: Expression): Value | undefined {
  if (expr.kind === 'Template') {
    const only = expr.parts.length === 1 ? expr.parts[0] : undefined;
    return only?.kind === 'Literal' && only.type === 'string' ? Value.string(only.value) : undefined;
  }
  return expr.kind === 'Literal' ? literalValue(expr) : undefined;
}

function walk(expr: Expression, locals: readonly ReadonlySet<string>[], found: Traversal[]): void {
  const traversal = asTraversal(expr);
  if (traversal) {
    const root = traversal[0].name;
    if (!locals.some((names) => names.has(root))) found.push(traversal);
    return;
  }
  const visit = (e: Expression): void => walk(e, locals, found);
  switch (expr.kind) {
    case 'Literal':
    case 'AnonSymbol':
    case 'Variable':
      return;
    case 'Parentheses':
      return visit(expr.expression);
    case 'Template':
      return expr.parts.forEach(visit);
    case 'TemplateWrap':
      return visit(expr.wrapped);
    case 'TemplateIf':
      visit(expr.condition);
      visit(expr.then);
      if (expr.else) visit(expr.else);
      return;
    case 'TemplateFor': {
      visit(expr.collection);
      walk(expr.body, [...locals, forNames(expr.keyVar, expr.valueVar)], found);
      return;
    }
    case 'GetAttr':
      return visit(expr.source);
    case 'Index':
      visit(expr.collection);
      visit(expr.key);
      return;
    case 'Splat':
      visit(expr.source);
      visit(expr.each);
      return;
    case 'FunctionCall':
      return expr.args.forEach(visit);
    case 'Conditional':
      visit(expr.condition);
      visit(expr.trueResult);
      visit(expr.falseResult);
      return;
    case 'BinaryOp':
      visit(expr.lhs);
      visit(expr.rhs);
      return;
    case 'UnaryOp':
      return visit(expr.operand);
    case 'Tuple':
      return expr.items.forEach(visit);
    case 'Object':
      for (const item of expr.items) {
        walkObjectKey(item.key, visit);
        visit(item.value);
      }
      return;
    case 'For': {
      visit(expr.collection);
      const inner = [...locals, forNames(expr.keyVar, expr.valueVar)];
      for (const e of [expr.keyExpr, expr.valueExpr, expr.condition]) if (e) walk(e, inner, found);
      return;
    }
  }
}

/** A bare-name key is a literal string, not a reference. */
function walkObjectKey(key: ObjectKey, visit: (e: Expression) => void): void {
  const literal = !key.forceNonLiteral && (key.wrapped.kind === 'Variable' || key.wrapped.kind === 'Literal');
  if (!literal) visit(key.wrapped);
}

function forNames(keyVar: string | undefined, valueVar: string): ReadonlySet<string> {
  return new Set(keyVar === undefined ? [valueVar] : [keyVar, valueVar]);
}
