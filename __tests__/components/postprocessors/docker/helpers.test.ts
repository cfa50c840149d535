import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { registryOf, storedAuth } from '../../../../src/components/postprocessors/docker-push/stored-auth.js';
import { displayLine } from '../../../../src/communicator/docker/json-messages.js';
import { splitReference } from '../../../../src/components/postprocessors/docker/reference.js';

describe('splitReference', () => {
  it.each([
    ['repo', { repo: 'repo', tag: 'latest' }],
    ['repo:1.0', { repo: 'repo', tag: '1.0' }],
    ['org/repo:v', { repo: 'org/repo', tag: 'v' }],
    ['127.0.0.60:5000/org/repo', { repo: '127.0.0.60:5000/org/repo', tag: 'latest' }],
    ['127.0.0.60:5000/org/repo:2', { repo: '127.0.0.60:5000/org/repo', tag: '2' }],
  ])('%s', (reference, expected) => {
    expect(splitReference(reference)).toEqual(expected);
  });
});

describe('displayLine (jsonmessage.Display without a terminal)', () => {
  it.each([
    [{ status: 'The push refers to repository [h/r]' }, 'The push refers to repository [h/r]'],
    [{ status: 'Preparing', progressDetail: {}, id: 'abc123' }, 'abc123: Preparing'],
    [{ status: 'Pushing', progressDetail: { current: 512, total: 1024 }, id: 'abc123' }, undefined],
    [{ status: 'Pushing', progressDetail: { current: 512 }, id: 'abc123' }, undefined],
    [{ status: 'Waiting', progressDetail: { current: 0, total: 0 }, id: 'abc123' }, 'abc123: Waiting'],
    [{ progressDetail: {}, aux: { Tag: 'latest', Digest: 'sha256:x', Size: 1 } }, undefined],
    [{ error: 'denied', errorDetail: { message: 'denied' } }, undefined],
    [{ status: '  padded  ' }, 'padded'],
    [{}, undefined],
  ])('%j', (message, line) => {
    expect(displayLine(message)).toBe(line);
  });
});

describe('stored registry credentials', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'kiln-docker-config-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const encode = (s: string) => Buffer.from(s).toString('base64');
  writeFileSync(
    path.join(dir, 'config.json'),
    JSON.stringify({
      auths: {
        'https://index.docker.io/v1/': { auth: encode('hub:pw:with:colons') },
        'registry.example.com': { identitytoken: 'tok' },
        'localhost:5000': { auth: encode('local:pw') },
      },
      credsStore: 'desktop',
    }),
  );

  it.each([
    ['debian', 'https://index.docker.io/v1/'],
    ['org/app:1', 'https://index.docker.io/v1/'],
    ['registry.example.com/app', 'registry.example.com'],
    ['localhost/app', 'localhost'],
    ['127.0.0.60:5000/app:2', '127.0.0.60:5000'],
  ])('registry of %s is %s', (reference, registry) => {
    expect(registryOf(reference)).toBe(registry);
  });

  it.each([
    ['org/app', { username: 'hub', password: 'pw:with:colons', serveraddress: 'https://index.docker.io/v1/' }],
    ['registry.example.com/app:1', { identitytoken: 'tok', serveraddress: 'registry.example.com' }],
    ['localhost:5000/app', { username: 'local', password: 'pw', serveraddress: 'localhost:5000' }],
    ['other.example.com/app', undefined],
  ])('credentials for %s', async (reference, expected) => {
    expect(await storedAuth(reference, { DOCKER_CONFIG: dir })).toEqual(expected);
  });

  it('uses no credentials without DOCKER_CONFIG or with an unreadable config', async () => {
    expect(await storedAuth('org/app', {})).toBeUndefined();
    expect(await storedAuth('org/app', { DOCKER_CONFIG: path.join(dir, 'missing') })).toBeUndefined();
  });
});
