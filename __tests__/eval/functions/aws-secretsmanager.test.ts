import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { functionSecretValue } from '../../../src/components/common/amazon/secret-value.js';
import { awsSecretsManagerFunctions } from '../../../src/eval/functions/aws-secretsmanager.js';
import { StringType } from '../../../src/eval/types.js';
import { Sensitive, Value } from '../../../src/eval/value.js';
import { callFailed, evaluator } from './packer-eval.js';

/*
 * aws_secretsmanager and aws_secretsmanager_raw: the key rules of Packer's SDK
 * client, and the real call (a child process running the AWS SDK) against a
 * Secrets Manager stand-in on loopback, reached through the SDK's standard
 * AWS_ENDPOINT_URL_SECRETS_MANAGER setting.
 */

const { errorOf, expectValue } = evaluator(awsSecretsManagerFunctions);

describe('the key rules (packer-plugin-sdk secretsmanager.getSecretValue)', () => {
  test.each([
    ['hunter2', '', 'hunter2'],
    ['hunter2', 'ignored', 'hunter2'],
    ['{"password":"s3cret"}', '', 's3cret'],
    ['{"user":"admin","password":"s3cret"}', 'password', 's3cret'],
    ['{"port":8080.5}', '', '8080'],
    ['{"port":8081.5}', 'port', '8082'],
  ])('%s with key %j is %j', (secret, key, want) => {
    expect(functionSecretValue(secret, key)).toBe(want);
  });

  test.each([
    ['{"user":"admin","password":"s3cret"}', '', 'Secret has multiple values and no key was set'],
    ['{"user":"admin"}', 'password', 'No secret found for key "password"'],
    ['{}', '', 'No secret found for key ""'],
    ['null', '', 'No secret found for key ""'],
    ['{"on":false}', 'on', 'Unsupported secret value type: bool'],
    ['"quoted"', '', 'json: cannot unmarshal string into Go value of type map[string]interface {}'],
    ['true', '', 'json: cannot unmarshal bool into Go value of type map[string]interface {}'],
  ])('%s with key %j fails: %s', (secret, key, message) => {
    expect(() => functionSecretValue(secret, key)).toThrow(new Error(message));
  });
});

/**
 * A Secrets Manager GetSecretValue endpoint (JSON 1.1 protocol) over fixed
 * secrets. It runs in a worker thread: the function blocks this thread while
 * its child process asks.
 */
const STAND_IN = `
const { createServer } = require('node:http');
const { parentPort, workerData } = require('node:worker_threads');
const server = createServer((req, res) => {
  let body = '';
  req.on('data', (d) => (body += d));
  req.on('end', () => {
    const input = JSON.parse(body);
    parentPort.postMessage({ request: { target: req.headers['x-amz-target'], input, signed: !!req.headers.authorization } });
    const secret = workerData.secrets[input.SecretId];
    res.setHeader('content-type', 'application/x-amz-json-1.1');
    res.setHeader('x-amzn-requestid', 'req-1234');
    if (!secret) {
      res.statusCode = 400;
      res.end(JSON.stringify({ __type: 'ResourceNotFoundException', message: "Secrets Manager can't find the specified secret." }));
      return;
    }
    res.end(JSON.stringify({ Name: input.SecretId, VersionId: 'v-1', ...secret }));
  });
});
server.listen(0, workerData.host, () => parentPort.postMessage({ port: server.address().port }));
`;

const requests: unknown[] = [];

async function startStandIn(secrets: Record<string, { SecretString?: string; SecretBinary?: string }>) {
  const worker = new Worker(STAND_IN, { eval: true, workerData: { secrets, host: '127.0.0.85' } });
  const port = await new Promise<number>((resolve, reject) => {
    worker.on('error', reject);
    worker.on('message', (m: { port?: number; request?: unknown }) => {
      if (m.port !== undefined) resolve(m.port);
      if (m.request !== undefined) requests.push(m.request);
    });
  });
  return { worker, port };
}

/** Lets the stand-in's queued messages arrive (this thread was blocked while they were sent). */
const drain = () => new Promise((resolve) => setTimeout(resolve, 50));

describe('aws_secretsmanager and aws_secretsmanager_raw against a Secrets Manager stand-in', () => {
  let worker: Worker;
  const saved = { ...process.env };
  beforeAll(async () => {
    let port: number;
    ({ worker, port } = await startStandIn({
      plain: { SecretString: 'hunter2' },
      single: { SecretString: '{"password":"s3cret"}' },
      multi: { SecretString: '{"user":"admin","password":"s3cret"}' },
      binary: { SecretBinary: Buffer.from('bytes').toString('base64') },
    }));
    Object.assign(process.env, {
      AWS_ENDPOINT_URL_SECRETS_MANAGER: `http://127.0.0.85:${port}`,
      AWS_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
      AWS_SECRET_ACCESS_KEY: 'secret',
      AWS_CONFIG_FILE: '/nonexistent',
      AWS_SHARED_CREDENTIALS_FILE: '/nonexistent',
    });
  });
  afterAll(async () => {
    process.env = saved;
    await worker.terminate();
  });

  test.each([
    ['aws_secretsmanager("plain", null)', 'hunter2'],
    ['aws_secretsmanager("single", null)', 's3cret'],
    ['aws_secretsmanager("multi", "user")', 'admin'],
    ['aws_secretsmanager_raw("multi")', '{"user":"admin","password":"s3cret"}'],
  ])('%s is %j, sensitive', (src, want) => {
    expectValue(src, Value.string(want).mark(Sensitive));
  });

  test('asks for the AWSCURRENT version, signed', async () => {
    await drain();
    requests.length = 0;
    expectValue('aws_secretsmanager_raw("plain")', Value.string('hunter2').mark(Sensitive));
    await drain();
    expect(requests).toEqual([
      {
        target: 'secretsmanager.GetSecretValue',
        input: { SecretId: 'plain', VersionStage: 'AWSCURRENT' },
        signed: true,
      },
    ]);
  });

  test.each([
    ['aws_secretsmanager("multi", null)', 'aws_secretsmanager', 'Secret has multiple values and no key was set'],
    ['aws_secretsmanager("multi", "token")', 'aws_secretsmanager', 'No secret found for key "token"'],
    ['aws_secretsmanager("binary", null)', 'aws_secretsmanager', 'Secret is not string'],
    ['aws_secretsmanager("", null)', 'aws_secretsmanager', 'At least one secret name must be provided'],
    ['aws_secretsmanager_raw("")', 'aws_secretsmanager_raw', 'At least one secret name must be provided'],
    [
      'aws_secretsmanager_raw("missing")',
      'aws_secretsmanager_raw',
      "operation error Secrets Manager: GetSecretValue, https response error StatusCode: 400, RequestID: req-1234, ResourceNotFoundException: Secrets Manager can't find the specified secret.",
    ],
  ])('%s fails: %s', (src, name, message) => {
    expect(errorOf(src)).toBe(callFailed(name, message));
  });

  test('keeps Packer’s signatures: key is required but may be null; unknown arguments give an unknown result', () => {
    expect(errorOf('aws_secretsmanager("a")')).toBe(
      'Not enough function arguments: Function "aws_secretsmanager" expects 2 argument(s). Missing value for "key".',
    );
    expect(errorOf('aws_secretsmanager(null, "k")')).toBe(
      'Invalid function argument: Invalid value for "name" parameter: argument must not be null.',
    );
    expectValue('aws_secretsmanager(v.us, "k")', Value.unknown(StringType));
  });
});
