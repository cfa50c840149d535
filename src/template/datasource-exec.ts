import { Value } from '../eval/value.js';

/*
 * Executing the data sources Kiln runs natively (Packer's datasource/http and
 * datasource/null Execute). Undefined for a type Kiln cannot execute: its value
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
