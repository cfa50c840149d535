import { GetParameterCommand, type Parameter } from '@aws-sdk/client-ssm';
import { goQuote } from '../../../hcl/quote.js';
import { Sensitive, Value } from '../../../eval/value.js';
import { awsErrorCode, awsErrorMessage } from '../../common/amazon/errors.js';
import { amazonSsmClient } from '../../common/amazon/ssm.js';
import type { AmazonParameterstoreConfig } from './schema.js';

/*
 * datasource/parameterstore Execute of packer-plugin-amazon: one GetParameter.
 * A SecureString's value is marked sensitive (Kiln's addition), so it prints
 * as <sensitive> and is masked wherever it flows.
 */

export async function executeAmazonParameterstore(c: AmazonParameterstoreConfig): Promise<Value> {
  const name = c.name ?? '';
  const client = await amazonSsmClient(c);
  let parameter: Parameter;
  try {
    const out = await client.send(new GetParameterCommand({ Name: name, WithDecryption: c.with_decryption ?? false }));
    parameter = out.Parameter ?? {};
  } catch (error) {
    const code = awsErrorCode(error);
    if (code === 'ParameterNotFound')
      throw new Error(`The parameter name ${goQuote(name)} not found`, { cause: error });
    if (code === 'ParameterVersionNotFound')
      throw new Error(`The parameter version ${goQuote(name)} not found`, { cause: error });
    throw new Error(`error to get parameter value: ${awsErrorMessage(error)}`, { cause: error });
  } finally {
    client.destroy();
  }
  const value = Value.string(parameter.Value ?? '');
  return Value.object({
    value: parameter.Type === 'SecureString' ? value.mark(Sensitive) : value,
    version: Value.string(String(parameter.Version ?? 0)),
    arn: Value.string(parameter.ARN ?? ''),
  });
}
