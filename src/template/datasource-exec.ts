import { Value } from '../eval/value.js';
import type { AmazonAmiConfig } from '../components/datasources/amazon-ami/schema.js';
import type { AmazonParameterstoreConfig } from '../components/datasources/amazon-parameterstore/schema.js';
import type { AmazonSecretsmanagerConfig } from '../components/datasources/amazon-secretsmanager/schema.js';

/*
 * Executing the data sources Kiln runs natively (Packer's datasource/http and
 * datasource/null Execute, and the Amazon plugin's ami, parameterstore and
 * secretsmanager). Undefined for a type Kiln cannot execute: its value
 * stays unknown.
 */

interface HttpConfig {
  readonly url?: string;
  readonly method?: string;
  readonly request_headers?: Record<string, string>;
  readonly request_body?: string;
}

export async function executeNativeDatasource(type: string, config: unknown): Promise<Value | undefined> {
  if (type === 'null') {
    const input = (config as { input?: string }).input ?? '';
    return Value.object({ output: Value.string(input) });
  }
  if (type === 'http') return executeHttp(config as HttpConfig);
  // The Amazon data sources load the AWS SDK, so only when a template uses them.
  if (type === 'amazon-ami') {
    return (await import('../components/datasources/amazon-ami/datasource.js')).executeAmazonAmi(
      config as AmazonAmiConfig,
    );
  }
  if (type === 'amazon-parameterstore') {
    return (await import('../components/datasources/amazon-parameterstore/datasource.js')).executeAmazonParameterstore(
      config as AmazonParameterstoreConfig,
    );
  }
  if (type === 'amazon-secretsmanager') {
    return (await import('../components/datasources/amazon-secretsmanager/datasource.js')).executeAmazonSecretsmanager(
      config as AmazonSecretsmanagerConfig,
    );
  }
  return undefined;
}

async function executeHttp(c: HttpConfig): Promise<Value> {
  const url = c.url ?? '';
  let response: Response;
  try {
    response = await fetch(url, {
      method: c.method || 'GET',
      headers: c.request_headers,
      body: c.request_body ? c.request_body : undefined,
      redirect: 'follow',
    });
  } catch (e) {
    const cause = e instanceof Error && e.cause instanceof Error ? e.cause.message : String(e);
    throw new Error(`${c.method || 'GET'} ${JSON.stringify(url)}: ${cause}`, { cause: e });
  }
  if (response.status < 200 || response.status >= 300) {
    throw new Error(`HTTP request error. Response code: ${response.status}`);
  }
  const body = await response.text();
  const headers = new Map<string, Value>();
  response.headers.forEach((value, name) => headers.set(canonicalHeader(name), Value.string(value)));
  return Value.object({
    url: Value.string(url),
    body: Value.string(body),
    request_headers: Value.map(headers, { kind: 'string' }),
  });
}

/** Go's textproto.CanonicalMIMEHeaderKey: "content-type" → "Content-Type". */
function canonicalHeader(name: string): string {
  return name.replace(/(^|-)([a-z])/g, (_, dash: string, c: string) => dash + c.toUpperCase());
}
