import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { functionSecretValue } from '../../components/common/amazon/secret-value.js';
import { StringType } from '../types.js';
import { Sensitive, Value } from '../value.js';
import { FunctionCallError, type FunctionSpec } from './function.js';

/*
 * aws_secretsmanager(name, key) and aws_secretsmanager_raw(name) of Packer
 * (hcl2template/function/aws_secretsmanager.go over packer-plugin-sdk's
 * secretsmanager client): GetSecretValue of the AWSCURRENT version with the
 * SDK's default configuration (environment, shared files, instance role).
 * The result is marked sensitive (Kiln's addition).
 *
 * Functions are synchronous and the SDK is not, so the call runs in a short
 * child Node process that loads @aws-sdk/client-secrets-manager; the secret
 * comes back on its stdout and never touches the disk.
 */

const require = createRequire(import.meta.url);

/** What the child reports: the secret string (null for a binary secret), or the error of the call. */
type ChildAnswer =
  | { readonly secretString: string | null }
  | {
      readonly error: {
        readonly name: string;
        readonly message: string;
        readonly status: number | null;
        readonly requestId: string | null;
      };
    };

const CHILD = `
const { SecretsManagerClient, GetSecretValueCommand } = require(process.env.KILN_SECRETS_SDK);
let input = '';
process.stdin.on('data', (d) => (input += d)).on('end', async () => {
  const client = new SecretsManagerClient({});
  let answer;
  try {
    const out = await client.send(new GetSecretValueCommand({ SecretId: JSON.parse(input), VersionStage: 'AWSCURRENT' }));
    answer = { secretString: out.SecretString ?? null };
  } catch (e) {
    const m = e.$metadata ?? {};
    answer = { error: { name: e.$fault ? e.name : '', message: String(e.message ?? e), status: m.httpStatusCode ?? null, requestId: m.requestId ?? null } };
  }
  client.destroy();
  process.stdout.write(JSON.stringify(answer));
});
`;

/** The SDK's CommonJS entry: a vendored bundle beside Kiln's bundle, else the package (run from source). */
function sdkPath(): string {
  try {
    return require.resolve('./vendor/client-secrets-manager.cjs');
  } catch {
    return require.resolve('@aws-sdk/client-secrets-manager');
  }
}

/** GetSecretValue's SecretString, with the error text the Go SDK gives for a failed call. */
function readSecretString(name: string): string {
  const child = spawnSync(process.execPath, ['-e', CHILD], {
    input: JSON.stringify(name),
    env: { ...process.env, KILN_SECRETS_SDK: sdkPath() },
    encoding: 'utf8',
    timeout: 300_000,
  });
  let answer: ChildAnswer;
  try {
    answer = JSON.parse(child.stdout) as ChildAnswer;
  } catch {
    const why = child.error?.message ?? (child.stderr.trim() || `exit status ${child.status ?? child.signal}`);
    throw new FunctionCallError(`reading the secret failed: ${why}`);
  }
  if ('error' in answer) {
    const { name: code, message, status, requestId } = answer.error;
    const response =
      status !== null ? `https response error StatusCode: ${status}, RequestID: ${requestId ?? ''}, ` : '';
    const apiError = code ? `${code}: ${message}` : message;
    throw new FunctionCallError(`operation error Secrets Manager: GetSecretValue, ${response}${apiError}`);
  }
  if (answer.secretString === null) throw new FunctionCallError('Secret is not string');
  return answer.secretString;
}

function secretFunction(raw: boolean): FunctionSpec {
  return {
    description: raw
      ? 'Returns the whole value of an AWS Secrets Manager secret.'
      : 'Returns an AWS Secrets Manager secret, or one key of a JSON secret.',
    params: [{ name: 'name', type: StringType }, ...(raw ? [] : [{ name: 'key', type: StringType, allowNull: true }])],
    returnType: () => StringType,
    impl: (args) => {
      const name = args[0]?.asString() ?? '';
      const key = args[1] && !args[1].isNull() ? args[1].asString() : '';
      if (name === '') throw new FunctionCallError('At least one secret name must be provided');
      const secretString = readSecretString(name);
      let value: string;
      try {
        value = raw ? secretString : functionSecretValue(secretString, key);
      } catch (error) {
        throw new FunctionCallError(error instanceof Error ? error.message : String(error));
      }
      return Value.string(value).mark(Sensitive);
    },
  };
}

export const awsSecretsManagerFunctions: Record<string, FunctionSpec> = {
  aws_secretsmanager: secretFunction(false),
  aws_secretsmanager_raw: secretFunction(true),
};
