import { GetParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { executeAmazonParameterstore } from '../../../src/components/datasources/amazon-parameterstore/datasource.js';
import { Sensitive, Value } from '../../../src/eval/value.js';

/* data "amazon-parameterstore": GetParameter, its outputs and Packer's errors. */

const CONFIG = {
  access_key: 'AKIDEXAMPLE',
  secret_key: 'secret',
  region: 'eu-west-1',
  skip_credential_validation: true,
};

const serviceError = (name: string, message: string) =>
  Object.assign(new Error(message), { name, $fault: 'client' as const });

describe('data "amazon-parameterstore"', () => {
  const ssm = mockClient(SSMClient);
  afterEach(() => ssm.reset());
  afterAll(() => ssm.restore());

  it('reads a String parameter: value, version and arn, nothing sensitive', async () => {
    ssm.on(GetParameterCommand).resolves({
      Parameter: {
        Name: '/aws/service/debian/amd64/latest',
        Type: 'String',
        Value: 'ami-0123456789abcdef0',
        Version: 42,
        ARN: 'arn:aws:ssm:eu-west-1::parameter/aws/service/debian/amd64/latest',
      },
    });
    const value = await executeAmazonParameterstore({ ...CONFIG, name: '/aws/service/debian/amd64/latest' });
    expect(ssm.commandCalls(GetParameterCommand).map((c) => c.args[0].input)).toEqual([
      { Name: '/aws/service/debian/amd64/latest', WithDecryption: false },
    ]);
    expect(value).toEqual(
      Value.object({
        value: Value.string('ami-0123456789abcdef0'),
        version: Value.string('42'),
        arn: Value.string('arn:aws:ssm:eu-west-1::parameter/aws/service/debian/amd64/latest'),
      }),
    );
  });

  it('with_decryption asks for the decrypted SecureString, whose value is sensitive', async () => {
    ssm.on(GetParameterCommand).resolves({
      Parameter: { Name: 'db-password', Type: 'SecureString', Value: 'hunter2', Version: 3, ARN: 'arn:db' },
    });
    const value = await executeAmazonParameterstore({ ...CONFIG, name: 'db-password', with_decryption: true });
    expect(ssm.commandCalls(GetParameterCommand)[0]?.args[0].input).toEqual({
      Name: 'db-password',
      WithDecryption: true,
    });
    expect(value).toEqual(
      Value.object({
        value: Value.string('hunter2').mark(Sensitive),
        version: Value.string('3'),
        arn: Value.string('arn:db'),
      }),
    );
  });

  it.each([
    [serviceError('ParameterNotFound', ''), 'The parameter name "my/param" not found'],
    [serviceError('ParameterVersionNotFound', 'no version 9'), 'The parameter version "my/param" not found'],
    [
      serviceError('AccessDeniedException', 'User is not authorized to perform: ssm:GetParameter'),
      'error to get parameter value: AccessDeniedException: User is not authorized to perform: ssm:GetParameter',
    ],
  ])('fails with Packer’s message: %s', async (error, message) => {
    ssm.on(GetParameterCommand).rejects(error);
    await expect(executeAmazonParameterstore({ ...CONFIG, name: 'my/param' })).rejects.toThrow(new Error(message));
  });
});
