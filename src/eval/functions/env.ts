import { StringType } from '../types.js';
import { Value } from '../value.js';
import type { FunctionSpec } from './function.js';

/*
 * env(key): an environment variable's value, "" when unset. Packer allows it
 * only in variable defaults; the template layer decides where it is in scope.
 */

export const envFunctions: Record<string, FunctionSpec> = {
  env: {
    description: 'Returns the value of an environment variable, or an empty string when it is not set.',
    params: [{ name: 'key', type: StringType }],
    returnType: () => StringType,
    impl: (args) => Value.string(process.env[args[0]!.asString()] ?? ''),
  },
};
