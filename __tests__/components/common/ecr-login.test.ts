import { ECRClient, GetAuthorizationTokenCommand } from '@aws-sdk/client-ecr';
import {
  ECRPUBLICClient,
  GetAuthorizationTokenCommand as GetPublicAuthorizationTokenCommand,
} from '@aws-sdk/client-ecr-public';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runBuild } from '../../../src/cli/build.js';
import { importArtifact } from '../../../src/components/builders/docker/artifact.js';
import { decodeToken, ecrGetLogin } from '../../../src/components/common/ecr-login.js';
import { runDockerPush } from '../../../src/components/postprocessors/docker-push/post-processor.js';
import { recordingContext } from '../postprocessors/docker/fixtures.js';
import { memoryIO } from '../../support/cli.js';
import { BASE_IMAGE, engine, ensureBaseImage } from '../../support/docker.js';
import { startRegistry, type Registry } from '../../support/registry.js';

const ecr = mockClient(ECRClient);
const ecrPublic = mockClient(ECRPUBLICClient);
const keys = { aws_access_key: 'AKIDEXAMPLE', aws_secret_key: 'secret' };
const token = (text: string) => Buffer.from(text).toString('base64');

afterEach(() => {
  ecr.reset();
  ecrPublic.reset();
});

describe('ecrGetLogin', () => {
  it('asks private ECR in the region and for the account of the login server', async () => {
    ecr.on(GetAuthorizationTokenCommand).resolves({ authorizationData: [{ authorizationToken: token('AWS:pa:ss') }] });
    const login = await ecrGetLogin(keys, 'https://123456789012.dkr.ecr.eu-west-3.amazonaws.com/repo');
    expect(login).toEqual({ username: 'AWS', password: 'pa:ss' });
    const [call] = ecr.commandCalls(GetAuthorizationTokenCommand);
    expect(call?.args[0].input).toEqual({ registryIds: ['123456789012'] });
    const client = call?.thisValue as ECRClient;
    expect(await client.config.region()).toBe('eu-west-3');
    expect(await client.config.credentials()).toMatchObject({ accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' });
    expect(ecrPublic.calls()).toEqual([]);
  });

  it.each([
    ['a public.ecr.aws address', 'public.ecr.aws/kiln/app', {}],
    ['aws_force_use_public_ecr', '123456789012.dkr.ecr.eu-west-3.amazonaws.com', { aws_force_use_public_ecr: true }],
  ])('asks ECR Public in us-east-1 for %s', async (_what, server, extra) => {
    ecrPublic
      .on(GetPublicAuthorizationTokenCommand)
      .resolves({ authorizationData: { authorizationToken: token('AWS:public') } });
    expect(await ecrGetLogin({ ...keys, ...extra }, server)).toEqual({ username: 'AWS', password: 'public' });
    const [call] = ecrPublic.commandCalls(GetPublicAuthorizationTokenCommand);
    expect(await (call?.thisValue as ECRPUBLICClient).config.region()).toBe('us-east-1');
    expect(ecr.calls()).toEqual([]);
  });

  it('refuses a login server that is no ECR address', async () => {
    await expect(ecrGetLogin(keys, 'registry.example.com')).rejects.toThrow(
      'Failed to parse the ECR URL: registry.example.com it should be on the form <account number>.dkr.ecr.<region>.amazonaws.com',
    );
  });

  it('reports the service error as code and message', async () => {
    const denied = Object.assign(new Error('User is not authorized'), {
      name: 'AccessDeniedException',
      $fault: 'client',
    });
    ecr.on(GetAuthorizationTokenCommand).rejects(denied);
    await expect(ecrGetLogin(keys, '1.dkr.ecr.us-east-1.amazonaws.com')).rejects.toThrow(
      'AccessDeniedException: User is not authorized',
    );
  });

  it.each([
    ['QVdTOnB3', { username: 'AWS', password: 'pw' }],
    ['QVdT', 'Error decoding ECR AuthorizationToken: no "user:password" in the token'],
    ['QVdTOn*w', 'Error decoding ECR AuthorizationToken: illegal base64 data at input byte 6'],
    ['QVdTOnB', 'Error decoding ECR AuthorizationToken: illegal base64 data at input byte 7'],
  ])('decodes the token %s', (text, expected) => {
    if (typeof expected === 'string') expect(() => decodeToken(text, 'ECR AuthorizationToken')).toThrow(expected);
    else expect(decodeToken(text, 'ECR AuthorizationToken')).toEqual(expected);
  });
});

describe('ecr_login against a password-protected registry', () => {
  const password = `ecr-${randomBytes(6).toString('hex')}`;
  // The account and region are read from the path; the engine logs in to the host.
  const account = '123456789012';
  let registry: Registry;
  let work: string;
  let image: string;

  beforeAll(async () => {
    await ensureBaseImage();
    registry = await startRegistry('127.0.0.63', 5000, { user: { name: 'AWS', password } });
    work = mkdtempSync(path.join(tmpdir(), 'kiln-ecr-'));
    image = `${registry.address}/kiln-ecr/base:${randomBytes(4).toString('hex')}`;
    const [repo = '', tag = ''] = image.split(/:(?=[^:]+$)/);
    await engine.getImage(BASE_IMAGE).tag({ repo, tag });
    const auth = { username: 'AWS', password, serveraddress: registry.address };
    const stream = await engine.getImage(image).push({ authconfig: auth });
    await new Promise((resolve, reject) =>
      engine.modem.followProgress(stream, (error: Error | null) => (error ? reject(error) : resolve(undefined))),
    );
    // Only the registry has it now, so the build's pull must log in.
    await engine.getImage(image).remove();
  }, 300_000);

  afterAll(async () => {
    await engine
      .getImage(image)
      .remove()
      .catch(() => undefined);
    await registry?.stop();
    rmSync(work, { recursive: true, force: true });
  });

  const build = async (tokenText: string) => {
    ecr.on(GetAuthorizationTokenCommand).resolves({ authorizationData: [{ authorizationToken: token(tokenText) }] });
    const name = `e${randomBytes(4).toString('hex')}`;
    writeFileSync(
      path.join(work, 't.pkr.hcl'),
      `
source "docker" "${name}" {
  image          = "${image}"
  discard        = true
  ecr_login      = true
  login_server   = "${registry.address}/${account}.dkr.ecr.us-east-1.amazonaws.com"
  aws_access_key = "AKIDEXAMPLE"
  aws_secret_key = "secret"
}
build { sources = ["source.docker.${name}"] }
`,
    );
    const { io, stdout } = memoryIO({ cwd: work });
    const code = await runBuild(['-color=false', 't.pkr.hcl'], io);
    return { code, stdout: stdout(), prefix: `docker.${name}` };
  };

  it('pulls with the user and password of the ECR token', async () => {
    const { code, stdout, prefix } = await build(`AWS:${password}`);
    expect(code).toBe(0);
    expect(stdout).toContain(
      [
        `==> ${prefix}: Pulling Docker image: ${image}`,
        `    ${prefix}: Fetching ECR credentials...`,
        `    ${prefix}: Logging in...`,
      ].join('\n'),
    );
    expect(stdout).toContain(
      `    ${prefix}: Status: Downloaded newer image for ${image}\n    ${prefix}: Logging out...\n`,
    );
    expect(ecr.commandCalls(GetAuthorizationTokenCommand).map((c) => c.args[0].input)).toEqual([
      { registryIds: [account] },
    ]);
    expect((await engine.getImage(image).inspect()).RepoTags).toContain(image);
  }, 120_000);

  it('fails the login when the token does not open the registry', async () => {
    const { code, stdout, prefix } = await build('AWS:wrong');
    expect(code).toBe(1);
    expect(stdout).toContain(
      `==> ${prefix}: Error logging in: login attempt to http://${registry.address}/v2/ failed with status: 401 Unauthorized\n`,
    );
    expect(stdout).not.toContain('Starting docker container');
  }, 120_000);

  it('pushes with docker-push and the same ECR login', async () => {
    ecr
      .on(GetAuthorizationTokenCommand)
      .resolves({ authorizationData: [{ authorizationToken: token(`AWS:${password}`) }] });
    const pushed = `${registry.address}/kiln-ecr/pushed:${randomBytes(4).toString('hex')}`;
    const [repo = '', tag = ''] = pushed.split(/:(?=[^:]+$)/);
    await engine.getImage(BASE_IMAGE).tag({ repo, tag });
    try {
      const { ctx, lines } = recordingContext();
      const config = {
        ecr_login: true,
        login_server: `${registry.address}/${account}.dkr.ecr.us-east-1.amazonaws.com`,
        aws_access_key: 'AKIDEXAMPLE',
        aws_secret_key: 'secret',
      };
      await runDockerPush(config, importArtifact(pushed), ctx);
      expect(lines.slice(0, 4)).toEqual([
        'message: Fetching ECR credentials...',
        'message: Logging in...',
        'message: Login Succeeded',
        `message: Pushing: ${pushed}`,
      ]);
      expect(lines.at(-1)).toBe('message: Logging out...');
      expect(await registry.tags('kiln-ecr/pushed')).toContain(tag);
    } finally {
      await engine.getImage(pushed).remove();
    }
  }, 120_000);
});
