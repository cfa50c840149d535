import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { Ec2Error } from './errors.js';

/*
 * Checks an AWS Signature Version 4 Authorization header against the one credential
 * the emulator knows, the way AWS does, and yields the region of the credential scope.
 */

export interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
}

export interface SignedScope {
  region: string;
  service: string;
}

const AUTH =
  /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request, ?SignedHeaders=([^,]+), ?Signature=([0-9a-f]{64})$/;

const hmac = (key: Buffer | string, data: string) => createHmac('sha256', key).update(data).digest();
const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');

export function verifySignature(
  method: string,
  url: string,
  headers: IncomingHttpHeaders,
  body: Buffer,
  credentials: Credentials,
): SignedScope {
  const header = headers.authorization;
  if (!header) throw new Ec2Error('AuthFailure', 'AWS was not able to validate the provided access credentials', 401);
  const match = AUTH.exec(header.trim());
  if (!match) throw new Ec2Error('IncompleteSignature', `Authorization header is malformed: ${header}`, 400);
  const [, accessKeyId, date, region, service, signedHeaders, signature] = match as unknown as string[];
  if (accessKeyId !== credentials.accessKeyId) {
    throw new Ec2Error('AuthFailure', 'AWS was not able to validate the provided access credentials', 401);
  }
  const amzDate = headerValue(headers, 'x-amz-date');
  if (!amzDate?.startsWith(date ?? '')) {
    throw new Ec2Error('AuthFailure', 'Credential should be scoped to a valid date.', 401);
  }
  const [path = '/', query = ''] = url.split('?');
  const names = (signedHeaders ?? '').split(';');
  const canonicalRequest = [
    method,
    path,
    canonicalQuery(query),
    names.map((name) => `${name}:${canonicalHeader(headerValue(headers, name) ?? '')}\n`).join(''),
    signedHeaders,
    headerValue(headers, 'x-amz-content-sha256') ?? sha256(body),
  ].join('\n');
  const scope = `${date}/${region}/${service}/aws4_request`;
  const stringToSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256(canonicalRequest)].join('\n');
  let key = hmac(`AWS4${credentials.secretAccessKey}`, date ?? '');
  for (const part of [region ?? '', service ?? '', 'aws4_request']) key = hmac(key, part);
  const expected = createHmac('sha256', key).update(stringToSign).digest();
  if (!timingSafeEqual(expected, Buffer.from(signature ?? '', 'hex'))) {
    throw new Ec2Error(
      'SignatureDoesNotMatch',
      'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.',
      403,
    );
  }
  return { region: region ?? '', service: service ?? '' };
}

function headerValue(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name.toLowerCase()];
  return Array.isArray(value) ? value.join(',') : value;
}

function canonicalHeader(value: string): string {
  return value.trim().replace(/\s+/g, ' ');
}

function canonicalQuery(query: string): string {
  if (!query) return '';
  return query
    .split('&')
    .map((pair) => pair.split('=').map((part) => encodeRfc3986(decodeURIComponent(part.replace(/\+/g, ' ')))))
    .map(([k = '', v = '']) => [k, v] as const)
    .sort(([a, av], [b, bv]) => (a === b ? (av < bv ? -1 : 1) : a < b ? -1 : 1))
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
}

function encodeRfc3986(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
