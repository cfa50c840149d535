import type { Type } from '../types.js';
import type { Value } from '../value.js';

/*
 * The shape of an HCL function, as cty's function.Spec: typed parameters, a
 * return-type check and an implementation. The call machinery (call.ts) converts
 * arguments to parameter types, short-circuits unknown and null arguments, and
 * moves marks from arguments to the result, so implementations see plain values
 * unless a parameter opts in.
 */

export interface Parameter {
  readonly name: string;
  /** Wanted type; DynamicPseudoType accepts any value unconverted. */
  readonly type: Type;
  /** Pass null values to the implementation instead of failing "argument must not be null". */
  readonly allowNull?: boolean;
  /** Pass unknown values to the implementation instead of returning an unknown result. */
  readonly allowUnknown?: boolean;
  /** Accept a value whose type is only known to be dynamic (when type is dynamic). */
  readonly allowDynamicType?: boolean;
  /** Pass marked values through; otherwise marks are removed and put back on the result. */
  readonly allowMarked?: boolean;
}

export interface FunctionSpec {
  readonly description?: string;
  readonly params: readonly Parameter[];
  /** The variadic parameter, if the function takes any number of trailing arguments. */
  readonly varParam?: Parameter;
  /**
   * The result type for these (converted) arguments; may throw FunctionArgError
   * for an argument of the right type but wrong shape. Arguments may be unknown.
   */
  readonly returnType: (args: readonly Value[]) => Type;
  /** The result for known (unless allowUnknown), non-null (unless allowNull) arguments. */
  readonly impl: (args: readonly Value[], returnType: Type) => Value;
}

/** An error blamed on one argument: "Invalid value for "<param>" parameter: <message>". */
export class FunctionArgError extends Error {
  constructor(
    readonly argIndex: number,
    message: string,
  ) {
    super(message);
    this.name = 'FunctionArgError';
  }
}

/** An error of the call as a whole: "Call to function "<name>" failed: <message>". */
export class FunctionCallError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FunctionCallError';
  }
}

export type FunctionTable = ReadonlyMap<string, FunctionSpec>;
