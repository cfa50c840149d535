import type { Value } from '../value.js';

/**
 * Wraps a computation whose result decides both a function's return type and
 * its value (decoding JSON or YAML, rendering a template), so it runs once per
 * call: the call machinery hands returnType and impl the same argument array.
 */
export function oncePerCall(compute: (args: readonly Value[]) => Value): (args: readonly Value[]) => Value {
  const results = new WeakMap<readonly Value[], Value>();
  return (args) => {
    let result = results.get(args);
    if (!result) {
      result = compute(args);
      results.set(args, result);
    }
    return result;
  };
}
