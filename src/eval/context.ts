import type { FunctionTable } from './functions/function.js';
import type { Value } from './value.js';

/*
 * The scope an expression is evaluated in, as hcl.EvalContext: variables and
 * functions by name, with child scopes (for-expression locals) layered over
 * a parent. Evaluating with no context at all means "no variables and no
 * function calls allowed here".
 */

export interface EvalContext {
  readonly variables: ReadonlyMap<string, Value>;
  readonly functions: FunctionTable;
  readonly parent?: EvalContext;
}

const NoFunctions: FunctionTable = new Map();

/** A scope holding `variables` over `parent`; functions are inherited. */
export function childContext(parent: EvalContext | undefined, variables: ReadonlyMap<string, Value>): EvalContext {
  return { variables, functions: parent?.functions ?? NoFunctions, parent };
}

/** The value of a variable in the nearest scope that defines it. */
export function lookupVariable(ctx: EvalContext | undefined, name: string): Value | undefined {
  for (let c = ctx; c; c = c.parent) {
    const v = c.variables.get(name);
    if (v) return v;
  }
  return undefined;
}

/** Every variable name visible from ctx, innermost scope first (for did-you-mean suggestions). */
export function visibleVariableNames(ctx: EvalContext | undefined): string[] {
  const names: string[] = [];
  for (let c = ctx; c; c = c.parent) names.push(...c.variables.keys());
  return names;
}
