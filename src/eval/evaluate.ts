import type { Expression } from '../hcl/ast.js';
import type { EvalContext } from './context.js';
import { evalFunctionCall } from './evaluate-call.js';
import { evalConditional, evalObject, evalTuple } from './evaluate-constructors.js';
import { evalFor } from './evaluate-for.js';
import type { Result } from './evaluate-index.js';
import { evalBinaryOp, evalUnaryOp } from './evaluate-operators.js';
import { evalTemplate, evalTemplateFor, evalTemplateIf } from './evaluate-template.js';
import { evalGetAttr, evalIndex, evalSplat, evalVariable } from './evaluate-traversal.js';
import { literalValue } from './literal.js';
import { DynamicVal, Value } from './value.js';

/*
 * The HCL expression evaluator, as hclsyntax's Expression.Value: each node kind
 * has its evaluation in a topical file. Evaluation never throws for user
 * errors; it returns diagnostics and a placeholder value (usually unknown) so
 * that one pass reports every problem.
 */

export type { Result };

/**
 * Where an expression is evaluated: the context, plus the current element of
 * the innermost splat (what an AnonSymbol stands for).
 */
export interface Scope {
  readonly ctx: EvalContext | undefined;
  readonly splatItem?: Value;
}

export function evaluate(expr: Expression, ctx: EvalContext | undefined): Result {
  return evalIn(expr, { ctx });
}

export function evalIn(expr: Expression, scope: Scope): Result {
  switch (expr.kind) {
    case 'Literal':
      return { value: literalValue(expr), diags: [] };
    case 'Parentheses':
      return evalIn(expr.expression, scope);
    case 'Template':
      return evalTemplate(expr, scope);
    case 'TemplateWrap':
      return evalIn(expr.wrapped, scope);
    case 'TemplateIf':
      return evalTemplateIf(expr, scope);
    case 'TemplateFor':
      return evalTemplateFor(expr, scope);
    case 'Variable':
      return evalVariable(expr, scope);
    case 'GetAttr':
      return evalGetAttr(expr, scope);
    case 'Index':
      return evalIndex(expr, scope);
    case 'Splat':
      return evalSplat(expr, scope);
    case 'AnonSymbol':
      return { value: scope.splatItem ?? DynamicVal, diags: [] };
    case 'FunctionCall':
      return evalFunctionCall(expr, scope);
    case 'Conditional':
      return evalConditional(expr, scope);
    case 'BinaryOp':
      return evalBinaryOp(expr, scope);
    case 'UnaryOp':
      return evalUnaryOp(expr, scope);
    case 'Tuple':
      return evalTuple(expr, scope);
    case 'Object':
      return evalObject(expr, scope);
    case 'For':
      return evalFor(expr, scope);
  }
}
