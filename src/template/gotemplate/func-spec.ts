import type { GoValue } from './values.js';

/*
 * A template function's Go signature, which decides how arguments are
 * checked and converted (Go's evalArg/validateType) and the wording of
 * "wrong number of args" and "wrong type" errors.
 */

/** 'value' is reflect.Value (receives invalid values as undefined); 'any' is interface{}. */
export type ParamType = 'string' | 'int' | 'bool' | 'float64' | 'any' | 'value';

export interface GoFunc {
  readonly params: readonly ParamType[];
  /** Element type of a trailing variadic parameter (params lists only the fixed ones). */
  readonly variadic?: ParamType;
  /** Returns the result; throws GoFuncError for Go's error result. */
  readonly call: (args: GoValue[]) => GoValue;
}
