import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifactServiceProblem, checksumFiles, stagedChecksumPath } from '../../src/action/artifacts.js';
import { CHECKSUM_BUILDER_ID } from '../../src/components/postprocessors/checksum/post-processor.js';
import type { BuildRecord } from '../../src/action/run-record.js';
import { runtimeToken, startFakeResultsService, type FakeResultsService } from './support/fake-results-service.js';
import { bundleAction, runAction, runActionAsync, tempTree, type ActionBundle } from './support/run-action.js';

/*
 * The run's workflow artifact: which files go in (unit), and a real upload by
 * @actions/artifact to a local results service (support/fake-results-service.ts
 * on 127.0.0.71), whose zip is opened and read back; a missing or refusing
 * service gives a notice and the step still succeeds.
 */

const HOST = '127.0.0.71';
const SECRET = 'canary-5b1e07';

const record = (name: string, artifacts: { builderId: string; files: string[] }[]): BuildRecord => ({
  name,
  steps: [],
  artifacts: artifacts.map((a) => ({ ...a, id: '', description: '' })),
});

describe('checksumFiles', () => {
  it('takes the files checksum artifacts add, not the files they summed, once each', () => {
    const records = [
      record('file.a', [
        { builderId: 'packer.file', files: ['out/a.txt'] },
        { builderId: CHECKSUM_BUILDER_ID, files: ['out/a.txt', 'sums/a_md5.checksum'] },
        { builderId: CHECKSUM_BUILDER_ID, files: ['/ws/out/a.txt', '/abs/a_sha256.checksum'] },
      ]),
      record('null.b', [{ builderId: 'null', files: [] }]),
      record('file.c', [
        { builderId: CHECKSUM_BUILDER_ID, files: ['out/c.txt', 'sums/all.checksum'] },
        { builderId: CHECKSUM_BUILDER_ID, files: ['sums/all.checksum'] },
      ]),
    ];
    expect(checksumFiles(records, '/ws')).toEqual([
      '/ws/sums/a_md5.checksum',
      '/abs/a_sha256.checksum',
      // No other artifact of file.c holds out/c.txt (its input was not kept), so it goes too.
      '/ws/out/c.txt',
      '/ws/sums/all.checksum',
    ]);
  });

  it.each([
    ['/ws/sums/a.checksum', 'checksums/sums/a.checksum'],
    ['/ws/a.checksum', 'checksums/a.checksum'],
    ['/elsewhere/b.checksum', 'checksums/b.checksum'],
    ['/ws2/c.checksum', 'checksums/c.checksum'],
  ])('stages %s as %s', (file, staged) => {
    expect(stagedChecksumPath(file, '/ws')).toBe(staged);
  });
});

describe('artifactServiceProblem', () => {
  const ok = { ACTIONS_RUNTIME_TOKEN: 't', ACTIONS_RESULTS_URL: 'https://results' };
  it.each([
    [ok, undefined],
    [{ ...ok, GITHUB_SERVER_URL: 'https://github.com' }, undefined],
    [{ ...ok, GITHUB_SERVER_URL: 'https://acme.ghe.com' }, undefined],
    [
      { ...ok, GITHUB_SERVER_URL: 'https://git.acme.internal' },
      'GitHub Enterprise Server does not support artifacts uploaded with @actions/artifact v2 and later',
    ],
    [{ ACTIONS_RESULTS_URL: 'https://results' }, 'ACTIONS_RUNTIME_TOKEN is not set (a local run?)'],
    [{ ACTIONS_RUNTIME_TOKEN: 't' }, 'ACTIONS_RESULTS_URL is not set'],
  ])('%j -> %s', (env, problem) => {
    expect(artifactServiceProblem(env)).toBe(problem);
  });
});

const template = `
variable "token" {
  type      = string
  sensitive = true
}
source "file" "a" {
  content = "built"
  target  = "out/a.txt"
}
build {
  sources = ["source.file.a"]
  provisioner "shell-local" {
    inline = ["echo token=\${var.token}"]
  }
  post-processor "checksum" {
    checksum_types = ["md5", "sha256"]
    output         = "sums/{{.BuildName}}_{{.ChecksumType}}.checksum"
  }
}
`;

const hash = (algorithm: string, text: string | Buffer) => createHash(algorithm).update(text).digest('hex');

describe('the action uploads the run artifact', () => {
  let bundle: ActionBundle;
  let service: FakeResultsService;
  beforeAll(async () => {
    bundle = bundleAction();
    service = await startFakeResultsService(HOST);
  });
  afterAll(async () => {
    bundle.dispose();
    await service.close();
  });

  const env = () => ({
    ACTIONS_RESULTS_URL: service.url,
    ACTIONS_RUNTIME_TOKEN: runtimeToken('run-backend-1', 'job-backend-7'),
    GITHUB_JOB: 'images',
    GITHUB_RUN_ATTEMPT: '2',
  });
  const build = (inputs: Record<string, string>) =>
    runActionAsync(
      bundle,
      { command: 'build', variables: `token=${SECRET}`, ...inputs },
      { workspace: tempTree({ 't.pkr.hcl': template }), env: env() },
    );

  it('uploads the manifest, the masked debug log and the checksum files under the default name', async () => {
    const r = await build({ debug: 'true' });
    expect(r.status).toBe(0);
    const uploaded = service.artifacts.at(-1);
    expect(uploaded).toMatchObject({
      name: 'kiln-images-2',
      runBackendId: 'run-backend-1',
      jobBackendId: 'job-backend-7',
      finalized: true,
    });
    expect(r.stdout).toContain(
      `Kiln uploaded the artifact kiln-images-2 (id ${uploaded?.id}, ` +
        `${service.blobs.get(`/blob/artifact/${uploaded?.id}`)?.length} bytes): packer-manifest.json, packer.log, ` +
        'checksums/sums/a_md5.checksum, checksums/sums/a_sha256.checksum\n',
    );

    const zip = join(tmpdir(), `kiln-artifact-${uploaded?.id}.zip`);
    writeFileSync(zip, service.blobs.get(`/blob/artifact/${uploaded?.id}`) ?? Buffer.alloc(0));
    expect(uploaded?.hash).toBe(`sha256:${hash('sha256', readFileSync(zip))}`);
    const entry = (name: string) => execFileSync('unzip', ['-p', zip, name], { encoding: 'utf8' });
    expect(execFileSync('unzip', ['-Z1', zip], { encoding: 'utf8' }).split('\n').filter(Boolean).sort()).toEqual([
      'checksums/sums/a_md5.checksum',
      'checksums/sums/a_sha256.checksum',
      'packer-manifest.json',
      'packer.log',
    ]);
    expect(entry('packer-manifest.json')).toBe(readFileSync(r.outputs['manifest'] ?? '', 'utf8'));
    expect(entry('checksums/sums/a_md5.checksum')).toBe(`${hash('md5', 'built')}\ta.txt\n`);
    expect(entry('checksums/sums/a_sha256.checksum')).toBe(`${hash('sha256', 'built')}\ta.txt\n`);
    const log = entry('packer.log');
    expect(log).toBe(r.stderr);
    expect(log).toMatch(/^\d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d Build debug mode: false$/m);
    expect(log).not.toContain(SECRET);
  }, 30_000);

  it('uploads under artifact-name, without a debug log when debug is off', async () => {
    const r = await build({ 'artifact-name': 'images-linux' });
    expect(r.status).toBe(0);
    expect(service.artifacts.at(-1)?.name).toBe('images-linux');
    expect(r.stdout).toMatch(
      /^Kiln uploaded the artifact images-linux \(id \d+, \d+ bytes\): packer-manifest.json, checksums\/sums\/a_md5.checksum, checksums\/sums\/a_sha256.checksum$/m,
    );
  }, 30_000);

  it('uploads nothing with upload-artifact: false', async () => {
    const before = service.artifacts.length;
    const r = await build({ 'upload-artifact': 'false' });
    expect(r.status).toBe(0);
    expect(service.artifacts).toHaveLength(before);
    expect(r.stdout).not.toMatch(/Kiln (did not )?upload/);
  }, 30_000);

  it('gives a notice, and succeeds, when the service refuses the artifact', async () => {
    service.refuseArtifacts = true;
    try {
      const r = await build({});
      expect(r.status).toBe(0);
      expect(r.stdout.split('\n').filter((l) => l.startsWith('::notice::'))).toEqual([
        '::notice::Kiln did not upload the artifact kiln-images-2: CreateArtifact: response from backend was not ok',
      ]);
    } finally {
      service.refuseArtifacts = false;
    }
  }, 30_000);
});

describe('the action without an artifact service', () => {
  let bundle: ActionBundle;
  beforeAll(() => {
    bundle = bundleAction();
  });
  afterAll(() => bundle.dispose());

  it('says so in one notice on GitHub Enterprise Server, and succeeds', () => {
    const r = runAction(
      bundle,
      { command: 'build', 'artifact-name': 'x' },
      {
        workspace: tempTree({
          't.pkr.hcl': 'source "null" "b" {\n  communicator = "none"\n}\nbuild {\n  sources = ["source.null.b"]\n}\n',
        }),
        env: {
          GITHUB_SERVER_URL: 'https://git.acme.internal',
          ACTIONS_RUNTIME_TOKEN: 't',
          ACTIONS_RESULTS_URL: 'http://127.0.0.71:9',
        },
      },
    );
    expect(r.status).toBe(0);
    expect(r.stdout.split('\n').filter((l) => l.startsWith('::notice::'))).toEqual([
      '::notice::Kiln did not upload the artifact x: ' +
        'GitHub Enterprise Server does not support artifacts uploaded with @actions/artifact v2 and later.',
    ]);
  });
});
