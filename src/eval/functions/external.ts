import { StringType } from '../types.js';
import { FunctionCallError, type FunctionSpec } from './function.js';

/*
 * Functions that read secrets from external services (Vault, Consul). They
 * exist so templates using them parse and validate, and fail with a clear
 * message when called until their backends exist. (AWS Secrets Manager's are
 * in aws-secretsmanager.ts.)
 */

/** A function whose backend is missing. */
const unavailable = (name: string, backend: string, paramNames: readonly string[]): FunctionSpec => ({
  description: `Reads a value from ${backend}.`,
  params: paramNames.map((name) => ({ name, type: StringType })),
  returnType: () => StringType,
  impl: () => {
    throw new FunctionCallError(`the ${name} function is not available yet: Kiln has no ${backend} backend`);
  },
});

export const externalFunctions: Record<string, FunctionSpec> = {
  vault: unavailable('vault', 'HashiCorp Vault', ['path', 'key']),
  consul_key: unavailable('consul_key', 'Consul', ['key']),
};
