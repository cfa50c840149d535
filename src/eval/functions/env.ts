import { StringType } from '../types.js';
import { Value } from '../value.js';
import type { FunctionSpec } from './function.js';

/**
 * `env(name)`: an environment variable's value, or "" when unset. Packer allows
 * it only in a variable's `default`, so it is not part of packerFunctions().
 */
export const envFunctions: Readonly<Record<string, FunctionSpec>> = {
  env: {
    params: [{ name: 'key', type: StringType }],
    returnType: () => StringType,
    impl: ([key]) => Value.string(process.env[key!.asString()] ?? ''),
  },
};
