import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { mockClient } from 'aws-sdk-client-mock';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { runInspect } from '../../../src/cli/inspect.js';
import { executeAmazonSecretsmanager } from '../../../src/components/datasources/amazon-secretsmanager/datasource.js';
import { Sensitive, Value } from '../../../src/eval/value.js';
import { memoryIO } from '../../support/cli.js';

/* data "amazon-secretsmanager": GetSecretValue, `key` selection, binary secrets, sensitivity and Packer's errors. */

const ACCESS = {
  access_key: 'AKIDEXAMPLE',
  secret_key: 'secret',
  region: 'eu-west-1',
  skip_credential_validation: true,
};

const serviceError = (name: string, message: string) =>
  Object.assign(new Error(message), { name, $fault: 'client' as const });

const secret = (s: string) => Value.string(s).mark(Sensitive);

describe('data "amazon-secretsmanager"', () => {
  const sm = mockClient(SecretsManagerClient);
  afterEach(() => sm.reset());
  afterAll(() => sm.restore());

  it('reads the AWSCURRENT version; every secret output is sensitive', async () => {
    sm.on(GetSecretValueCommand).resolves({ SecretString: 'hunter2', VersionId: 'v-1', Name: 'db' });
    const value = await executeAmazonSecretsmanager({ ...ACCESS, name: 'db' });
    expect(sm.commandCalls(GetSecretValueCommand).map((c) => c.args[0].input)).toEqual([
      { SecretId: 'db', VersionStage: 'AWSCURRENT' },
    ]);
    expect(value).toEqual(
      Value.object({
        value: secret('hunter2'),
        secret_string: secret('hunter2'),
        secret_binary: secret(''),
        version_id: Value.string('v-1'),
      }),
    );
  });

  it.each([
    [{ version_stage: 'AWSPREVIOUS' }, { SecretId: 'db', VersionStage: 'AWSPREVIOUS' }],
    [
      { version_id: 'v-7', version_stage: 'AWSPREVIOUS' },
      { SecretId: 'db', VersionId: 'v-7' },
    ],
  ])('asks for the version %j as %j', async (version, input) => {
    sm.on(GetSecretValueCommand).resolves({ SecretString: 'x', VersionId: 'v-7' });
    await executeAmazonSecretsmanager({ ...ACCESS, name: 'db', ...version });
    expect(sm.commandCalls(GetSecretValueCommand)[0]?.args[0].input).toEqual(input);
  });

  it.each([
    ['plain text, no key', 'hunter2', undefined, 'hunter2'],
    ['plain text, a key is ignored', 'hunter2', 'user', 'hunter2'],
    ['JSON, a key', '{"user":"admin","password":"s3cret"}', 'password', 's3cret'],
    ['JSON, no key: the first value', '{"user":"admin","password":"s3cret"}', undefined, 'admin'],
    ['JSON, a missing key: empty', '{"user":"admin"}', 'password', ''],
    ['JSON, a number: no decimals, half to even', '{"port":2.5,"n":1e21}', 'port', '2'],
    ['JSON, a large number: no exponent', '{"port":2.5,"n":1e21}', 'n', '1000000000000000000000'],
    ['JSON, a negative number', '{"n":-7.6}', 'n', '-8'],
    ['JSON null: empty', 'null', 'k', ''],
  ])('value of %s', async (_, secretString, key, expected) => {
    sm.on(GetSecretValueCommand).resolves({ SecretString: secretString, VersionId: 'v' });
    const value = await executeAmazonSecretsmanager({ ...ACCESS, name: 'db', ...(key ? { key } : {}) });
    expect(value.attr('value')).toEqual(secret(expected));
    expect(value.attr('secret_string')).toEqual(secret(secretString));
  });

  it('a binary secret: secret_binary holds its bytes as text, value and secret_string are empty', async () => {
    sm.on(GetSecretValueCommand).resolves({
      SecretBinary: new TextEncoder().encode('-----BEGIN KEY-----'),
      VersionId: 'b',
    });
    const value = await executeAmazonSecretsmanager({ ...ACCESS, name: 'cert' });
    expect(value).toEqual(
      Value.object({
        value: secret(''),
        secret_string: secret(''),
        secret_binary: secret('-----BEGIN KEY-----'),
        version_id: Value.string('b'),
      }),
    );
  });

  it.each([
    ['{"enabled":true}', 'enabled', 'error to get secret value: "Unsupported secret value type: bool"'],
    ['{"list":[1]}', 'list', 'error to get secret value: "Unsupported secret value type: []interface {}"'],
    ['{"o":{"a":1}}', 'o', 'error to get secret value: "Unsupported secret value type: map[string]interface {}"'],
    ['{"n":null}', 'n', 'error to get secret value: "Unsupported secret value type: <nil>"'],
    [
      '["a"]',
      '',
      'error to get secret value: "json: cannot unmarshal array into Go value of type map[string]interface {}"',
    ],
    [
      '42',
      '',
      'error to get secret value: "json: cannot unmarshal number into Go value of type map[string]interface {}"',
    ],
  ])('secret %s key %j fails: %s', async (secretString, key, message) => {
    sm.on(GetSecretValueCommand).resolves({ SecretString: secretString, VersionId: 'v' });
    await expect(executeAmazonSecretsmanager({ ...ACCESS, name: 'db', key })).rejects.toThrow(new Error(message));
  });

  it.each([
    [
      serviceError('ResourceNotFoundException', "Secrets Manager can't find the specified secret."),
      {},
      'Secrets Manager Secret "db" Version "AWSCURRENT" not found',
    ],
    [
      serviceError('InvalidRequestException', "You can't perform this operation on the secret because it was deleted."),
      { version_id: 'v-9' },
      'Secrets Manager Secret "db" Version "v-9" not found',
    ],
    [
      serviceError('InvalidRequestException', 'You provided a parameter value that is not valid.'),
      {},
      'error reading Secrets Manager Secret Version: InvalidRequestException: You provided a parameter value that is not valid.',
    ],
  ])('API error %s fails with Packer’s message', async (error, version, message) => {
    sm.on(GetSecretValueCommand).rejects(error);
    await expect(executeAmazonSecretsmanager({ ...ACCESS, name: 'db', ...version })).rejects.toThrow(
      new Error(message),
    );
  });

  it('kiln inspect prints a local holding the secret as <sensitive>, a version id as is', async () => {
    sm.on(GetSecretValueCommand).resolves({ SecretString: '{"password":"s3cret"}', VersionId: 'v-3' });
    const dir = mkdtempSync(join(tmpdir(), 'kiln-secretsmanager-'));
    writeFileSync(
      join(dir, 't.pkr.hcl'),
      `
data "amazon-secretsmanager" "db" {
  access_key                 = "AKIDEXAMPLE"
  secret_key                 = "secret"
  region                     = "eu-west-1"
  skip_credential_validation = true
  name                       = "db"
  key                        = "password"
}
locals {
  password = data.amazon-secretsmanager.db.value
  greeting = "pw=\${data.amazon-secretsmanager.db.value}"
  version  = data.amazon-secretsmanager.db.version_id
}
source "null" "x" {
  communicator = "none"
}
build {
  sources = ["source.null.x"]
}
`,
    );
    const m = memoryIO({ cwd: dir });
    expect(await runInspect(['t.pkr.hcl'], m.io)).toBe(0);
    expect(m.stdout()).toContain(
      '> local-variables:\n\nlocal.greeting: "<sensitive>"\nlocal.password: "<sensitive>"\nlocal.version: "v-3"\n',
    );
    expect(m.stdout()).not.toContain('s3cret');
  });
});
