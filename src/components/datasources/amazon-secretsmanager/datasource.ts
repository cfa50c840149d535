import { GetSecretValueCommand, type GetSecretValueCommandOutput } from '@aws-sdk/client-secrets-manager';
import { goQuote } from '../../../hcl/quote.js';
import { Sensitive, Value } from '../../../eval/value.js';
import { awsErrorCode, awsErrorMessage } from '../../common/amazon/errors.js';
import { amazonSecretsClient } from '../../common/amazon/secrets.js';
import { datasourceSecretValue } from '../../common/amazon/secret-value.js';
import type { AmazonSecretsmanagerConfig } from './schema.js';

/*
 * datasource/secretsmanager Execute of packer-plugin-amazon: one
 * GetSecretValue by version_id, else by version_stage (AWSCURRENT). The
 * secret's outputs are marked sensitive (Kiln's addition), so they print as
 * <sensitive> and are masked wherever they flow.
 */

export async function executeAmazonSecretsmanager(c: AmazonSecretsmanagerConfig): Promise<Value> {
  const name = c.name ?? '';
  const version = c.version_id || c.version_stage || 'AWSCURRENT';
  const versionInput = c.version_id ? { VersionId: c.version_id } : { VersionStage: version };
  const client = await amazonSecretsClient(c);
  let secret: GetSecretValueCommandOutput;
  try {
    secret = await client.send(new GetSecretValueCommand({ SecretId: name, ...versionInput }));
  } catch (error) {
    const code = awsErrorCode(error);
    const deleted = code === 'InvalidRequestException' && String(error).includes('because it was deleted');
    if (code === 'ResourceNotFoundException' || deleted) {
      throw new Error(`Secrets Manager Secret ${goQuote(name)} Version ${goQuote(version)} not found`, {
        cause: error,
      });
    }
    throw new Error(`error reading Secrets Manager Secret Version: ${awsErrorMessage(error)}`, { cause: error });
  } finally {
    client.destroy();
  }
  const secretString = secret.SecretString ?? '';
  let value: string;
  try {
    value = datasourceSecretValue(secretString, c.key ?? '');
  } catch (error) {
    throw new Error(`error to get secret value: ${goQuote(error instanceof Error ? error.message : String(error))}`, {
      cause: error,
    });
  }
  const sensitive = (s: string) => Value.string(s).mark(Sensitive);
  return Value.object({
    value: sensitive(value),
    secret_string: sensitive(secretString),
    // The plugin converts the decoded bytes to a string (not base64, despite its docs).
    secret_binary: sensitive(secret.SecretBinary ? Buffer.from(secret.SecretBinary).toString('utf8') : ''),
    version_id: Value.string(secret.VersionId ?? ''),
  });
}
