import { StringType } from '../types.js';
import { FunctionCallError, type FunctionSpec } from './function.js';

/*
 * Functions that read secrets from external services (Vault, Consul, AWS
 * Secrets Manager). They exist so templates using them parse and validate,
 * and fail with a clear message when called until their backends exist.
 */

/** A function whose backend is missing; parameters named "key?" accept null (as aws_secretsmanager's key). */
const unavailable = (name: string, backend: string, paramNames: readonly string[]): FunctionSpec => ({
  description: `Reads a value from ${backend}.`,
  params: paramNames.map((n) => ({ name: n.replace('?', ''), type: StringType, allowNull: n.endsWith('?') })),
  returnType: () => StringType,
  impl: () => {
    throw new FunctionCallError(`the ${name} function is not available yet: Kiln has no ${backend} backend`);
  },
});

export const externalFunctions: Record<string, FunctionSpec> = {
  vault: unavailable('vault', 'HashiCorp Vault', ['path', 'key']),
  consul_key: unavailable('consul_key', 'Consul', ['key']),
  aws_secretsmanager: unavailable('aws_secretsmanager', 'AWS Secrets Manager', ['name', 'key?']),
  aws_secretsmanager_raw: unavailable('aws_secretsmanager_raw', 'AWS Secrets Manager', ['name']),
};
