import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DescribeRegionsCommand } from '@aws-sdk/client-ec2';
import { afterEach, describe, expect, it } from 'vitest';
import { amazonSession } from '../../../../src/components/common/amazon/client.js';
import { waitBounds, waitFor } from '../../../../src/components/common/amazon/waiter.js';

/*
 * The client factory against a tiny EC2 endpoint on loopback (retries of
 * throttled calls happen in the SDK's middleware, which client mocks skip),
 * and the waiter's bounds, timeout wording and cancellation.
 */

const THROTTLED = `<?xml version="1.0" encoding="UTF-8"?>
<Response><Errors><Error><Code>RequestLimitExceeded</Code><Message>Request limit exceeded.</Message></Error></Errors><RequestID>r1</RequestID></Response>`;
const REGIONS = `<?xml version="1.0" encoding="UTF-8"?>
<DescribeRegionsResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><requestId>r2</requestId>
<regionInfo><item><regionName>us-east-1</regionName><regionEndpoint>ec2.us-east-1.amazonaws.com</regionEndpoint></item></regionInfo>
</DescribeRegionsResponse>`;

let server: Server | undefined;
afterEach(() => server?.close());

/** An endpoint that throttles the first `throttled` requests; resolves its URL and the Authorization headers seen. */
async function endpoint(throttled: number): Promise<{ url: string; auth: string[] }> {
  const auth: string[] = [];
  server = createServer((req, res) => {
    auth.push(req.headers.authorization ?? '');
    req.resume();
    req.on('end', () => {
      const fail = auth.length <= throttled;
      res.writeHead(fail ? 503 : 200, { 'content-type': 'text/xml' });
      res.end(fail ? THROTTLED : REGIONS);
    });
  });
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.88', resolve));
  return { url: `http://127.0.0.88:${(server.address() as AddressInfo).port}`, auth };
}

describe('amazonSession', () => {
  it('signs with access_key/secret_key for the region and retries RequestLimitExceeded', async () => {
    const { url, auth } = await endpoint(2);
    const session = await amazonSession({
      access_key: 'AKIDEXAMPLE',
      secret_key: 'secret',
      region: 'eu-west-1',
      custom_endpoint_ec2: url,
    } as never);
    try {
      const out = await session.ec2().send(new DescribeRegionsCommand({}));
      expect(out.Regions?.map((r) => r.RegionName)).toEqual(['us-east-1']);
      expect(session.region).toBe('eu-west-1');
      expect(auth).toHaveLength(3);
      expect(auth[0]).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/eu-west-1\/ec2\/aws4_request/);
    } finally {
      session.destroy();
    }
  });

  it('gives up after max_retries retries', async () => {
    const { url, auth } = await endpoint(100);
    const session = await amazonSession({
      access_key: 'AKIDEXAMPLE',
      secret_key: 'secret',
      region: 'us-east-1',
      custom_endpoint_ec2: url,
      max_retries: 1,
    } as never);
    try {
      await expect(session.ec2().send(new DescribeRegionsCommand({}))).rejects.toMatchObject({
        name: 'RequestLimitExceeded',
      });
      expect(auth).toHaveLength(2);
    } finally {
      session.destroy();
    }
  });
});

describe('waitFor', () => {
  it('polls until done, through the listed error codes', async () => {
    let n = 0;
    const value = await waitFor({
      what: 'thing',
      signal: new AbortController().signal,
      timeoutMs: 5000,
      minDelayMs: 1,
      retryCodes: ['InvalidAMIID.NotFound'],
      check: () => {
        n++;
        if (n === 1)
          return Promise.reject(Object.assign(new Error('nope'), { name: 'InvalidAMIID.NotFound', $fault: 'client' }));
        return Promise.resolve(n < 4 ? { done: false, seen: `poll ${n}` } : { done: true, value: n });
      },
    });
    expect(value).toBe(4);
  });

  it('says what it waited for and what it last saw when time runs out', async () => {
    await expect(
      waitFor({
        what: 'AMI ami-1 to become available',
        signal: new AbortController().signal,
        timeoutMs: 30,
        minDelayMs: 5,
        check: () => Promise.resolve({ done: false, seen: 'state pending' }),
      }),
    ).rejects.toThrow('Timed out waiting for AMI ami-1 to become available (last seen: state pending)');
  });

  it('fails at once on an error that is not listed, and stops when the signal aborts', async () => {
    const fatal = waitFor({
      what: 'x',
      signal: new AbortController().signal,
      timeoutMs: 1000,
      check: () => Promise.reject(new Error('AccessDenied')),
    });
    await expect(fatal).rejects.toThrow('AccessDenied');
    const controller = new AbortController();
    const started = Date.now();
    const waiting = waitFor({
      what: 'x',
      signal: controller.signal,
      timeoutMs: 60_000,
      minDelayMs: 10_000,
      check: () => Promise.resolve({ done: false, seen: '' }),
    });
    setTimeout(() => controller.abort(), 20);
    await expect(waiting).rejects.toThrow('context canceled');
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('derives its bounds from aws_polling and the AWS_* variables as the plugin does', () => {
    expect(waitBounds(undefined, 600_000, {})).toEqual({ timeoutMs: 600_000 });
    expect(waitBounds({ delay_seconds: 3, max_attempts: 10 }, 600_000, {})).toEqual({
      timeoutMs: 30_000,
      minDelayMs: 3000,
    });
    expect(waitBounds(undefined, 600_000, { AWS_MAX_ATTEMPTS: '5' })).toEqual({ timeoutMs: 10_000 });
    expect(waitBounds(undefined, 600_000, { AWS_TIMEOUT_SECONDS: '90', AWS_POLL_DELAY_SECONDS: '1' })).toEqual({
      timeoutMs: 90_000,
      minDelayMs: 1000,
    });
  });
});
